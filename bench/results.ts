// Everything one bench run measured, in one typed object: the report and the goals are computed from
// it, and runBench returns it so a test can assert on figures rather than parse markdown.

import type { ConcurrencyResult } from "./concurrency";
import type { CellResult, EngineThrottleResult } from "./engine";
import type { MachineInfo } from "./machine";
import type { OverheadResult } from "./overhead";
import type { Profile } from "./profile";
import type { Tuning } from "../provider";

/** The sections a run can be limited to (all by default). */
export const SECTIONS = ["overhead", "family", "concurrency", "engine", "throttle"] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchResults {
    machine: MachineInfo;
    profile: Profile;
    /** The provider's default tuning (DEFAULT_TUNING of the built package) the figures ran with. */
    defaults: Tuning;
    /** Wall time of the whole bench, ms. */
    durationMs: number;
    /** Provider overhead of the FC 2.0 single read. */
    overhead?: OverheadResult;
    /** Provider overhead of the FC 2.0 list and the FC 3.0 single read and list. */
    family?: OverheadResult;
    concurrency?: ConcurrencyResult;
    /** Engine cells (kind x size). */
    engine?: CellResult[];
    engineThrottle?: EngineThrottleResult;
}

/** What a goal measures. */
export type Goal = "provider overhead" | "engine floor" | "concurrency under throttling" | "memory";

/** One goal, judged. */
export interface GoalResult {
    goal: Goal;
    /** What is measured. */
    name: string;
    /** The measured figure, in words. */
    figure: string;
    /** The target, in words. */
    target: string;
    /** Met, not met, or undefined when there is no target (informational). */
    met: boolean | undefined;
}
