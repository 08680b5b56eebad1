// Provider overhead for the rest of the data-source family: the provider's read against the official SDK
// call it stands for, in one process, for the FC 2.0 list (ListFunctionAsyncInvokeConfigs), the FC 3.0
// single read (GetAsyncInvokeConfig) and the FC 3.0 list (ListAsyncInvokeConfigs). Each path is measured
// as the FC 2.0 single read is (overhead-in-process.ts, with the same rounds machinery of rounds.ts): a run is a
// simulated deployment, a fresh `configure` or a fresh raw client, then N distinct reads, sequentially and
// `width` at a time with the provider's cap set to `width`. A list read is every page of one function's
// list, one page after the other on both sides (each page needs the token of the one before).

import { FC2_LIST, FC3_LIST, FC3_SINGLE, type FamilySource } from "./family-sources";
import { functionNames, LIST_SERVICE, qualifiedFunctionNames } from "./fixtures";
import { runPool } from "./pool";
import { configureProvider, providerReadOf } from "./provider-reader";
import { createRawClient, createRawFc3Client, rawFc3List, rawFc3Lookup, rawList } from "./raw-sdk";
import { runRounds, type Variant, type VariantResult } from "./rounds";
import type { StandIn } from "./standin";
import { canCollectGarbage, formatMs, formatRatioSpread, pairedRatios, type Summary } from "./stats";

export interface FamilyOverheadOptions {
    /** FC 3.0 single reads per run, one function each. */
    lookups: number;
    /** List reads per run, one function each. */
    lists: number;
    /** Configs (aliases) of each listed function. */
    qualifiers: number;
    /** `fcAsyncInvokeConfig:pageSize`, and the raw loops' `limit`. */
    pageSize: number;
    /** Reads in flight for the concurrent comparison (and the provider's cap there). */
    width: number;
    runs: number;
    warmups: number;
    log: (line: string) => void;
}

export type FamilyVariantKey = "rawSequential" | "providerSequential" | "rawConcurrent" | "providerConcurrent";

/** One path, measured or failed. */
export type FamilyPathResult = FamilyPathFigures | FamilyPathFailure;

/** What every path reports. */
interface FamilyPathBase {
    label: string;
    /** Reads per run. */
    reads: number;
    /** GETs per run (pages, for a list). */
    gets: number;
}

/**
 * A path whose reads failed (a broken read is a finding, not a reason to lose the other figures): the
 * first error, with the variant that hit it.
 */
export interface FamilyPathFailure extends FamilyPathBase {
    error: string;
}

/** A measured path's figures. */
export interface FamilyPathFigures extends FamilyPathBase {
    error?: undefined;
    variants: Record<FamilyVariantKey, VariantResult>;
    /** provider / raw, sequential (medians). */
    sequentialRatio: number;
    /** provider with cap = width / raw at width (medians). */
    concurrentRatio: number;
    pairedSequential: Summary;
    pairedConcurrent: Summary;
}

export interface FamilyOverheadResult {
    width: number;
    pageSize: number;
    qualifiers: number;
    paths: FamilyPathResult[];
    collectedBeforeRuns: boolean;
}

/** One read path: its data source, its functions, and what a raw client does for one of them. */
interface ReadPath {
    label: string;
    source: FamilySource;
    functions: string[];
    /** GETs one read makes. */
    getsPerRead: number;
    /** A fresh raw client, and its read of one function: the config, or a list's configs. */
    rawClient(): (fn: string) => Promise<unknown>;
    /** The provider's outputs as the raw read answers: the outputs, or a list's `configs`. */
    answerOf(outputs: Record<string, unknown>): unknown;
    /** Throws when an answer is not what was seeded, so that a broken read cannot look fast. */
    check(answer: unknown, fn: string): void;
}

