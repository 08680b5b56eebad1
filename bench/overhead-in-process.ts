// Provider overhead: what the provider's read path costs on top of the SDK call it wraps, in one process.
//
// Each measured run is one simulated deployment: configure the provider afresh (which drops its
// answers cache, so every lookup really goes to the stand-in) or build a fresh raw SDK client, then
// make the same N distinct requests. Both sides share the SDK's keep-alive agent and the same
// stand-in; the variants of a round run in a rotating order so that drift (GC, CPU clock) spreads
// evenly instead of always hitting the same variant.
//
// Fairness of the 16-at-a-time comparison: the provider caps requests in flight at
// `fcAsyncInvokeConfig:maxConcurrentRequests` (default 8 when this was written). Against 16 raw calls in flight, the default
// cap would measure the cap, not the code. The goal compares like with like (cap 16, 16 callers); the
// default cap with 16 callers is measured beside it, so the price of the default is visible too.

import { functionNames, SERVICE } from "./fixtures";
import { runPool } from "./pool";
import { configureProvider, type ExtraConfig, readThroughProvider } from "./provider-reader";
import { createRawClient, rawLookup } from "./raw-sdk";
import { runRounds, type Variant, type VariantResult } from "./rounds";
import type { StandIn } from "./standin";
import { canCollectGarbage, pairedRatios, type Summary } from "./stats";

export type { VariantResult } from "./rounds";

export interface OverheadOptions {
    lookups: number;
    /** Callers in flight for the concurrent comparison. */
    width: number;
    /**
     * A simulated FC round trip for one extra pair (raw and provider, `width` at a time, cap = width):
     * the same comparison as a deployment would see it, where FC's latency dwarfs both sides' CPU.
     */
    latencyMs: number;
    runs: number;
    /** Unmeasured rounds first (see rounds.ts). */
    warmups: number;
    log: (line: string) => void;
}

export type VariantKey =
    | "rawSequential"
    | "providerSequential"
    | "rawConcurrent"
    | "providerConcurrentSameCap"
    | "providerConcurrentDefaultCap"
    | "rawConcurrentLatency"
    | "providerConcurrentLatency";

export interface OverheadResult {
    lookups: number;
    width: number;
    variants: Record<VariantKey, VariantResult>;
    /** provider / raw, sequential (medians). */
    sequentialRatio: number;
    /** provider with cap = width / raw at width (medians): the goal figure. */
    concurrentRatio: number;
    /** provider with the default cap / raw at width (medians): the price of the default cap. */
    concurrentDefaultCapRatio: number;
    /** provider with cap = width / raw at width, both with the simulated round trip (medians). */
    concurrentLatencyRatio: number;
    /** Per-round ratios of the two goal comparisons (see {@link pairedRatios}): informational. */
    pairedSequential: Summary;
    pairedConcurrent: Summary;
    latencyMs: number;
    /** Whether a full GC ran before every timed run (the process had `--expose-gc`). */
    collectedBeforeRuns: boolean;
}

export async function measureOverheadInProcess(standIn: StandIn, options: OverheadOptions): Promise<OverheadResult> {
    const names = functionNames(options.lookups);
    const sameCap: ExtraConfig = { "fcAsyncInvokeConfig:maxConcurrentRequests": String(options.width) };

    const rawRun = async (width: number): Promise<void> => {
        const client = createRawClient(standIn);
        await runPool(names.length, width, async (i) => check(await rawLookup(client, standIn.accountId, SERVICE, names[i]), names[i]));
    };
    const providerRun = async (width: number, extra: ExtraConfig): Promise<void> => {
        await configureProvider(standIn, extra);
        await runPool(names.length, width, async (i) => check(await readThroughProvider(standIn, names[i]), names[i]));
    };

    const w = options.width;
    const rt = options.latencyMs;
    const variants: Variant<VariantKey>[] = [
        { key: "rawSequential", label: "raw SDK, sequential", latencyMs: 0, run: () => rawRun(1) },
        { key: "providerSequential", label: "provider read, sequential", latencyMs: 0, run: () => providerRun(1, {}) },
        { key: "rawConcurrent", label: `raw SDK, ${w} at a time`, latencyMs: 0, run: () => rawRun(w) },
        { key: "providerConcurrentSameCap", label: `provider read, ${w} at a time, cap ${w}`, latencyMs: 0, run: () => providerRun(w, sameCap) },
        { key: "providerConcurrentDefaultCap", label: `provider read, ${w} at a time, default cap`, latencyMs: 0, run: () => providerRun(w, {}) },
        { key: "rawConcurrentLatency", label: `raw SDK, ${w} at a time, ${rt} ms round trip`, latencyMs: rt, run: () => rawRun(w) },
        {
            key: "providerConcurrentLatency",
            label: `provider read, ${w} at a time, cap ${w}, ${rt} ms round trip`,
            latencyMs: rt,
            run: () => providerRun(w, sameCap),
        },
    ];

    const result = await runRounds(standIn, variants, { name: "overhead", runs: options.runs, warmups: options.warmups, gets: names.length, log: options.log });
    return {
        lookups: names.length,
        width: options.width,
        variants: result,
        sequentialRatio: result.providerSequential.ms.median / result.rawSequential.ms.median,
        concurrentRatio: result.providerConcurrentSameCap.ms.median / result.rawConcurrent.ms.median,
        concurrentDefaultCapRatio: result.providerConcurrentDefaultCap.ms.median / result.rawConcurrent.ms.median,
        concurrentLatencyRatio: result.providerConcurrentLatency.ms.median / result.rawConcurrentLatency.ms.median,
        pairedSequential: pairedRatios(result.providerSequential.ms, result.rawSequential.ms),
        pairedConcurrent: pairedRatios(result.providerConcurrentSameCap.ms, result.rawConcurrent.ms),
        latencyMs: rt,
        collectedBeforeRuns: canCollectGarbage(),
    };
}

/** A cheap sanity check that the answer is the seeded config, so a broken read cannot look fast. */
function check(answer: { maxAsyncRetryAttempts?: number }, fn: string): void {
    if (answer.maxAsyncRetryAttempts !== 3) {
        throw new Error(`unexpected answer for ${fn}: ${JSON.stringify(answer)}`);
    }
}
