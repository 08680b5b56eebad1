// The engine against its floor, memory, and concurrency through the engine: `pulumi preview` and
// `pulumi up` of stacks of N resources read by id, data sources against the engine's floor
// (trivial-resource.ts), and a throttled `pulumi up`.
//
// Every measured operation runs on a fresh stack: `preview` first, then `up` of the same, still empty,
// stack, so each starts a new provider host with an empty answers cache, as a user's does. For each N the
// kinds run in a rotating order per round, so drift spreads over all of them. The provider host's peak
// RSS and CPU come from rss-probe.js (engine-run.ts), for every operation.

import type { PulumiFn } from "@pulumi/pulumi/automation";
import type { RateLimit } from "../provider/emulator";
import { CAP_SLOWDOWN_GOAL } from "./concurrency";
import { type Operation, type OperationMeasure, type ProcessSample, runLifecycle } from "./engine-run";
import { builtPackage, functionName, SERVICE, standInConfig } from "./fixtures";
import type { GoalResult } from "./results";
import type { StandIn } from "./standin";
import { formatCount, formatMs, formatRatioSpread, pairedRatios, summarize, type Summary } from "./stats";
import { ConstantResource } from "./trivial-resource";

/** The engine against its floor: data-source stack / trivial stack at the largest size, medians: `preview`, which every pull request runs, and `up`. */
export const ENGINE_RATIO_GOAL = { preview: 1.15, up: 1.1 } as const;

/** A kind of stack: what its program registers and with which config. */
export interface StackKind {
    key: string;
    label: string;
    /** Sizes this kind is measured at. */
    sizes: readonly number[];
    program(count: number, endpoint: string): PulumiFn;
    extraConfig?: Record<string, string>;
    /** Simulated FC round trip while this kind runs, ms (default 0). */
    latencyMs?: number;
}

/** `count` data sources over `distinct` functions (data source i reads function i mod distinct); exports one value, so the program is done only when its reads are. */
export function dataSourceProgram(count: number, distinct: number, endpoint: string): PulumiFn {
    return async () => {
        const { FunctionAsyncInvokeConfig } = builtPackage();
        const sources = Array.from(
            { length: count },
            (_, i) => new FunctionAsyncInvokeConfig(`ds-${i}`, { serviceName: SERVICE, functionName: functionName(i % distinct), endpoint }),
        );
        return { first: sources[0]?.maxAsyncRetryAttempts };
    };
}

/** Data sources reading distinct functions; `cap` sets maxConcurrentRequests, `latencyMs` FC's round trip. */
export function dataSourceKind(sizes: readonly number[], variant: { cap?: number; latencyMs?: number } = {}): StackKind {
    const { cap, latencyMs } = variant;
    return {
        key: `dataSource${cap === undefined ? "" : `Cap${cap}`}${latencyMs ? `@${latencyMs}ms` : ""}`,
        label: `data sources (${cap === undefined ? "default cap" : `cap ${cap}`}${latencyMs ? `, ${latencyMs} ms round trip` : ""})`,
        sizes,
        program: (count, endpoint) => dataSourceProgram(count, count, endpoint),
        extraConfig: cap === undefined ? undefined : { "fcAsyncInvokeConfig:maxConcurrentRequests": String(cap) },
        latencyMs,
    };
}

/** The floor: trivial dynamic resources with the same inputs as the data sources. */
export function trivialKind(sizes: readonly number[]): StackKind {
    return {
        key: "trivial",
        label: "trivial dynamic resources (floor)",
        sizes,
        program: (count, endpoint) => async () => {
            const resources = Array.from(
                { length: count },
                (_, i) => new ConstantResource(`const-${i}`, { serviceName: SERVICE, functionName: functionName(i), endpoint }),
            );
            return { first: resources[0]?.maxAsyncRetryAttempts };
        },
    };
}

