// `npm run chaos`: a deployment under steady faults, the way SDK retry modes are judged. The FC stand-in
// (in its own process, 20 ms round trip) draws a fault for every request at fixed, seeded rates while the
// real engine runs `pulumi up` of 300 data sources with the provider's default settings; each run is
// paired with an unfaulted `up` of the same shape, for the wall time. Two more scenarios: a full outage
// during `pulumi refresh` (the state file must stay byte-identical), and a fault rate above what the retry
// budget absorbs (the `up` must fail, within a bound, with every failed lookup's code; nothing may hang).
// The figures go into their own section of bench/RESULTS.md (results-file.ts keeps the rest). It exits 0
// when the run completed, whatever the figures say.
//   --runs N (5)  --sources N (300)  --scenario-sources N (100)  --seed N (13)  --out FILE | - (prints it)

import * as path from "node:path";
import type { EngineEvent, Stack } from "@pulumi/pulumi/automation";
import type { FaultMix } from "../provider/emulator";
import { createEngineStack, type EngineStack, readStateFile } from "../test/support/engine";
import type { Tuning } from "../provider";
import { dataSourceProgram } from "./engine";
import { builtPackage, functionNames, SERVICE, standInConfig } from "./fixtures";
import { describeMachine, type MachineInfo } from "./machine";
import { writeChaosSection } from "./results-file";
import { type StandIn, type StandInStats, startStandIn } from "./standin";
import { summarize, timed } from "./stats";

const UNAVAILABLE = { kind: "status", status: 503, errorCode: "ServiceUnavailable", message: "the service is temporarily unavailable" } as const;

/** The steady fault load. A stall sends headers and the start of a body, then nothing: only the read timeout ends it. */
export const STEADY_FAULTS: FaultMix["faults"] = [
    { fault: UNAVAILABLE, rate: 0.1 },
    { fault: { kind: "reset" }, rate: 0.03 },
    { fault: { kind: "stall" }, rate: 0.02 },
    { fault: { kind: "status", status: 429, errorCode: "ResourceExhausted", retryAfterSeconds: 1 }, rate: 0.02 },
];

/** More than five attempts within the budget can absorb: about one lookup in four runs out. */
export const OVER_BUDGET_FAULTS: FaultMix["faults"] = [
    { fault: UNAVAILABLE, rate: 0.6 },
    { fault: { kind: "reset" }, rate: 0.1 },
    { fault: { kind: "stall" }, rate: 0.05 },
];

/** Which lookups failed: the engine's first error per data source, counted by the FcError code it opens with. */
export interface FailureSummary {
    failed: number;
    byCode: Record<string, number>;
    /** One message, first line. */
    example?: string;
}

/** One engine operation on a fresh stack. */
export interface ChaosRun {
    succeeded: boolean;
    /** Cancelled by the watchdog, a guard far beyond any bound. */
    hung: boolean;
    ms: number;
    fc: StandInStats;
    failures: FailureSummary;
    /** The longest a data source's read took, from the engine's first event about it to its last, seconds (1 s resolution). */
    slowestReadSeconds: number;
}

export interface ChaosResult {
    sources: number;
    scenarioSources: number;
    latencyMs: number;
    seed: number;
    defaults: Tuning;
    faulted: ChaosRun[];
    unfaulted: ChaosRun[];
    /** `up`, then every request answered 503, then `refresh`; the state file compared byte for byte. */
    outage: ChaosRun & { stateIdentical: boolean; stateChanges: string[]; stateBytes: number };
    overBudget: ChaosRun & { mix: FaultMix; watchdogMs: number };
    /** What any one read must end within: retry budget plus one timeout, seconds. */
    readBoundSeconds: number;
}

