// Provider overhead: what the provider's read costs on top of the official SDK call it stands for, in one
// process, for each data source (raw-sdk.ts has the SDK side).
//
// A run is one simulated deployment: `configure` afresh (new settings, new SDK client, no remembered
// answers, as a new provider host starts) or a fresh raw client, then N distinct reads, sequentially and
// `width` at a time. A list read is every page of one function's list, one after the other on both sides
// (each page needs the token of the one before). Unmeasured rounds come first (JIT, the keep-alive pool,
// lazy requires); then every round runs each variant once, in an order that rotates from round to round
// so that drift (GC, CPU clock) spreads evenly, each after a full GC when the process has `--expose-gc`.
// Every run is checked against the stand-in's log and every answer against the seeded config, so a
// broken read cannot look fast.
//
// Fairness at `width` at a time: the provider caps requests in flight (default 8). Against `width` raw
// calls the default cap would measure the cap, not the code, so the goal compares the provider with cap
// `width`; the FC 2.0 single read also shows the default cap, and a simulated FC round trip, beside it.

import type * as pulumi from "@pulumi/pulumi";
import { builtPackage, functionNames, LIST_SERVICE, qualifiedFunctionNames, SERVICE, standInConfig } from "./fixtures";
import type { OverheadSize } from "./profile";
import { createRawClient, createRawFc3Client, rawFc3List, rawFc3Lookup, rawList, rawLookup } from "./raw-sdk";
import type { GoalResult } from "./results";
import type { StandIn } from "./standin";
import { canCollectGarbage, collectGarbage, formatMs, formatRatioSpread, pairedRatios, summarize, type Summary, timed } from "./stats";

/** Provider overhead: provider read / raw SDK call, medians. */
export const IN_PROCESS_RATIO_GOAL = 1.1;

export type VariantKey =
    | "rawSequential"
    | "providerSequential"
    | "rawConcurrent"
    | "providerConcurrent"
    | "providerConcurrentDefaultCap"
    | "rawConcurrentLatency"
    | "providerConcurrentLatency";

/** One variant's figures over the measured rounds. */
export interface VariantResult {
    label: string;
    /** Wall time of the whole run, ms. */
    ms: Summary;
    /** The stand-in's in-flight peak over the runs. */
    maxInFlight: number;
}

/** One read path, measured, or failed (a broken read is a finding, not a reason to lose the other figures). */
export interface PathResult {
    label: string;
    /** Reads per run. */
    reads: number;
    /** GETs per run (pages, for a list). */
    gets: number;
    error?: string;
    variants?: Partial<Record<VariantKey, VariantResult>>;
    sequentialRatio?: number;
    concurrentRatio?: number;
    /** Per-round ratios of the two goal comparisons: informational. */
    pairedSequential?: Summary;
    pairedConcurrent?: Summary;
    /** FC 2.0 single read only: the default cap, and a simulated round trip. */
    concurrentDefaultCapRatio?: number;
    concurrentLatencyRatio?: number;
}

export interface OverheadResult {
    width: number;
    latencyMs: number;
    defaultCap: number;
    warmups: number;
    paths: PathResult[];
    collectedBeforeRuns: boolean;
}

export type OverheadOptions = OverheadSize & { warmups: number; log: (line: string) => void };

/** One way of reading: its data source, its functions, and what a raw client does for one of them. */
interface ReadPath {
    label: string;
    module: string;
    typeName: string;
    functions: string[];
    getsPerRead: number;
    /** The id and props the engine sends on a first read of `fn`. */
    read(fn: string, endpoint: string): { id: string; props: Record<string, unknown> };
    /** A fresh raw client's read of one function: the config, or a list's configs. */
    rawClient(standIn: StandIn): (fn: string) => Promise<unknown>;
    /** The provider's outputs as the raw read answers: the outputs, or a list's `configs`. */
    answerOf(outputs: Record<string, unknown>): unknown;
    /** A broken read must not look fast: the config seeded has 3 retry attempts; a list holds `qualifiers` of them. */
    expected: number | undefined;
}

