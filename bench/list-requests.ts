// Goal 3 for the lists: reading a function's configs through a list data source costs exactly one
// request per page, ⌈n / page size⌉ for n configs, whichever API. For each API and size, a function
// with n aliases (each with a config) is read through the provider, page size set in stack config, on a
// fresh `configure` per run (an empty answers cache); the stand-in's request log counts the list GETs.

import { FC2_LIST, FC3_LIST } from "./family-sources";
import { LIST_SERVICE, qualifiedFunctionNames } from "./fixtures";
import { configureProvider, providerReadOf } from "./provider-reader";
import type { StandIn } from "./standin";
import { formatCount, summarize, type Summary } from "./stats";

export interface ListRequestsOptions {
    /** Configs of the listed functions, one function per size. */
    sizes: number[];
    /** `fcAsyncInvokeConfig:pageSize`. */
    pageSize: number;
    runs: number;
    log: (line: string) => void;
}

/** The list GETs of reading one function's n configs, or why they could not be counted. */
export type ListRequestCount = ListRequestCounted | ListRequestFailed;

interface ListRequestBase {
    /** `ListFunctionAsyncInvokeConfigs (FC 2.0)` or `ListAsyncInvokeConfigs (FC 3.0)`. */
    operation: string;
    /** Configs of the function. */
    size: number;
    /** ⌈size / page size⌉ (at least one: an empty list is one page). */
    expected: number;
}

/** The counts of every run. */
export interface ListRequestCounted extends ListRequestBase {
    error?: undefined;
    /** List GETs the stand-in saw per read. */
    requests: Summary;
    /** Every GET the stand-in saw per read, list or not. */
    gets: Summary;
}

/** A read that failed: a list read that does not return is a finding, reported with the others. */
export interface ListRequestFailed extends ListRequestBase {
    error: string;
    /** List GETs the stand-in saw in the failed read. */
    requestsBeforeFailure: number;
}

export interface ListRequestsResult {
    pageSize: number;
    counts: ListRequestCount[];
}

export async function measureListRequests(standIn: StandIn, options: ListRequestsOptions): Promise<ListRequestsResult> {
    const counts: ListRequestCount[] = [];
    for (const source of [FC2_LIST, FC3_LIST]) {
        const read = providerReadOf(source);
        for (const size of options.sizes) {
            const [fn] = qualifiedFunctionNames("count", size, 1);
            await standIn.seedQualifiers(source.api, LIST_SERVICE, [fn], size);
            const base = { operation: source.operation, size, expected: Math.max(1, Math.ceil(size / options.pageSize)) };
            const requests: number[] = [];
            const gets: number[] = [];
            try {
                for (let r = 0; r < options.runs; r++) {
                    await configureProvider(standIn, { "fcAsyncInvokeConfig:pageSize": String(options.pageSize) });
                    await standIn.resetLog();
                    const { id, props } = source.read(fn, standIn.endpoint);
                    checkConfigs(await read(id, props), size, `${source.operation} of ${fn}`);
                    const stats = await standIn.stats();
                    requests.push(stats.listGets);
                    gets.push(stats.gets);
                }
            } catch (error) {
                const message = error instanceof Error ? error.message : String(error);
                const { listGets } = await standIn.stats();
                counts.push({ ...base, error: message, requestsBeforeFailure: listGets });
                options.log(`  ${source.operation}, ${size} configs: FAILED after ${listGets} list GETs: ${message}`);
                continue;
            }
            counts.push({ ...base, requests: summarize(requests), gets: summarize(gets) });
            options.log(`  ${source.operation}, ${size} configs: ${requests.join(", ")} list GETs (expected ${base.expected})`);
        }
    }
    return { pageSize: options.pageSize, counts };
}

/** The report's section for {@link ListRequestsResult}. */
export function renderListRequests(l: ListRequestsResult, runs: number): string[] {
    const out: string[] = [
        "## 3. Requests per list read",
        "",
        `A function with n aliases, each with a config (LATEST without one), read through the provider's list data source with \`fcAsyncInvokeConfig:pageSize\` ${l.pageSize}, ` +
            `${runs} time${runs === 1 ? "" : "s"}, each after a fresh \`configure\` (an empty answers cache). The stand-in's request log counts the list GETs of each read ` +
            "(FC 2.0 `.../functions/{f}/async-invoke-configs`, FC 3.0 `/2023-03-30/async-invoke-configs`); every read returned all n configs.",
        "",
        "| operation | configs (n) | list GETs per read | all GETs per read | expected ⌈n/" + `${l.pageSize}⌉ |`,
        "|---|---|---|---|---|",
    ];
    for (const c of l.counts) {
        out.push(
            c.error === undefined
                ? `| ${c.operation} | ${c.size} | ${formatCount(c.requests)} | ${formatCount(c.gets)} | ${c.expected} |`
                : `| ${c.operation} | ${c.size} | read failed after ${c.requestsBeforeFailure}: \`${c.error.replace(/[|`\n]/g, " ")}\` | - | ${c.expected} |`,
        );
    }
    out.push("");
    return out;
}

/** The read must have returned every seeded config, or its request count means nothing. */
function checkConfigs(outputs: Record<string, unknown>, size: number, what: string): void {
    const configs = outputs.configs;
    if (!Array.isArray(configs) || configs.length !== size) {
        throw new Error(`${what}: expected ${size} configs, the provider returned ${Array.isArray(configs) ? configs.length : typeof configs}`);
    }
}
