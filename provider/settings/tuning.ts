// Every number that paces or bounds the requests, in one place: the `fcAsyncInvokeConfig:*` settings
// with their defaults and bounds, and the fixed backoff constants of retries (core/retry.ts) and of
// the deployment's throttling pause (core/throttle.ts). The README's configuration table states the
// same values; test/docs checks that it does.

import { type SettingProblem } from "../errors";
import { CONFIG_KEYS } from "./configKeys";

/**
 * How requests are paced and bounded. Every field has a default; see {@link DEFAULT_TUNING}.
 *
 * @group Configuration
 */
export interface Tuning {
    /** Requests to FC in flight at once, across all lookups of a deployment. */
    maxConcurrentRequests: number;
    /** Connect and read timeout of one request, in seconds. The SDK's own default is 3 s. */
    timeoutSeconds: number;
    /** Requests per lookup, first try included. */
    maxAttempts: number;
    /** Time one lookup may spend on retries, waiting included, in seconds. */
    retryBudgetSeconds: number;
    /** Configs asked for per page by the list data sources (FC's `limit`, 1-100). */
    pageSize: number;
    /** Pages one list read follows at most; a list with more fails rather than being read forever. */
    maxPages: number;
}

/**
 * Defaults: 8 concurrent requests keep a stack of hundreds of lookups well under FC's per-account API
 * rate while overlapping latency; 10 s per request allows a slow cross-region call; 5 attempts within
 * 60 s ride out a short throttling burst or a gateway restart without hanging a deployment. Pages of
 * 100, FC's largest, read a function's configs in the fewest requests; 1000 of them (100,000 configs at
 * that size) are far more than any function has, and end a list whose server never stops handing out tokens.
 *
 * @group Configuration
 */
export const DEFAULT_TUNING: Tuning = {
    maxConcurrentRequests: 8,
    timeoutSeconds: 10,
    maxAttempts: 5,
    retryBudgetSeconds: 60,
    pageSize: 100,
    maxPages: 1000,
};

/** The range each setting must fall in, and whether it must be whole. */
export const TUNING_BOUNDS: { readonly [K in keyof Tuning]: { readonly min: number; readonly max: number; readonly integer: boolean } } = {
    maxConcurrentRequests: { min: 1, max: 256, integer: true },
    timeoutSeconds: { min: 0.1, max: 600, integer: false },
    maxAttempts: { min: 1, max: 20, integer: true },
    retryBudgetSeconds: { min: 0, max: 3600, integer: false },
    pageSize: { min: 1, max: 100, integer: true },
    maxPages: { min: 1, max: 100_000, integer: true },
};

/**
 * The backoff between retries of one request: a full-jitter draw under a ceiling that starts at 1 s
 * and doubles to at most 20 s. With the default 5 attempts the waits add up to at most 15 s before
 * Retry-After, enough to ride out a throttling burst or a gateway restart within the 60 s budget.
 */
export const RETRY_BACKOFF = { baseDelayMs: 1_000, maxDelayMs: 20_000 } as const;

/** A retry is not started with less than this left of the budget: it could only time out. */
export const MIN_RETRY_MS = 250;

/**
 * The deployment's pause after a throttled answer: 200 ms, doubling with each throttled answer in a
 * row to at most 10 s, and never shorter than FC's Retry-After. Shorter than a retry's backoff because
 * it holds back every read of the deployment, not one.
 */
export const THROTTLE_BACKOFF = { baseDelayMs: 200, maxDelayMs: 10_000 } as const;

/** The `fcAsyncInvokeConfig:*` settings from their text, each default where it is missing or bad (a problem then). */
export function readTuning(text: (key: string) => string | undefined, problems: SettingProblem[]): Tuning {
    const read = (name: keyof Tuning): number => {
        const { min, max, integer } = TUNING_BOUNDS[name];
        return positiveNumber(text, CONFIG_KEYS[name], DEFAULT_TUNING[name], min, max, integer, problems);
    };
    return {
        maxConcurrentRequests: read("maxConcurrentRequests"),
        timeoutSeconds: read("timeoutSeconds"),
        maxAttempts: read("maxAttempts"),
        retryBudgetSeconds: read("retryBudgetSeconds"),
        pageSize: read("pageSize"),
        maxPages: read("maxPages"),
    };
}

function positiveNumber(
    get: (key: string) => string | undefined,
    key: string,
    fallback: number,
    min: number,
    max: number,
    integer: boolean,
    problems: SettingProblem[],
): number {
    const raw = get(key);
    if (raw === undefined) {
        return fallback;
    }
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
        const kind = integer ? "a whole number" : "a number";
        problems.push({ setting: key, message: `invalid ${key}: must be ${kind} from ${min} to ${max}, got ${JSON.stringify(raw)}` });
        return fallback;
    }
    return value;
}
