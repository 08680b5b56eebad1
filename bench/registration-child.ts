// The child of registration.ts: registers resources under mocks and reports its CPU time per round.

import * as pulumi from "@pulumi/pulumi";
import { builtPackage } from "./built-package";
import { functionName, SERVICE } from "./fixtures";
import { countStackTraces } from "../test/support/stackTraces";
import { ConstantResource } from "./trivial-resource";

export interface RegistrationRequest {
    count: number;
    rounds: number;
}

export interface RegistrationReply {
    dataSource: { cpuMs: number[]; stackTracesPerResource: number };
    floor: { cpuMs: number[]; stackTracesPerResource: number };
}

type Kind = keyof RegistrationReply;

let serial = 0;

/** Registers `count` resources of `kind` and resolves when every URN is known; returns CPU ms and stack traces formatted. */
async function register(kind: Kind, count: number): Promise<{ cpuMs: number; stackTraces: number }> {
    const { getFunctionAsyncInvokeConfig } = builtPackage();
    const before = process.cpuUsage();
    const { stackTraces } = await countStackTraces(async () => {
        const urns = Array.from({ length: count }, (_, i) => {
            const args = { serviceName: SERVICE, functionName: functionName(i), endpoint: "http://127.0.0.1:9" };
            const name = `r-${serial++}`;
            return (kind === "dataSource" ? getFunctionAsyncInvokeConfig(name, args) : new ConstantResource(name, args)).urn;
        });
        await new Promise<void>((resolve) => pulumi.all(urns).apply(() => resolve()));
    });
    const cpu = process.cpuUsage(before);
    return { cpuMs: (cpu.user + cpu.system) / 1000, stackTraces };
}

async function main(request: RegistrationRequest): Promise<RegistrationReply> {
    await pulumi.runtime.setMocks(
        { newResource: (args) => ({ id: args.id ?? args.name, state: args.inputs as Record<string, unknown> }), call: () => ({}) },
        "bench",
        "registration",
        false,
    );
    const reply: RegistrationReply = { dataSource: { cpuMs: [], stackTracesPerResource: 0 }, floor: { cpuMs: [], stackTracesPerResource: 0 } };
    const kinds: Kind[] = ["dataSource", "floor"];
    for (let round = 0; round <= request.rounds; round++) {
        for (let i = 0; i < kinds.length; i++) {
            const kind = kinds[(round + i) % kinds.length];
            const { cpuMs, stackTraces } = await register(kind, request.count);
            // Round 0 warms up: module loading and the provider's one serialization are not per resource.
            if (round > 0) {
                reply[kind].cpuMs.push(cpuMs);
                reply[kind].stackTracesPerResource = stackTraces / request.count;
            }
        }
    }
    return reply;
}

process.once("message", (request: RegistrationRequest) => {
    main(request).then(
        (reply) => process.send?.(reply, () => process.exit(0)),
        (err: unknown) => {
            console.error(err);
            process.exit(1);
        },
    );
});