/** The FC 2.0 single read (GetFunctionAsyncInvokeConfig): what the `overhead` section measures. */
export function fc2SinglePath(lookups: number): ReadPath {
    return {
        label: "GetFunctionAsyncInvokeConfig (FC 2.0)",
        module: "fc",
        typeName: "FunctionAsyncInvokeConfig",
        functions: functionNames(lookups),
        getsPerRead: 1,
        read: (fn, endpoint) => ({ id: `${SERVICE}:${fn}:LATEST`, props: { serviceName: SERVICE, functionName: fn, qualifier: "LATEST", endpoint } }),
        rawClient: (standIn) => {
            const client = createRawClient(standIn);
            return (fn) => rawLookup(client, standIn.accountId, SERVICE, fn);
        },
        answerOf: (outputs) => outputs,
        expected: undefined,
    };
}

/** The rest of the family (the `family` section): the FC 2.0 list, the FC 3.0 single read and list. */
async function familyPaths(standIn: StandIn, options: OverheadOptions): Promise<ReadPath[]> {
    const { qualifiers, pageSize } = options;
    // The two APIs hold separate data, so the listed functions have the same names in both.
    const listed = qualifiedFunctionNames("ratio", qualifiers, options.lists);
    const fc3Singles = functionNames(options.lookups);
    await standIn.seedQualifiers("fc2", LIST_SERVICE, listed, qualifiers);
    await standIn.seedQualifiers("fc3", LIST_SERVICE, listed, qualifiers);
    await standIn.seedFc3(fc3Singles);
    const pages = Math.ceil(qualifiers / pageSize);
    const list = { functions: listed, getsPerRead: pages, answerOf: (o: Record<string, unknown>) => o.configs, expected: qualifiers };
    const of = `, ${qualifiers} configs in ${pages} pages of ${pageSize}`;
    return [
        {
            ...list,
            label: `ListFunctionAsyncInvokeConfigs (FC 2.0)${of}`,
            module: "fc",
            typeName: "FunctionAsyncInvokeConfigs",
            read: (fn, endpoint) => ({ id: `${LIST_SERVICE}:${fn}`, props: { serviceName: LIST_SERVICE, functionName: fn, endpoint } }),
            rawClient: (s) => {
                const client = createRawClient(s);
                return (fn) => rawList(client, s.accountId, LIST_SERVICE, fn, pageSize);
            },
        },
        {
            label: "GetAsyncInvokeConfig (FC 3.0)",
            module: "fc3",
            typeName: "AsyncInvokeConfig",
            functions: fc3Singles,
            getsPerRead: 1,
            read: (fn, endpoint) => ({ id: `${fn}:LATEST`, props: { functionName: fn, qualifier: "LATEST", endpoint } }),
            rawClient: (s) => {
                const client = createRawFc3Client(s);
                return (fn) => rawFc3Lookup(client, s.accountId, fn);
            },
            answerOf: (outputs) => outputs,
            expected: undefined,
        },
        {
            ...list,
            label: `ListAsyncInvokeConfigs (FC 3.0)${of}`,
            module: "fc3",
            typeName: "AsyncInvokeConfigs",
            read: (fn, endpoint) => ({ id: fn, props: { functionName: fn, endpoint } }),
            rawClient: (s) => {
                const client = createRawFc3Client(s);
                return (fn) => rawFc3List(client, s.accountId, fn, pageSize);
            },
        },
    ];
}

/** The `overhead` section: the FC 2.0 single read, with the default-cap and round-trip variants. */
export function measureOverhead(standIn: StandIn, options: OverheadOptions): Promise<OverheadResult> {
    return measurePaths(standIn, [fc2SinglePath(options.lookups)], options, true);
}

/** The `family` section: the FC 2.0 list, the FC 3.0 single read and list. */
export async function measureFamily(standIn: StandIn, options: OverheadOptions): Promise<OverheadResult> {
    return measurePaths(standIn, await familyPaths(standIn, options), options, false);
}

