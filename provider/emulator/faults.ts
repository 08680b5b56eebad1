// Programmable misbehaviour: fault rules that tests arm to see how a client copes with errors, slowness,
// dropped connections and garbage, and a token-bucket rate limit that answers 429 like FC's flow control.

import type { Fault, FaultMix, FaultRule, RateLimit } from "./types";

interface ArmedRule {
    fault: Fault;
    /** Remaining uses; Infinity for "forever". */
    remaining: number;
    method?: string;
    pathIncludes?: string;
    queryHas?: string;
}

/** The armed fault rules, tried in the order they were added. */
export class FaultBook {
    private rules: ArmedRule[] = [];

    /** Checks and arms a rule. Throws a plain Error for a rule that could never behave sensibly. */
    add(rule: FaultRule): void {
        checkFault(rule.fault);
        const times = rule.times ?? Infinity;
        if (times !== Infinity && (!Number.isInteger(times) || times < 1)) {
            throw new Error(`addFault: times must be a positive integer, got ${String(rule.times)}`);
        }
        this.rules.push({
            fault: { ...rule.fault },
            remaining: times,
            method: rule.method?.toUpperCase(),
            pathIncludes: rule.pathIncludes,
            queryHas: rule.queryHas,
        });
    }

    /** Removes every rule. */
    clear(): void {
        this.rules = [];
    }

    /**
     * The fault for a request, if a rule matches; uses up one of the rule's `times` and drops the rule
     * when none remain. `paths` are the raw and the decoded path, so a filter works written either way;
     * `query` holds the decoded query parameters.
     */
    take(method: string, paths: readonly string[], query: Readonly<Record<string, string>> = {}): Fault | undefined {
        const index = this.rules.findIndex(
            (rule) =>
                (rule.method === undefined || rule.method === method.toUpperCase()) &&
                (rule.pathIncludes === undefined || paths.some((p) => p.includes(rule.pathIncludes as string))) &&
                (rule.queryHas === undefined || query[rule.queryHas] !== undefined),
        );
        if (index === -1) {
            return undefined;
        }
        const rule = this.rules[index];
        rule.remaining -= 1;
        if (rule.remaining <= 0) {
            this.rules.splice(index, 1);
        }
        return rule.fault;
    }
}

function checkFault(fault: Fault): void {
    switch (fault.kind) {
        case "status":
            if (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599) {
                throw new Error(`addFault: status must be an HTTP status (100-599), got ${String(fault.status)}`);
            }
            if (fault.retryAfterSeconds !== undefined && !(Number.isInteger(fault.retryAfterSeconds) && fault.retryAfterSeconds >= 0)) {
                throw new Error("addFault: retryAfterSeconds must be a non-negative integer");
            }
            return;
        case "delay":
            if (!Number.isFinite(fault.ms) || fault.ms < 0) {
                throw new Error(`addFault: delay ms must be a non-negative number, got ${String(fault.ms)}`);
            }
            return;
        case "brokenBody":
            if (
                fault.status !== undefined &&
                (!Number.isInteger(fault.status) || fault.status < 200 || fault.status > 599 || fault.status === 204 || fault.status === 304)
            ) {
                throw new Error("addFault: brokenBody status must be an HTTP status that carries a body");
            }
            return;
        case "answer":
            if (!Number.isInteger(fault.status) || fault.status < 200 || fault.status > 599) {
                throw new Error(`addFault: answer status must be an HTTP status (200-599), got ${String(fault.status)}`);
            }
            if (fault.body !== undefined && (fault.status === 204 || fault.status === 304)) {
                throw new Error(`addFault: a ${fault.status} answer carries no body`);
            }
            return;
        case "stall":
            if (
                fault.status !== undefined &&
                (!Number.isInteger(fault.status) || fault.status < 200 || fault.status > 599 || fault.status === 204 || fault.status === 304)
            ) {
                throw new Error("addFault: stall status must be an HTTP status that carries a body");
            }
            if (fault.trickleMs !== undefined && !(Number.isFinite(fault.trickleMs) && fault.trickleMs > 0)) {
                throw new Error(`addFault: stall trickleMs must be a positive number, got ${String(fault.trickleMs)}`);
            }
            return;
        case "reset":
        case "endlessPages":
            return;
        default: {
            const unknown: never = fault;
            throw new Error(`addFault: unknown fault kind in ${JSON.stringify(unknown)}`);
        }
    }
}