export async function runChaos(
    standIn: StandIn,
    options: { sources: number; runs: number; scenarioSources: number; seed: number; log: (line: string) => void },
): Promise<ChaosResult> {
    const defaults = { ...builtPackage().DEFAULT_TUNING };
    const latencyMs = 20;
    await standIn.setLatency(latencyMs);
    try {
        const faulted: ChaosRun[] = [];
        const unfaulted: ChaosRun[] = [];
        for (let r = 0; r < options.runs; r++) {
            // Alternate which goes first, so drift on the shared machine spreads over both.
            for (const kind of r % 2 === 0 ? ["unfaulted", "faulted"] : ["faulted", "unfaulted"]) {
                const mix = kind === "faulted" ? { seed: options.seed + r, faults: STEADY_FAULTS } : undefined;
                const run = await onFreshStack(standIn, options.sources, (stack, onEvent) => stack.up({ onEvent }), { mix });
                (kind === "faulted" ? faulted : unfaulted).push(run);
                options.log(`  chaos run ${r + 1}/${options.runs} ${kind}: ${describeRun(run)}`);
            }
        }
        const state = { before: "", after: "" };
        const outage = await onFreshStack(standIn, options.scenarioSources, (stack, onEvent) => stack.refresh({ onEvent }), {
            prepare: (engine) => engine.stack.up(),
            mix: { seed: 1, faults: [{ fault: { ...UNAVAILABLE, message: "the service is down" }, rate: 1 }] },
            around: (read) => {
                state.before = read();
                return () => void (state.after = read());
            },
        });
        options.log(`  chaos outage: ${describeRun(outage)}, state ${state.before === state.after ? "byte-identical" : "CHANGED"}`);
        const mix: FaultMix = { seed: options.seed + 1000, faults: OVER_BUDGET_FAULTS };
        const readBoundSeconds = defaults.retryBudgetSeconds + defaults.timeoutSeconds;
        const watchdogMs = Math.ceil(options.scenarioSources / 8) * readBoundSeconds * 1000 + 5 * 60_000;
        const over = await onFreshStack(standIn, options.scenarioSources, (stack, onEvent) => stack.up({ onEvent, continueOnError: true }), {
            mix,
            watchdogMs,
        });
        options.log(`  chaos over budget: ${describeRun(over)}`);
        return {
            sources: options.sources,
            scenarioSources: options.scenarioSources,
            seed: options.seed,
            latencyMs,
            defaults,
            faulted,
            unfaulted,
            outage: {
                ...outage,
                stateIdentical: state.before === state.after,
                stateChanges: changedPaths(JSON.parse(state.before), JSON.parse(state.after)),
                stateBytes: Buffer.byteLength(state.before),
            },
            overBudget: { ...over, mix, watchdogMs },
            readBoundSeconds,
        };
    } finally {
        await standIn.setFaultMix(undefined);
        await standIn.setLatency(0);
    }
}

/**
 * A fresh stack of `sources` data sources (default settings): `prepare` unfaulted, then `operation` under
 * `mix`, timed and watched; failures are counted, not thrown. `around` reads the state file before and after.
 */
async function onFreshStack(
    standIn: StandIn,
    sources: number,
    operation: (stack: Stack, onEvent: (e: EngineEvent) => void) => Promise<unknown>,
    options: {
        mix?: FaultMix;
        watchdogMs?: number;
        prepare?: (engine: EngineStack) => Promise<unknown>;
        around?: (readState: () => string) => () => void;
    },
): Promise<ChaosRun> {
    const projectName = `chaos-${sources}`;
    const config = Object.fromEntries(Object.entries(standInConfig(standIn)).map(([key, value]) => [key, { value, secret: key === "alicloud:secretKey" }]));
    const engine = await createEngineStack({ projectName, program: dataSourceProgram(sources, sources, standIn.endpoint), config });
    try {
        await options.prepare?.(engine);
        const after = options.around?.(() => readStateFile(engine, projectName));
        await standIn.setFaultMix(options.mix);
        await standIn.resetLog();
        const events: EngineEvent[] = [];
        let hung = false;
        const stack = engine.stack;
        const timer =
            options.watchdogMs === undefined ? undefined : setTimeout(() => ((hung = true), void stack.cancel().catch(() => undefined)), options.watchdogMs);
        const { ms, value: succeeded } = await timed(() =>
            operation(stack, (e) => events.push(e)).then(
                () => true,
                () => false,
            ),
        );
        clearTimeout(timer);
        await standIn.setFaultMix(undefined);
        after?.();
        return { succeeded, hung, ms, fc: await standIn.stats(), failures: failuresOf(events), slowestReadSeconds: slowestRead(events) };
    } finally {
        await standIn.setFaultMix(undefined);
        await engine.dispose();
    }
}

