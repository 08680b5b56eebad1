// The program's share of a stack, on its own: registering N data sources against N floor resources
// (trivial-resource.ts) under `pulumi.runtime.setMocks`, with no engine, provider host or FC. What is
// measured is the program's CPU from the first constructor to the last URN: argument checks, the
// SDK's preparation and serialization of every property, and the mocked registration RPC.
//
// It runs in a child process started the way `pulumi` starts a TypeScript program (ts-node, whose
// source maps make every stack trace the SDK formats dearer), so that the mocks never touch this
// process's runtime, which later runs the engine sections' inline programs.

import { fork } from "node:child_process";
import type { RegistrationReply, RegistrationRequest } from "./registration-child";
import { summarize, type Summary } from "./stats";

/** One kind's figures. */
export interface RegistrationKind {
    /** CPU time to register `count` resources, ms, per measured round. */
    cpuMs: Summary;
    /** Stack traces the SDK formatted per resource (the same in every round). */
    stackTracesPerResource: number;
}

export interface RegistrationResult {
    count: number;
    dataSource: RegistrationKind;
    floor: RegistrationKind;
}

/** Registers `count` data sources and `count` floor resources, alternating, `rounds` times after one warm-up round. */
export async function measureRegistration(count: number, rounds: number): Promise<RegistrationResult> {
    const child = fork(require.resolve("./registration-child"), [], {
        execArgv: ["-r", require.resolve("ts-node/register/transpile-only")],
        stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const reply = await new Promise<RegistrationReply>((resolve, reject) => {
        child.once("error", reject);
        child.once("exit", (code) => reject(new Error(`bench registration child exited with code ${code} before replying`)));
        child.once("message", (message: RegistrationReply) => resolve(message));
        const request: RegistrationRequest = { count, rounds };
        child.send(request);
    }).finally(() => child.kill());
    const kind = (k: RegistrationReply["dataSource"]): RegistrationKind => ({ cpuMs: summarize(k.cpuMs), stackTracesPerResource: k.stackTracesPerResource });
    return { count, dataSource: kind(reply.dataSource), floor: kind(reply.floor) };
}
