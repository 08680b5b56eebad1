// The provider object the engine stores in state: `pulumi.dynamic.Resource` serializes it, with every
// function and value it reaches, into each resource's `__provider` property. So it reaches nothing:
// each method loads the implementation by package path inside the provider host. That keeps state
// small, keeps configuration and credentials out of it, and lets an upgraded package serve old state.

import type * as pulumi from "@pulumi/pulumi";
import type { FunctionAsyncInvokeConfigOutputs, LookupInputs } from "./types";

// Not exported on purpose: an exported constant would be captured as this module's `exports` object.
const implementationModule = "pulumi-fc-async-invoke-config/bin/provider/implementation";

/** The dynamic provider behind {@link FunctionAsyncInvokeConfig}. It only reads; it never writes to FC. */
export const functionAsyncInvokeConfigProvider: pulumi.dynamic.ResourceProvider<LookupInputs, FunctionAsyncInvokeConfigOutputs> = {
    async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
        const implementation: typeof import("./implementation") = require(implementationModule);
        await implementation.configure(req.config);
    },
    async read(id: string, props?: FunctionAsyncInvokeConfigOutputs): Promise<pulumi.dynamic.ReadResult<FunctionAsyncInvokeConfigOutputs>> {
        const implementation: typeof import("./implementation") = require(implementationModule);
        return implementation.read(id, { ...props });
    },
    async create(): Promise<pulumi.dynamic.CreateResult<FunctionAsyncInvokeConfigOutputs>> {
        const implementation: typeof import("./implementation") = require(implementationModule);
        return implementation.create();
    },
};