/** The JSON paths at which `a` and `b` differ (a key on one side only counts as a difference). */
export function changedPaths(a: unknown, b: unknown, at = ""): string[] {
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
        return a === b ? [] : [at || "/"];
    }
    const [left, right] = [a as Record<string, unknown>, b as Record<string, unknown>];
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    return keys.flatMap((key) => (key in left && key in right ? changedPaths(left[key], right[key], `${at}/${key}`) : [`${at}/${key}`]));
}

/** Whether every change is one the engine makes to any checkpoint it writes: its time stamp and fresh ciphertexts. */
export function onlyEngineRewrites(paths: readonly string[]): boolean {
    return paths.every((p) => p === "/checkpoint/latest/manifest/time" || p.endsWith("/ciphertext"));
}

const isDataSource = (urn: string | undefined): urn is string => urn !== undefined && /\/fc:FunctionAsyncInvokeConfig::/.test(urn);

function slowestRead(events: readonly EngineEvent[]): number {
    const spans = new Map<string, [number, number]>();
    for (const event of events) {
        const urn = event.resourcePreEvent?.metadata.urn ?? event.resOutputsEvent?.metadata.urn ?? event.diagnosticEvent?.urn;
        if (isDataSource(urn)) {
            const [first, last] = spans.get(urn) ?? [event.timestamp, event.timestamp];
            spans.set(urn, [Math.min(first, event.timestamp), Math.max(last, event.timestamp)]);
        }
    }
    return Math.max(0, ...[...spans.values()].map(([first, last]) => last - first));
}

export function failuresOf(events: readonly EngineEvent[]): FailureSummary {
    const firstError = new Map<string, string>();
    for (const d of events.map((e) => e.diagnosticEvent)) {
        if (d?.severity === "error" && isDataSource(d.urn) && !firstError.has(d.urn)) {
            firstError.set(d.urn, d.message);
        }
    }
    const byCode: Record<string, number> = {};
    for (const message of firstError.values()) {
        const code = /([A-Za-z][\w.-]*) \((?:HTTP \d+|no HTTP answer)\) while reading/.exec(message)?.[1] ?? "other";
        byCode[code] = (byCode[code] ?? 0) + 1;
    }
    const example = [...firstError.values()][0]?.split("\n").find((line) => line.trim() !== "");
    return { failed: firstError.size, byCode, example: example?.trim() };
}

/** GETs per data source (each reads its own function), from the stand-in's histogram. */
function perSource(fc: StandInStats): { median: number; max: number } {
    const counts = Object.entries(fc.getsPerPath).flatMap(([gets, paths]) => Array<number>(paths).fill(Number(gets)));
    return counts.length === 0 ? { median: 0, max: 0 } : summarize(counts);
}

function describeRun(run: ChaosRun): string {
    const p = perSource(run.fc);
    return `${run.succeeded ? "ok" : "FAILED"} in ${run.ms.toFixed(0)} ms, ${run.fc.gets} GETs (${counts(run.fc.byFault)}), per source median ${p.median} max ${p.max}, peak ${run.fc.maxInFlight}; ${failureText(run.failures)}`;
}

