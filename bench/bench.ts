// runBench: the whole benchmark, usable from the command line (run.ts) and from a test (smoke mode).
// It starts one FC stand-in, runs the sections in order, judges the goals and writes the report.
// The smoke profile never writes bench/RESULTS.md: that file holds the figures of a full run only.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { measureConcurrencyInProcess } from "./concurrency";
import { dataSourceKind, measureEngineStacks, measureEngineThrottle, type StackKind, trivialKind } from "./engine";
import { builtPackage, functionNames, SERVICE } from "./fixtures";
import { describeMachine } from "./machine";
import { measureFamily, measureOverhead } from "./overhead";
import { FULL_PROFILE, type Profile, SMOKE_PROFILE, withRuns } from "./profile";
import { judgeGoals, renderReport } from "./report";
import { type BenchResults, type GoalResult, type Section, SECTIONS } from "./results";
import { keepingChaosSection } from "./results-file";
import { startStandIn } from "./standin";

/** Where a full run's report goes. */
export const RESULTS_FILE = path.join(__dirname, "RESULTS.md");

export interface BenchOptions {
    /** One run of tiny sizes, for CI; writes to a temp file unless `outFile` says otherwise. */
    smoke?: boolean;
    /** Measured runs per figure (default 5, smoke 1). */
    runs?: number;
    /** Limit the run to some sections (development); a partial run never writes RESULTS.md by default. */
    sections?: readonly Section[];
    /** Where to write the report; "-" means nowhere (the caller prints `markdown`). */
    outFile?: string;
    /** The command recorded in the report. */
    command?: string;
    /** Progress lines; default stderr. */
    log?: (line: string) => void;
}

export interface BenchOutcome {
    results: BenchResults;
    goals: GoalResult[];
    markdown: string;
    /** The file written, or undefined for "-". */
    outFile?: string;
}

export async function runBench(options: BenchOptions = {}): Promise<BenchOutcome> {
    const started = Date.now();
    const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
    const profile: Profile = withRuns(options.smoke ? SMOKE_PROFILE : FULL_PROFILE, options.runs);
    const sections = new Set<Section>(options.sections ?? SECTIONS);
    const outFile = chooseOutFile(options, profile, sections.size < SECTIONS.length);

    const machine = await describeMachine(options.command ?? "runBench()");
    const defaults = { ...builtPackage().DEFAULT_TUNING };
    const results: BenchResults = { machine, profile, defaults, durationMs: 0 };
    const standIn = await startStandIn();
    try {
        const largestEngine = Math.max(...profile.engineSizes);
        const needed = Math.max(profile.overhead.lookups, profile.concurrency.lookups, largestEngine, profile.engineThrottle?.sources ?? 0);
        await standIn.seed(SERVICE, functionNames(needed));
        log(`bench (${profile.name}): stand-in at ${standIn.endpoint} with ${needed} functions`);

        if (sections.has("overhead")) {
            log("provider overhead in process: the FC 2.0 single read");
            results.overhead = await measureOverhead(standIn, { ...profile.overhead, warmups: profile.warmups, log });
        }
        if (sections.has("family")) {
            log("provider overhead in process: the FC 2.0 list, the FC 3.0 single read and list");
            results.family = await measureFamily(standIn, { ...profile.family, warmups: profile.warmups, log });
        }
        if (sections.has("concurrency")) {
            log("concurrency under throttling, in process");
            // The default cap is whatever the package ships; the wide cap is the profile's.
            const caps: [number, number] = [defaults.maxConcurrentRequests, profile.concurrency.caps[1]];
            results.concurrency = await measureConcurrencyInProcess(standIn, { ...profile.concurrency, caps, runs: profile.inProcessRuns, log });
        }
        if (sections.has("engine")) {
            log("the engine against its floor, and memory");
            const kinds: StackKind[] = [dataSourceKind(profile.engineSizes), trivialKind(profile.engineSizes)];
            if (profile.engineCapCompare !== undefined) {
                const { cap, latencyMs } = profile.engineCapCompare;
                kinds.push(dataSourceKind([largestEngine], { latencyMs }), dataSourceKind([largestEngine], { cap, latencyMs }));
            }
            results.engine = await measureEngineStacks(standIn, kinds, { runs: profile.runs, log });
        }
        if (sections.has("throttle") && profile.engineThrottle !== undefined) {
            log("concurrency under throttling, through the engine");
            results.engineThrottle = await measureEngineThrottle(standIn, { ...profile.engineThrottle, runs: profile.runs, log });
        }
    } finally {
        await standIn.close();
    }
    results.durationMs = Date.now() - started;
    results.machine.loadAvgEnd = os.loadavg();
    const goals = judgeGoals(results);
    const markdown = renderReport(results, goals);
    if (outFile !== undefined) {
        fs.writeFileSync(outFile, outFile === RESULTS_FILE ? keepingChaosSection(markdown, outFile) : markdown);
        log(`bench: wrote ${outFile} in ${(results.durationMs / 1000).toFixed(0)} s`);
    }
    return { results, goals, markdown, outFile };
}

function chooseOutFile(options: BenchOptions, profile: Profile, partial: boolean): string | undefined {
    if (options.outFile === "-") {
        return undefined;
    }
    if (options.outFile !== undefined) {
        const target = path.resolve(options.outFile);
        if (target === RESULTS_FILE && (profile.name === "smoke" || partial)) {
            throw new Error("runBench: a smoke or partial run must not overwrite bench/RESULTS.md");
        }
        return target;
    }
    if (profile.name === "smoke" || partial) {
        return path.join(os.tmpdir(), `fcaic-bench-${profile.name}${partial ? "-partial" : ""}-${process.pid}.md`);
    }
    return RESULTS_FILE;
}
