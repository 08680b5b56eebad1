// The provider as the provider host drives it, minus gRPC and deserialization: the public
// `functionAsyncInvokeConfigProvider` (or, for the other data sources, `dataSourceProvider(...)`) of the
// built package (bin/), configured once per simulated deployment, then `read(id, props)` per data source
// with the props the engine sends. It reaches the same implementation module the serialized provider
// loads inside the host; every data source's provider shares it, so one `configure` serves them all.

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

/** A data source as the provider host knows it: `module:typeName` of its resources, e.g. `fc3` and `AsyncInvokeConfigs`. */
export interface DataSourceKey {
    module: string;
    typeName: string;
}

/** A provider's `read`, taken once per data source: building the provider inside a timed loop would charge it to every read. */
export type ProviderRead = (id: string, props: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** The `read` of the provider of `source`, as the host calls it; resolves with the props it returns. */
export function providerReadOf(source: DataSourceKey): ProviderRead {
    const provider = builtPackage().dataSourceProvider<Record<string, unknown>, Record<string, unknown>>(source);
    const read = provider.read;
    if (read === undefined) {
        throw new Error(`the provider of ${source.module}:${source.typeName} has no read`);
    }
    return async (id, props) => {
        const result = await read(id, props);
        if (result.props === undefined) {
            throw new Error(`provider read of ${source.module}:${source.typeName} ${id} returned no props`);
        }
        return result.props;
    };
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
