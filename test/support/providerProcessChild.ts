// The child of providerProcess.ts: runs provider/host/provider.ts's `configure` and `read` on command.

import * as implementation from "../../provider/host/provider";
import type { ChildCommand, ChildError, ChildReply, ReadOutcome } from "./providerProcess";

const startEnv = { ...process.env };

function describe(err: unknown): ChildError {
    if (!(err instanceof Error)) {
        return { name: "Error", message: String(err) };
    }
    const fields = err as Error & Partial<Omit<ChildError, "name" | "message">>;
    return {
        name: err.name,
        message: err.message,
        stack: err.stack,
        setting: fields.setting,
        problems: fields.problems === undefined ? undefined : [...fields.problems],
        code: fields.code,
        status: fields.status,
        requestId: fields.requestId,
        kind: fields.kind,
    };
}

async function obey(command: ChildCommand): Promise<ChildReply> {
    try {
        if (command.op === "configure") {
            for (const name of Object.keys(process.env)) {
                delete process.env[name];
            }
            Object.assign(process.env, startEnv, command.env);
            await implementation.configure({ get: (key) => command.config[key] as string | undefined });
            return { ok: true };
        }
        if (command.op === "readAll") {
            return { ok: true, outcomes: await Promise.all(command.props.map(read)) };
        }
        const outcome = await read(command.props);
        return outcome.ok ? { ok: true, props: outcome.props } : outcome;
    } catch (err) {
        return { ok: false, error: describe(err) };
    }
}

async function read(props: Record<string, unknown>): Promise<ReadOutcome> {
    const id = `${String(props.serviceName)}:${String(props.functionName)}:${typeof props.qualifier === "string" ? props.qualifier : "LATEST"}`;
    try {
        const result = await implementation.read("fc:FunctionAsyncInvokeConfig", id, props);
        return { ok: true, props: { ...result.props } };
    } catch (err) {
        return { ok: false, error: describe(err) };
    }
}

process.on("message", (command) => {
    void obey(command as ChildCommand).then((reply) => process.send?.(reply));
});
process.send?.({ ready: true });