/** The figures of one operation over the runs of one kind and size. */
export interface OperationFigures {
    ms: Summary;
    /** GETs the stand-in saw. */
    gets: Summary;
    /** CPU time of the bench process (the inline program) during the operation, ms. */
    programCpuMs: Summary;
    /** Provider hosts started by the operation. */
    hosts: Summary;
    /** Peak RSS of the provider host, MiB. */
    hostRssMiB: Summary;
    /** CPU time (user + system) of the provider host, ms. */
    hostCpuMs: Summary;
    /** CPU time of the stand-in, ms: FC's share, which real FC would not put on this machine. */
    standInCpuMs: Summary;
}

export interface CellResult {
    kind: string;
    label: string;
    size: number;
    preview: OperationFigures;
    up: OperationFigures;
    /** Argv of probed node processes that were not the host. */
    otherProcesses: string[];
}

export interface EngineThrottleResult {
    sources: number;
    limit: RateLimit;
    latencyMs: number;
    /** Runs whose `up` succeeded (a failed read fails the `up`). */
    succeededRuns: number;
    runs: number;
    ms: Summary;
    throttledAnswers: Summary;
    gets: Summary;
    maxInFlight: Summary;
    hosts: Summary;
    firstError?: string;
}

export async function measureEngineStacks(
    standIn: StandIn,
    kinds: readonly StackKind[],
    options: { runs: number; log: (line: string) => void },
): Promise<CellResult[]> {
    const sizes = [...new Set(kinds.flatMap((k) => k.sizes))].sort((a, b) => a - b);
    const cells: CellResult[] = [];
    for (const size of sizes) {
        const here = kinds.filter((k) => k.sizes.includes(size));
        const measures = new Map<string, Array<Record<Operation, OperationMeasure>>>(here.map((k) => [k.key, []]));
        for (let r = 0; r < options.runs; r++) {
            for (let i = 0; i < here.length; i++) {
                const kind = here[(r + i) % here.length];
                await standIn.setLatency(kind.latencyMs ?? 0);
                const spec = {
                    projectName: `bench-${kind.key.replace(/[^A-Za-z0-9-]/g, "-")}-${size}`,
                    program: kind.program(size, standIn.endpoint),
                    config: { ...standInConfig(standIn), ...kind.extraConfig },
                };
                const [preview, up] = (await runLifecycle(standIn, spec, ["preview", "up"]).finally(() => standIn.setLatency(0))).operations;
                measures.get(kind.key)?.push({ preview, up });
                const host = (m: OperationMeasure): string => hostRssMiB(m.processes.hosts).toFixed(1);
                options.log(
                    `  engine N=${size} ${kind.key} run ${r + 1}/${options.runs}: preview ${preview.ms.toFixed(0)} ms (${preview.fc.gets} GETs, host ${host(preview)} MiB), ` +
                        `up ${up.ms.toFixed(0)} ms (${up.fc.gets} GETs, host ${host(up)} MiB)`,
                );
            }
        }
        for (const kind of here) {
            const runs = measures.get(kind.key) ?? [];
            const others = runs.flatMap((m) => [...m.preview.processes.others, ...m.up.processes.others]);
            cells.push({
                kind: kind.key,
                label: kind.label,
                size,
                preview: figures(runs.map((m) => m.preview)),
                up: figures(runs.map((m) => m.up)),
                otherProcesses: [...new Set(others.map((s) => (s.argv.length <= 1 ? `${s.argv[0] ?? "node"} (-e or -p script)` : s.argv.join(" "))))],
            });
        }
    }
    return cells;
}

