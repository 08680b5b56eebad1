// The provider's `configure` and `read` in a child process, as the Pulumi provider host runs them, for
// tests that need what only a fresh process can have: NODE_EXTRA_CA_CERTS, which Node reads at start and
// which @alicloud/credentials needs to trust the STS stand-in's test certificate. The child runs the
// provider from source (ts-node) and obeys one command at a time over the IPC channel.

import * as assert from "node:assert/strict";
import { type ChildProcess, fork } from "node:child_process";
import * as path from "node:path";

/** An error as the child saw it: its class name and every field a test may check. */
export interface ChildError {
    name: string;
    message: string;
    stack?: string;
    setting?: string;
    problems?: Array<{ setting: string; message: string }>;
    code?: string;
    status?: number;
    requestId?: string;
    kind?: string;
}

/** A read's outcome. */
export type ReadOutcome = { ok: true; props: Record<string, unknown> } | { ok: false; error: ChildError };

/** A command to the child. */
export type ChildCommand =
    | { op: "configure"; config: Record<string, unknown>; env: Record<string, string> }
    | { op: "read"; props: Record<string, unknown> }
    | { op: "readAll"; props: Array<Record<string, unknown>> };

/** The child's answer to a command. */
export type ChildReply = { ok: true; props?: Record<string, unknown>; outcomes?: ReadOutcome[] } | { ok: false; error: ChildError };

/** A running child. */
export interface ProviderProcess {
    /**
     * Starts a deployment: the child's environment becomes its start environment plus `env` (nothing
     * else of the test process), then `configure` runs with `config` (values as Pulumi hands them over).
     */
    configure(config: Record<string, unknown>, env?: Record<string, string>): Promise<void>;
    /** `read` with the lookup's props (the id is derived from them). */
    read(props: Record<string, unknown>): Promise<ReadOutcome>;
    /** Many reads at once in the same deployment, as the engine issues them; outcomes in order. */
    readAll(props: Array<Record<string, unknown>>): Promise<ReadOutcome[]>;
    close(): Promise<void>;
}

/** What the child starts with. */
export interface ProviderProcessOptions {
    /** The CA to trust (NODE_EXTRA_CA_CERTS). */
    caFile: string;
    /** HOME of the child, so that no ~/.aliyun of the machine is read. */
    home: string;
}

/** NODE_V8_COVERAGE and NODE_OPTIONS when they are set (a coverage run), else nothing. */
function coverageEnv(): Record<string, string> {
    const passed: Record<string, string> = {};
    for (const name of ["NODE_V8_COVERAGE", "NODE_OPTIONS"]) {
        const value = process.env[name];
        if (value !== undefined) {
            passed[name] = value;
        }
    }
    return passed;
}

/** Forks the child and waits for it to be ready. */
export async function startProviderProcess(options: ProviderProcessOptions): Promise<ProviderProcess> {
    const child: ChildProcess = fork(path.join(__dirname, "providerProcessChild.ts"), [], {
        execArgv: ["-r", "ts-node/register/transpile-only"],
        env: {
            PATH: process.env.PATH ?? "",
            HOME: options.home,
            NODE_EXTRA_CA_CERTS: options.caFile,
            // The default chain's metadata service is 100.100.100.200: never reachable from a test.
            ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
            // Under `npm test`'s c8 the child's coverage counts too: where it goes, and the preload that
            // writes it when the child is ended with a signal (test/support/flushCoverage.js).
            ...coverageEnv(),
        },
        stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    await new Promise<void>((resolve, reject) => {
        child.once("message", () => resolve());
        child.once("exit", (code) => reject(new Error(`provider child exited with ${String(code)} before it was ready`)));
    });
    let queue: Promise<unknown> = Promise.resolve();
    const call = (command: ChildCommand): Promise<ChildReply> => {
        const next = queue.then(
            () =>
                new Promise<ChildReply>((resolve, reject) => {
                    const onExit = (code: number | null): void => reject(new Error(`provider child exited with ${String(code)}`));
                    child.once("exit", onExit);
                    child.once("message", (reply) => {
                        child.off("exit", onExit);
                        resolve(reply as ChildReply);
                    });
                    child.send(command);
                }),
        );
        queue = next.catch(() => undefined);
        return next;
    };
    return {
        async configure(config, env = {}) {
            const reply = await call({ op: "configure", config, env });
            if (!reply.ok) {
                throw new Error(`configure failed in the child: ${reply.error.message}`);
            }
        },
        async read(props) {
            const reply = await call({ op: "read", props });
            return reply.ok ? { ok: true, props: reply.props ?? {} } : reply;
        },
        async readAll(props) {
            const reply = await call({ op: "readAll", props });
            if (!reply.ok) {
                throw new Error(`readAll failed in the child: ${reply.error.message}`);
            }
            return reply.outcomes ?? [];
        },
        close: () =>
            new Promise<void>((resolve) => {
                if (child.exitCode !== null) {
                    resolve();
                    return;
                }
                child.once("exit", () => resolve());
                child.kill();
            }),
    };
}

/** The props of a read in the child that must have succeeded; fails the test with the child's message otherwise. */
export function succeeded(outcome: ReadOutcome): Record<string, unknown> {
    assert.ok(outcome.ok, outcome.ok ? "" : outcome.error.message);
    return outcome.props;
}
