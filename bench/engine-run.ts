// One benchmark stack's life with the real engine: a fresh stack (fresh state, fresh provider host),
// the timed operations, what the stand-in saw during each, which node processes each started and,
// optionally, the state the `up` left. Timing covers `stack.preview()` / `stack.up()` only: creating
// the stack and setting its config are the same for every kind and not what is being compared.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { createEngineStack } from "../test/support/engine";
import type { StandIn, StandInStats } from "./standin";
import { timed } from "./stats";

export type Operation = "preview" | "up";

export interface StackSpec {
    projectName: string;
    program: PulumiFn;
    /** Stack config; `alicloud:secretKey` is stored as a secret, as a user would. */
    config: Record<string, string>;
}

export interface OperationMeasure {
    op: Operation;
    ms: number;
    /**
     * CPU time of this (the bench) process during the operation, ms: the inline program's registration
     * and serialization of its resources, plus the Automation API's own work, which is the same for every kind.
     */
    programCpuMs: number;
    /** The stand-in's log during the operation. */
    fc: StandInStats;
    processes: OperationProcesses;
}

export interface LifecycleResult {
    operations: OperationMeasure[];
}

/** Creates a fresh stack, runs `ops` in order, measures each, then removes the stack's files. */
export async function runLifecycle(standIn: StandIn, spec: StackSpec, ops: readonly Operation[]): Promise<LifecycleResult> {
    const probe = createHostProbe();
    const config: Record<string, { value: string; secret?: boolean }> = {};
    for (const [key, value] of Object.entries(spec.config)) {
        config[key] = { value, secret: key === "alicloud:secretKey" };
    }
    const engine = await createEngineStack({ projectName: spec.projectName, program: spec.program, config, envVars: probe.envVars });
    try {
        const operations: OperationMeasure[] = [];
        for (const op of ops) {
            await standIn.resetLog();
            const before = probe.seen();
            const cpuBefore = process.cpuUsage();
            const { ms } = await timed(async () => {
                if (op === "preview") {
                    await engine.stack.preview();
                } else {
                    await engine.stack.up();
                }
            });
            const cpu = process.cpuUsage(cpuBefore);
            const fc = await standIn.stats();
            // The host writes its last report as it exits; give a killed host's last periodic write time to land.
            await new Promise((resolve) => setTimeout(resolve, 150));
            operations.push({ op, ms, programCpuMs: (cpu.user + cpu.system) / 1000, fc, processes: probe.since(before) });
        }
        return { operations };
    } finally {
        await engine.dispose();
        probe.dispose();
    }
}

// Finding the provider host's peak memory. The host (`node .../cmd/dynamic-provider`, started by the CLI
// through the `pulumi-resource-pulumi-nodejs` shell wrapper) is a grandchild of the bench, so its
// usage cannot be read from here directly. rss-probe.js, preloaded through NODE_OPTIONS in the stack's
// environment only, makes every node process the CLI starts report itself to a directory; this module
// sets that up and reads the reports back. The bench process's own environment is not changed, so the
// inline program (which runs in the bench process) is not probed.

/** What one probed node process reported. */
export interface ProcessSample {
    pid: number;
    ppid: number;
    argv: string[];
    maxRssKb: number;
    userCpuUs: number;
    systemCpuUs: number;
    aliveMs: number;
}

/** The node processes one operation started, split into the provider host and the rest. */
export interface OperationProcesses {
    /** Provider hosts (argv names cmd/dynamic-provider): one per operation is expected. */
    hosts: ProcessSample[];
    /** Every other probed node process, e.g. the wrapper's `node -e require.resolve(...)`. */
    others: ProcessSample[];
}

/** A probe directory and the environment that points node processes at it. */
export interface HostProbe {
    /** Environment for the stack: NODE_OPTIONS preloading the probe, and where it writes. */
    envVars: Record<string, string>;
    /** The reports so far (by file name); take it before an operation. */
    seen(): Set<string>;
    /** The processes that reported since `before` was taken. */
    since(before: Set<string>): OperationProcesses;
    dispose(): void;
}

export function createHostProbe(): HostProbe {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fcaic-bench-rss-"));
    const probe = path.join(__dirname, "rss-probe.js");
    const inherited = process.env.NODE_OPTIONS ?? "";
    const reports = (): string[] => fs.readdirSync(dir).filter((name) => name.endsWith(".json"));
    const read = (name: string): ProcessSample | undefined => {
        try {
            return JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as ProcessSample;
        } catch {
            return undefined;
        }
    };
    return {
        envVars: { NODE_OPTIONS: `${inherited} --require ${probe}`.trim(), BENCH_RSS_DIR: dir },
        seen: () => new Set(reports()),
        since(before) {
            const fresh = reports()
                .filter((name) => !before.has(name))
                .map(read)
                .filter((sample): sample is ProcessSample => sample !== undefined);
            const isHost = (s: ProcessSample): boolean => s.argv.some((arg) => /dynamic-provider/.test(arg));
            return { hosts: fresh.filter(isHost), others: fresh.filter((s) => !isHost(s)) };
        },
        dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
}