/** `pulumi up` of many data sources while the stand-in throttles: the host's cap and retries must get every read through. */
export async function measureEngineThrottle(
    standIn: StandIn,
    options: { sources: number; limit: RateLimit; latencyMs: number; runs: number; log: (line: string) => void },
): Promise<EngineThrottleResult> {
    const ups: OperationMeasure[] = [];
    let firstError: string | undefined;
    for (let r = 0; r < options.runs; r++) {
        // A new limit starts with a full bucket, so every run meets the same throttling.
        await standIn.setRateLimit(options.limit);
        await standIn.setLatency(options.latencyMs);
        try {
            const program = dataSourceProgram(options.sources, options.sources, standIn.endpoint);
            const [up] = (await runLifecycle(standIn, { projectName: `bench-throttle-${options.sources}`, program, config: standInConfig(standIn) }, ["up"]))
                .operations;
            ups.push(up);
            options.log(
                `  engine throttled up run ${r + 1}/${options.runs}: ${up.ms.toFixed(0)} ms, ${up.fc.byStatus["429"] ?? 0}x 429, peak ${up.fc.maxInFlight}`,
            );
        } catch (error) {
            firstError ??= essentialError(error instanceof Error ? error.message : String(error));
            options.log(`  engine throttled up run ${r + 1}/${options.runs}: FAILED`);
        } finally {
            await standIn.setRateLimit(undefined);
            await standIn.setLatency(0);
        }
    }
    const of = (pick: (up: OperationMeasure) => number): Summary => summarize(ups.length > 0 ? ups.map(pick) : [0]);
    return {
        sources: options.sources,
        limit: options.limit,
        latencyMs: options.latencyMs,
        succeededRuns: ups.length,
        runs: options.runs,
        ms: of((up) => up.ms),
        throttledAnswers: of((up) => up.fc.byStatus["429"] ?? 0),
        gets: of((up) => up.fc.gets),
        maxInFlight: of((up) => up.fc.maxInFlight),
        hosts: of((up) => up.processes.hosts.length),
        firstError,
    };
}

function figures(measures: readonly OperationMeasure[]): OperationFigures {
    const of = (pick: (m: OperationMeasure) => number): Summary => summarize(measures.map(pick));
    return {
        ms: of((m) => m.ms),
        gets: of((m) => m.fc.gets),
        programCpuMs: of((m) => m.programCpuMs),
        hosts: of((m) => m.processes.hosts.length),
        hostRssMiB: of((m) => hostRssMiB(m.processes.hosts)),
        hostCpuMs: of((m) => m.processes.hosts.reduce((sum, h) => sum + (h.userCpuUs + h.systemCpuUs) / 1000, 0)),
        standInCpuMs: of((m) => m.fc.cpuMs),
    };
}

/** The largest peak RSS among the hosts, MiB (0 when the probe saw none). */
function hostRssMiB(hosts: readonly ProcessSample[]): number {
    return hosts.reduce((max, h) => Math.max(max, h.maxRssKb / 1024), 0);
}

/** The lines of a failed `pulumi up` that say why (the CLI's progress lines dropped), at most ~1500 characters. */
function essentialError(message: string): string {
    const lines = message
        .split("\n")
        .filter((line) => /error|ResourceExhausted|throttl|429/i.test(line) && !/^\s*\+\s+pulumi:pulumi:Stack .* creating/.test(line));
    const picked = [...new Set(lines.map((line) => line.trim()))].slice(0, 6).join("\n");
    return (picked === "" ? message.slice(-1500) : picked).slice(0, 1500);
}

/** The data-source cell and the floor's at `size`, and the default-cap and wide-cap cells at the largest size. */
function cellsOf(engine: readonly CellResult[], size: number): { ds?: CellResult; floor?: CellResult; def?: CellResult; wide?: CellResult } {
    return {
        ds: engine.find((c) => c.kind === "dataSource" && c.size === size),
        floor: engine.find((c) => c.kind === "trivial" && c.size === size),
        def: engine.find((c) => c.size === size && /^dataSource@/.test(c.kind)),
        wide: engine.find((c) => c.size === size && /^dataSourceCap/.test(c.kind)),
    };
}

const OPS = ["preview", "up"] as const;