/**
 * Draws a fault (or none) per request at the mix's rates, from a seeded generator: the same seed gives
 * the same sequence of draws, so a run under steady faults can be repeated.
 */
export class FaultDraw {
    private readonly faults: ReadonlyArray<{ fault: Fault; rate: number }>;
    private readonly random: () => number;

    /** Checks the mix: every fault valid, every rate in [0, 1], and the rates adding up to at most 1. */
    constructor(mix: FaultMix) {
        if (!Number.isInteger(mix.seed)) {
            throw new Error(`setFaultMix: seed must be an integer, got ${String(mix.seed)}`);
        }
        let total = 0;
        for (const { fault, rate } of mix.faults) {
            checkFault(fault);
            if (!(Number.isFinite(rate) && rate >= 0 && rate <= 1)) {
                throw new Error(`setFaultMix: a rate must be a number from 0 to 1, got ${String(rate)}`);
            }
            total += rate;
        }
        if (total > 1 + 1e-9) {
            throw new Error(`setFaultMix: the rates add up to ${total}, more than 1`);
        }
        this.faults = mix.faults.map(({ fault, rate }) => ({ fault: { ...fault }, rate }));
        this.random = mulberry32(mix.seed);
    }

    /** The fault for the next request, or undefined to answer it normally. One draw per call. */
    next(): Fault | undefined {
        let u = this.random();
        for (const { fault, rate } of this.faults) {
            if (u < rate) {
                return fault;
            }
            u -= rate;
        }
        return undefined;
    }
}

/** Mulberry32: a small, well-mixed 32-bit generator, uniform in [0, 1); enough for drawing faults, not for secrets. */
function mulberry32(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/**
 * A token bucket: holds up to `burst` tokens, refills at `requestsPerSecond`, and each request takes
 * one. It starts full, so a burst of `burst` requests passes before the limit shows.
 */
export class TokenBucket {
    private tokens: number;
    private last: number;
    private readonly burst: number;

    /**
     * @param limit The rate and burst; checked here so a typo fails at configuration, not mid-test.
     * @param now Clock in milliseconds; injectable for determinism.
     */
    constructor(
        readonly limit: RateLimit,
        private readonly now: () => number = () => performance.now(),
    ) {
        if (!(Number.isFinite(limit.requestsPerSecond) && limit.requestsPerSecond > 0)) {
            throw new Error(`rateLimit: requestsPerSecond must be a positive number, got ${String(limit.requestsPerSecond)}`);
        }
        this.burst = limit.burst ?? Math.max(1, Math.ceil(limit.requestsPerSecond));
        if (!(Number.isInteger(this.burst) && this.burst >= 1)) {
            throw new Error(`rateLimit: burst must be a positive integer, got ${String(limit.burst)}`);
        }
        if (limit.retryAfterSeconds !== undefined && !(Number.isInteger(limit.retryAfterSeconds) && limit.retryAfterSeconds >= 0)) {
            throw new Error("rateLimit: retryAfterSeconds must be a non-negative integer");
        }
        this.tokens = this.burst;
        this.last = this.now();
    }

    /** Takes a token if one is available; false means the request is over the limit. */
    tryTake(): boolean {
        const now = this.now();
        this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.limit.requestsPerSecond);
        this.last = now;
        if (this.tokens >= 1) {
            this.tokens -= 1;
            return true;
        }
        return false;
    }
}
