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

/** `a / b` of two summaries' medians: the ratio the goals are stated in. */
export function medianRatio(a: Summary, b: Summary): number {
    return a.median / b.median;
}