/** The goal lines of the engine sections: the floor, the default cap through the engine, throttling, memory. */
export function engineGoals(engine: readonly CellResult[] | undefined, throttle: EngineThrottleResult | undefined): GoalResult[] {
    const goals: GoalResult[] = [];
    const cap = builtPackage().DEFAULT_TUNING.maxConcurrentRequests;
    const largest = engine === undefined || engine.length === 0 ? undefined : Math.max(...engine.map((c) => c.size));
    const { ds, floor, def, wide } = largest === undefined || engine === undefined ? {} : cellsOf(engine, largest);
    for (const op of OPS) {
        if (ds !== undefined && floor !== undefined) {
            const r = ds[op].ms.median / floor[op].ms.median;
            const name = `engine, ${op} of ${largest} data sources / ${largest} trivial resources`;
            goals.push({ goal: "engine floor", name, figure: r.toFixed(3), target: `<= ${ENGINE_RATIO_GOAL[op].toFixed(2)}`, met: r <= ENGINE_RATIO_GOAL[op] });
        }
    }
    if (throttle !== undefined) {
        const t = throttle;
        goals.push({
            goal: "concurrency under throttling",
            name: `engine, up of ${t.sources} data sources throttled at ${t.limit.requestsPerSecond} req/s burst ${t.limit.burst ?? "-"}, ${t.latencyMs} ms round trip: succeeds, in flight <= cap ${cap}`,
            figure: `${t.succeededRuns}/${t.runs} runs succeeded, peak in flight ${t.maxInFlight.max}, ${t.throttledAnswers.median} x 429 (median)`,
            target: `${t.runs}/${t.runs}, peak <= ${cap}`,
            met: t.succeededRuns === t.runs && t.maxInFlight.max <= cap,
        });
    }
    for (const op of OPS) {
        if (def !== undefined && wide !== undefined) {
            const r = def[op].ms.median / wide[op].ms.median;
            const name = `engine, ${op} of ${largest} data sources unthrottled: ${def.label} / ${wide.label}`;
            goals.push({
                goal: "concurrency under throttling",
                name,
                figure: r.toFixed(3),
                target: `<= ${CAP_SLOWDOWN_GOAL.toFixed(2)}`,
                met: r <= CAP_SLOWDOWN_GOAL,
            });
        }
    }
    for (const op of OPS) {
        if (ds !== undefined && floor !== undefined) {
            const [a, b] = [ds[op].hostRssMiB.median, floor[op].hostRssMiB.median];
            const name = `provider host peak RSS, ${op} of ${largest} data sources vs ${largest} trivial resources`;
            goals.push({
                goal: "memory",
                name,
                figure: `${a.toFixed(1)} MiB vs ${b.toFixed(1)} MiB (+${(a - b).toFixed(1)} MiB)`,
                target: "informational (no target set)",
                met: undefined,
            });
        }
    }
    return goals;
}

