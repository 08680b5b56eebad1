// One lookup, start to finish: validate, resolve configuration, ask FC (bounded, retried, shared with
// identical lookups), map the answer. Everything the provider's `read` does goes through here.

import type FC from "@alicloud/fc-open20210406";
import { type ConcurrencyLimiter } from "./concurrency";
import { FcError } from "./errors";
import { type AttemptFailure, describeReading, getAsyncInvokeConfigOnce, isAttemptFailure, type RequestSpec } from "./fcRequest";
import { type Deployment, type ResolvedRoute, resolveRoute } from "./resolution";
import { MIN_RETRY_MS, realRetryEnvironment, type RetryDecision, type RetryEnvironment, type RetryPolicy, withRetries } from "./retry";
import { type StackSettings } from "./stackSettings";
import { ThrottleGate } from "./throttle";
import { type AsyncInvokeConfigFields, type FunctionAsyncInvokeConfigOutputs, type LookupInputs } from "./types";
import { validateLookup } from "./validation";

/** What a lookup needs from the deployment it runs in. */
export interface LookupContext extends Deployment {
    limiter: ConcurrencyLimiter;
    /**
     * FC answers of this deployment by lookup key, so that any number of data sources naming the same
     * function cost one request. Failures are not kept: the next lookup asks again.
     */
    answers: Map<string, Promise<AsyncInvokeConfigFields>>;
    retryEnvironment?: RetryEnvironment;
    /** Closed by a throttled answer; every request of the deployment waits for it. Created on first use. */
    gate?: ThrottleGate;
    /**
     * Targets of this deployment by the lookup arguments they came from (region, account, endpoint),
     * each with its SDK client. Configuration does not change within a deployment, and hundreds of
     * lookups usually name a handful of targets: resolving once each keeps environment reads, URL
     * parsing, credential checks and account discovery off the per-lookup path. A resolution that fails
     * is not kept.
     */
    routes: Map<string, Route>;
}

/** Where the lookups that name the same region, account and endpoint send their requests. */
export interface Route {
    /** The resolution, shared by the lookups that arrive while it runs. */
    pending: Promise<ResolvedRoute>;
    /** The resolution once it succeeded, so that later lookups do not even wait a turn for it. */
    resolved?: ResolvedRoute;
}

/** Reads the async invoke config a lookup names. Rejects with InvalidLookupError, ConfigurationError or FcError. */
export async function lookupAsyncInvokeConfig(
    ctx: LookupContext,
    inputs: Partial<Record<keyof LookupInputs, unknown>>,
): Promise<FunctionAsyncInvokeConfigOutputs> {
    const lookup = validateLookup(inputs);
    const route = routeFor(ctx, lookup);
    const resolved = route.resolved ?? (await route.pending);
    // Names and qualifiers cannot contain ':' or '|' (validation.ts), so the key is unambiguous.
    const key = `${lookup.serviceName}:${lookup.functionName}:${lookup.qualifier}|${resolved.key}`;
    let answer = ctx.answers.get(key);
    if (answer === undefined) {
        answer = fetchWithRetries(ctx, resolved, {
            lookup,
            target: resolved.target,
            signer: resolved.signer,
            secrets: ctx.secrets,
            timeoutMs: Math.round(ctx.stack.tuning.timeoutSeconds * 1000),
        });
        answer.catch(() => ctx.answers.delete(key));
        ctx.answers.set(key, answer);
    }
    // Not `{ ...lookup, ...fields }`: V8 copies a second spread property by property in its runtime,
    // which cost several microseconds per lookup, more than the rest of this function.
    return Object.assign({}, lookup, await answer);
}

/** The route of a lookup, resolved on first use; a failed resolution is forgotten, so the next lookup tries again. */
function routeFor(ctx: LookupContext, lookup: LookupInputs): Route {
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

async function fetchWithRetries(ctx: LookupContext, route: ResolvedRoute, spec: RequestSpec): Promise<AsyncInvokeConfigFields> {
    const client = route.client;
    try {
        const env = ctx.retryEnvironment ?? realRetryEnvironment;
        const gate = (ctx.gate ??= new ThrottleGate(env));
        const started = env.now();
        return await withRetries((n, deadline) => attemptOnce(ctx, gate, env, client, spec, n, { started, deadline }), decide, retryPolicy(ctx.stack), env);
    } catch (failure) {
        throw isAttemptFailure(failure) ? failure.error : failure;
    }
}

/**
 * One attempt: pass the throttle gate, then take a concurrency slot and send. The gate is passed before
 * the slot is taken, so a lookup that waits out a throttling pause holds no slot; should the gate close
 * again while it queued for one, it gives the slot back and waits again.
 */
async function attemptOnce(
    ctx: LookupContext,
    gate: ThrottleGate,
    env: RetryEnvironment,
    client: FC,
    spec: RequestSpec,
    n: number,
    budget: { started: number; deadline: number },
): Promise<AsyncInvokeConfigFields> {
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
                const fields = await getAsyncInvokeConfigOnce(client, spec, n, timeoutMs);
                gate.succeeded();
                return { fields };
            } catch (failure) {
                if (isAttemptFailure(failure) && failure.error.kind === "throttled") {
                    gate.throttled(failure.retryAfterMs);
                }
                throw failure;
            }
        });
        if (sent !== undefined) {
            return sent.fields;
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
