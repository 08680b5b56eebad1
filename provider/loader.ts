// What `pulumi.dynamic.Resource` serializes into every data source's state (`__provider`, stored in both
// its inputs and its outputs): a loader that reaches nothing, so the text stays about a kilobyte however
// the package grows, and holds no configuration or credentials. Inside the provider host each method
// loads the implementation (implementation.ts, which provider.ts also serves) by package path, so
// upgrading the package also upgrades the code that serves existing state. The path is spelled out in
// each method because anything the methods captured (a shared constant, a helper) would be serialized
// along with them.

import type * as pulumi from "@pulumi/pulumi";
import type * as HostModule from "./host";
import type { FunctionAsyncInvokeConfigOutputs, LookupInputs } from "./types";

type Host = typeof HostModule;

/** The serialized stand-in for `functionAsyncInvokeConfigProvider` (provider.ts); not part of the public API. */
export const providerLoader: pulumi.dynamic.ResourceProvider<LookupInputs, FunctionAsyncInvokeConfigOutputs> = {
    configure: (req) => (require("pulumi-fc-async-invoke-config/bin/provider/host") as Host).configure(req.config),
    read: (id, props) => (require("pulumi-fc-async-invoke-config/bin/provider/host") as Host).read(id, { ...props }),
    create: () => (require("pulumi-fc-async-invoke-config/bin/provider/host") as Host).create(),
};
