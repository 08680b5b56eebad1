// One read of any data source, start to finish: check the arguments, resolve configuration, ask FC
// (bounded, retried, shared with identical reads; a list page by page), map the answer. Everything
// the provider's `read` and the invoke forms do goes through here, for every data source alike.

import { FcError } from "../errors";
import { type Scope } from "../types";
import { MIN_RETRY_MS, RETRY_BACKOFF } from "../settings/tuning";
import { type StackSettings } from "../settings/stackSettings";
import { type FcCaller } from "../wire/fcClient";
import { sendOnce } from "../wire/fcRequest";
import { type AttemptFailure, describeReading, type FcRequestParts, isAttemptFailure, type RequestSpec } from "../wire/request";
import { checkArguments } from "./arguments";
import { type AnyDataSource, type ListDataSource, type SingleDataSource } from "./dataSource";
import { type Deployment, type Route } from "./deployment";
import { PageWalk } from "./pageWalk";
import { realRetryEnvironment, type RetryDecision, type RetryEnvironment, type RetryPolicy, withRetries } from "./retry";
import { resolveRoute } from "./route";
import { ThrottleGate } from "./throttle";
import { publishPage } from "../wire/workLog";

/**
 * Reads what a data source's arguments name, and returns its outputs. `inputs` are the arguments as
 * received (unchecked). Rejects with InvalidLookupError, ConfigurationError or FcError.
 */
export async function readDataSource<Args extends Scope, Answer, Outputs>(
    deployment: Deployment,
    source: SingleDataSource<Args, Answer, Outputs> | ListDataSource<Args, Answer, Outputs>,
    inputs: Record<string, unknown>,
): Promise<Outputs> {
    // From here on the core only passes arguments and answers between the description's own functions.
    const described = source as unknown as AnyDataSource;
    const args = checkArguments<Scope>(described.arguments, inputs);
    const route = routeFor(deployment, args);
    const resolved = route.resolved ?? (await route.pending);
    // Ids are built from checked names, which cannot contain '|' (settings/validation.ts): the key is unambiguous.
    const key = `${described.module}:${described.typeName}|${described.formatId(args)}|${resolved.key}`;
    let answer = deployment.answers.get(key);
    if (answer === undefined) {
        const spec: RequestSpec = {
            source: described,
            args,
            target: resolved.target,
            credentialOrigin: resolved.credentialOrigin,
            secrets: deployment.secrets,
            timeoutMs: Math.round(deployment.stack.tuning.timeoutSeconds * 1000),
        };
        const caller = resolved.callerFor(described.api);
        answer = described.kind === "single" ? readSingle(deployment, caller, described, spec) : readList(deployment, caller, described, spec);
        answer.catch(() => deployment.answers.delete(key));
        deployment.answers.set(key, answer);
    }
    // The answer is shared; the outputs are this read's own, since two reads of the same thing may
    // name it differently (a region as an argument, or from configuration).
    const shared = await answer;
    return (described.kind === "single" ? described.outputs(args, shared) : described.outputs(args, shared as unknown[])) as Outputs;
}

/** One request, retried. */
function readSingle(deployment: Deployment, caller: FcCaller, source: SingleDataSource<Scope, unknown, unknown>, spec: RequestSpec): Promise<unknown> {
    return fetchWithRetries(deployment, caller, spec, source.request(spec.args), (body) => source.parse(body));
}

/**
 * Every page, one after the other (each needs the token of the one before), each retried on its own,
 * into one sorted array. A page that fails after its retries fails the whole read: a partial list is
 * never taken as the truth. The walk is bounded whatever FC answers: at most `maxPages` pages, and
 * `retryBudgetSeconds` for the whole walk (a page's retries end with it; a page already sent may take
 * one more timeout).
 */
async function readList(deployment: Deployment, caller: FcCaller, source: ListDataSource<Scope, unknown, unknown>, spec: RequestSpec): Promise<unknown> {
    const env = deployment.retryEnvironment ?? realRetryEnvironment;
    const walk = new PageWalk(source, deployment.stack.tuning, env.now());
    let nextToken: string | undefined;
    for (let page = 1; ; page++) {
        const parts = source.request(spec.args, { limit: deployment.stack.tuning.pageSize, nextToken });
        // The checks run as the page is parsed, so that a refusal carries its HTTP status and request id.
        nextToken = await fetchWithRetries(
            deployment,
            caller,
            { ...spec, page },
            parts,
            (body) => walk.take(page, source.parsePage(body), env.now()),
            walk.endsAt,
        );
        if (nextToken === undefined) {
            return Object.freeze(sortTotally(walk.items(), (a, b) => source.compare(a, b)));
        }
        // A list longer than one page shows progress after each page; a one-page list stays quiet.
        publishPage(() => ({ subject: source.describe(spec.args), page, items: walk.count() }));
    }
}

