// One benchmark stack's life with the real engine: a fresh stack (fresh state, fresh provider host),
// the timed operations, what the stand-in saw during each, which node processes each started and,
// optionally, the state the `up` left. Timing covers `stack.preview()` / `stack.up()` only: creating
// the stack and setting its config are the same for every kind and not what is being compared.

import * as fs from "node:fs";
import * as path from "node:path";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { createEngineStack } from "../test/support/engine";
import { createHostProbe, type OperationProcesses } from "./host-probe";
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
    /** The exported deployment (`exportStack().deployment`) after `up`, when asked for. */
    deployment?: unknown;
    /** The size of the state file the file backend wrote, bytes, when asked for. */
    stateFileBytes?: number;
}

/** Creates a fresh stack, runs `ops` in order, measures each, then removes the stack's files. */
export async function runLifecycle(standIn: StandIn, spec: StackSpec, ops: readonly Operation[], exportState: boolean): Promise<LifecycleResult> {
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
        const result: LifecycleResult = { operations };
        if (exportState) {
            result.deployment = (await engine.stack.exportStack()).deployment as unknown;
            result.stateFileBytes = stateFileBytes(engine.backendDir);
        }
        return result;
    } finally {
        await engine.dispose();
        probe.dispose();
    }
}

/** The size of the stack's checkpoint file under a file backend (`.pulumi/stacks/<project>/<stack>.json`). */
function stateFileBytes(backendDir: string): number | undefined {
    const stacks = path.join(backendDir, ".pulumi", "stacks");
    const found: string[] = [];
    const walk = (dir: string): void => {
        for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                walk(full);
            } else if (/\.json(\.gz)?$/.test(entry.name) && !entry.name.endsWith(".bak")) {
                found.push(full);
            }
        }
    };
    walk(stacks);
    return found.length === 1 ? fs.statSync(found[0]).size : undefined;
}
