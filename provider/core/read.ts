// One read of any data source, start to finish: check the arguments, resolve configuration, ask FC
// (bounded, retried, shared with identical reads; a list page by page), map the answer. Everything
// the provider's `read` and the invoke forms do goes through here, for every data source alike.

import { checkArguments } from "./arguments";
import { type Scope } from "../types";
import { ConcurrencyLimiter } from "./concurrency";
import { type AnyDataSource, type FcRequestParts, type ListDataSource, type Page, type SingleDataSource } from "./dataSource";
import { PageRefused } from "../wire/mapping";
import { FcError } from "../errors";
import { type FcCaller } from "../wire/fcClient";
import { type AttemptFailure, describeReading, isAttemptFailure, type RequestSpec, sendOnce } from "../wire/fcRequest";
import { type Environment } from "../settings/environment";
import { createSecretSet } from "../credentials/redaction";
import { type Deployment, type ResolvedRoute, resolveRoute } from "./route";
import { MIN_RETRY_MS, realRetryEnvironment, type RetryDecision, type RetryEnvironment, type RetryPolicy, withRetries } from "./retry";
import { type StackSettings } from "../settings/stackSettings";
import { ThrottleGate } from "./throttle";

/** What a read needs from the deployment it runs in. */
export interface LookupContext extends Deployment {
    limiter: ConcurrencyLimiter;
    /**
     * FC answers of this deployment by read key, so that any number of data sources reading the same
     * thing cost one request (or one walk through a list's pages). Failures are not kept: the next read
     * asks again.
     */
    answers: Map<string, Promise<unknown>>;
    retryEnvironment?: RetryEnvironment;
    /** Closed by a throttled answer; every request of the deployment waits for it. Created on first use. */
    gate?: ThrottleGate;
    /**
     * Targets of this deployment by the arguments they came from (region, account, endpoint), each
     * with its SDK clients. Configuration does not change within a deployment, and hundreds of reads
     * usually name a handful of targets: resolving once each keeps environment reads, URL parsing,
     * credential checks and account discovery off the per-read path. A resolution that fails is not kept.
     */
    routes: Map<string, Route>;
}

/** Where the reads that name the same region, account and endpoint send their requests. */
export interface Route {
    /** The resolution, shared by the reads that arrive while it runs. */
    pending: Promise<ResolvedRoute>;
    /** The resolution once it succeeded, so that later reads do not even wait a turn for it. */
    resolved?: ResolvedRoute;
}

/**
 * A fresh deployment: the settings, a new request cap, no credentials yet, no remembered answers,
 * routes or account ids. The provider makes one per provider host, the invoke forms one per program.
 */
export function createLookupContext(stack: StackSettings, env: Environment = process.env): LookupContext {
    // Credential providers add each secret they hand out (resolution.ts); stack config's are known now.
    const secrets = createSecretSet();
    secrets.add(stack.secretKey, stack.securityToken);
    return {
        secrets,
        stack,
        env,
        limiter: new ConcurrencyLimiter(stack.tuning.maxConcurrentRequests),
        answers: new Map(),
        routes: new Map(),
        accounts: new Map(),
    };
}

/**
 * Reads what a data source's arguments name, and returns its outputs. `inputs` are the arguments as
 * received (unchecked). Rejects with InvalidLookupError, ConfigurationError or FcError.
 */
