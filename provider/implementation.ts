// The provider's behaviour, loaded by the serialized provider (provider.ts) by package path inside the
// provider host. Module state here lives exactly as long as that host process: one deployment.

import type * as pulumi from "@pulumi/pulumi";
import { ConcurrencyLimiter } from "./concurrency";
import { clearFcClients } from "./fcClient";
import { formatId, parseId } from "./id";
import { LookupContext, lookupAsyncInvokeConfig } from "./lookup";
import { ConfigSource, readStackSettings, StackSettings } from "./settings";
import { FunctionAsyncInvokeConfigOutputs, LookupInputs } from "./types";

let context: LookupContext = newContext(readStackSettings({ get: () => undefined }));

/**
 * Takes the stack's configuration (the engine calls this once per provider host, before any read).
 * Starts a fresh deployment: new settings, new request cap, no remembered answers.
 */
export async function configure(config: ConfigSource): Promise<void> {
    context = newContext(readStackSettings(config));
    clearFcClients();
}

/**
 * Reads the async invoke config named by `props` (the lookup's arguments, or on refresh the last
 * recorded outputs) or, when props hold none (`FunctionAsyncInvokeConfig.get`), by the id alone.
 */
export async function read(id: string, props: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult<FunctionAsyncInvokeConfigOutputs>> {
    const outputs = await lookupAsyncInvokeConfig(context, lookupFrom(id, props));
    return { id: formatId(outputs), props: outputs };
}

/** This data source is read-only: the engine reads it by id and never creates it. */
export async function create(): Promise<never> {
    throw new Error(
        "FunctionAsyncInvokeConfig is a read-only data source and cannot be created; use getFunctionAsyncInvokeConfig(), " +
            "which reads it by id, or @pulumi/alicloud's fc.FunctionAsyncInvokeConfig to manage the settings",
    );
}

function lookupFrom(id: string, props: Record<string, unknown>): Partial<Record<keyof LookupInputs, unknown>> {
    const named = props.serviceName === undefined && props.functionName === undefined ? parseId(id) : props;
    return {
        serviceName: named.serviceName,
        functionName: named.functionName,
        qualifier: named.qualifier,
        region: props.region,
        accountId: props.accountId,
        endpoint: props.endpoint,
    };
}

function newContext(stack: StackSettings): LookupContext {
    return {
        stack,
        env: process.env,
        limiter: new ConcurrencyLimiter(stack.tuning.maxConcurrentRequests),
        answers: new Map(),
    };
}
