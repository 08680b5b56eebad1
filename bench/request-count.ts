// Goal 3: requests to FC per deployment equal the number of distinct lookups. A stack of many data
// sources naming few functions is previewed and deployed; the stand-in counts the GETs of each
// operation. One provider host serves a whole operation and keeps FC's answers for it, so repeats of a
// lookup should cost nothing; the probe counts the hosts to confirm there was one.

import { runLifecycle, type OperationMeasure } from "./engine-run";
import { standInConfig } from "./fixtures";
import { dataSourceProgram } from "./programs";
import type { StandIn } from "./standin";
import { summarize, type Summary } from "./stats";

export interface RequestCountOptions {
    sources: number;
    distinct: number;
    /** Which operations to run on each fresh stack, in order. */
    ops: Array<"preview" | "up">;
    runs: number;
    log: (line: string) => void;
}

export interface OperationCounts {
    gets: Summary;
    /** Distinct functions asked about. */
    distinctPaths: Summary;
    hosts: Summary;
    ms: Summary;
}

export interface RequestCountResult {
    sources: number;
    distinct: number;
    preview?: OperationCounts;
    up?: OperationCounts;
}

export async function measureRequestCount(standIn: StandIn, options: RequestCountOptions): Promise<RequestCountResult> {
    const previews: OperationMeasure[] = [];
    const ups: OperationMeasure[] = [];
    for (let r = 0; r < options.runs; r++) {
        const result = await runLifecycle(
            standIn,
            {
                projectName: `bench-dedupe-${options.sources}`,
                program: dataSourceProgram(options.sources, options.distinct, standIn.endpoint),
                config: standInConfig(standIn),
            },
            options.ops,
            false,
        );
        for (const measure of result.operations) {
            (measure.op === "preview" ? previews : ups).push(measure);
        }
        options.log(
            `  ${options.sources} sources / ${options.distinct} distinct run ${r + 1}/${options.runs}: ${result.operations.map((m) => `${m.op} ${m.fc.gets} GETs`).join(", ")}`,
        );
    }
    return {
        sources: options.sources,
        distinct: options.distinct,
        preview: previews.length > 0 ? counts(previews) : undefined,
        up: ups.length > 0 ? counts(ups) : undefined,
    };
}

function counts(measures: readonly OperationMeasure[]): OperationCounts {
    return {
        gets: summarize(measures.map((m) => m.fc.gets)),
        distinctPaths: summarize(measures.map((m) => m.fc.distinctPaths)),
        hosts: summarize(measures.map((m) => m.processes.hosts.length)),
        ms: summarize(measures.map((m) => m.ms)),
    };
}