export async function readDataSource<Args extends Scope, Answer, Outputs>(
    ctx: LookupContext,
    source: SingleDataSource<Args, Answer, Outputs> | ListDataSource<Args, Answer, Outputs>,
    inputs: Record<string, unknown>,
): Promise<Outputs> {
    // From here on the core only passes arguments and answers between the description's own functions.
    const described = source as unknown as AnyDataSource;
    const args = checkArguments<Scope>(described.arguments, inputs);
    const route = routeFor(ctx, args);
    const resolved = route.resolved ?? (await route.pending);
    // Ids are built from checked names, which cannot contain '|' (validation.ts): the key is unambiguous.
    const key = `${described.module}:${described.typeName}|${described.formatId(args)}|${resolved.key}`;
    let answer = ctx.answers.get(key);
    if (answer === undefined) {
        const spec: RequestSpec = {
            source: described,
            args,
            target: resolved.target,
            signer: resolved.signer,
            secrets: ctx.secrets,
            timeoutMs: Math.round(ctx.stack.tuning.timeoutSeconds * 1000),
        };
        const caller = resolved.callerFor(described.api);
        answer = described.kind === "single" ? readSingle(ctx, caller, described, spec) : readList(ctx, caller, described, spec);
        answer.catch(() => ctx.answers.delete(key));
        ctx.answers.set(key, answer);
    }
    // The answer is shared; the outputs are this read's own, since two reads of the same thing may
    // name it differently (a region as an argument, or from configuration).
    const shared = await answer;
    return (described.kind === "single" ? described.outputs(args, shared) : described.outputs(args, shared as unknown[])) as Outputs;
}

/** One request, retried. */
function readSingle(ctx: LookupContext, caller: FcCaller, source: SingleDataSource<Scope, unknown, unknown>, spec: RequestSpec): Promise<unknown> {
    return fetchWithRetries(ctx, caller, spec, source.request(spec.args), (body) => source.parse(body));
}

/**
 * Every page, one after the other (each needs the token of the one before), each retried on its own,
 * into one sorted array. A page that fails after its retries fails the whole read: a partial list is
 * never taken as the truth. The walk is bounded whatever FC answers: at most `maxPages` pages, and
 * `retryBudgetSeconds` for the whole walk (a page's retries end with it; a page already sent may take
 * one more timeout).
 */
async function readList(ctx: LookupContext, caller: FcCaller, source: ListDataSource<Scope, unknown, unknown>, spec: RequestSpec): Promise<unknown> {
    const env = ctx.retryEnvironment ?? realRetryEnvironment;
    const walk = new PageWalk(source, ctx.stack.tuning, env.now());
    let nextToken: string | undefined;
    for (let page = 1; ; page++) {
        const parts = source.request(spec.args, { limit: ctx.stack.tuning.pageSize, nextToken });
        // The checks run as the page is parsed, so that a refusal carries its HTTP status and request id.
        nextToken = await fetchWithRetries(ctx, caller, { ...spec, page }, parts, (body) => walk.take(page, source.parsePage(body), env.now()), walk.endsAt);
        if (nextToken === undefined) {
            return Object.freeze(walk.items().sort((a, b) => source.compare(a, b)));
        }
    }
}

/** What a list read has taken so far, and the checks each new page must pass. */
class PageWalk {
    /** Each entry's item, the page it came on and its content as text. */
    private readonly entries = new Map<string, { item: unknown; page: number; content: string }>();
    /** The items of a list whose items do not say which entry they are: every one is kept. */
    private readonly unnamed: unknown[] = [];
    /** The page that handed out each token. */
    private readonly tokens = new Map<string, number>();
    /** When the walk's time is up, in the retry environment's milliseconds. */
    readonly endsAt: number;

    constructor(
        private readonly source: ListDataSource<Scope, unknown, unknown>,
        private readonly tuning: StackSettings["tuning"],
        private readonly startedAt: number,
    ) {
        this.endsAt = startedAt + tuning.retryBudgetSeconds * 1000;
    }

