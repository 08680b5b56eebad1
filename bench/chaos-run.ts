// `npm run chaos`: the fault-injection run (bench/chaos.ts), written into bench/RESULTS.md as its own
// section (the rest of the file is kept).
//   --runs N          paired runs (default 5)
//   --sources N       data sources per stack of the paired runs (default 300)
//   --scenario-sources N   data sources of the outage and over-budget scenarios (default 100: under
//                     total failure the engine's 8 reads at a time make each take about (N / 8) x 8 s)
//   --seed N          base seed of the fault mix (default 13)
//   --out FILE | -    where to write the section; "-" prints it (default bench/RESULTS.md)
// Exits 0 when the run completed, whatever the figures say: benchmarks report, they do not gate.

import * as path from "node:path";
import { runChaos } from "./chaos";
import { renderChaosSection } from "./chaos-report";
import { functionNames, SERVICE } from "./fixtures";
import { describeMachine } from "./machine";
import { writeChaosSection } from "./results-file";
import { startStandIn } from "./standin";

interface Args {
    runs: number;
    sources: number;
    scenarioSources: number;
    seed: number;
    out: string;
}

/** The numeric options and the fields they set. */
const NUMERIC: Record<string, "runs" | "sources" | "scenarioSources" | "seed"> = {
    "--runs": "runs",
    "--sources": "sources",
    "--scenario-sources": "scenarioSources",
    "--seed": "seed",
};

function parseArgs(argv: readonly string[]): Args {
    const args: Args = { runs: 5, sources: 300, scenarioSources: 100, seed: 13, out: path.join(__dirname, "RESULTS.md") };
    for (let i = 0; i < argv.length; i++) {
        const name = argv[i];
        const value = argv[++i];
        if (value === undefined) {
            throw new Error(`${name} needs a value`);
        }
        if (name === "--out") {
            args.out = value;
        } else if (name in NUMERIC) {
            const n = Number(value);
            if (!Number.isInteger(n) || n < (name === "--seed" ? 0 : 1)) {
                throw new Error(`${name} must be a whole number, got ${value}`);
            }
            args[NUMERIC[name]] = n;
        } else {
            throw new Error(`unknown argument ${name}`);
        }
    }
    return args;
}

async function main(): Promise<void> {
    const argv = process.argv.slice(2);
    const args = parseArgs(argv);
    const command = `npm run chaos${argv.length ? ` -- ${argv.join(" ")}` : ""}`;
    const started = Date.now();
    const machine = await describeMachine(command);
    const log = (line: string): void => void process.stderr.write(`${line}\n`);
    const standIn = await startStandIn();
    try {
        await standIn.seed(SERVICE, functionNames(Math.max(args.sources, args.scenarioSources)));
        log(`chaos: stand-in at ${standIn.endpoint} with ${args.sources} functions; ${args.runs} paired runs`);
        const result = await runChaos(standIn, {
            sources: args.sources,
            runs: args.runs,
            latencyMs: 20,
            seed: args.seed,
            scenarioSources: args.scenarioSources,
            log,
        });
        const section = renderChaosSection(result, machine, Date.now() - started);
        if (args.out === "-") {
            process.stdout.write(`${section}\n`);
        } else {
            writeChaosSection(args.out, section);
            log(`chaos: wrote the section into ${args.out} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
        }
    } finally {
        await standIn.close();
    }
}

main().catch((error: unknown) => {
    process.stderr.write(`chaos failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
});