async function measurePaths(standIn: StandIn, paths: readonly ReadPath[], options: OverheadOptions, extraVariants: boolean): Promise<OverheadResult> {
    const w = options.width;
    const rt = options.latencyMs;
    const defaultCap = builtPackage().DEFAULT_TUNING.maxConcurrentRequests;
    const results: PathResult[] = [];
    for (const path of paths) {
        const names = path.functions;
        const gets = names.length * path.getsPerRead;
        const read = providerReadOf(path);
        const rawRun = async (width: number): Promise<void> => {
            const call = path.rawClient(standIn);
            await runPool(names.length, width, async (i) => check(path, await call(names[i]), names[i]));
        };
        const providerRun = async (width: number, cap: number | undefined): Promise<void> => {
            await configureProvider(standIn, {
                "fcAsyncInvokeConfig:pageSize": String(options.pageSize),
                ...(cap === undefined ? {} : { "fcAsyncInvokeConfig:maxConcurrentRequests": String(cap) }),
            });
            await runPool(names.length, width, async (i) => {
                const { id, props } = path.read(names[i], standIn.endpoint);
                check(path, path.answerOf(await read(id, props)), names[i]);
            });
        };
        const variants: Variant[] = [
            { key: "rawSequential", label: "raw SDK, sequential", latencyMs: 0, run: () => rawRun(1) },
            { key: "providerSequential", label: "provider read, sequential", latencyMs: 0, run: () => providerRun(1, w) },
            { key: "rawConcurrent", label: `raw SDK, ${w} at a time`, latencyMs: 0, run: () => rawRun(w) },
            { key: "providerConcurrent", label: `provider read, ${w} at a time, cap ${w}`, latencyMs: 0, run: () => providerRun(w, w) },
        ];
        if (extraVariants) {
            variants.push(
                {
                    key: "providerConcurrentDefaultCap",
                    label: `provider read, ${w} at a time, default cap`,
                    latencyMs: 0,
                    run: () => providerRun(w, undefined),
                },
                { key: "rawConcurrentLatency", label: `raw SDK, ${w} at a time, ${rt} ms round trip`, latencyMs: rt, run: () => rawRun(w) },
                {
                    key: "providerConcurrentLatency",
                    label: `provider read, ${w} at a time, cap ${w}, ${rt} ms round trip`,
                    latencyMs: rt,
                    run: () => providerRun(w, w),
                },
            );
        }
        options.log(`  ${path.label}: ${names.length} reads per run`);
        try {
            const v = await runRounds(standIn, variants, { ...options, name: path.label, gets });
            const ratio = (a: VariantKey, b: VariantKey): number | undefined => (v[a] && v[b] ? v[a].ms.median / v[b].ms.median : undefined);
            results.push({
                label: path.label,
                reads: names.length,
                gets,
                variants: v,
                sequentialRatio: ratio("providerSequential", "rawSequential"),
                concurrentRatio: ratio("providerConcurrent", "rawConcurrent"),
                pairedSequential: pairedRatios(v.providerSequential!.ms, v.rawSequential!.ms),
                pairedConcurrent: pairedRatios(v.providerConcurrent!.ms, v.rawConcurrent!.ms),
                concurrentDefaultCapRatio: ratio("providerConcurrentDefaultCap", "rawConcurrent"),
                concurrentLatencyRatio: ratio("providerConcurrentLatency", "rawConcurrentLatency"),
            });
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            options.log(`  ${path.label}: FAILED: ${message}`);
            results.push({ label: path.label, reads: names.length, gets, error: message });
        }
    }
    return { width: w, latencyMs: rt, defaultCap, warmups: options.warmups, paths: results, collectedBeforeRuns: canCollectGarbage() };
}

interface Variant {
    key: VariantKey;
    label: string;
    /** Simulated FC round trip while this variant runs, ms. */
    latencyMs: number;
    run(): Promise<void>;
}

