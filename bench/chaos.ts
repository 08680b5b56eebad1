// The fault-injection run (`npm run chaos`): a deployment under steady faults, the way SDK retry modes
// are judged. The FC stand-in (in its own process, 20 ms round trip) draws a fault for every request at
// fixed, seeded rates (10% 503, 3% connection resets, 2% stalls past the timeout, 2% 429 with
// Retry-After: 1) while the real engine runs `pulumi up` of 300 data sources with the provider's default
// settings. Each run is paired with an unfaulted `up` of the same stack shape, for the wall time.
//
// Two more scenarios: a full outage during `pulumi refresh` (the state file must stay byte-identical),
// and a fault rate above what the retry budget absorbs (the `up` must fail, within a bound, with every
// failed lookup's code; nothing may hang). Benchmarks report; they do not gate.

import type { EngineEvent, Stack } from "@pulumi/pulumi/automation";
import type { FaultMix } from "../test/fc-emulator";
import { createEngineStack, type EngineStack, readStateFile } from "../test/support/engine";
import { builtPackage } from "./built-package";
import { standInConfig } from "./fixtures";
import { dataSourceProgram } from "./programs";
import type { StandIn, StandInStats } from "./standin";
import { summarize, type Summary, timed } from "./stats";
import type { Tuning } from "../provider";

/** The steady fault load, by rate. The 503 is a server fault (ServiceUnavailable), so it counts against maxAttempts. */
export const STEADY_FAULTS: FaultMix["faults"] = [
    { fault: { kind: "status", status: 503, errorCode: "ServiceUnavailable", message: "the service is temporarily unavailable" }, rate: 0.1 },
    { fault: { kind: "reset" }, rate: 0.03 },
    // Headers, then silence: the client's read timeout (timeoutSeconds, 10 s by default) ends it.
    { fault: { kind: "stall" }, rate: 0.02 },
    { fault: { kind: "status", status: 429, errorCode: "ResourceExhausted", retryAfterSeconds: 1 }, rate: 0.02 },
];

/** More than five attempts within the budget can absorb: about one lookup in four runs out. */
export const OVER_BUDGET_FAULTS: FaultMix["faults"] = [
    { fault: { kind: "status", status: 503, errorCode: "ServiceUnavailable", message: "the service is temporarily unavailable" }, rate: 0.6 },
    { fault: { kind: "reset" }, rate: 0.1 },
    { fault: { kind: "stall" }, rate: 0.05 },
];

/** A full outage: every request answered 503. */
export const OUTAGE: FaultMix["faults"] = [
    { fault: { kind: "status", status: 503, errorCode: "ServiceUnavailable", message: "the service is down" }, rate: 1 },
];

export interface ChaosOptions {
    /** Data sources per stack, each reading its own function. */
    sources: number;
    /** Paired runs (unfaulted, faulted). */
    runs: number;
    /** Simulated FC round trip, ms. */
    latencyMs: number;
    /** Run r's fault mix is seeded with `seed + r`. */
    seed: number;
    /** Data sources of the outage and over-budget scenarios. */
    scenarioSources: number;
    log: (line: string) => void;
}

/** Which lookups failed, and why: their FcError codes as the engine reported them. */
export interface FailureSummary {
    /** Data sources the engine reported an error for. */
    failed: number;
    /** Failed data sources per error code (`other` when a message names none). */
    byCode: Record<string, number>;
    /** One error message, as the engine printed it (first line). */
    example?: string;
}

/** One `pulumi up` of the stack. */
export interface UpRun {
    succeeded: boolean;
    ms: number;
    fc: StandInStats;
    /** GETs per data source (each reads its own function): median and max. */
    perSource: { median: number; max: number };
    failures: FailureSummary;
    /** The longest a data source's read took, from the engine's first event for it to its last, seconds (1 s resolution). */
    slowestReadSeconds: number;
}

export interface ChaosResult {
    sources: number;
    runs: number;
    latencyMs: number;
    seed: number;
    defaults: Tuning;
    faulted: UpRun[];
    unfaulted: UpRun[];
    outage: {
        sources: number;
        refreshFailed: boolean;
        /** The state file's text after the refresh equals the text before, byte for byte. */
        stateIdentical: boolean;
        /** JSON paths whose values differ between the two (`/checkpoint/latest/manifest/time`, …); empty when identical. */
        stateChanges: string[];
        stateBytes: number;
        ms: number;
        gets: number;
        failures: FailureSummary;
        slowestReadSeconds: number;
    };
    /** What any one read must end within: retry budget plus one timeout, seconds (the engine runs 8 reads at a time by default, so a deployment takes longer). */
    readBoundSeconds: number;
    overBudget: {
        sources: number;
        mix: FaultMix;
        succeeded: boolean;
        ms: number;
        /** The run was cancelled by the watchdog (a guard far beyond any bound: every read at its bound, 8 at a time). */
        hung: boolean;
        watchdogMs: number;
        fc: StandInStats;
        failures: FailureSummary;
        slowestReadSeconds: number;
    };
}

