// Rounds of in-process variants, the machinery of the goal-1 comparisons (overhead-in-process.ts,
// family-overhead.ts): unmeasured warm-up rounds, then measured rounds in which every variant runs once,
// in an order that rotates from round to round so that drift (GC, CPU clock) spreads evenly instead of
// always hitting the same variant. Each run starts after a full garbage collection (when the process
// has `--expose-gc`) and is checked against the stand-in's request log, so a broken run cannot look fast.

import type { StandIn, StandInStats } from "./standin";
import { collectGarbage, summarize, type Summary, timed } from "./stats";

/** One way of making a run's requests. */
export interface Variant<Key extends string> {
    key: Key;
    label: string;
    /** Simulated FC round trip while this variant runs, ms (0 = loopback as is). */
    latencyMs: number;
    run(): Promise<void>;
}

/** One variant's figures over the measured rounds. */
export interface VariantResult {
    label: string;
    /** Wall time of the whole run, ms. */
    ms: Summary;
    /** The stand-in's in-flight peak over the runs (max). */
    maxInFlight: number;
}

export interface RoundsOptions {
    /** For the progress lines, e.g. `overhead`. */
    name: string;
    runs: number;
    /** Unmeasured rounds first: JIT, the keep-alive pool, lazy requires. */
    warmups: number;
    /** GETs every run of every variant must make, each answered 200. */
    gets: number;
    log: (line: string) => void;
}

/** Runs the warm-up and measured rounds of `variants`; resolves with each variant's figures by key. */
export async function runRounds<Key extends string>(
    standIn: StandIn,
    variants: readonly Variant<Key>[],
    options: RoundsOptions,
): Promise<Record<Key, VariantResult>> {
    for (let w = 0; w < options.warmups; w++) {
        for (const variant of variants) {
            await measured(standIn, variant, options.gets);
        }
    }
    const times = new Map<Key, number[]>(variants.map((v) => [v.key, []]));
    const peaks = new Map<Key, number>(variants.map((v) => [v.key, 0]));
    for (let r = 0; r < options.runs; r++) {
        for (let k = 0; k < variants.length; k++) {
            const variant = variants[(r + k) % variants.length];
            const { ms, stats } = await measured(standIn, variant, options.gets);
            times.get(variant.key)?.push(ms);
            peaks.set(variant.key, Math.max(peaks.get(variant.key) ?? 0, stats.maxInFlight));
        }
        options.log(
            `  ${options.name} round ${r + 1}/${options.runs}: ${variants.map((v) => `${v.key}=${(times.get(v.key) ?? [])[r]?.toFixed(0)}ms`).join(" ")}`,
        );
    }
    const result = {} as Record<Key, VariantResult>;
    for (const variant of variants) {
        result[variant.key] = { label: variant.label, ms: summarize(times.get(variant.key) ?? []), maxInFlight: peaks.get(variant.key) ?? 0 };
    }
    return result;
}

/** Runs a variant and checks the stand-in saw exactly `gets` GETs, all answered 200. */
async function measured<Key extends string>(standIn: StandIn, variant: Variant<Key>, gets: number): Promise<{ ms: number; stats: StandInStats }> {
    await standIn.setLatency(variant.latencyMs);
    await standIn.resetLog();
    collectGarbage();
    const { ms } = await timed(() => variant.run()).finally(() => standIn.setLatency(0));
    const stats = await standIn.stats();
    if (stats.gets !== gets || stats.byStatus["200"] !== gets) {
        throw new Error(`${variant.label}: expected ${gets} GETs answered 200, the stand-in saw ${JSON.stringify(stats)}`);
    }
    return { ms, stats };
}
