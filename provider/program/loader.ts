// What `pulumi.dynamic.Resource` serializes into every data source's state (`__provider`, stored in both
// its inputs and its outputs): a loader that reaches nothing but the data source's key, so the text
// stays about a kilobyte however the package grows, and holds no configuration or credentials. Inside
// the provider host each method loads the implementation (host.ts, which serves implementation.ts) by
// package path, so upgrading the package also upgrades the code that serves existing state. The path is
// spelled out in each method because anything else the methods captured (a shared constant, a helper)
// would be serialized along with them; the key, a string, is all they capture.

import type * as pulumi from "@pulumi/pulumi";
import type * as HostModule from "../host/entry";

type Host = typeof HostModule;

/** The serialized provider of the data source with key `key` (dataSources/index.ts); not part of the public API. */
export function loaderFor(key: string): pulumi.dynamic.ResourceProvider<Record<string, unknown>, Record<string, unknown>> {
    return {
        configure: (req) => (require("pulumi-fc-async-invoke-config/bin/provider/host") as Host).configure(req.config),
        read: (id, props) => (require("pulumi-fc-async-invoke-config/bin/provider/host") as Host).read(key, id, { ...props }),
        create: () => (require("pulumi-fc-async-invoke-config/bin/provider/host") as Host).create(key),
    };
}
