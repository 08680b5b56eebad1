// Turning repeated measurements into the figures the report prints: median, min and max, never a mean,
// because one slow run (a GC pause, a cold disk cache) would move a mean but not a median.

import { performance } from "node:perf_hooks";

/** The figures of one measured quantity over several runs. */
export interface Summary {
    /** How many runs were measured (warm-up runs excluded). */
    runs: number;
    median: number;
    min: number;
    max: number;
    /** Every value, in the order measured, so the report can be checked by hand. */
    values: number[];
}

/** Median, min and max of `values`. Throws on an empty list: a figure without runs is a bench bug. */
export function summarize(values: readonly number[]): Summary {
    if (values.length === 0) {
        throw new Error("summarize: no values");
    }
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    return { runs: values.length, median, min: sorted[0], max: sorted[sorted.length - 1], values: [...values] };
}

/** Runs `task` and returns how long it took in milliseconds (monotonic clock) with its result. */
export async function timed<T>(task: () => Promise<T>): Promise<{ ms: number; value: T }> {
    const started = performance.now();
    const value = await task();
    return { ms: performance.now() - started, value };
}

/**
 * Per-run ratios `a[i] / b[i]` of two variants measured in the same round (a round runs every
 * variant once, within a few seconds), summarized.
 * The rounds drift together on a shared machine (a slow minute slows both), so this pairing shows
 * how much of the spread of the two medians is the machine and how much the code.
 */
export function pairedRatios(a: Summary, b: Summary): Summary {
    if (a.values.length !== b.values.length) {
        throw new Error(`pairedRatios: ${a.values.length} runs against ${b.values.length}`);
    }
    return summarize(a.values.map((value, i) => value / b.values[i]));
}

/**
 * A full garbage collection, when the process was started with `--expose-gc` (`npm run bench` is);
 * otherwise nothing. Run before each timed in-process run, so that no variant pays for the garbage
 * the previous one left behind.
 */
export function collectGarbage(): void {
    exposedGc()?.();
}

/** Whether {@link collectGarbage} can collect in this process. */
export function canCollectGarbage(): boolean {
    return exposedGc() !== undefined;
}

function exposedGc(): (() => void) | undefined {
    const gc = (globalThis as { gc?: unknown }).gc;
    return typeof gc === "function" ? (gc as () => void) : undefined;
}

/** A duration summary as the report prints it: `median ms (min-max)`, or the one value. */
export function formatMs(s: Summary): string {
    const f = (v: number): string => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
    return s.runs === 1 ? `${f(s.median)} ms` : `${f(s.median)} ms (${f(s.min)}-${f(s.max)})`;
}

/** A count summary: the one value when every run agreed, else `median (min-max)`. */
export function formatCount(s: Summary): string {
    return s.min === s.max ? `${s.median}` : `${s.median} (${s.min}-${s.max})`;
}

/** A ratio summary as `median (min-max)`. */
export function formatRatioSpread(s: Summary): string {
    return `${s.median.toFixed(3)} (${s.min.toFixed(3)}-${s.max.toFixed(3)})`;
}
