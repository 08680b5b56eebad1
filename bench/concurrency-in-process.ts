// Concurrency under throttling, in one process: the provider's request cap under throttling and without it.
//
// All lookups are started at once, as the engine does when a program registers many data sources,
// so the provider's cap (not the caller) decides how many requests are in flight.
//  - Throttled: the stand-in answers 429 beyond a token-bucket rate. Every lookup must still succeed
//    through the provider's retries; the stand-in's in-flight peak must not exceed the cap.
//  - Unthrottled: the default cap against a cap of 64, to see whether the default slows a stack
//    of many lookups when FC is not pushing back.
// Both are run with a simulated FC round trip (the stand-in delays each answer): on loopback with
// no delay, a request is answered before the next one is even signed, nothing is ever in flight
// together, and neither a cap nor its absence could show.

import type { RateLimit } from "../test/fc-emulator";
import { functionNames } from "./fixtures";
import { configureProvider, readThroughProvider } from "./provider-reader";
import type { StandIn } from "./standin";
import { summarize, type Summary, timed } from "./stats";

export interface ThrottleScenario {
    label: string;
    limit: RateLimit;
    /** Simulated round trip of each request, ms. */
    latencyMs: number;
}

export interface ConcurrencyOptions {
    lookups: number;
    runs: number;
    scenarios: ThrottleScenario[];
    /** The caps compared unthrottled; the first is the default. */
    caps: [number, number];
    /** Round trips the unthrottled comparison is run at, ms. */
    unthrottledLatenciesMs: number[];
    log: (line: string) => void;
}

export interface ThrottledResult {
    label: string;
    limit: RateLimit;
    latencyMs: number;
    cap: number;
    lookups: number;
    ms: Summary;
    /** Lookups that succeeded, per run (min over runs is what matters). */
    succeeded: Summary;
    /** 429 answers per run: the retries the throttling cost. */
    throttledAnswers: Summary;
    /** GETs per run, 200s and 429s together. */
    requests: Summary;
    /** The stand-in's in-flight peak, per run. */
    maxInFlight: Summary;
    /** The first failure seen, if any lookup failed. */
    firstError?: string;
    /** The fastest any client could finish: (lookups - burst) / rate, in ms. */
    floorMs: number;
}

export interface UnthrottledResult {
    latencyMs: number;
    cap: number;
    ms: Summary;
    maxInFlight: Summary;
}

export interface ConcurrencyResult {
    lookups: number;
    throttled: ThrottledResult[];
    unthrottled: UnthrottledResult[];
}

export async function measureConcurrencyInProcess(standIn: StandIn, options: ConcurrencyOptions): Promise<ConcurrencyResult> {
    const names = functionNames(options.lookups);
    const throttled: ThrottledResult[] = [];
    try {
        for (const scenario of options.scenarios) {
            throttled.push(await throttledScenario(standIn, names, scenario, options));
        }
        const unthrottled: UnthrottledResult[] = [];
        for (const latencyMs of options.unthrottledLatenciesMs) {
            await standIn.setLatency(latencyMs);
            unthrottled.push(...(await unthrottledComparison(standIn, names, latencyMs, options)));
        }
        return { lookups: names.length, throttled, unthrottled };
    } finally {
        await standIn.setLatency(0);
        await standIn.setRateLimit(undefined);
    }
}

async function throttledScenario(standIn: StandIn, names: string[], scenario: ThrottleScenario, options: ConcurrencyOptions): Promise<ThrottledResult> {
    const defaultCap = options.caps[0];
    const ms: number[] = [];
    const succeeded: number[] = [];
    const answers429: number[] = [];
    const requests: number[] = [];
    const peaks: number[] = [];
    let firstError: string | undefined;
    await standIn.setLatency(scenario.latencyMs);
    for (let r = 0; r < options.runs; r++) {
        // A new limit starts with a full bucket, so every run meets the same throttling.
        await standIn.setRateLimit(scenario.limit);
        await standIn.resetLog();
        await configureProvider(standIn);
        const run = await timed(() => Promise.allSettled(names.map((fn) => readThroughProvider(standIn, fn))));
        const stats = await standIn.stats();
        const ok = run.value.filter((s) => s.status === "fulfilled").length;
        const failed = run.value.find((s): s is PromiseRejectedResult => s.status === "rejected");
        firstError ??= failed === undefined ? undefined : String(failed.reason instanceof Error ? failed.reason.message : failed.reason);
        ms.push(run.ms);
        succeeded.push(ok);
        answers429.push(stats.byStatus["429"] ?? 0);
        requests.push(stats.gets);
        peaks.push(stats.maxInFlight);
        options.log(
            `  throttled (${scenario.label}) run ${r + 1}/${options.runs}: ${run.ms.toFixed(0)} ms, ${ok}/${names.length} ok, ${stats.byStatus["429"] ?? 0}x 429, peak ${stats.maxInFlight}`,
        );
    }
    await standIn.setRateLimit(undefined);
    const burst = scenario.limit.burst ?? Math.max(1, Math.ceil(scenario.limit.requestsPerSecond));
    return {
        label: scenario.label,
        limit: scenario.limit,
        latencyMs: scenario.latencyMs,
        cap: defaultCap,
        lookups: names.length,
        ms: summarize(ms),
        succeeded: summarize(succeeded),
        throttledAnswers: summarize(answers429),
        requests: summarize(requests),
        maxInFlight: summarize(peaks),
        firstError,
        floorMs: (Math.max(0, names.length - burst) / scenario.limit.requestsPerSecond) * 1000,
    };
}

async function unthrottledComparison(standIn: StandIn, names: string[], latencyMs: number, options: ConcurrencyOptions): Promise<UnthrottledResult[]> {
    const times = new Map<number, number[]>(options.caps.map((c) => [c, []]));
    const peaks = new Map<number, number[]>(options.caps.map((c) => [c, []]));
    // One unmeasured round per cap first: warm code paths and connections for both.
    for (const cap of options.caps) {
        await unthrottledRun(standIn, names, cap);
    }
    for (let r = 0; r < options.runs; r++) {
        const order = r % 2 === 0 ? options.caps : [...options.caps].reverse();
        for (const cap of order) {
            const { ms, peak } = await unthrottledRun(standIn, names, cap);
            times.get(cap)?.push(ms);
            peaks.get(cap)?.push(peak);
        }
        options.log(
            `  unthrottled, ${latencyMs} ms round trip, run ${r + 1}/${options.runs}: ${options.caps.map((c) => `cap ${c}=${(times.get(c) ?? [])[r]?.toFixed(0)}ms`).join(" ")}`,
        );
    }
    return options.caps.map((cap) => ({ latencyMs, cap, ms: summarize(times.get(cap) ?? []), maxInFlight: summarize(peaks.get(cap) ?? []) }));
}

async function unthrottledRun(standIn: StandIn, names: string[], cap: number): Promise<{ ms: number; peak: number }> {
    await standIn.resetLog();
    await configureProvider(standIn, { "fcAsyncInvokeConfig:maxConcurrentRequests": String(cap) });
    const { ms } = await timed(() => Promise.all(names.map((fn) => readThroughProvider(standIn, fn))));
    const stats = await standIn.stats();
    if (stats.byStatus["200"] !== names.length) {
        throw new Error(`unthrottled cap ${cap}: expected ${names.length} 200s, saw ${JSON.stringify(stats)}`);
    }
    return { ms, peak: stats.maxInFlight };
}
