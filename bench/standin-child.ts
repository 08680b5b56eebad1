// Entry point of the stand-in child process: starts the FC emulator from test/fc-emulator and obeys the
// bench's commands over the IPC channel. Runs under ts-node (transpile-only), forked by standin.ts.

import { type AsyncConfigInput, type Fc3AsyncConfigInput, startFcEmulator } from "../provider/emulator";
import type { StandInCommand, StandInReady, StandInReply, StandInStats } from "./standin";

/** Every seeded function gets the same, fully populated config, the largest answer FC gives. */
function configFor(accountId: string, region: string, service: string, fn: string): AsyncConfigInput {
    return {
        destinationConfig: {
            onSuccess: { destination: `acs:fc:${region}:${accountId}:services/${service}/functions/${fn}-on-success` },
            onFailure: { destination: `acs:mns:${region}:${accountId}:/queues/${fn}-failed/messages` },
        },
        maxAsyncEventAgeInSeconds: 300,
        maxAsyncRetryAttempts: 3,
        statefulInvocation: true,
    };
}

/** The FC 3.0 counterpart of {@link configFor}: the same values under FC 3.0's names, ARNs without a service. */
function fc3ConfigFor(accountId: string, region: string, fn: string): Fc3AsyncConfigInput {
    const { statefulInvocation, ...common } = configFor(accountId, region, "", fn);
    const onSuccess = { destination: `acs:fc:${region}:${accountId}:functions/${fn}-on-success` };
    return { ...common, destinationConfig: { ...common.destinationConfig, onSuccess }, asyncTask: statefulInvocation };
}

async function main(): Promise<void> {
    const fc = await startFcEmulator({ seed: false, quiet: true });
    let cpuAtReset = process.cpuUsage();

    const stats = (): StandInStats => {
        const count = (record: Record<string, number>, key: string): void => void (record[key] = (record[key] ?? 0) + 1);
        const [byStatus, byFault, perPath, getsPerPath] = [{}, {}, {}, {}] as Array<Record<string, number>>;
        const gets = fc.requests.filter((request) => request.method === "GET");
        for (const request of fc.requests) {
            count(byStatus, String(request.status));
            if (request.fault !== undefined) {
                count(byFault, request.fault);
            }
        }
        gets.forEach((request) => count(perPath, request.path));
        Object.values(perPath).forEach((n) => count(getsPerPath, String(n)));
        const cpu = process.cpuUsage(cpuAtReset);
        return {
            total: fc.requests.length,
            gets: gets.length,
            byStatus,
            maxInFlight: fc.maxInFlight(),
            cpuMs: (cpu.user + cpu.system) / 1000,
            getsPerPath,
            byFault,
        };
    };

    const obey = async (command: StandInCommand): Promise<StandInStats | undefined> => {
        switch (command.op) {
            case "seed":
                for (const fn of command.functions) {
                    fc.store.putFunction(command.service, fn);
                    fc.store.putAsyncConfig(command.service, fn, "LATEST", configFor(fc.accountId, fc.region, command.service, fn));
                }
                return undefined;
            case "seedFc3":
                for (const fn of command.functions) {
                    fc.store.fc3.putFunction(fn);
                    fc.store.fc3.putAsyncConfig(fn, "LATEST", fc3ConfigFor(fc.accountId, fc.region, fn));
                }
                return undefined;
            case "seedQualifiers":
                for (const fn of command.functions) {
                    if (command.api === "fc2") {
                        fc.store.putFunctionWithQualifiers(command.service, fn, command.count, {
                            config: configFor(fc.accountId, fc.region, command.service, fn),
                        });
                    } else {
                        fc.store.fc3.putFunctionWithQualifiers(fn, command.count, { config: fc3ConfigFor(fc.accountId, fc.region, fn) });
                    }
                }
                return undefined;
            case "setRateLimit":
                fc.setRateLimit(command.limit);
                return undefined;
            case "setLatency":
                // The emulator's delay fault waits, then handles the request normally (rate limit included).
                fc.clearFaults();
                if (command.ms > 0) {
                    fc.addFault({ fault: { kind: "delay", ms: command.ms } });
                }
                return undefined;
            case "setFaultMix":
                fc.setFaultMix(command.mix);
                return undefined;
            case "resetLog":
                fc.resetLog();
                cpuAtReset = process.cpuUsage();
                return undefined;
            case "stats":
                return stats();
            case "close":
                await fc.close();
                return undefined;
        }
    };

    process.on("message", (message: { id: number; command: StandInCommand }) => {
        obey(message.command).then(
            (result) => {
                const reply: StandInReply = result === undefined ? { id: message.id, ok: true } : { id: message.id, ok: true, stats: result };
                process.send?.(reply, () => {
                    if (message.command.op === "close") {
                        process.exit(0);
                    }
                });
            },
            (error: unknown) => {
                const reply: StandInReply = { id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) };
                process.send?.(reply);
            },
        );
    });
    // The bench went away (crashed or was killed): do not linger as an orphan holding a port.
    process.on("disconnect", () => process.exit(0));

    const ready: StandInReady = {
        endpoint: fc.endpoint,
        host: fc.host,
        accountId: fc.accountId,
        accessKeyId: fc.accessKeyId,
        accessKeySecret: fc.accessKeySecret,
    };
    process.send?.(ready);
}

main().catch((error: unknown) => {
    process.stderr.write(`bench stand-in: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
});
