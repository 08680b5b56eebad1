// Retrying transient failures: exponential backoff with full jitter, at least as long as FC's
// Retry-After asks, bounded both in attempts and in total time so a deployment never hangs: a wait that
// would end past the budget is not started at all, so a long Retry-After ends the loop at once.

import { MIN_RETRY_MS } from "../settings/tuning";

/** Bounds of a retry loop. */
export interface RetryPolicy {
    /** Attempts in all, first included (1 = never retry). */
    maxAttempts: number;
    /** Total time the loop may take, waiting included, in milliseconds. */
    budgetMs: number;
    /** The first backoff's ceiling; doubles per retry. */
    baseDelayMs: number;
    /** The ceiling of any one backoff. */
    maxDelayMs: number;
}

/** How one failed attempt should be treated. */
export interface RetryDecision {
    /** Whether the same request may succeed later. */
    retryable: boolean;
    /** Wait at least this long before the next attempt (FC's Retry-After). */
    retryAfterMs?: number;
    /**
     * FC refused the request for its rate (throttling). Such an attempt does not count against
     * `maxAttempts`, only against the time budget: being over FC's rate says nothing about whether the
     * request itself can succeed, and with many lookups at once most attempts would be spent on it.
     */
    throttled?: boolean;
}

/** Clock and randomness, injectable so the schedule itself can be tested without waiting. */
export interface RetryEnvironment {
    /** Milliseconds since the epoch. */
    now: () => number;
    /** Resolves after `ms` milliseconds. */
    sleep: (ms: number) => Promise<void>;
    /** Uniform in [0, 1). */
    random: () => number;
}

/** The wall clock, timers and Math.random. */
export const realRetryEnvironment: RetryEnvironment = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
};

/**
 * The wait before retry number `retry` (1-based): a uniform draw in [0, min(max, base·2^(retry-1))],
 * raised to Retry-After when FC sent one. Full jitter spreads the retries of many concurrent lookups
 * so they do not hit a throttled endpoint in lockstep.
 */
export function backoffMs(policy: RetryPolicy, retry: number, random: () => number, retryAfterMs?: number): number {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
    const jittered = Math.round(random() * ceiling);
    return retryAfterMs === undefined ? jittered : Math.max(jittered, retryAfterMs);
}

/**
 * Runs `attempt` until it succeeds, fails for good, or the policy's bounds are reached; then rethrows
 * the last failure. `decide` says whether a failure is worth retrying. Every attempt gets the budget's
 * end as `deadline`, so that retries can cut their own timeout to it, and no attempt waits past it
 * (e.g. at a throttle gate): the whole loop then ends within max(first attempt, budget), not a full
 * attempt after the budget.
 */
export async function withRetries<T>(
    attempt: (attemptNumber: number, deadline: number) => Promise<T>,
    decide: (failure: unknown) => RetryDecision,
    policy: RetryPolicy,
    env: RetryEnvironment = realRetryEnvironment,
): Promise<T> {
    const started = env.now();
    const deadline = started + policy.budgetMs;
    let counted = 0;
    for (let n = 1; ; n++) {
        try {
            return await attempt(n, deadline);
        } catch (failure) {
            const decision = decide(failure);
            if (!decision.throttled) {
                counted++;
            }
            if (!decision.retryable || counted >= policy.maxAttempts) {
                throw failure;
            }
            const wait = backoffMs(policy, n, env.random, decision.retryAfterMs);
            // Waiting past the budget, or into its last moments, only delays the same failure.
            if (env.now() + wait + MIN_RETRY_MS > deadline) {
                throw failure;
            }
            await env.sleep(wait);
        }
    }
}