/** Warm-up rounds, then measured rounds of every variant in rotating order; each run checked against the stand-in's log. */
async function runRounds(
    standIn: StandIn,
    variants: readonly Variant[],
    options: { name: string; runs: number; warmups: number; gets: number; log: (line: string) => void },
): Promise<Partial<Record<VariantKey, VariantResult>>> {
    const measured = async (variant: Variant): Promise<{ ms: number; peak: number }> => {
        await standIn.setLatency(variant.latencyMs);
        await standIn.resetLog();
        collectGarbage();
        const { ms } = await timed(() => variant.run()).finally(() => standIn.setLatency(0));
        const stats = await standIn.stats();
        if (stats.gets !== options.gets || stats.byStatus["200"] !== options.gets) {
            throw new Error(`${variant.label}: expected ${options.gets} GETs answered 200, the stand-in saw ${JSON.stringify(stats)}`);
        }
        return { ms, peak: stats.maxInFlight };
    };
    for (let w = 0; w < options.warmups; w++) {
        for (const variant of variants) {
            await measured(variant);
        }
    }
    const times = new Map<VariantKey, number[]>(variants.map((v) => [v.key, []]));
    const peaks = new Map<VariantKey, number>();
    for (let r = 0; r < options.runs; r++) {
        for (let k = 0; k < variants.length; k++) {
            const variant = variants[(r + k) % variants.length];
            const { ms, peak } = await measured(variant);
            times.get(variant.key)?.push(ms);
            peaks.set(variant.key, Math.max(peaks.get(variant.key) ?? 0, peak));
        }
        options.log(`  ${options.name} round ${r + 1}/${options.runs}: ${variants.map((v) => `${v.key}=${times.get(v.key)?.[r]?.toFixed(0)}ms`).join(" ")}`);
    }
    return Object.fromEntries(variants.map((v) => [v.key, { label: v.label, ms: summarize(times.get(v.key) ?? []), maxInFlight: peaks.get(v.key) ?? 0 }]));
}

/** Throws when an answer is not what was seeded. */
function check(path: ReadPath, answer: unknown, fn: string): void {
    const configs = path.expected === undefined ? [answer] : answer;
    if (!Array.isArray(configs) || configs.length !== (path.expected ?? 1)) {
        throw new Error(`${path.label}: expected ${path.expected ?? 1} config(s) for ${fn}, got ${JSON.stringify(answer)?.slice(0, 200)}`);
    }
    for (const config of configs as Array<{ maxAsyncRetryAttempts?: number } | undefined>) {
        if (config?.maxAsyncRetryAttempts !== 3) {
            throw new Error(`${path.label}: unexpected answer for ${fn}: ${JSON.stringify(config)}`);
        }
    }
}

/**
 * Configures the provider afresh, as a new provider host does at the start of a deployment. Every data
 * source's provider shares the one implementation the built package loads, so one `configure` serves all.
 */
export async function configureProvider(standIn: StandIn, extra: Record<string, string> = {}): Promise<void> {
    const values: Record<string, string> = { ...standInConfig(standIn), ...extra };
    const config: pulumi.dynamic.Config = {
        get: (key) => values[key],
        require: (key) => values[key] ?? fail(`missing config ${key}`),
    };
    await builtPackage().functionAsyncInvokeConfigProvider.configure?.({ config });
}

/** A data source's `read` as the provider host calls it, taken once: building it inside a timed loop would charge it to every read. */
export function providerReadOf(source: { module: string; typeName: string }): (id: string, props: Record<string, unknown>) => Promise<Record<string, unknown>> {
    const read = builtPackage().dataSourceProvider<Record<string, unknown>, Record<string, unknown>>(source).read;
    if (read === undefined) {
        throw new Error(`the provider of ${source.module}:${source.typeName} has no read`);
    }
    return async (id, props) => (await read(id, props)).props ?? fail(`provider read of ${source.typeName} ${id} returned no props`);
}

function fail(message: string): never {
    throw new Error(message);
}

