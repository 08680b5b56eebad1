// How big and how often: the full profile behind RESULTS.md, and the smoke profile (one run, tiny
// sizes) that a CI test runs in well under a minute to prove the harness still works end to end.

import type { RateLimit } from "../provider/emulator";
import type { ThrottleScenario } from "./concurrency";

export interface Profile {
    name: "full" | "smoke";
    /** Measured runs per figure of the engine sections. */
    runs: number;
    /**
     * Measured runs per figure of the in-process sections: a run takes a second or less there, and on a
     * small shared machine their spread is wide, so more runs buy a steadier median for little time.
     */
    inProcessRuns: number;
    /** Unmeasured rounds before the in-process overhead runs. */
    warmups: number;
    /**
     * Provider overhead of the FC 2.0 single read (`overhead`) and the rest of the family (`family`). Runs
     * take a fraction of a second and the target leaves 10% for a spread about that wide on a shared
     * 2-core machine: they get the most runs.
     */
    overhead: OverheadSize;
    family: OverheadSize;
    concurrency: { lookups: number; caps: [number, number]; scenarios: ThrottleScenario[]; unthrottledLatenciesMs: number[] };
    /** Stack sizes of the engine comparison; the largest is where the goal is judged. */
    engineSizes: number[];
    /**
     * Default cap against a wide one at the largest engine size, both with a simulated round trip
     * (at 0 ms the requests never overlap and the cap cannot matter); none in smoke.
     */
    engineCapCompare?: { cap: number; latencyMs: number };
    /** The throttled `pulumi up`; none in smoke. */
    engineThrottle?: { sources: number; limit: RateLimit; latencyMs: number };
}

/** Single reads per run; list reads per run, configs of each listed function and the page size; reads in flight; the simulated round trip of the extra pair; runs. */
export interface OverheadSize {
    lookups: number;
    lists: number;
    qualifiers: number;
    pageSize: number;
    width: number;
    latencyMs: number;
    runs: number;
}

/** FC-like flow control: a sustained rate well below what the stand-in could serve, a small burst. */
const THROTTLE: RateLimit = { requestsPerSecond: 50, burst: 10 };
/**
 * A simulated FC round trip for the concurrency figures, ms: an assumption, of the order of an
 * in-region API call; from farther away it is larger, and a cap matters more.
 */
const ROUND_TRIP_MS = 20;

export const FULL_PROFILE: Profile = {
    name: "full",
    runs: 5,
    inProcessRuns: 15,
    warmups: 2,
    overhead: { lookups: 500, lists: 0, qualifiers: 0, pageSize: 100, width: 16, latencyMs: ROUND_TRIP_MS, runs: 31 },
    // 32 lists of 50 configs: 96 pages per run, of the order of the single read's 500 GETs in wall time.
    family: { lookups: 500, lists: 32, qualifiers: 50, pageSize: 20, width: 16, latencyMs: ROUND_TRIP_MS, runs: 31 },
    concurrency: {
        lookups: 200,
        caps: [8, 64],
        scenarios: [
            { label: "50 req/s, burst 10, no Retry-After", limit: THROTTLE, latencyMs: ROUND_TRIP_MS },
            { label: "50 req/s, burst 10, Retry-After: 1", limit: { ...THROTTLE, retryAfterSeconds: 1 }, latencyMs: ROUND_TRIP_MS },
        ],
        unthrottledLatenciesMs: [0, ROUND_TRIP_MS],
    },
    engineSizes: [1, 50, 200],
    engineCapCompare: { cap: 64, latencyMs: ROUND_TRIP_MS },
    // 10 req/s, not 50: the engine issues 200 reads over several seconds, slower than 50 req/s, so at
    // 50 req/s FC would never push back. At 10 req/s the reads need at least 19 s of FC's budget.
    engineThrottle: { sources: 200, limit: { requestsPerSecond: 10, burst: 10 }, latencyMs: ROUND_TRIP_MS },
};

export const SMOKE_PROFILE: Profile = {
    name: "smoke",
    runs: 1,
    inProcessRuns: 1,
    warmups: 1,
    overhead: { lookups: 32, lists: 0, qualifiers: 0, pageSize: 100, width: 16, latencyMs: 5, runs: 1 },
    family: { lookups: 16, lists: 4, qualifiers: 50, pageSize: 20, width: 4, latencyMs: 5, runs: 1 },
    concurrency: {
        lookups: 20,
        caps: [8, 64],
        scenarios: [{ label: "20 req/s, burst 5, no Retry-After", limit: { requestsPerSecond: 20, burst: 5 }, latencyMs: 5 }],
        unthrottledLatenciesMs: [5],
    },
    engineSizes: [3],
};

/** The profile with `runs` overridden (at least 1), for every section. */
export function withRuns(profile: Profile, runs: number | undefined): Profile {
    if (runs === undefined) {
        return profile;
    }
    const n = Math.max(1, Math.floor(runs));
    return { ...profile, runs: n, inProcessRuns: n, overhead: { ...profile.overhead, runs: n }, family: { ...profile.family, runs: n } };
}