export async function measureFamilyOverhead(standIn: StandIn, options: FamilyOverheadOptions): Promise<FamilyOverheadResult> {
    const { pageSize, qualifiers } = options;
    const account = standIn.accountId;
    // The two views hold separate data, so the listed functions have the same names in both.
    const listed = qualifiedFunctionNames("ratio", qualifiers, options.lists);
    const fc3Singles = functionNames(options.lookups);
    await standIn.seedQualifiers("fc2", LIST_SERVICE, listed, qualifiers);
    await standIn.seedQualifiers("fc3", LIST_SERVICE, listed, qualifiers);
    await standIn.seedFc3(fc3Singles);

    const pages = Math.ceil(qualifiers / pageSize);
    const listPath = (source: FamilySource, functions: string[], rawClient: ReadPath["rawClient"]): ReadPath => ({
        label: `${source.operation}, ${qualifiers} configs in ${pages} pages of ${pageSize}`,
        source,
        functions,
        getsPerRead: pages,
        rawClient,
        answerOf: (outputs) => outputs.configs,
        check: (answer, fn) => checkList(answer, qualifiers, fn),
    });
    const paths: ReadPath[] = [
        listPath(FC2_LIST, listed, () => {
            const client = createRawClient(standIn);
            return (fn) => rawList(client, account, LIST_SERVICE, fn, pageSize);
        }),
        {
            label: FC3_SINGLE.operation,
            source: FC3_SINGLE,
            functions: fc3Singles,
            getsPerRead: 1,
            rawClient: () => {
                const client = createRawFc3Client(standIn);
                return (fn) => rawFc3Lookup(client, account, fn);
            },
            answerOf: (outputs) => outputs,
            check: checkConfig,
        },
        listPath(FC3_LIST, listed, () => {
            const client = createRawFc3Client(standIn);
            return (fn) => rawFc3List(client, account, fn, pageSize);
        }),
    ];

    const settings = { "fcAsyncInvokeConfig:maxConcurrentRequests": String(options.width), "fcAsyncInvokeConfig:pageSize": String(pageSize) };
    const results: FamilyPathResult[] = [];
    for (const path of paths) {
        const read = providerReadOf(path.source);
        const names = path.functions;
        const count = names.length;
        const rawRun = async (width: number): Promise<void> => {
            const call = path.rawClient();
            await runPool(count, width, async (i) => path.check(await call(names[i]), names[i]));
        };
        const providerRun = async (width: number): Promise<void> => {
            await configureProvider(standIn, settings);
            await runPool(count, width, async (i) => {
                const { id, props } = path.source.read(names[i], standIn.endpoint);
                path.check(path.answerOf(await read(id, props)), names[i]);
            });
        };
        const w = options.width;
        const variants: Variant<FamilyVariantKey>[] = [
            { key: "rawSequential", label: "raw SDK, sequential", latencyMs: 0, run: () => rawRun(1) },
            { key: "providerSequential", label: "provider read, sequential", latencyMs: 0, run: () => providerRun(1) },
            { key: "rawConcurrent", label: `raw SDK, ${w} at a time`, latencyMs: 0, run: () => rawRun(w) },
            { key: "providerConcurrent", label: `provider read, ${w} at a time, cap ${w}`, latencyMs: 0, run: () => providerRun(w) },
        ];
        options.log(`  ${path.label}: ${count} reads per run`);
        const gets = count * path.getsPerRead;
        const rounds = runRounds(standIn, variants, { name: path.label, runs: options.runs, warmups: options.warmups, gets, log: options.log });
        const v = await rounds.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
        if (v instanceof Error) {
            options.log(`  ${path.label}: FAILED: ${v.message}`);
            results.push({ label: path.label, reads: count, gets, error: v.message });
            continue;
        }
        results.push({
            label: path.label,
            reads: count,
            gets,
            variants: v,
            sequentialRatio: v.providerSequential.ms.median / v.rawSequential.ms.median,
            concurrentRatio: v.providerConcurrent.ms.median / v.rawConcurrent.ms.median,
            pairedSequential: pairedRatios(v.providerSequential.ms, v.rawSequential.ms),
            pairedConcurrent: pairedRatios(v.providerConcurrent.ms, v.rawConcurrent.ms),
        });
    }
    return { width: options.width, pageSize, qualifiers, paths: results, collectedBeforeRuns: canCollectGarbage() };
}

/** The report's section for {@link FamilyOverheadResult}. */
export function renderFamilyOverhead(f: FamilyOverheadResult): string[] {
    const out: string[] = [
        "## 1. Overhead in process: the FC 2.0 list and FC 3.0",
        "",
        "As the FC 2.0 single read (above) for the other data sources: a provider run is `configure` (cap and `fcAsyncInvokeConfig:pageSize` " +
            `${f.pageSize} set, empty answers cache) and \`read(id, props)\` of \`dataSourceProvider(...)\` from \`bin/\`; a raw run is a fresh client of the official SDK ` +
            "(`@alicloud/fc-open20210406` for FC 2.0, `@alicloud/fc20230330` for FC 3.0) and its generated `...WithOptions` method with `X-Fc-Account-Id`, " +
            `following every \`nextToken\` with \`limit\` ${f.pageSize} for a list. Each listed function has ${f.qualifiers} aliases, each with a config; ` +
            "every run was checked against the stand-in's log (exactly the expected GETs, all answered 200) and every answer against the seeded configs. " +
            `Variants run in rotating order per round${f.collectedBeforeRuns ? ", each after a full garbage collection" : ""}.`,
        "",
        "| path | reads (GETs) per run | variant | wall time per run | per read | peak in flight at FC |",
        "|---|---|---|---|---|---|",
    ];
    for (const p of f.paths) {
        if (p.error !== undefined) {
            out.push(`| ${p.label} | ${p.reads} (${p.gets}) | - | failed: \`${p.error.replace(/[|`\n]/g, " ")}\` | - | - |`);
            continue;
        }
        for (const v of Object.values(p.variants)) {
            out.push(
                `| ${p.label} | ${p.reads} (${p.gets}) | ${v.label} | ${formatMs(v.ms)} | ${((v.ms.median / p.reads) * 1000).toFixed(0)} µs | ${v.maxInFlight} |`,
            );
        }
    }
    out.push("");
    out.push("| path | provider / raw, sequential | per round | provider / raw, " + `${f.width} at a time (cap ${f.width})` + " | per round |");
    out.push("|---|---|---|---|---|");
    for (const p of f.paths.filter((x): x is FamilyPathFigures => x.error === undefined)) {
        out.push(
            `| ${p.label} | **${p.sequentialRatio.toFixed(3)}** | ${formatRatioSpread(p.pairedSequential)} | **${p.concurrentRatio.toFixed(3)}** | ${formatRatioSpread(p.pairedConcurrent)} |`,
        );
    }
    out.push("");
    return out;
}

/** A cheap sanity check that a config is the seeded one, so a broken read cannot look fast. */
function checkConfig(answer: { maxAsyncRetryAttempts?: number } | undefined, fn: string): void {
    if (answer?.maxAsyncRetryAttempts !== 3) {
        throw new Error(`unexpected answer for ${fn}: ${JSON.stringify(answer)}`);
    }
}

/** A list must hold every seeded config, each the seeded one. */
function checkList(configs: unknown, expected: number, fn: string): void {
    if (!Array.isArray(configs) || configs.length !== expected) {
        throw new Error(`expected ${expected} configs for ${fn}, got ${Array.isArray(configs) ? configs.length : JSON.stringify(configs)}`);
    }
    for (const config of configs as Array<{ maxAsyncRetryAttempts?: number }>) {
        checkConfig(config, fn);
    }
}
