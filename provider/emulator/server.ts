// The HTTP side of the emulator: one node:http server and the life of each request through it.
//
// Order of handling, and why:
//   1. Every request gets an X-Fc-Request-Id (set before anything can fail, so every answer has one) and
//      is counted in flight.
//   2. The body is read whole (FC bodies here are small; a limit answers 400 EntityTooLarge).
//   3. Fault rules, then (for a request no rule faulted) the fault mix. They model the network and the
//      gateway in front of FC, so they act before any checking: a fault fires even for a request that
//      would fail its signature, and a `delay` fault delays and then lets the request go on (a delay
//      rule, then the mix's draw; a delay from the mix, then step 4).
//   4. The rate limit, also a gateway concern: a throttled request is refused before it is authenticated.
//   5. Signature (see signature.ts), then the X-Fc-Account-Id check against the key's account.
//   6. Routing and the API itself: routes.ts for FC 2.0 (/2021-04-06/...), fc3Routes.ts for FC 3.0
//      (/2023-03-30/...). Every error on an FC 3.0 path is POP style, whatever `errorStyle` says: that is the
//      only style FC 3.0 answers in (a fault that names its own style still gets it).
// Each exchange is recorded once, when the response closes: in completion order, with the arrival time.

import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { accessDenied, type ErrorStyle, FcError, internalServerError, renderError, resourceExhausted } from "./errors";
import { DEFAULT_REGION } from "./defaults";
import { FaultBook, FaultDraw, TokenBucket } from "./faults";
import { answerWithFault } from "./faultAnswers";
import { serveFc3Api } from "./fc3Routes";
import { serveApi } from "./routes";
import { parseAuthorization, verifyRequest } from "./signature";
import type { EmulatorStore } from "./store";
import type { EmulatorCredential, FaultMix, RateLimit, RecordedRequest } from "./types";
import { decodeLenient, distinctHeaders, isFc3Path, lastValue, logRequest, parseTarget, readBody, sendAnswer } from "./wire";

/** Largest request body accepted; an async-invoke config is a few hundred bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Fixed settings of a server. */
export interface ServerSettings {
    accountId: string;
    credentials: readonly EmulatorCredential[];
    errorStyle: "fc" | "pop";
    /** The region in FC 3.0 `functionArn`s. Default {@link DEFAULT_REGION}. */
    region?: string;
    quiet: boolean;
    /** Decides whether a temporary key has expired, in epoch ms. */
    clock: () => number;
}

/** What happened to one request, filled in while it is handled and read when it is recorded. */
interface Outcome {
    errorCode?: string;
    fault?: RecordedRequest["fault"];
}

/** A pending `delay` fault, kept so that close() can end it instead of leaving a timer behind. */
interface PendingWait {
    timer: NodeJS.Timeout;
    resolve: () => void;
}

/** The emulator's HTTP server. Created stopped; {@link listen} starts it. */
export class EmulatorServer {
    /** Every exchange, in completion order. Cleared in place by {@link resetLog}. */
    readonly requests: RecordedRequest[] = [];
    /** The armed fault rules. */
    readonly faults = new FaultBook();

    private readonly http: Server;
    private readonly keys = new Map<string, EmulatorCredential>();
    private bucket: TokenBucket | undefined;
    private draw: FaultDraw | undefined;
    private inFlight = 0;
    private peak = 0;
    private readonly waits = new Set<PendingWait>();
    /** Called when the last request in flight has been recorded; close() waits on this. */
    private readonly onIdle: Array<() => void> = [];
    private closing: Promise<void> | undefined;

    /**
     * @param settings Accounts, keys and styles; the credentials must be non-empty with unique key ids.
     * @param store The data served.
     */
    constructor(
        private readonly settings: ServerSettings,
        private readonly store: EmulatorStore,
    ) {
        for (const credential of settings.credentials) {
            this.keys.set(credential.accessKeyId, credential);
        }
        this.http = createServer((req, res) => this.onRequest(req, res));
        // Longer than the 5 s default, so a client's pooled keep-alive socket is not closed under it
        // while a test waits (a closed-under-you socket shows up as a spurious ECONNRESET).
        this.http.keepAliveTimeout = 65_000;
    }

