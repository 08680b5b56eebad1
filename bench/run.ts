// `npm run bench`: the full benchmark, written to bench/RESULTS.md.
//   --smoke (or BENCH_SMOKE=1)   one run, tiny sizes, report to a temp file (or --out)
//   --runs N                     measured runs per figure
//   --only a,b                   sections: overhead, family, concurrency, engine, throttle
//   --out FILE | --out -         where to write the report; "-" prints it to stdout instead
// Exits 0 when the bench ran, whatever the goals say: benchmarks report, they do not gate.

import { runBench, type BenchOptions } from "./bench";
import { type Section, SECTIONS } from "./results";

function parseArgs(argv: readonly string[]): BenchOptions {
    const options: BenchOptions = { smoke: process.env.BENCH_SMOKE === "1" || process.env.BENCH_SMOKE === "true" };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const value = (): string => {
            const v = argv[++i];
            if (v === undefined) {
                throw new Error(`${arg} needs a value`);
            }
            return v;
        };
        if (arg === "--smoke") {
            options.smoke = true;
        } else if (arg === "--runs") {
            options.runs = Number(value());
        } else if (arg === "--out") {
            options.outFile = value();
        } else if (arg === "--only") {
            const names = value().split(",");
            const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
            if (unknown.length > 0) {
                throw new Error(`unknown section(s) ${unknown.join(", ")}; known: ${SECTIONS.join(", ")}`);
            }
            options.sections = names as Section[];
        } else {
            throw new Error(`unknown argument ${arg}`);
        }
    }
    return options;
}

async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const options = parseArgs(args);
    const command =
        process.env.npm_lifecycle_event === "bench"
            ? `npm run bench${args.length ? ` -- ${args.join(" ")}` : ""}`
            : `ts-node bench/run.ts ${args.join(" ")}`.trim();
    const outcome = await runBench({ ...options, command: options.smoke && !args.includes("--smoke") ? `BENCH_SMOKE=1 ${command}` : command });
    if (outcome.outFile === undefined) {
        process.stdout.write(outcome.markdown);
    }
    for (const g of outcome.goals) {
        process.stderr.write(`${g.goal}: ${g.met === undefined ? "n/a " : g.met ? "met " : "NOT MET "} ${g.name}: ${g.figure}\n`);
    }
}

if (require.main === module) {
    main().catch((error: unknown) => {
        process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(1);
    });
}
