// The FC stand-in as the benchmarks use it: the emulator of test/fc-emulator, run in a child process.
//
// Why a child process and not startFcEmulator() in the bench process: the stand-in does real work per
// request (parsing, ACS3 signature verification, JSON). In the bench process that CPU would be charged
// to both sides of every comparison and dilute the ratios towards 1, and it would compete with the
// inline Pulumi program, which also runs in the bench process. Real FC's CPU is not ours to count.

import { type ChildProcess, fork } from "node:child_process";
import type { FaultMix, RateLimit } from "../test/fc-emulator";
import type { StandInApi, StandInCommand, StandInReady, StandInReply, StandInStats } from "./standin-protocol";

export type { StandInApi, StandInStats } from "./standin-protocol";

/** A running stand-in and the commands the benchmarks need. */
export interface StandIn {
    /** `http://HOST:PORT`, the value for a lookup's `endpoint`. */
    readonly endpoint: string;
    /** `HOST:PORT`, the value for the SDK's `Config.endpoint`. */
    readonly host: string;
    readonly accountId: string;
    readonly accessKeyId: string;
    readonly accessKeySecret: string;
    /** The child's pid, so its CPU is never mistaken for the provider's. */
    readonly pid: number;
    /** Creates `service` with `functions`, each with a config on LATEST. */
    seed(service: string, functions: readonly string[]): Promise<void>;
    /** Creates FC 3.0 `functions`, each with a config on LATEST. */
    seedFc3(functions: readonly string[]): Promise<void>;
    /** Creates `functions` (FC 2.0: in `service`) with `count` aliases each, each alias with a config, LATEST without. */
    seedQualifiers(api: StandInApi, service: string, functions: readonly string[], count: number): Promise<void>;
    setRateLimit(limit: RateLimit | undefined): Promise<void>;
    /** Delays every answer by `ms` (0 removes the delay): FC's round trip, which the local stand-in lacks. */
    setLatency(ms: number): Promise<void>;
    /** Sets, or with `undefined` removes, the seeded fault mix; drawn for every request after the latency. */
    setFaultMix(mix: FaultMix | undefined): Promise<void>;
    resetLog(): Promise<void>;
    stats(): Promise<StandInStats>;
    close(): Promise<void>;
}

/** Forks the stand-in and resolves once it listens. Always `close()` it. */
export async function startStandIn(): Promise<StandIn> {
    const child = fork(require.resolve("./standin-child"), [], {
        // Transpile-only: the child's types were checked with the bench; this keeps its start fast.
        execArgv: ["-r", require.resolve("ts-node/register/transpile-only")],
        stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const ready = await new Promise<StandInReady>((resolve, reject) => {
        const onExit = (code: number | null): void => reject(new Error(`bench stand-in exited before listening (code ${code})`));
        child.once("exit", onExit);
        child.once("error", reject);
        child.once("message", (message: StandInReady) => {
            child.off("exit", onExit);
            child.off("error", reject);
            resolve(message);
        });
    });
    return new ChildStandIn(child, ready);
}

class ChildStandIn implements StandIn {
    readonly endpoint: string;
    readonly host: string;
    readonly accountId: string;
    readonly accessKeyId: string;
    readonly accessKeySecret: string;
    readonly pid: number;
    private nextId = 1;
    private readonly pending = new Map<number, { resolve: (reply: StandInReply) => void; reject: (error: Error) => void }>();
    private closed: Promise<void> | undefined;

    constructor(
        private readonly child: ChildProcess,
        ready: StandInReady,
    ) {
        this.endpoint = ready.endpoint;
        this.host = ready.host;
        this.accountId = ready.accountId;
        this.accessKeyId = ready.accessKeyId;
        this.accessKeySecret = ready.accessKeySecret;
        this.pid = child.pid ?? -1;
        child.on("message", (reply: StandInReply) => {
            const waiter = this.pending.get(reply.id);
            this.pending.delete(reply.id);
            waiter?.resolve(reply);
        });
        child.on("exit", (code) => {
            for (const waiter of this.pending.values()) {
                waiter.reject(new Error(`bench stand-in exited (code ${code})`));
            }
            this.pending.clear();
        });
    }

    async seed(service: string, functions: readonly string[]): Promise<void> {
        await this.call({ op: "seed", service, functions: [...functions] });
    }

    async seedFc3(functions: readonly string[]): Promise<void> {
        await this.call({ op: "seedFc3", functions: [...functions] });
    }

    async seedQualifiers(api: StandInApi, service: string, functions: readonly string[], count: number): Promise<void> {
        await this.call({ op: "seedQualifiers", api, service, functions: [...functions], count });
    }

    async setRateLimit(limit: RateLimit | undefined): Promise<void> {
        await this.call(limit === undefined ? { op: "setRateLimit" } : { op: "setRateLimit", limit });
    }

    async setLatency(ms: number): Promise<void> {
        await this.call({ op: "setLatency", ms });
    }

    async setFaultMix(mix: FaultMix | undefined): Promise<void> {
        await this.call(mix === undefined ? { op: "setFaultMix" } : { op: "setFaultMix", mix });
    }

    async resetLog(): Promise<void> {
        await this.call({ op: "resetLog" });
    }

    async stats(): Promise<StandInStats> {
        const reply = await this.call({ op: "stats" });
        if (reply.stats === undefined) {
            throw new Error("bench stand-in: stats reply without stats");
        }
        return reply.stats;
    }

    close(): Promise<void> {
        this.closed ??= (async () => {
            if (this.child.exitCode !== null || this.child.signalCode !== null) {
                return;
            }
            const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
            await this.call({ op: "close" }).catch(() => undefined);
            await exited;
        })();
        return this.closed;
    }

    private call(command: StandInCommand): Promise<Extract<StandInReply, { ok: true }>> {
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.pending.set(id, {
                resolve: (reply) => (reply.ok ? resolve(reply) : reject(new Error(`bench stand-in: ${command.op}: ${reply.error}`))),
                reject,
            });
            this.child.send({ id, command });
        });
    }
}
