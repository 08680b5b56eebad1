// What `pulumi.dynamic.Resource` serializes into every data source's state (`__provider`, stored in both
// its inputs and its outputs): a loader that reaches nothing but the data source's key, so the text
// stays about a kilobyte however the package grows, and holds no configuration or credentials. Inside
// the provider host each method loads the host's entry points (`bin/provider/host`, host/entry.ts) by
// package path, so upgrading the package also upgrades the code that serves existing state. The path is
// spelled out in each method because anything else the methods captured (a shared constant, a helper)
// would be serialized along with them; the key, a string, is all they capture.

import type * as pulumi from "@pulumi/pulumi";
import type { ConfigSource } from "../settings/configKeys";

/**
 * What every loader in state calls on `bin/provider/host`: the contract the host keeps (host/entry.ts
 * is typed by it). It only grows: loaders written by earlier versions still call the older shapes.
 */
export interface ProviderHost {
    /** Takes the stack's configuration, once per provider host process. */
    configure(config: ConfigSource): Promise<void>;
    /**
     * Reads the data source with key `key` (e.g. `fc:FunctionAsyncInvokeConfig`). The loaders of 0.1.0
     * pass no key: such a call reads the FC 2.0 single config, the one data source that version had.
     */
    read(
        ...call: [key: string, id: string, props: Record<string, unknown>] | [id: string, props: Record<string, unknown>]
    ): Promise<pulumi.dynamic.ReadResult<Record<string, unknown>>>;
    /** Always refuses: a data source is read, never created. A 0.1.0 loader passes no key. */
    create(key?: string): Promise<never>;
}

/** The serialized provider of the data source with key `key` (dataSources/index.ts); not part of the public API. */
export function loaderFor(key: string): pulumi.dynamic.ResourceProvider<Record<string, unknown>, Record<string, unknown>> {
    return {
        configure: (req) => (require("pulumi-fc-async-invoke-config/bin/provider/host") as ProviderHost).configure(req.config),
        read: (id, props) => (require("pulumi-fc-async-invoke-config/bin/provider/host") as ProviderHost).read(key, id, { ...props }),
        create: () => (require("pulumi-fc-async-invoke-config/bin/provider/host") as ProviderHost).create(key),
    };
}
