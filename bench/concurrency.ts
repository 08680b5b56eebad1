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

import type { RateLimit } from "../provider/emulator";
import { configureProvider, fc2SinglePath, providerReadOf } from "./overhead";
import type { GoalResult } from "./results";
import type { StandIn, StandInStats } from "./standin";
import { formatCount, formatMs, summarize, type Summary, timed } from "./stats";

/**
 * "The default cap does not slow the unthrottled case": no number was given, so this bench calls a
 * slowdown of more than 10 % (default cap against a wide cap, medians) slowing it.
 */
export const CAP_SLOWDOWN_GOAL = 1.1;

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

export interface ThrottledResult extends ThrottleScenario {
    cap: number;
    lookups: number;
    ms: Summary;
    /** Lookups that succeeded, per run (the worst run is what matters). */
    succeeded: Summary;
    /** 429 answers per run: the retries the throttling cost. */
    throttledAnswers: Summary;
    /** GETs per run, 200s and 429s together. */
    requests: Summary;
    maxInFlight: Summary;
    firstError?: string;
    /** The fastest any client could finish: (lookups - burst) / rate, ms. */
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

/** Every lookup at once through a freshly configured provider with `cap` (default settings otherwise). */
async function allAtOnce(standIn: StandIn, names: readonly string[], cap?: number): Promise<{ ms: number; settled: PromiseSettledResult<unknown>[] }> {
    const path = fc2SinglePath(0);
    const read = providerReadOf(path);
    await standIn.resetLog();
    await configureProvider(standIn, cap === undefined ? {} : { "fcAsyncInvokeConfig:maxConcurrentRequests": String(cap) });
    const { ms, value } = await timed(() => Promise.allSettled(names.map((fn) => path.read(fn, standIn.endpoint)).map(({ id, props }) => read(id, props))));
    return { ms, settled: value };
}

export async function measureConcurrencyInProcess(standIn: StandIn, options: ConcurrencyOptions): Promise<ConcurrencyResult> {
    const names = fc2SinglePath(options.lookups).functions;
    const [defaultCap] = options.caps;
    const result: ConcurrencyResult = { lookups: names.length, throttled: [], unthrottled: [] };
    try {
        for (const scenario of options.scenarios) {
            const runs: Array<{ ms: number; ok: number; stats: StandInStats }> = [];
            let firstError: string | undefined;
            await standIn.setLatency(scenario.latencyMs);
            for (let r = 0; r < options.runs; r++) {
                // A new limit starts with a full bucket, so every run meets the same throttling.
                await standIn.setRateLimit(scenario.limit);
                const { ms, settled } = await allAtOnce(standIn, names);
                const stats = await standIn.stats();
                const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
                firstError ??= failed === undefined ? undefined : String(failed.reason instanceof Error ? failed.reason.message : failed.reason);
                runs.push({ ms, ok: settled.length - settled.filter((s) => s.status === "rejected").length, stats });
                options.log(
                    `  throttled (${scenario.label}) run ${r + 1}/${options.runs}: ${ms.toFixed(0)} ms, ${runs[r].ok}/${names.length} ok, ${stats.byStatus["429"] ?? 0}x 429, peak ${stats.maxInFlight}`,
                );
            }
            await standIn.setRateLimit(undefined);
            const burst = scenario.limit.burst ?? Math.max(1, Math.ceil(scenario.limit.requestsPerSecond));
            result.throttled.push({
                ...scenario,
                cap: defaultCap,
                lookups: names.length,
                ms: summarize(runs.map((x) => x.ms)),
                succeeded: summarize(runs.map((x) => x.ok)),
                throttledAnswers: summarize(runs.map((x) => x.stats.byStatus["429"] ?? 0)),
                requests: summarize(runs.map((x) => x.stats.gets)),
                maxInFlight: summarize(runs.map((x) => x.stats.maxInFlight)),
                firstError,
                floorMs: (Math.max(0, names.length - burst) / scenario.limit.requestsPerSecond) * 1000,
            });
        }
        for (const latencyMs of options.unthrottledLatenciesMs) {
            await standIn.setLatency(latencyMs);
            const times = new Map<number, Array<{ ms: number; peak: number }>>(options.caps.map((c) => [c, []]));
            // One unmeasured round per cap first, then the caps in alternating order.
            for (let r = -1; r < options.runs; r++) {
                for (const cap of r % 2 === 0 ? options.caps : [...options.caps].reverse()) {
                    const { ms, settled } = await allAtOnce(standIn, names, cap);
                    const stats = await standIn.stats();
                    if (settled.some((s) => s.status === "rejected") || stats.byStatus["200"] !== names.length) {
                        throw new Error(`unthrottled cap ${cap}: expected ${names.length} 200s, saw ${JSON.stringify(stats)}`);
                    }
                    if (r >= 0) {
                        times.get(cap)?.push({ ms, peak: stats.maxInFlight });
                    }
                }
                if (r >= 0) {
                    options.log(
                        `  unthrottled, ${latencyMs} ms round trip, run ${r + 1}/${options.runs}: ${options.caps.map((c) => `cap ${c}=${times.get(c)?.[r]?.ms.toFixed(0)}ms`).join(" ")}`,
                    );
                }
            }
            for (const cap of options.caps) {
                const runs = times.get(cap) ?? [];
                result.unthrottled.push({ latencyMs, cap, ms: summarize(runs.map((x) => x.ms)), maxInFlight: summarize(runs.map((x) => x.peak)) });
            }
        }
        return result;
    } finally {
        await standIn.setLatency(0);
        await standIn.setRateLimit(undefined);
    }
}

/** The goal lines of the in-process concurrency result. */
export function concurrencyGoals(c: ConcurrencyResult): GoalResult[] {
    const goals: GoalResult[] = c.throttled.map((t) => ({
        goal: "concurrency under throttling",
        name: `in process, ${t.lookups} lookups throttled at ${t.label}: all succeed, in flight <= cap ${t.cap}`,
        figure: `${t.succeeded.min}/${t.lookups} ok (worst run), peak in flight ${t.maxInFlight.max}, ${t.throttledAnswers.median} x 429 (median)`,
        target: `${t.lookups}/${t.lookups}, peak <= ${t.cap}`,
        met: t.succeeded.min === t.lookups && t.maxInFlight.max <= t.cap,
    }));
    for (const latencyMs of new Set(c.unthrottled.map((u) => u.latencyMs))) {
        const [def, wide] = c.unthrottled.filter((u) => u.latencyMs === latencyMs);
        const r = def.ms.median / wide.ms.median;
        // With a round trip, every lookup at once against a cap of 8 takes lookups/8 round trips instead of
        // lookups/64: the cap doing its job, not a cost of its code. Whether it slows a deployment is
        // judged through the engine (engine.ts).
        goals.push({
            goal: "concurrency under throttling",
            name: `in process, ${c.lookups} lookups unthrottled, ${latencyMs} ms round trip: cap ${def.cap} / cap ${wide.cap}`,
            figure: r.toFixed(3),
            target: latencyMs === 0 ? `<= ${CAP_SLOWDOWN_GOAL.toFixed(2)}` : "informational (the cap at work; judged through the engine)",
            met: latencyMs === 0 ? r <= CAP_SLOWDOWN_GOAL : undefined,
        });
    }
    return goals;
}

/** The report's lines for the in-process concurrency result. */
export function renderConcurrency(c: ConcurrencyResult): string[] {
    const out = [
        `In process: ${c.lookups} lookups started at once (as the engine issues reads) against a fresh provider with its default settings. ` +
            "The stand-in delays each answer by the round trip shown (on loopback without it requests never overlap, so no cap could show) " +
            "and its token bucket starts full each run. Floor = (lookups - burst) / rate: no client can finish sooner.",
        "",
        "| throttling | round trip | wall time | floor | lookups ok (worst run) | 429 answers | GETs | peak in flight (cap) |",
        "|---|---|---|---|---|---|---|---|",
        ...c.throttled.map(
            (t) =>
                `| ${t.label} | ${t.latencyMs} ms | ${formatMs(t.ms)} | ${t.floorMs.toFixed(0)} ms | ${t.succeeded.min}/${t.lookups} | ${formatCount(t.throttledAnswers)} | ${formatCount(t.requests)} | ${formatCount(t.maxInFlight)} (${t.cap}) |`,
        ),
        "",
        ...c.throttled.filter((t) => t.firstError !== undefined).flatMap((t) => [`First failure with ${t.label}: \`${t.firstError}\``, ""]),
        "Unthrottled, same lookups, default cap against a wide one:",
        "",
        "| round trip | cap | wall time | peak in flight |",
        "|---|---|---|---|",
        ...c.unthrottled.map((u) => `| ${u.latencyMs} ms | ${u.cap} | ${formatMs(u.ms)} | ${formatCount(u.maxInFlight)} |`),
        "",
    ];
    return out;
}