export async function runChaos(standIn: StandIn, options: ChaosOptions): Promise<ChaosResult> {
    const defaults = { ...builtPackage().DEFAULT_TUNING };
    const { log } = options;
    await standIn.setLatency(options.latencyMs);
    try {
        const faulted: UpRun[] = [];
        const unfaulted: UpRun[] = [];
        for (let r = 0; r < options.runs; r++) {
            // Alternate which goes first, so drift on the shared machine spreads over both.
            const order = r % 2 === 0 ? (["unfaulted", "faulted"] as const) : (["faulted", "unfaulted"] as const);
            for (const kind of order) {
                const mix = kind === "faulted" ? { seed: options.seed + r, faults: STEADY_FAULTS } : undefined;
                const run = await upOnce(standIn, options.sources, mix);
                (kind === "faulted" ? faulted : unfaulted).push(run);
                log(`  chaos run ${r + 1}/${options.runs} ${kind}: ${describeRun(run)}`);
            }
        }

        log("  chaos: full outage during refresh");
        const outage = await outageDuringRefresh(standIn, options.scenarioSources);
        log(
            `  chaos outage: refresh ${outage.refreshFailed ? "failed" : "PASSED"} in ${outage.ms.toFixed(0)} ms, state ${outage.stateIdentical ? "byte-identical" : "CHANGED"}`,
        );

        log("  chaos: fault rate above the budget");
        const overMix: FaultMix = { seed: options.seed + 1000, faults: OVER_BUDGET_FAULTS };
        const readBoundSeconds = defaults.retryBudgetSeconds + defaults.timeoutSeconds;
        const watchdogMs = Math.ceil(options.scenarioSources / 8) * readBoundSeconds * 1000 + 5 * 60_000;
        const over = await upOnce(standIn, options.scenarioSources, overMix, { continueOnError: true, watchdogMs });
        log(`  chaos over budget: ${describeRun(over)}`);

        return {
            sources: options.sources,
            runs: options.runs,
            latencyMs: options.latencyMs,
            seed: options.seed,
            defaults,
            faulted,
            unfaulted,
            outage,
            readBoundSeconds,
            overBudget: {
                sources: options.scenarioSources,
                mix: overMix,
                succeeded: over.succeeded,
                ms: over.ms,
                hung: over.hung,
                watchdogMs,
                fc: over.fc,
                failures: over.failures,
                slowestReadSeconds: over.slowestReadSeconds,
            },
        };
    } finally {
        await standIn.setFaultMix(undefined);
        await standIn.setLatency(0);
    }
}

/** Creates a stack of `sources` data sources on the stand-in, with the provider's default settings. */
async function dataSourceStack(standIn: StandIn, sources: number, name: string): Promise<EngineStack> {
    const config: Record<string, { value: string; secret?: boolean }> = {};
    for (const [key, value] of Object.entries(standInConfig(standIn))) {
        config[key] = { value, secret: key === "alicloud:secretKey" };
    }
    return createEngineStack({ projectName: `${name}-${sources}`, program: dataSourceProgram(sources, sources, standIn.endpoint), config });
}

/** One fresh stack's `up` under `mix` (none: unfaulted); failures are counted, not thrown. */
async function upOnce(
    standIn: StandIn,
    sources: number,
    mix: FaultMix | undefined,
    extra: { continueOnError?: boolean; watchdogMs?: number } = {},
): Promise<UpRun & { hung: boolean }> {
    const engine = await dataSourceStack(standIn, sources, mix === undefined ? "chaos-clean" : "chaos-faulted");
    try {
        await standIn.setFaultMix(mix);
        await standIn.resetLog();
        const events: EngineEvent[] = [];
        const { ms, value } = await timed(() =>
            watched(engine.stack, extra.watchdogMs, () => engine.stack.up({ onEvent: (e) => events.push(e), continueOnError: extra.continueOnError })),
        );
        await standIn.setFaultMix(undefined);
        const fc = await standIn.stats();
        return {
            succeeded: value.ok,
            hung: value.hung,
            ms,
            fc,
            perSource: perSource(fc),
            failures: failuresOf(events),
            slowestReadSeconds: slowestRead(events),
        };
    } finally {
        await standIn.setFaultMix(undefined);
        await engine.dispose();
    }
}

/** `up` of a stack, a full outage, then `refresh`: the refresh must fail and leave the state file as it was. */
async function outageDuringRefresh(standIn: StandIn, sources: number): Promise<ChaosResult["outage"]> {
    const engine = await dataSourceStack(standIn, sources, "chaos-outage");
    try {
        await engine.stack.up();
        const projectName = `chaos-outage-${sources}`;
        const before = readStateFile(engine, projectName);
        await standIn.setFaultMix({ seed: 1, faults: OUTAGE });
        await standIn.resetLog();
        const events: EngineEvent[] = [];
        const { ms, value } = await timed(() => watched(engine.stack, undefined, () => engine.stack.refresh({ onEvent: (e) => events.push(e) })));
        const fc = await standIn.stats();
        await standIn.setFaultMix(undefined);
        const after = readStateFile(engine, projectName);
        return {
            sources,
            refreshFailed: !value.ok,
            stateIdentical: before === after,
            stateChanges: changedPaths(JSON.parse(before), JSON.parse(after)),
            stateBytes: Buffer.byteLength(before),
            ms,
            gets: fc.gets,
            failures: failuresOf(events),
            slowestReadSeconds: slowestRead(events),
        };
    } finally {
        await standIn.setFaultMix(undefined);
        await engine.dispose();
    }
}

