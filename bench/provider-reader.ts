// The provider as the provider host drives it, minus gRPC and deserialization: the public
// `functionAsyncInvokeConfigProvider` of the built package (bin/), configured once per simulated
// deployment, then `read(id, props)` per data source with the props the engine sends. It reaches the
// same implementation module the serialized provider loads inside the host.

import type * as pulumi from "@pulumi/pulumi";
import type { FunctionAsyncInvokeConfigOutputs, LookupInputs } from "../provider";
import { builtPackage } from "./built-package";
import { SERVICE, standInConfig } from "./fixtures";
import type { StandIn } from "./standin";

/** Extra stack config for the provider, e.g. `fcAsyncInvokeConfig:maxConcurrentRequests`. */
export type ExtraConfig = Record<string, string>;

/**
 * Configures the provider afresh, as a new provider host does at the start of a deployment: new
 * settings, a new request cap, a new SDK client and no remembered answers.
 */
export async function configureProvider(standIn: StandIn, extra: ExtraConfig = {}): Promise<void> {
    const values: Record<string, string> = { ...standInConfig(standIn), ...extra };
    const config: pulumi.dynamic.Config = {
        get: (key) => values[key],
        require: (key) => {
            const value = values[key];
            if (value === undefined) {
                throw new Error(`missing config ${key}`);
            }
            return value;
        },
    };
    const provider = builtPackage().functionAsyncInvokeConfigProvider;
    if (provider.configure === undefined) {
        throw new Error("functionAsyncInvokeConfigProvider has no configure");
    }
    await provider.configure({ config });
}

/** One data source read, with the props the engine passes for `getFunctionAsyncInvokeConfig`. */
export async function readThroughProvider(standIn: StandIn, fn: string): Promise<FunctionAsyncInvokeConfigOutputs> {
    const provider = builtPackage().functionAsyncInvokeConfigProvider;
    if (provider.read === undefined) {
        throw new Error("functionAsyncInvokeConfigProvider has no read");
    }
    // What the engine sends on a first read: the constructor's inputs only (undefined outputs are dropped).
    const inputs: LookupInputs = { serviceName: SERVICE, functionName: fn, qualifier: "LATEST", endpoint: standIn.endpoint };
    const result = await provider.read(`${SERVICE}:${fn}:LATEST`, inputs as FunctionAsyncInvokeConfigOutputs);
    if (result.props === undefined) {
        throw new Error(`provider read of ${fn} returned no props`);
    }
    return result.props;
}