/** The report's engine section: times against the floor, where the extra time goes, memory. */
export function renderEngine(engine: readonly CellResult[]): string[] {
    const sizes = [...new Set(engine.map((c) => c.size))];
    const out = [
        "## The engine against its floor",
        "",
        "Wall time of `stack.preview()` and `stack.up()` (Automation API, real `pulumi` CLI, file backend, inline program in the bench process), " +
            "each on a fresh stack with its own provider host. Data sources read distinct functions of the stand-in; the floor is a " +
            "`pulumi.dynamic.Resource` read by id whose provider returns constant props of the same shape (bench/trivial-resource.ts).",
        "",
        "| N | stack | preview | up | GETs preview / up | hosts per op |",
        "|---|---|---|---|---|---|",
        ...engine.map(
            (c) =>
                `| ${c.size} | ${c.label} | ${formatMs(c.preview.ms)} | ${formatMs(c.up.ms)} | ${c.preview.gets.median} / ${c.up.gets.median} | ${c.preview.hosts.median} / ${c.up.hosts.median} |`,
        ),
        "",
        "| N | preview: data sources / floor | per round | up: data sources / floor | per round | extra per data source (preview / up) |",
        "|---|---|---|---|---|---|",
    ];
    const pairs = sizes.flatMap((size) => {
        const { ds, floor } = cellsOf(engine, size);
        return ds !== undefined && floor !== undefined ? [{ size, ds, floor }] : [];
    });
    for (const { size, ds, floor } of pairs) {
        const ratio = (op: Operation): string => (ds[op].ms.median / floor[op].ms.median).toFixed(3);
        const rounds = (op: Operation): string => formatRatioSpread(pairedRatios(ds[op].ms, floor[op].ms));
        const extra = (op: Operation): string => `${((ds[op].ms.median - floor[op].ms.median) / size).toFixed(1)} ms`;
        out.push(`| ${size} | ${ratio("preview")} | ${rounds("preview")} | ${ratio("up")} | ${rounds("up")} | ${extra("preview")} / ${extra("up")} |`);
    }
    out.push(
        "",
        "Where the extra time goes: CPU per data source beyond the floor's, by process (medians). On 2 cores the program, the provider host, " +
            "the stand-in (FC's own work, which real FC would not put here) and the CLI compete for the same cores.",
        "",
        "| N | op | wall | program CPU | provider host CPU | stand-in CPU |",
        "|---|---|---|---|---|---|",
    );
    for (const { size, ds, floor } of pairs) {
        for (const op of OPS) {
            const per = (pick: (f: OperationFigures) => Summary): string => `${((pick(ds[op]).median - pick(floor[op]).median) / size).toFixed(2)} ms`;
            out.push(`| ${size} | ${op} | ${per((f) => f.ms)} | ${per((f) => f.programCpuMs)} | ${per((f) => f.hostCpuMs)} | ${per((f) => f.standInCpuMs)} |`);
        }
    }
    const mib = (s: Summary): string => (s.runs === 1 ? `${s.median.toFixed(1)} MiB` : `${s.median.toFixed(1)} MiB (${s.min.toFixed(1)}-${s.max.toFixed(1)})`);
    const others = [...new Set(engine.flatMap((x) => x.otherProcesses))];
    out.push(
        "",
        "## Memory of the provider host",
        "",
        "Peak RSS (`process.resourceUsage().maxRSS`) and CPU time of the provider host, reported by bench/rss-probe.js, which the stacks' " +
            "environment preloads through `NODE_OPTIONS=--require` (the inline program in the bench process is not probed).",
        "",
        "| N | stack | host peak RSS, preview | host peak RSS, up | host CPU, preview | host CPU, up | stand-in CPU, preview / up |",
        "|---|---|---|---|---|---|---|",
        ...engine.map(
            (x) =>
                `| ${x.size} | ${x.label} | ${mib(x.preview.hostRssMiB)} | ${mib(x.up.hostRssMiB)} | ${formatMs(x.preview.hostCpuMs)} | ${formatMs(x.up.hostCpuMs)} | ${x.preview.standInCpuMs.median.toFixed(0)} / ${x.up.standInCpuMs.median.toFixed(0)} ms |`,
        ),
        "",
        others.length === 0
            ? "The probe saw no node process other than the host."
            : `Other node processes the probe saw (not counted): ${others.map((x) => `\`${x}\``).join(", ")}.`,
        "",
    );
    return out;
}

/** The report's lines for the throttled `up`, and the unthrottled cap comparison through the engine. */
export function renderEngineConcurrency(engine: readonly CellResult[] | undefined, t: EngineThrottleResult | undefined): string[] {
    const out: string[] = [];
    if (t !== undefined) {
        out.push(
            `Through the engine: \`pulumi up\` of ${t.sources} data sources, ${t.latencyMs} ms round trip, stand-in at ${t.limit.requestsPerSecond} req/s, burst ${t.limit.burst ?? "-"}; default settings. A failed read fails the \`up\`.`,
            "",
            "| runs succeeded | wall time | 429 answers | GETs | peak in flight | hosts |",
            "|---|---|---|---|---|---|",
            `| ${t.succeededRuns}/${t.runs} | ${formatMs(t.ms)} | ${formatCount(t.throttledAnswers)} | ${formatCount(t.gets)} | ${formatCount(t.maxInFlight)} | ${formatCount(t.hosts)} |`,
            "",
            ...(t.firstError === undefined ? [] : ["First failure:", "", "```", t.firstError, "```", ""]),
        );
    }
    const largest = engine === undefined || engine.length === 0 ? undefined : Math.max(...engine.map((x) => x.size));
    const { def, wide } = largest === undefined || engine === undefined ? {} : cellsOf(engine, largest);
    if (def !== undefined && wide !== undefined) {
        out.push(
            `Through the engine, unthrottled, ${largest} data sources: ${def.label} preview ${formatMs(def.preview.ms)}, up ${formatMs(def.up.ms)}; ` +
                `${wide.label} preview ${formatMs(wide.preview.ms)}, up ${formatMs(wide.up.ms)}.`,
            "",
        );
    }
    return out;
}