    /** Starts listening; resolves with the bound address. */
    listen(host: string, port: number): Promise<AddressInfo> {
        return new Promise((resolve, reject) => {
            const onError = (error: Error): void => reject(error);
            this.http.once("error", onError);
            this.http.listen(port, host, () => {
                this.http.off("error", onError);
                resolve(this.http.address() as AddressInfo);
            });
        });
    }

    /** Accepts one more key from now on (a temporary key STS issued, say); a key id given before is replaced. */
    addCredential(credential: EmulatorCredential): void {
        this.keys.set(credential.accessKeyId, { ...credential });
    }

    /** Sets or removes the rate limit; a new limit starts with a full bucket. */
    setRateLimit(limit: RateLimit | undefined): void {
        this.bucket = limit === undefined ? undefined : new TokenBucket({ ...limit });
    }

    /** Sets or removes the fault mix; a new mix starts from its seed. */
    setFaultMix(mix: FaultMix | undefined): void {
        this.draw = mix === undefined ? undefined : new FaultDraw(mix);
    }

    /** The highest number of requests in flight at once since start or {@link resetLog}. */
    maxInFlight(): number {
        return this.peak;
    }

    /** Clears the log; the in-flight peak restarts from what is in flight now. */
    resetLog(): void {
        this.requests.length = 0;
        this.peak = this.inFlight;
    }

    /**
     * Stops the server, ends pending delays and destroys every connection, idle keep-alive ones included.
     * Resolves once every request has been recorded, so `requests` is complete when it does.
     */
    close(): Promise<void> {
        if (this.closing === undefined) {
            this.closing = new Promise<void>((resolve) => {
                for (const wait of this.waits) {
                    clearTimeout(wait.timer);
                    wait.resolve();
                }
                this.waits.clear();
                this.http.close(() => resolve());
                this.http.closeAllConnections();
            }).then(() => this.idle());
        }
        return this.closing;
    }

