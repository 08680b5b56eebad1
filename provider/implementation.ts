// The provider's behaviour, loaded by the serialized provider (provider.ts) by package path inside the
// provider host. Module state here lives exactly as long as that host process: one deployment.

import type * as pulumi from "@pulumi/pulumi";
import { ConcurrencyLimiter } from "./concurrency";
import { formatId, parseId } from "./id";
import { type LookupContext, lookupAsyncInvokeConfig } from "./lookup";
import { createSecretSet } from "./redaction";
import { type ConfigSource, readStackSettings, type StackSettings } from "./stackSettings";
import { type FunctionAsyncInvokeConfigOutputs, type LookupInputs } from "./types";

let context: LookupContext = newContext(readStackSettings({ get: () => undefined }));
// The host keeps using a provider whose configure failed, so the failure is kept and repeated by every
// read: otherwise reads after the first would silently run on defaults, ignoring the stack's config.
let configureFailure: Error | undefined;

/**
 * Takes the stack's configuration (the engine calls this once per provider host, before any read).
 * Starts a fresh deployment: new settings, new request cap, new credentials and SDK clients, no
 * remembered answers or account ids. Bad values do not fail here: every read reports them, together
 * with whatever else that read finds missing, so that one run shows everything to fix.
 */
export async function configure(config: ConfigSource): Promise<void> {
    try {
        context = newContext(readStackSettings(config));
        configureFailure = undefined;
    } catch (err) {
        configureFailure = err instanceof Error ? err : new Error(String(err));
        throw err;
    }
}

/**
 * Reads the async invoke config named by `props` (the lookup's arguments, or on refresh the last
 * recorded outputs) or, when props name no function (e.g. a resource imported by id), by the id alone.
 */
export async function read(id: string, props: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult<FunctionAsyncInvokeConfigOutputs>> {
    if (configureFailure !== undefined) {
        throw configureFailure;
    }
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
    // Credential providers add each secret they hand out (resolution.ts); stack config's are known now.
    const secrets = createSecretSet();
    secrets.add(stack.secretKey, stack.securityToken);
    return {
        secrets,
        stack,
        env: process.env,
        limiter: new ConcurrencyLimiter(stack.tuning.maxConcurrentRequests),
        answers: new Map(),
        routes: new Map(),
        accounts: new Map(),
    };
}
