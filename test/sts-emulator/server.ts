// The STS stand-in's HTTPS server: RPC style, every request a POST to `/` whose parameters are in the
// query, the form body, or both. Order of handling: request id; body; parameters; action (the
// `x-acs-action` header of SDK calls, else `Action`); authentication, by whichever signature the request
// carries (ACS3 through the FC stand-in's verifier, or v1), none only for AssumeRoleWithOIDC; the action.

import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FcError } from "../../provider/emulator/errors";
import { verifyRequest } from "../../provider/emulator/signature";
import type { EmulatorCredential } from "../../provider/emulator/types";
import { decodeLenient, distinctHeaders, parseTarget } from "../../provider/emulator/wire";
import { assumeRole, assumeRoleWithOidc, getCallerIdentity, newRequestId, type StsState } from "./actions";
import { actionNotFound, fromAcs3Failure, missingParameter, renderStsError } from "./errors";
import { verifyV1 } from "./signatureV1";
import type { StsRecordedRequest } from "./types";

const MAX_BODY_BYTES = 64 * 1024;

/** The server; created stopped, {@link listen} starts it. */
export class StsServer {
    readonly requests: StsRecordedRequest[] = [];
    private readonly https: Server;

    constructor(
        tls: { key: string; cert: string },
        private readonly state: StsState,
    ) {
        this.https = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
            this.handle(req, res).catch((error: unknown) => {
                process.stderr.write(`sts-emulator: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
                res.destroy();
            });
        });
        this.https.keepAliveTimeout = 65_000;
    }

    listen(host: string, port: number): Promise<AddressInfo> {
        return new Promise((resolve, reject) => {
            this.https.once("error", reject);
            this.https.listen(port, host, () => {
                this.https.off("error", reject);
                resolve(this.https.address() as AddressInfo);
            });
        });
    }

    close(): Promise<void> {
        return new Promise((resolve) => {
            this.https.close(() => resolve());
            this.https.closeAllConnections();
        });
    }

    private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const requestId = newRequestId();
        const at = this.state.clock();
        const method = (req.method ?? "POST").toUpperCase();
        const target = parseTarget(req.url ?? "/");
        const headers = distinctHeaders(req.headersDistinct);
        const body = await readBody(req);
        const params: Record<string, string> = { ...target.query, ...formOf(headers, body) };
        const action = headers["x-acs-action"]?.[0] ?? params.Action ?? "";
        const record: StsRecordedRequest = { action, signature: "none", params: withoutSignature(params), status: 0, requestId, at };
        try {
            if (method !== "POST" && method !== "GET") {
                throw actionNotFound(action);
            }
            const caller = this.authenticate(method, target.rawPath, target.query, headers, body, params, record);
            const answer = this.dispatch(action, caller, params, requestId);
            this.send(res, record, 200, JSON.stringify(answer));
        } catch (error) {
            if (!(error instanceof FcError)) {
                throw error;
            }
            record.code = error.code;
            this.send(res, record, error.status, renderStsError(error, requestId));
        }
    }

    /** The caller of a signed request, undefined for an unsigned one. */
    private authenticate(
        method: string,
        rawPath: string,
        query: Record<string, string>,
        headers: Record<string, string[]>,
        body: Buffer,
        params: Record<string, string>,
        record: StsRecordedRequest,
    ): EmulatorCredential | undefined {
        const lookup = (id: string): EmulatorCredential | undefined => this.state.keys.get(id);
        if (headers["authorization"] !== undefined) {
            record.signature = "ACS3";
            try {
                const credential = verifyRequest({ method, rawPath, query, headers, body }, lookup, this.state.clock());
                record.accessKeyId = credential.accessKeyId;
                return credential;
            } catch (error) {
                throw error instanceof FcError ? fromAcs3Failure(error) : error;
            }
        }
        if (params.Signature !== undefined) {
            record.signature = "v1";
            record.accessKeyId = params.AccessKeyId;
            return verifyV1(method, params, lookup, this.state.clock());
        }
        return undefined;
    }

    private dispatch(action: string, caller: EmulatorCredential | undefined, params: Record<string, string>, requestId: string): Record<string, unknown> {
        if (action === "AssumeRoleWithOIDC") {
            return assumeRoleWithOidc(this.state, params, requestId);
        }
        if (action !== "GetCallerIdentity" && action !== "AssumeRole") {
            throw actionNotFound(action);
        }
        if (caller === undefined) {
            throw missingParameter("Signature");
        }
        return action === "GetCallerIdentity" ? getCallerIdentity(this.state, caller, requestId) : assumeRole(this.state, params, requestId);
    }

    private send(res: ServerResponse, record: StsRecordedRequest, status: number, body: string): void {
        record.status = status;
        this.requests.push(record);
        res.statusCode = status;
        res.setHeader("Content-Type", "application/json;charset=utf-8");
        res.setHeader("Content-Length", Buffer.byteLength(body));
        res.end(body);
    }
}

/** A form body's parameters; `+` stays `+` (clients encode a space as %20), as in the FC stand-in's query. */
function formOf(headers: Record<string, string[]>, body: Buffer): Record<string, string> {
    const form: Record<string, string> = {};
    if (!(headers["content-type"]?.[0] ?? "").startsWith("application/x-www-form-urlencoded")) {
        return form;
    }
    for (const pair of body.toString("utf8").split("&")) {
        const eq = pair.indexOf("=");
        if (pair !== "" && eq > 0) {
            form[decodeLenient(pair.slice(0, eq))] = decodeLenient(pair.slice(eq + 1));
        }
    }
    return form;
}

function withoutSignature(params: Record<string, string>): Record<string, string> {
    const copy = { ...params };
    delete copy.Signature;
    return copy;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        req.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
                req.destroy(new Error("request body too large"));
            } else {
                chunks.push(chunk);
            }
        });
        req.on("end", () => resolve(Buffer.concat(chunks)));
        req.on("error", reject);
    });
}