/** The goal lines of an `overhead` or `family` result. */
export function overheadGoals(o: OverheadResult): GoalResult[] {
    const judged = (name: string, ratio: number | undefined): GoalResult => ({
        goal: "provider overhead",
        name,
        figure: ratio === undefined ? "not measured" : ratio.toFixed(3),
        target: `<= ${IN_PROCESS_RATIO_GOAL.toFixed(2)}`,
        met: ratio !== undefined && ratio <= IN_PROCESS_RATIO_GOAL,
    });
    const info = (name: string, ratio: number, target: string): GoalResult => ({
        goal: "provider overhead",
        name,
        figure: ratio.toFixed(3),
        target,
        met: undefined,
    });
    const goals: GoalResult[] = [];
    for (const p of o.paths) {
        const at = `in process, ${p.label}, ${p.reads} reads`;
        if (p.error !== undefined) {
            goals.push({ ...judged(`${at}: provider / raw SDK`, undefined), figure: `not measured: ${p.error}` });
            continue;
        }
        goals.push(judged(`${at} sequential: provider / raw SDK`, p.sequentialRatio));
        goals.push(judged(`${at} ${o.width} at a time (cap ${o.width}): provider / raw SDK`, p.concurrentRatio));
        if (p.concurrentLatencyRatio !== undefined) {
            const name = `${at} ${o.width} at a time (cap ${o.width}), ${o.latencyMs} ms simulated FC round trip: provider / raw SDK`;
            goals.push(info(name, p.concurrentLatencyRatio, "informational (the goal is judged on loopback, above)"));
        }
        if (p.concurrentDefaultCapRatio !== undefined) {
            const name = `${at} ${o.width} at a time, default cap ${o.defaultCap}: provider / raw SDK`;
            goals.push(info(name, p.concurrentDefaultCapRatio, "informational (the cap, not the code)"));
        }
    }
    return goals;
}

/** The report's section of an `overhead` or `family` result. */
export function renderOverhead(o: OverheadResult, title: string): string[] {
    const out = [
        `## ${title}`,
        "",
        "A provider run is `configure` (fresh settings, SDK client and answers cache) then `read(id, props)` of the built package's " +
            "`dataSourceProvider`, as the provider host calls it; a raw run is a fresh client of the official SDK and its generated " +
            `\`…WithOptions\` method with \`X-Fc-Account-Id\`, every page of a list followed. ${o.warmups} warm-up round(s) first; variants in ` +
            `rotating order${o.collectedBeforeRuns ? ", each run after a full GC" : ""}; every run checked against the stand-in's log.`,
        "",
    ];
    for (const p of o.paths) {
        out.push(`### ${p.label}`, "");
        if (p.error !== undefined || p.variants === undefined) {
            out.push(`Not measured: \`${p.error}\``, "");
            continue;
        }
        out.push(`${p.reads} reads per run, ${p.gets} GETs.`, "", "| variant | wall time per run | per read | peak in flight at FC |", "|---|---|---|---|");
        for (const v of Object.values(p.variants)) {
            out.push(`| ${v.label} | ${formatMs(v.ms)} | ${((v.ms.median / p.reads) * 1000).toFixed(0)} µs | ${v.maxInFlight} |`);
        }
        out.push(
            "",
            `Provider / raw: sequential **${p.sequentialRatio?.toFixed(3)}** (per round ${formatRatioSpread(p.pairedSequential!)}), ` +
                `${o.width} at a time with cap ${o.width} **${p.concurrentRatio?.toFixed(3)}** (per round ${formatRatioSpread(p.pairedConcurrent!)})` +
                (p.concurrentDefaultCapRatio === undefined ? "" : `; with the default cap ${o.defaultCap} ${p.concurrentDefaultCapRatio.toFixed(3)}`) +
                (p.concurrentLatencyRatio === undefined ? "" : `; with a ${o.latencyMs} ms round trip ${p.concurrentLatencyRatio.toFixed(3)}`) +
                ".",
            "",
        );
    }
    return out;
}

// A fixed number of workers pulling indexes from a shared counter: "N calls, K at a time" exactly, unlike
// Promise.all over chunks, where each chunk waits for its slowest call and the width sags.
/** Runs `task(0..count-1)` with at most `width` in flight; resolves with the results in index order. */
async function runPool<T>(count: number, width: number, task: (index: number) => Promise<T>): Promise<T[]> {
    if (!Number.isInteger(width) || width < 1) {
        throw new RangeError(`runPool: width must be a positive integer, got ${width}`);
    }
    const results = new Array<T>(count);
    let next = 0;
    const worker = async (): Promise<void> => {
        while (next < count) {
            const index = next++;
            results[index] = await task(index);
        }
    };
    await Promise.all(Array.from({ length: Math.min(width, count) }, worker));
    return results;
}