    /** Takes page `page`'s items; returns the token of the next page, or undefined on the last. Throws PageRefused. */
    take(page: number, got: Page<unknown>, now: number): string | undefined {
        for (const item of got.items) {
            if (this.source.entryOf === undefined) {
                this.unnamed.push(item);
                continue;
            }
            const entry = this.source.entryOf(item);
            const content = JSON.stringify(item);
            const earlier = this.entries.get(entry);
            if (earlier === undefined) {
                this.entries.set(entry, { item, page, content });
            } else if (earlier.content !== content) {
                throw new PageRefused(
                    "MalformedResponse",
                    `${entry} came twice with different settings, on page ${earlier.page} and on page ${page}: its config changed while the pages were read. ` +
                        "Nothing was recorded; run again",
                );
            }
        }
        const token = got.nextToken === "" ? undefined : got.nextToken;
        if (token === undefined) {
            return undefined;
        }
        // A token handed out twice would walk the same pages forever.
        const before = this.tokens.get(token);
        if (before !== undefined) {
            throw new PageRefused(
                "MalformedResponse",
                `page ${page} handed out the same nextToken as page ${before}, so following it would read the same pages forever. ` +
                    "Nothing was recorded; check what stands between this provider and FC (a proxy or gateway that rewrites nextToken), " +
                    "or quote the request id to Alibaba Cloud support",
            );
        }
        this.tokens.set(token, page);
        const { maxPages, pageSize, retryBudgetSeconds } = this.tuning;
        if (page >= maxPages) {
            throw new PageRefused(
                "ListTooLong",
                `FC still handed out a nextToken after ${page} pages (fcAsyncInvokeConfig:maxPages ${maxPages}, ${this.count()} config${this.count() === 1 ? "" : "s"} so far), ` +
                    `more than any function has. Nothing was recorded; if the list really holds more than ${maxPages * pageSize} configs, raise ` +
                    "fcAsyncInvokeConfig:maxPages, else check what stands between this provider and FC",
            );
        }
        if (now >= this.endsAt) {
            throw new PageRefused(
                "ListTooLong",
                `the list had not ended after ${page} pages and ${seconds(now - this.startedAt)} (fcAsyncInvokeConfig:retryBudgetSeconds ${retryBudgetSeconds} bounds a whole list read). ` +
                    "Nothing was recorded; raise fcAsyncInvokeConfig:retryBudgetSeconds for a list this long on a link this slow",
            );
        }
        return token;
    }

    /** Every item taken, one per entry. */
    items(): unknown[] {
        return [...this.unnamed, ...[...this.entries.values()].map((entry) => entry.item)];
    }

    private count(): number {
        return this.unnamed.length + this.entries.size;
    }
}

/** `1.5 s`. */
function seconds(ms: number): string {
    return `${Number((ms / 1000).toFixed(1))} s`;
}

/** The route of a lookup, resolved on first use; a failed resolution is forgotten, so the next lookup tries again. */
function routeFor(ctx: LookupContext, lookup: Scope): Route {
    const named = `${lookup.region ?? ""}\n${lookup.accountId ?? ""}\n${lookup.endpoint ?? ""}`;
    let route = ctx.routes.get(named);
    if (route === undefined) {
        const pending = resolveRoute(ctx, lookup);
        const created: Route = { pending };
        pending.then(
            (resolved) => {
                created.resolved = resolved;
            },
            () => {
                if (ctx.routes.get(named) === created) {
                    ctx.routes.delete(named);
                }
            },
        );
        ctx.routes.set(named, created);
        route = created;
    }
    return route;
}

/** One request, retried until it succeeds, fails for good, or its retry budget (ending by `endBy`, when given) runs out. */
async function fetchWithRetries<T>(
    ctx: LookupContext,
    caller: FcCaller,
    spec: RequestSpec,
    parts: FcRequestParts,
    parse: (body: string) => T,
    endBy?: number,
): Promise<T> {
    try {
        const env = ctx.retryEnvironment ?? realRetryEnvironment;
        const gate = (ctx.gate ??= new ThrottleGate(env));
        const started = env.now();
        const policy = retryPolicy(ctx.stack);
        if (endBy !== undefined) {
            policy.budgetMs = Math.max(0, Math.min(policy.budgetMs, endBy - started));
        }
        const send = (n: number, timeoutMs: number): Promise<T> => sendOnce(caller, spec, parts, parse, n, timeoutMs);
        // The next attempt waits out the deployment's throttling pause anyway. Waiting for it here lets the
        // loop see a pause that outlasts the budget, and give up with FC's own last answer to this lookup
        // rather than, by chance of timing and jitter, at the gate.
        const decideWithPause = (failure: unknown): RetryDecision => {
            const decision = decide(failure);
            const pausedMs = gate.reopensAt - env.now();
            return pausedMs > 0 ? { ...decision, retryAfterMs: Math.max(decision.retryAfterMs ?? 0, pausedMs) } : decision;
        };
        return await withRetries((n, deadline) => attemptOnce(ctx, gate, env, send, spec, n, { started, deadline }), decideWithPause, policy, env);
    } catch (failure) {
        throw isAttemptFailure(failure) ? failure.error : failure;
    }
}

