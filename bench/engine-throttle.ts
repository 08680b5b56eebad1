// Concurrency under throttling through the engine: `pulumi up` of a stack of many data sources while the stand-in throttles.
// The engine issues every read at once; the provider host's cap and retries must get all of them
// through. A failed read fails the `up`, so a run either deploys every data source or is counted failed.

import type { RateLimit } from "../test/fc-emulator";
import { runLifecycle } from "./engine-run";
import { standInConfig } from "./fixtures";
import { dataSourceProgram } from "./programs";
import type { StandIn } from "./standin";
import { summarize, type Summary } from "./stats";

export interface EngineThrottleOptions {
    sources: number;
    limit: RateLimit;
    /** Simulated FC round trip, ms. */
    latencyMs: number;
    runs: number;
    log: (line: string) => void;
}

export interface EngineThrottleResult {
    sources: number;
    limit: RateLimit;
    latencyMs: number;
    /** Runs whose `up` succeeded. */
    succeededRuns: number;
    runs: number;
    ms: Summary;
    throttledAnswers: Summary;
    gets: Summary;
    maxInFlight: Summary;
    hosts: Summary;
    firstError?: string;
}

export async function measureEngineThrottle(standIn: StandIn, options: EngineThrottleOptions): Promise<EngineThrottleResult> {
    const ms: number[] = [];
    const throttled: number[] = [];
    const gets: number[] = [];
    const peaks: number[] = [];
    const hosts: number[] = [];
    let succeeded = 0;
    let firstError: string | undefined;
    for (let r = 0; r < options.runs; r++) {
        // A new limit starts with a full bucket, so every run meets the same throttling.
        await standIn.setRateLimit(options.limit);
        await standIn.setLatency(options.latencyMs);
        try {
            const result = await runLifecycle(
                standIn,
                {
                    projectName: `bench-throttle-${options.sources}`,
                    program: dataSourceProgram(options.sources, options.sources, standIn.endpoint),
                    config: standInConfig(standIn),
                },
                ["up"],
            );
            const [up] = result.operations;
            succeeded++;
            ms.push(up.ms);
            throttled.push(up.fc.byStatus["429"] ?? 0);
            gets.push(up.fc.gets);
            peaks.push(up.fc.maxInFlight);
            hosts.push(up.processes.hosts.length);
            options.log(
                `  engine throttled up run ${r + 1}/${options.runs}: ${up.ms.toFixed(0)} ms, ${up.fc.byStatus["200"] ?? 0} OK, ${up.fc.byStatus["429"] ?? 0}x 429, peak ${up.fc.maxInFlight}`,
            );
        } catch (error) {
            firstError ??= essentialError(error instanceof Error ? error.message : String(error));
            options.log(`  engine throttled up run ${r + 1}/${options.runs}: FAILED`);
        } finally {
            await standIn.setRateLimit(undefined);
            await standIn.setLatency(0);
        }
    }
    const orZero = (values: number[]): Summary => summarize(values.length ? values : [0]);
    return {
        sources: options.sources,
        limit: options.limit,
        latencyMs: options.latencyMs,
        succeededRuns: succeeded,
        runs: options.runs,
        ms: orZero(ms),
        throttledAnswers: orZero(throttled),
        gets: orZero(gets),
        maxInFlight: orZero(peaks),
        hosts: orZero(hosts),
        firstError,
    };
}

/** The lines of a failed `pulumi up` that say why (the CLI's progress lines are dropped), at most ~1500 characters. */
function essentialError(message: string): string {
    const lines = message
        .split("\n")
        .filter((line) => /error|ResourceExhausted|throttl|429/i.test(line) && !/^\s*\+\s+pulumi:pulumi:Stack .* creating/.test(line));
    const picked = [...new Set(lines.map((line) => line.trim()))].slice(0, 6).join("\n");
    return (picked === "" ? message.slice(-1500) : picked).slice(0, 1500);
}
