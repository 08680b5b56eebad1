// One benchmark stack's life with the real engine: a fresh stack (fresh state, fresh provider host),
// the timed operations, what the stand-in saw during each, which node processes each started and,
// optionally, the state the `up` left. Timing covers `stack.preview()` / `stack.up()` only: creating
// the stack and setting its config are the same for every kind and not what is being compared.

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
