// The FC stand-in as the benchmarks use it: the emulator of test/fc-emulator, run in a child process
// (standin-child.ts) and driven over IPC. In the bench process its real work per request (parsing, ACS3
// signature verification, JSON) would be charged to both sides of every comparison, diluting the ratios
// towards 1, and would compete with the inline Pulumi program. Real FC's CPU is not ours to count.

import { fork } from "node:child_process";
import type { FaultMix, RateLimit } from "../provider/emulator";

/** Which view of the stand-in: FC 2.0 (API 2021-04-06) or FC 3.0 (API 2023-03-30). */
export type StandInApi = "fc2" | "fc3";

/** What the stand-in is asked to do; every request carries an id its reply echoes. */
export type StandInCommand =
    | { op: "seed"; service: string; functions: string[] }
    | { op: "seedFc3"; functions: string[] }
    | { op: "seedQualifiers"; api: StandInApi; service: string; functions: string[]; count: number }
    | { op: "setRateLimit"; limit?: RateLimit }
    | { op: "setLatency"; ms: number }
    | { op: "setFaultMix"; mix?: FaultMix }
    | { op: "resetLog" }
    | { op: "stats" }
    | { op: "close" };

/** What the request log says since the last reset, reduced to what the benchmarks report. */
export interface StandInStats {
    total: number;
    /** GETs: the only method the provider sends. */
    gets: number;
    /** Per HTTP status, e.g. `{ "200": 500, "429": 37 }`; `0` means no answer was sent. */
    byStatus: Record<string, number>;
    maxInFlight: number;
    /** How many distinct GET paths were asked how often: `{ "1": 280, "2": 18 }` = 280 paths once, 18 twice. */
    getsPerPath: Record<string, number>;
    /** Requests per fault kind they got (`status`, `reset`, `stall`, …). */
    byFault: Record<string, number>;
    /** The stand-in's CPU time (user + system), ms: FC's work, not the client's. */
    cpuMs: number;
}

export type StandInReply = { id: number; ok: true; stats?: StandInStats } | { id: number; ok: false; error: string };

/** The child's first message: where it listens and which (fake) key it accepts. */
export interface StandInReady {
    endpoint: string;
    /** `HOST:PORT`, for the SDK's `Config.endpoint`. */
    host: string;
    accountId: string;
    accessKeyId: string;
    accessKeySecret: string;
}

/** A running stand-in and the commands the benchmarks need. */
export interface StandIn extends StandInReady {
    /** Creates `service` with `functions`, each with a config on LATEST. */
    seed(service: string, functions: readonly string[]): Promise<void>;
    /** Creates FC 3.0 `functions`, each with a config on LATEST. */
    seedFc3(functions: readonly string[]): Promise<void>;
    /** Creates `functions` (FC 2.0: in `service`) with `count` aliases each, each with a config, LATEST without: a list of one has `count` configs. */
    seedQualifiers(api: StandInApi, service: string, functions: readonly string[], count: number): Promise<void>;
    setRateLimit(limit: RateLimit | undefined): Promise<void>;
    /** Delays every answer by `ms` (0 removes it): FC's round trip, which the local stand-in lacks. */
    setLatency(ms: number): Promise<void>;
    /** Sets, or with `undefined` removes, the seeded fault mix, drawn for every request after the latency. */
    setFaultMix(mix: FaultMix | undefined): Promise<void>;
    resetLog(): Promise<void>;
    stats(): Promise<StandInStats>;
    close(): Promise<void>;
}

/** Forks the stand-in and resolves once it listens. Always `close()` it. */
export async function startStandIn(): Promise<StandIn> {
    // Transpile-only: the child's types were checked with the bench; this keeps its start fast.
    const child = fork(require.resolve("./standin-child"), [], { execArgv: ["-r", require.resolve("ts-node/register/transpile-only")] });
    const ready = await new Promise<StandInReady>((resolve, reject) => {
        child.once("exit", (code) => reject(new Error(`bench stand-in exited before listening (code ${code})`)));
        child.once("error", reject);
        child.once("message", resolve);
    });
    const pending = new Map<number, { resolve: (reply: StandInReply) => void; reject: (error: Error) => void }>();
    child.on("message", (reply: StandInReply) => {
        pending.get(reply.id)?.resolve(reply);
        pending.delete(reply.id);
    });
    child.on("exit", (code) => {
        pending.forEach((waiter) => waiter.reject(new Error(`bench stand-in exited (code ${code})`)));
        pending.clear();
    });
    let nextId = 1;
    const call = (command: StandInCommand): Promise<StandInStats | undefined> => {
        const id = nextId++;
        return new Promise((resolve, reject) => {
            pending.set(id, {
                resolve: (reply) => (reply.ok ? resolve(reply.stats) : reject(new Error(`bench stand-in: ${command.op}: ${reply.error}`))),
                reject,
            });
            child.send({ id, command });
        });
    };
    const done = async (command: StandInCommand): Promise<void> => void (await call(command));
    let closed: Promise<void> | undefined;
    return {
        ...ready,
        seed: (service, functions) => done({ op: "seed", service, functions: [...functions] }),
        seedFc3: (functions) => done({ op: "seedFc3", functions: [...functions] }),
        seedQualifiers: (api, service, functions, count) => done({ op: "seedQualifiers", api, service, functions: [...functions], count }),
        setRateLimit: (limit) => done({ op: "setRateLimit", limit }),
        setLatency: (ms) => done({ op: "setLatency", ms }),
        setFaultMix: (mix) => done({ op: "setFaultMix", mix }),
        resetLog: () => done({ op: "resetLog" }),
        stats: async () => (await call({ op: "stats" })) ?? Promise.reject(new Error("bench stand-in: stats reply without stats")),
        close: () =>
            (closed ??= (async () => {
                if (child.exitCode === null && child.signalCode === null) {
                    const exited = new Promise((resolve) => child.once("exit", resolve));
                    await call({ op: "close" }).catch(() => undefined);
                    await exited;
                }
            })()),
    };
}