/** The section of RESULTS.md: every figure judged against the fault-injection goals, then every run. */
export function renderChaosSection(result: ChaosResult, machine: MachineInfo, durationMs: number): string {
    const d = result.defaults;
    const cap = d.maxConcurrentRequests;
    const bound = result.readBoundSeconds;
    const { faulted, unfaulted, outage: o, overBudget: b } = result;
    const ok = faulted.filter((r) => r.succeeded).length;
    const peak = Math.max(...faulted.map((r) => r.fc.maxInFlight));
    const per = faulted.map((r) => perSource(r.fc));
    const [wallFaulted, wallClean] = [summarize(faulted.map((r) => r.ms)), summarize(unfaulted.map((r) => r.ms))];
    const engineOnly = onlyEngineRewrites(o.stateChanges);
    const slowest = Math.max(...faulted.map((r) => r.slowestReadSeconds));
    const met = (yes: boolean): string => (yes ? "met" : "**not met**");
    const gets = summarize(faulted.map((r) => r.fc.gets));
    const state = o.stateIdentical
        ? `byte-identical (${o.stateBytes} bytes)`
        : `${o.stateChanges.length} value(s) differ: ${engineOnly ? "all the engine's own rewrite (a new `manifest.time`, every secret encrypted afresh); every data-source entry byte-identical" : `**${o.stateChanges.slice(0, 5).join(", ")}**`}`;
    return [
        "## Fault injection (`npm run chaos`)",
        "",
        `Written by \`bench/chaos.ts\` (\`${machine.command}\`) on ${machine.date}, ${(durationMs / 60000).toFixed(1)} min, ${machine.cores} cores, Node ${machine.node}, ` +
            `Pulumi CLI ${machine.pulumiCli}, load average at start ${machine.loadAvgStart.map((x) => x.toFixed(2)).join(" / ")}. Each run is a \`pulumi up\` of a fresh stack of ` +
            `${result.sources} data sources, each reading its own function, with the default settings (cap ${cap}, timeout ${d.timeoutSeconds} s, ${d.maxAttempts} attempts, ` +
            `${d.retryBudgetSeconds} s retry budget), ${result.latencyMs} ms simulated round trip, faults drawn per request from a generator seeded with ${result.seed} + the run's ` +
            `number: ${describeMix(STEADY_FAULTS)}; each paired with an unfaulted \`up\` (the order alternates). A failed read fails the \`up\`.`,
        "",
        "| what | figure | target | met |",
        "|---|---|---|---|",
        `| \`up\`s that succeeded under steady faults | ${ok}/${faulted.length} | ${faulted.length}/${faulted.length} | ${met(ok === faulted.length)} |`,
        `| GETs per data source, median / max (per run) | ${per.map((p) => `${p.median} / ${p.max}`).join(", ")} | informational (the bound is ${d.maxAttempts} counted attempts plus throttled ones) | n/a |`,
        `| wall time, faulted / unfaulted (medians) | ${(wallFaulted.median / wallClean.median).toFixed(2)} (${ms(wallFaulted.median)} vs ${ms(wallClean.median)}) | informational | n/a |`,
        `| peak requests in flight at the stand-in (all faulted runs) | ${peak} | <= cap ${cap} | ${met(peak <= cap)} |`,
        `| full outage during \`refresh\` of ${result.scenarioSources}: refresh fails, state file byte-identical | refresh ${o.succeeded ? "**passed**" : "failed"}; state file ${state} ` +
            `| fails; byte-identical | ${!o.succeeded && o.stateIdentical ? "met" : !o.succeeded && engineOnly ? "**not met** as stated (the engine's rewrite); met for every data source" : "**not met**"} |`,
        `| fault rate above the budget, \`up\` of ${result.scenarioSources}: fails with a summary, no hang | ${b.succeeded ? "**succeeded**" : "failed"} in ${ms(b.ms)}${b.hung ? " (**hung**, cancelled)" : ""}; ` +
            `${failureText(b.failures)} | fails; every read within ${bound} s | ${met(!b.succeeded && !b.hung && b.failures.failed > 0 && b.slowestReadSeconds <= bound + 1)} |`,
        `| slowest read of any data source (engine events, 1 s resolution): steady faults / outage / above the budget | ${slowest} s / ${o.slowestReadSeconds} s / ${b.slowestReadSeconds} s ` +
            `| <= ${bound} s (retry budget + one timeout) | ${met(Math.max(slowest, o.slowestReadSeconds, b.slowestReadSeconds) <= bound + 1)} |`,
        "",
        "| run | unfaulted up | faulted up | succeeded | GETs | faults drawn | answers by status | peak in flight |",
        "|---|---|---|---|---|---|---|---|",
        ...faulted.map(
            (run, i) =>
                `| ${i + 1} | ${ms(unfaulted[i].ms)} (${unfaulted[i].fc.gets} GETs) | ${ms(run.ms)} | ${run.succeeded ? "yes" : `**no**: ${failureText(run.failures)}`} | ${run.fc.gets} | ${counts(run.fc.byFault)} | ${counts(run.fc.byStatus)} | ${run.fc.maxInFlight} |`,
        ),
        "",
        `The faulted runs sent ${gets.median} GETs (median; ${gets.min}-${gets.max}), ${(gets.median / result.sources).toFixed(2)} per data source. The stand-in counts a ` +
            "stalled request in flight until the client closes its connection.",
        "",
        `**Full outage during refresh**: \`pulumi up\` (no faults), then every request answered 503, then \`pulumi refresh\`: ${o.succeeded ? "**passed**" : "failed"} after ` +
            `${ms(o.ms)} and ${o.fc.gets} GETs; ${failureText(o.failures)}. The engine runs 8 operations at a time, so the refresh takes about (data sources / 8) x one ` +
            "read's retries. The engine writes the checkpoint again at the end of every `refresh`, failed or not; what a provider controls is the data sources' entries.",
        "",
        `**Above the budget**: \`pulumi up --continue-on-error\` with ${describeMix(b.mix.faults)} (seed ${b.mix.seed}): ${b.succeeded ? "**succeeded**" : "failed"} after ${ms(b.ms)} ` +
            `(a watchdog would have cancelled it after ${ms(b.watchdogMs)}). ${failureText(b.failures)}.${b.failures.example ? ` One of them: \`${b.failures.example.slice(0, 400)}\`` : ""}`,
        "",
        "```",
        `chaos.faulted.ms: ${faulted.map((r) => r.ms.toFixed(0)).join(", ")}`,
        `chaos.unfaulted.ms: ${unfaulted.map((r) => r.ms.toFixed(0)).join(", ")}`,
        `chaos.faulted.getsPerSource: ${faulted.map((r) => JSON.stringify(r.fc.getsPerPath)).join(" ")}`,
        "```",
    ].join("\n");
}

