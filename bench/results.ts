// Everything one bench run measured, in one typed object: the report and the goals are computed from
// it, and runBench returns it so a test can assert on figures rather than parse markdown.

import type { DiscoveryResult } from "./account-discovery";
import type { ConcurrencyResult } from "./concurrency-in-process";
import type { CellResult } from "./engine-stacks";
import type { RegistrationResult } from "./registration";
import type { EngineThrottleResult } from "./engine-throttle";
import type { FamilyOverheadResult } from "./family-overhead";
import type { ListRequestsResult } from "./list-requests";
import type { MachineInfo } from "./machine";
import type { OverheadResult } from "./overhead-in-process";
import type { Profile } from "./profile";
import type { RequestCountResult } from "./request-count";
import type { SerializationResult } from "./serialization";
import type { StateSizeResult } from "./state-size";
import type { Tuning } from "../provider";

/** The sections a run can be limited to (all by default). */
export const SECTIONS = ["overhead", "family", "concurrency", "serialization", "engine", "requests", "lists", "throttle", "discovery"] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchResults {
    machine: MachineInfo;
    profile: Profile;
    /** The provider's default tuning (DEFAULT_TUNING of the built package) the figures ran with. */
    defaults: Tuning;
    /** Wall time of the whole bench, ms. */
    durationMs: number;
    overhead?: OverheadResult;
    /** Goal 1 for the FC 2.0 list and FC 3.0 single and list reads. */
    family?: FamilyOverheadResult;
    concurrency?: ConcurrencyResult;
    serialization?: SerializationResult;
    /** Engine cells (kind x size); their `deployment` holds the exported state of the first run. */
    engine?: CellResult[];
    /** The program's share of the engine stacks: registering N resources under mocks, data sources against the floor. */
    registration?: RegistrationResult;
    states?: StateSizeResult[];
    requests?: RequestCountResult;
    /** Goal 3 for the lists: GETs per list read. */
    lists?: ListRequestsResult;
    engineThrottle?: EngineThrottleResult;
    /** Issue #11: STS GetCallerIdentity calls per deployment. */
    discovery?: DiscoveryResult;
}

/** One goal, judged. */
export interface GoalResult {
    /** The goal's number in issue #4 (1-6). */
    goal: number;
    /** What is measured. */
    name: string;
    /** The measured figure, in words. */
    figure: string;
    /** The target, in words. */
    target: string;
    /** Met, not met, or undefined when there is no target (informational). */
    met: boolean | undefined;
}
