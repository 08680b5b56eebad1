// The provider host's way to the engine's log. `@pulumi/pulumi`'s dynamic provider host is started with
// the engine's address but does not hand it to `pulumi.log` (pulumi/pulumi#6065), so a `pulumi.log` call
// here goes nowhere. This sends the host's work records (wire/workLog.ts) to the engine's Log service
// itself, through the generated client `@pulumi/pulumi` ships: debug lines show with `--debug` / `-v`,
// progress lines as ephemeral status. Nothing is sent, or even loaded, until there is something to say.

import type * as EngineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import type * as EnginePb from "@pulumi/pulumi/proto/engine_pb";
import { listenToWork } from "../wire/workLog";

let started = false;

/**
 * Forwards the reads' work records to the engine, once per process. The engine's address is the host's
 * last argument (with `--logflow` the engine puts `--logtostderr -v=N` before it); a caller that runs the
 * provider in its own process (a test, the bench) has none, and nothing is sent.
 */
export function showWorkInEngine(args: readonly string[] = process.argv.slice(2)): void {
    const address = args.at(-1);
    if (started || address === undefined || !/^[\w.\-[\]:]+:\d+$/.test(address)) {
        return;
    }
    started = true;
    let send: ((severity: "DEBUG" | "INFO", message: string, ephemeral: boolean) => void) | undefined;
    const log = (severity: "DEBUG" | "INFO", message: string, ephemeral: boolean): void => {
        send ??= connect(address);
        send(severity, message, ephemeral);
    };
    listenToWork({ attempt: (line) => log("DEBUG", line, false), page: (line) => log("INFO", line, true) });
}

function connect(address: string): (severity: "DEBUG" | "INFO", message: string, ephemeral: boolean) => void {
    // From @pulumi/pulumi's own dependencies, as its log module does: the same grpc and generated protocol.
    const from = { paths: [require.resolve("@pulumi/pulumi")] };
    /* eslint-disable @typescript-eslint/no-require-imports */
    const grpc = require(require.resolve("@grpc/grpc-js", from)) as { credentials: { createInsecure(): unknown } };
    const { EngineClient } = require("@pulumi/pulumi/proto/engine_grpc_pb") as typeof EngineGrpc;
    const { LogRequest, LogSeverity } = require("@pulumi/pulumi/proto/engine_pb") as typeof EnginePb;
    /* eslint-enable @typescript-eslint/no-require-imports */
    const engine = new EngineClient(address, grpc.credentials.createInsecure() as never);
    return (severity, message, ephemeral) => {
        const request = new LogRequest();
        request.setSeverity(LogSeverity[severity]);
        request.setMessage(message);
        request.setEphemeral(ephemeral);
        // A lost log line is not worth failing a read: the engine may be gone while the host winds down.
        engine.log(request, () => undefined);
    };
}