function describeMix(faults: FaultMix["faults"]): string {
    const what = ({ fault }: FaultMix["faults"][number]): string =>
        fault.kind === "status"
            ? `${fault.status} ${fault.errorCode ?? ""}${fault.retryAfterSeconds !== undefined ? ` with Retry-After: ${fault.retryAfterSeconds}` : ""}`.trim()
            : fault.kind === "reset"
              ? "connection resets"
              : fault.kind === "stall"
                ? "stalls past the timeout"
                : fault.kind;
    return faults.map((f) => `${Math.round(f.rate * 1000) / 10}% ${what(f)}`).join(", ");
}

function failureText(f: FailureSummary): string {
    return f.failed === 0 ? "no data source reported an error" : `${f.failed} data source(s) failed: ${counts(f.byCode)}`;
}

function counts(record: Record<string, number>): string {
    const entries = Object.entries(record).sort((a, b) => b[1] - a[1]);
    return entries.length === 0 ? "-" : entries.map(([k, n]) => `${k}: ${n}`).join(", ");
}

function ms(value: number): string {
    return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`;
}

function parseArgs(argv: readonly string[]): { runs: number; sources: number; scenarioSources: number; seed: number; out: string } {
    const args = { runs: 5, sources: 300, scenarioSources: 100, seed: 13, out: path.join(__dirname, "RESULTS.md") };
    const numeric: Record<string, "runs" | "sources" | "scenarioSources" | "seed"> = {
        "--runs": "runs",
        "--sources": "sources",
        "--scenario-sources": "scenarioSources",
        "--seed": "seed",
    };
    for (let i = 0; i < argv.length; i += 2) {
        const [name, value] = [argv[i], argv[i + 1]];
        const n = Number(value);
        if (value === undefined) {
            throw new Error(`${name} needs a value`);
        } else if (name === "--out") {
            args.out = value;
        } else if (!(name in numeric)) {
            throw new Error(`unknown argument ${name}`);
        } else if (!Number.isInteger(n) || n < (name === "--seed" ? 0 : 1)) {
            throw new Error(`${name} must be a whole number, got ${value}`);
        } else {
            args[numeric[name]] = n;
        }
    }
    return args;
}

async function main(): Promise<void> {
    const argv = process.argv.slice(2);
    const args = parseArgs(argv);
    const started = Date.now();
    const machine = await describeMachine(`npm run chaos${argv.length ? ` -- ${argv.join(" ")}` : ""}`);
    const log = (line: string): void => void process.stderr.write(`${line}\n`);
    const standIn = await startStandIn();
    try {
        await standIn.seed(SERVICE, functionNames(Math.max(args.sources, args.scenarioSources)));
        log(`chaos: stand-in at ${standIn.endpoint}; ${args.runs} paired runs of ${args.sources} data sources`);
        const section = renderChaosSection(await runChaos(standIn, { ...args, log }), machine, Date.now() - started);
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

if (require.main === module) {
    main().catch((error: unknown) => {
        process.stderr.write(`chaos failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(1);
    });
}
