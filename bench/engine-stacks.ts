// The engine against its floor, and memory: `pulumi preview` and `pulumi up` of stacks of N
// resources read by id, data sources against the engine's floor (trivial-resource.ts), N = 1, 50, 200.
//
// Every measured operation runs on a fresh stack: `preview` first, then `up` of the same, still empty,
// stack. So each operation starts a new provider host with an empty answers cache, as a user's does.
// For each N, the kinds run in a rotating order per round, so drift spreads over all of them. The
// provider host's peak RSS and CPU come from rss-probe.js, for every operation.

import type { PulumiFn } from "@pulumi/pulumi/automation";
import { standInConfig } from "./fixtures";
import { runLifecycle, type Operation, type OperationMeasure } from "./engine-run";
import type { ProcessSample } from "./host-probe";
import { dataSourceProgram, trivialProgram } from "./programs";
import type { StandIn } from "./standin";
import { summarize, type Summary } from "./stats";

/** A kind of stack: what its program registers and with which config. */
export interface StackKind {
    key: string;
    label: string;
    /** The resource type in state, to find its entries. */
    type: string;
    /** Sizes this kind is measured at. */
    sizes: readonly number[];
    program(count: number, standIn: StandIn): PulumiFn;
    extraConfig?: Record<string, string>;
    /** Simulated FC round trip while this kind runs, ms (default 0). */
    latencyMs?: number;
}

export const DATA_SOURCE_TYPE = "pulumi-nodejs:dynamic/fc:FunctionAsyncInvokeConfig";
export const TRIVIAL_TYPE = "pulumi-nodejs:dynamic/bench:Constant";

/** Data sources reading distinct functions; `cap` sets maxConcurrentRequests, `latencyMs` FC's round trip. */
export function dataSourceKind(sizes: readonly number[], variant: { cap?: number; latencyMs?: number } = {}): StackKind {
    const { cap, latencyMs } = variant;
    const key = `dataSource${cap === undefined ? "" : `Cap${cap}`}${latencyMs ? `@${latencyMs}ms` : ""}`;
    const label = `data sources (${cap === undefined ? "default cap" : `cap ${cap}`}${latencyMs ? `, ${latencyMs} ms round trip` : ""})`;
    return {
        key,
        label,
        type: DATA_SOURCE_TYPE,
        sizes,
        program: (count, standIn) => dataSourceProgram(count, count, standIn.endpoint),
        extraConfig: cap === undefined ? undefined : { "fcAsyncInvokeConfig:maxConcurrentRequests": String(cap) },
        latencyMs,
    };
}

export function trivialKind(sizes: readonly number[]): StackKind {
    return {
        key: "trivial",
        label: "trivial dynamic resources (floor)",
        type: TRIVIAL_TYPE,
        sizes,
        program: (count, standIn) => trivialProgram(count, standIn.endpoint),
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
    /** CPU time of the stand-in during the operation, ms: FC's share, which real FC would not put on this machine. */
    standInCpuMs: Summary;
}

export interface CellResult {
    kind: string;
    label: string;
    type: string;
    size: number;
    preview: OperationFigures;
    up: OperationFigures;
    /** Argv of probed node processes that were not the host, as seen in the first run. */
    otherProcesses: string[];
}

export interface EngineStacksOptions {
    runs: number;
    log: (line: string) => void;
}

export async function measureEngineStacks(standIn: StandIn, kinds: readonly StackKind[], options: EngineStacksOptions): Promise<CellResult[]> {
    const sizes = [...new Set(kinds.flatMap((k) => k.sizes))].sort((a, b) => a - b);
    const cells: CellResult[] = [];
    for (const size of sizes) {
        const here = kinds.filter((k) => k.sizes.includes(size));
        const measures = new Map<string, Array<Record<Operation, OperationMeasure>>>(here.map((k) => [k.key, []]));
        for (let r = 0; r < options.runs; r++) {
            for (let i = 0; i < here.length; i++) {
                const kind = here[(r + i) % here.length];
                const config = { ...standInConfig(standIn), ...kind.extraConfig };
                await standIn.setLatency(kind.latencyMs ?? 0);
                const result = await runLifecycle(
                    standIn,
                    { projectName: `bench-${kind.key.replace(/[^A-Za-z0-9-]/g, "-")}-${size}`, program: kind.program(size, standIn), config },
                    ["preview", "up"],
                ).finally(() => standIn.setLatency(0));
                const [preview, up] = result.operations;
                measures.get(kind.key)?.push({ preview, up });
                options.log(
                    `  engine N=${size} ${kind.key} run ${r + 1}/${options.runs}: preview ${preview.ms.toFixed(0)} ms (${preview.fc.gets} GETs, host ${rssMiB(preview.processes.hosts)} MiB), ` +
                        `up ${up.ms.toFixed(0)} ms (${up.fc.gets} GETs, host ${rssMiB(up.processes.hosts)} MiB)`,
                );
            }
        }
        for (const kind of here) {
            const runs = measures.get(kind.key) ?? [];
            cells.push({
                kind: kind.key,
                label: kind.label,
                type: kind.type,
                size,
                preview: figures(runs.map((m) => m.preview)),
                up: figures(runs.map((m) => m.up)),
                otherProcesses: [...new Set(runs.flatMap((m) => [...m.preview.processes.others, ...m.up.processes.others]).map(describeProcess))],
            });
        }
    }
    return cells;
}

/** Summaries of one operation's measures. */
export function figures(measures: readonly OperationMeasure[]): OperationFigures {
    return {
        ms: summarize(measures.map((m) => m.ms)),
        gets: summarize(measures.map((m) => m.fc.gets)),
        programCpuMs: summarize(measures.map((m) => m.programCpuMs)),
        hosts: summarize(measures.map((m) => m.processes.hosts.length)),
        hostRssMiB: summarize(measures.map((m) => hostRssMiB(m.processes.hosts))),
        hostCpuMs: summarize(measures.map((m) => m.processes.hosts.reduce((sum, h) => sum + (h.userCpuUs + h.systemCpuUs) / 1000, 0))),
        standInCpuMs: summarize(measures.map((m) => m.fc.cpuMs)),
    };
}

/** The largest peak RSS among the hosts, MiB (0 when the probe saw none). */
export function hostRssMiB(hosts: readonly ProcessSample[]): number {
    return hosts.reduce((max, h) => Math.max(max, h.maxRssKb / 1024), 0);
}

function rssMiB(hosts: readonly ProcessSample[]): string {
    return hostRssMiB(hosts).toFixed(1);
}

function describeProcess(sample: ProcessSample): string {
    return sample.argv.length <= 1 ? `${sample.argv[0] ?? "node"} (-e or -p script)` : sample.argv.join(" ");
}