    /** Resolves when no request is in flight. A destroyed socket's response emits 'close' a tick later. */
    private idle(): Promise<void> {
        return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.onIdle.push(resolve));
    }

    private onRequest(req: IncomingMessage, res: ServerResponse): void {
        const at = Date.now();
        const requestId = randomUUID();
        const method = (req.method ?? "GET").toUpperCase();
        const target = parseTarget(req.url ?? "/");
        const headers = distinctHeaders(req.headersDistinct);
        const outcome: Outcome = {};
        res.setHeader("X-Fc-Request-Id", requestId);
        this.inFlight += 1;
        this.peak = Math.max(this.peak, this.inFlight);
        res.on("close", () => {
            this.inFlight -= 1;
            // Not finished means no complete answer went out: a reset fault or a caller that left first.
            const status = res.writableFinished ? res.statusCode : 0;
            const record: RecordedRequest = { method, path: target.rawPath, query: { ...target.query }, status, requestId, at };
            const accountId = lastValue(headers["x-fc-account-id"]);
            const traceId = lastValue(headers["x-fc-trace-id"]);
            const authorization = lastValue(headers["authorization"]);
            const securityToken = lastValue(headers["x-acs-security-token"]);
            const accessKeyId = authorization === undefined ? undefined : parseAuthorization(authorization)?.accessKeyId;
            if (accountId !== undefined) record.accountId = accountId;
            if (traceId !== undefined) record.traceId = traceId;
            if (accessKeyId !== undefined) record.accessKeyId = accessKeyId;
            if (securityToken !== undefined) record.securityToken = securityToken;
            if (outcome.errorCode !== undefined) record.errorCode = outcome.errorCode;
            if (outcome.fault !== undefined) record.fault = outcome.fault;
            this.requests.push(record);
            if (!this.settings.quiet) {
                logRequest(record, target.rawQuery, Date.now() - at);
            }
            if (this.inFlight === 0) {
                this.onIdle.splice(0).forEach((resolve) => resolve());
            }
        });
        res.on("error", () => {
            // Writing to a socket the caller already closed; nothing to answer any more.
        });
        this.handle(req, res, method, target, headers, outcome).catch((error: unknown) => {
            // Reaching here is an emulator bug: say so on stderr (no request data, so no secrets) and answer 500.
            process.stderr.write(`fc-emulator: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
            this.sendError(res, internalServerError(), this.errorStyleFor(target.rawPath), requestId, outcome);
        });
    }

    private async handle(
        req: IncomingMessage,
        res: ServerResponse,
        method: string,
        target: ReturnType<typeof parseTarget>,
        headers: Record<string, string[]>,
        outcome: Outcome,
    ): Promise<void> {
        const requestId = res.getHeader("X-Fc-Request-Id") as string;
        const style = this.errorStyleFor(target.rawPath);
        let body: Buffer;
        try {
            body = await readBody(req, MAX_BODY_BYTES);
        } catch (error) {
            if (error instanceof FcError) {
                this.sendError(res, error, style, requestId, outcome);
            }
            return;
        }

        // A delay rule models the round trip: after it, the mix still draws for the request.
        const rule = this.faults.take(method, [target.rawPath, decodeLenient(target.rawPath)], target.query);
        if (rule?.kind === "delay" && !(await this.delay(rule.ms, res))) {
            return;
        }
        const fault = rule !== undefined && rule.kind !== "delay" ? rule : this.draw?.next();
        if (fault?.kind === "delay") {
            if (!(await this.delay(fault.ms, res))) {
                return;
            }
        } else if (fault !== undefined) {
            outcome.fault = fault.kind;
            answerWithFault(req, res, fault, style, (error, errorStyle) => this.sendError(res, error, errorStyle, requestId, outcome));
            return;
        }

        if (this.bucket !== undefined && !this.bucket.tryTake()) {
            this.sendError(res, resourceExhausted(this.bucket.limit.retryAfterSeconds), style, requestId, outcome);
            return;
        }

        try {
            const credential = verifyRequest(
                { method, rawPath: target.rawPath, query: target.query, headers, body },
                (id) => this.keys.get(id),
                this.settings.clock(),
            );
            const account = credential.accountId ?? this.settings.accountId;
            const claimed = lastValue(headers["x-fc-account-id"]);
            if (claimed !== undefined && claimed !== account) {
                throw accessDenied(`the account id '${claimed}' in X-Fc-Account-Id is not the account of access key '${credential.accessKeyId}'`);
            }
            const request = { method, rawPath: target.rawPath, query: target.query, body };
            const reply = isFc3Path(target.rawPath)
                ? serveFc3Api(request, this.store.fc3, { accountId: account, region: this.settings.region ?? DEFAULT_REGION })
                : serveApi(request, this.store);
            if (reply.status === 204) {
                sendAnswer(res, 204, {}, undefined);
            } else {
                sendAnswer(res, 200, { "Content-Type": "application/json" }, JSON.stringify(reply.body));
            }
        } catch (error) {
            if (error instanceof FcError) {
                this.sendError(res, error, style, requestId, outcome);
                return;
            }
            throw error;
        }
    }

    /** The error style of a path: POP for the FC 3.0 view, the configured style for everything else. */
    private errorStyleFor(rawPath: string): ErrorStyle {
        return isFc3Path(rawPath) ? "pop" : this.settings.errorStyle;
    }

    private sendError(res: ServerResponse, error: FcError, style: ErrorStyle, requestId: string, outcome: Outcome): void {
        const rendered = renderError(error, style, requestId);
        outcome.errorCode = error.code;
        sendAnswer(res, rendered.status, rendered.headers, rendered.body);
    }

    /** Waits `ms`; false when the caller went away meanwhile (nothing left to answer). */
    private async delay(ms: number, res: ServerResponse): Promise<boolean> {
        await this.wait(ms);
        return !res.destroyed;
    }

    private wait(ms: number): Promise<void> {
        return new Promise((resolve) => {
            const pending: PendingWait = {
                timer: setTimeout(() => {
                    this.waits.delete(pending);
                    resolve();
                }, ms),
                resolve,
            };
            this.waits.add(pending);
        });
    }
}