/**
 * Sorted in the description's order, ties broken by content (code-unit order of the items as JSON, which
 * wire/mapping.ts builds with a fixed key order): the same on every machine and every read. Each item's text
 * is made once, and only for a tie: a sort compares an item about log n times.
 */
function sortTotally(items: unknown[], compare: (a: unknown, b: unknown) => number): unknown[] {
    const contents = new Map<unknown, string>();
    const contentOf = (item: unknown): string => {
        let content = contents.get(item);
        if (content === undefined) {
            content = JSON.stringify(item);
            contents.set(item, content);
        }
        return content;
    };
    return items.sort((a, b) => {
        const order = compare(a, b);
        if (order !== 0) {
            return order;
        }
        const [x, y] = [contentOf(a), contentOf(b)];
        return x < y ? -1 : x > y ? 1 : 0;
    });
}

/** The route of a lookup, resolved on first use; a failed resolution is forgotten, so the next lookup tries again. */
function routeFor(deployment: Deployment, lookup: Scope): Route {
    const named = `${lookup.region ?? ""}\n${lookup.accountId ?? ""}\n${lookup.endpoint ?? ""}`;
    let route = deployment.routes.get(named);
    if (route === undefined) {
        const pending = resolveRoute(deployment, lookup);
        const created: Route = { pending };
        pending.then(
            (resolved) => {
                created.resolved = resolved;
            },
            () => {
                if (deployment.routes.get(named) === created) {
                    deployment.routes.delete(named);
                }
            },
        );
        deployment.routes.set(named, created);
        route = created;
    }
    return route;
}

/** One request, retried until it succeeds, fails for good, or its retry budget (ending by `endBy`, when given) runs out. */
async function fetchWithRetries<T>(
    deployment: Deployment,
    caller: FcCaller,
    spec: RequestSpec,
    parts: FcRequestParts,
    parse: (body: string) => T,
    endBy?: number,
): Promise<T> {
    try {
        const env = deployment.retryEnvironment ?? realRetryEnvironment;
        const gate = (deployment.gate ??= new ThrottleGate(env));
        const started = env.now();
        const policy = retryPolicy(deployment.stack);
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
        return await withRetries((n, deadline) => attemptOnce(deployment, gate, env, send, spec, n, { started, deadline }), decideWithPause, policy, env);
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
    deployment: Deployment,
    gate: ThrottleGate,
    env: RetryEnvironment,
    send: (n: number, timeoutMs: number) => Promise<T>,
    spec: RequestSpec,
    n: number,
    budget: { started: number; deadline: number },
): Promise<T> {
    for (;;) {
        if (!(await gate.pass(budget.deadline))) {
            throw pausedPastBudget(deployment, spec, n, gate.reopensAt - env.now());
        }
        const sent = await deployment.limiter.run(async () => {
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
function pausedPastBudget(deployment: Deployment, spec: RequestSpec, n: number, pauseMs: number): AttemptFailure {
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
                `past the end of this lookup's retry budget (fcAsyncInvokeConfig:retryBudgetSeconds ${deployment.stack.tuning.retryBudgetSeconds}); ` +
                `it gave up without waiting, after ${sent} request${sent === 1 ? "" : "s"} of its own`,
        }),
    };
}

function decide(failure: unknown): RetryDecision {
    return isAttemptFailure(failure)
        ? { retryable: failure.error.retryable && failure.final !== true, retryAfterMs: failure.retryAfterMs, throttled: failure.error.kind === "throttled" }
        : { retryable: false };
}

/** Attempts and budget from configuration, backoff from settings/tuning.ts. */
function retryPolicy(stack: StackSettings): RetryPolicy {
    return { maxAttempts: stack.tuning.maxAttempts, budgetMs: stack.tuning.retryBudgetSeconds * 1000, ...RETRY_BACKOFF };
}