/** The JSON paths at which `a` and `b` differ (a key on one side only counts as a difference). */
export function changedPaths(a: unknown, b: unknown, at = ""): string[] {
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
        return a === b ? [] : [at || "/"];
    }
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    return keys.flatMap((key) => (key in left && key in right ? changedPaths(left[key], right[key], `${at}/${key}`) : [`${at}/${key}`]));
}

/** Whether every change is one the engine makes to any checkpoint it writes: its time stamp and fresh ciphertexts. */
export function onlyEngineRewrites(paths: readonly string[]): boolean {
    return paths.every((p) => p === "/checkpoint/latest/manifest/time" || p.endsWith("/ciphertext"));
}

/** Runs an engine operation; resolves with whether it succeeded, cancelling it after `watchdogMs` (a hang). */
async function watched(stack: Stack, watchdogMs: number | undefined, operation: () => Promise<unknown>): Promise<{ ok: boolean; hung: boolean }> {
    let hung = false;
    const timer = watchdogMs === undefined ? undefined : setTimeout(() => ((hung = true), void stack.cancel().catch(() => undefined)), watchdogMs);
    try {
        await operation();
        return { ok: true, hung };
    } catch {
        return { ok: false, hung };
    } finally {
        clearTimeout(timer);
    }
}

/** Median and max GETs per requested path, from the stand-in's histogram. */
function perSource(fc: StandInStats): { median: number; max: number } {
    const counts = Object.entries(fc.getsPerPath).flatMap(([gets, paths]) => Array<number>(paths).fill(Number(gets)));
    if (counts.length === 0) {
        return { median: 0, max: 0 };
    }
    const s = summarize(counts);
    return { median: s.median, max: s.max };
}

/** Whether an engine event's URN is one of the data sources. */
function isDataSource(urn: string | undefined): urn is string {
    return urn !== undefined && /\/fc:FunctionAsyncInvokeConfig::/.test(urn);
}

/** The longest any data source's read took: from the engine's first event about it to its last, in seconds. */
function slowestRead(events: readonly EngineEvent[]): number {
    const first = new Map<string, number>();
    const last = new Map<string, number>();
    for (const event of events) {
        const urn = event.resourcePreEvent?.metadata.urn ?? event.resOutputsEvent?.metadata.urn ?? event.diagnosticEvent?.urn;
        if (isDataSource(urn)) {
            first.set(urn, Math.min(first.get(urn) ?? Infinity, event.timestamp));
            last.set(urn, Math.max(last.get(urn) ?? -Infinity, event.timestamp));
        }
    }
    return Math.max(0, ...[...first].map(([urn, start]) => (last.get(urn) ?? start) - start));
}

/** The engine's error diagnostics per data source, summarized by the FcError code each message opens with. */
export function failuresOf(events: readonly EngineEvent[]): FailureSummary {
    const firstError = new Map<string, string>();
    for (const event of events) {
        const d = event.diagnosticEvent;
        if (d?.severity === "error" && isDataSource(d.urn) && !firstError.has(d.urn)) {
            firstError.set(d.urn, d.message);
        }
    }
    const byCode: Record<string, number> = {};
    for (const message of firstError.values()) {
        const code = /([A-Za-z][\w.-]*) \((?:HTTP \d+|no HTTP answer)\) while reading/.exec(message)?.[1] ?? "other";
        byCode[code] = (byCode[code] ?? 0) + 1;
    }
    const example = [...firstError.values()][0]
        ?.split("\n")
        .find((line) => line.trim() !== "")
        ?.trim();
    return { failed: firstError.size, byCode, example };
}

function describeRun(run: UpRun): string {
    const faults =
        Object.entries(run.fc.byFault)
            .map(([k, n]) => `${n} ${k}`)
            .join(", ") || "no faults";
    const failed =
        run.failures.failed === 0
            ? ""
            : `, ${run.failures.failed} failed (${Object.entries(run.failures.byCode)
                  .map(([c, n]) => `${n} ${c}`)
                  .join(", ")})`;
    return `${run.succeeded ? "ok" : "FAILED"} in ${run.ms.toFixed(0)} ms, ${run.fc.gets} GETs (${faults}), per source median ${run.perSource.median} max ${run.perSource.max}, peak in flight ${run.fc.maxInFlight}${failed}`;
}

/** Wall time of the faulted runs over the unfaulted ones, medians; and both summaries. */
export function wallTimes(result: ChaosResult): { faulted: Summary; unfaulted: Summary; ratio: number } {
    const faulted = summarize(result.faulted.map((r) => r.ms));
    const unfaulted = summarize(result.unfaulted.map((r) => r.ms));
    return { faulted, unfaulted, ratio: faulted.median / unfaulted.median };
}