/**
 * One attempt: pass the throttle gate, then take a concurrency slot and send. The gate is passed before
 * the slot is taken, so a read that waits out a throttling pause holds no slot; should the gate close
 * again while it queued for one, it gives the slot back and waits again.
 */
async function attemptOnce<T>(
    ctx: LookupContext,
    gate: ThrottleGate,
    env: RetryEnvironment,
    send: (n: number, timeoutMs: number) => Promise<T>,
    spec: RequestSpec,
    n: number,
    budget: { started: number; deadline: number },
): Promise<T> {
    for (;;) {
        if (!(await gate.pass(budget.deadline))) {
            throw pausedPastBudget(ctx, spec, n, gate.reopensAt - env.now());
        }
        const sent = await ctx.limiter.run(async () => {
            if (!gate.isOpen()) {
                return undefined;
            }
            // The first attempt may take a whole timeout even past a short budget; a retry ends by the
            // budget's end, however long it waited for a slot.
            const endBy = n === 1 ? Math.max(budget.deadline, budget.started + spec.timeoutMs) : budget.deadline;
            const timeoutMs = Math.max(MIN_RETRY_MS, Math.min(spec.timeoutMs, endBy - env.now()));
            try {
                const value = await send(n, timeoutMs);
                gate.succeeded();
                return { value };
            } catch (failure) {
                if (isAttemptFailure(failure) && failure.error.kind === "throttled") {
                    gate.throttled(failure.retryAfterMs);
                }
                throw failure;
            }
        });
        if (sent !== undefined) {
            return sent.value;
        }
    }
}

/** The lookup gives up at the gate: FC throttled the deployment for longer than this lookup's budget lasts. */
function pausedPastBudget(ctx: LookupContext, spec: RequestSpec, n: number, pauseMs: number): AttemptFailure {
    const sent = n - 1;
    return {
        final: true,
        error: new FcError({
            reading: describeReading(spec),
            attempts: sent,
            kind: "throttled",
            code: "Throttled",
            hint:
                `FC throttled this deployment and its requests are paused for another ${Math.ceil(pauseMs / 1000)} s (the Retry-After or backoff of throttled answers), ` +
                `past the end of this lookup's retry budget (fcAsyncInvokeConfig:retryBudgetSeconds ${ctx.stack.tuning.retryBudgetSeconds}); ` +
                `it gave up without waiting, after ${sent} request${sent === 1 ? "" : "s"} of its own`,
        }),
    };
}

function decide(failure: unknown): RetryDecision {
    return isAttemptFailure(failure)
        ? { retryable: failure.error.retryable && failure.final !== true, retryAfterMs: failure.retryAfterMs, throttled: failure.error.kind === "throttled" }
        : { retryable: false };
}

/**
 * Backoff starts at 1 s and doubles to at most 20 s; attempts and budget come from configuration.
 * With the defaults (5 attempts, 60 s) the waits can add up to 15 s before Retry-After, enough to
 * ride out a throttling burst or a gateway restart.
 */
function retryPolicy(stack: StackSettings): RetryPolicy {
    return {
        maxAttempts: stack.tuning.maxAttempts,
        budgetMs: stack.tuning.retryBudgetSeconds * 1000,
        baseDelayMs: 1_000,
        maxDelayMs: 20_000,
    };
}
