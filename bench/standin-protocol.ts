// The messages between the bench and its FC stand-in child process (see standin.ts for why the stand-in
// runs in its own process). Kept in one file so both ends agree on the shapes at compile time.

import type { FaultMix, RateLimit } from "../test/fc-emulator";

/** What the stand-in is asked to do. Every request carries an id its reply echoes. */
export type StandInCommand =
    /** Create `service` and these functions, each with an async-invoke config on LATEST. */
    | { op: "seed"; service: string; functions: string[] }
    /** Create these FC 3.0 functions, each with an async-invoke config on LATEST. */
    | { op: "seedFc3"; functions: string[] }
    /**
     * Create these functions (FC 2.0: in `service`) with `count` aliases each, every alias with a config
     * and LATEST without one: a list of the function has exactly `count` configs.
     */
    | { op: "seedQualifiers"; api: StandInApi; service: string; functions: string[]; count: number }
    /** Set, or with `limit` absent remove, the token-bucket rate limit. */
    | { op: "setRateLimit"; limit?: RateLimit }
    /** Delay every answer by `ms` (0 = none), as a round trip to real FC would; set before throttling applies. */
    | { op: "setLatency"; ms: number }
    /** Set, or with `mix` absent remove, the seeded fault mix (drawn after the latency). */
    | { op: "setFaultMix"; mix?: FaultMix }
    /** Forget the request log and restart the in-flight peak. */
    | { op: "resetLog" }
    /** Summarize the request log since the last reset. */
    | { op: "stats" }
    /** Stop serving; the child exits after replying. */
    | { op: "close" };

/** Which view of the stand-in: FC 2.0 (API 2021-04-06) or FC 3.0 (API 2023-03-30). */
export type StandInApi = "fc2" | "fc3";

export interface StandInRequest {
    id: number;
    command: StandInCommand;
}

/** What the request log says, reduced to what the benchmarks report. */
export interface StandInStats {
    /** Every exchange. */
    total: number;
    /** Exchanges that were GETs (the only method the provider sends). */
    gets: number;
    /** Count per HTTP status, e.g. `{ "200": 500, "429": 37 }`; `0` means no answer was sent. */
    byStatus: Record<string, number>;
    /** The most requests that were in flight at once. */
    maxInFlight: number;
    /** How many distinct GET paths were asked how often: `{ "1": 280, "2": 18 }` = 280 paths once, 18 twice. */
    getsPerPath: Record<string, number>;
    /** Requests per fault kind they got (`status`, `reset`, `stall`, …), from rules or the fault mix. */
    byFault: Record<string, number>;
    /** CPU time (user + system) the stand-in spent since the last reset, ms: FC's work, not the client's. */
    cpuMs: number;
}

export type StandInReply = { id: number; ok: true; stats?: StandInStats } | { id: number; ok: false; error: string };

/** The first message of the child: where it listens and which (fake) key it accepts. */
export interface StandInReady {
    ready: true;
    endpoint: string;
    host: string;
    accountId: string;
    accessKeyId: string;
    accessKeySecret: string;
}
