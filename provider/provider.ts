// The dynamic provider of FunctionAsyncInvokeConfig, for programs and tests that call it directly. The
// engine's provider host runs the same implementation through loader.ts, the thin object kept in state.

import type * as pulumi from "@pulumi/pulumi";
import * as implementation from "./implementation";
import type { FunctionAsyncInvokeConfigOutputs, LookupInputs } from "./types";

/**
 * The provider of the data source. It only reads; it never writes to FC.
 *
 * - `configure` takes the stack's config (`alicloud:*`, `fcAsyncInvokeConfig:*`) once per deployment.
 * - `read(id, props)` takes the lookup's arguments as props (or, when they are absent, the id
 *   `serviceName:functionName:qualifier`) and returns `{ id, props }` with FC's values.
 * - `create` always fails: the data source is read by id, never created.
 */
export const functionAsyncInvokeConfigProvider: pulumi.dynamic.ResourceProvider<LookupInputs, FunctionAsyncInvokeConfigOutputs> = {
    // Each method hands on the implementation's promise (those functions are async, so they never
    // throw synchronously), as loader.ts does in the provider host.
    configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
        return implementation.configure(req.config);
    },
    read(id: string, props?: FunctionAsyncInvokeConfigOutputs): Promise<pulumi.dynamic.ReadResult<FunctionAsyncInvokeConfigOutputs>> {
        return implementation.read(id, { ...props });
    },
    create(): Promise<pulumi.dynamic.CreateResult<FunctionAsyncInvokeConfigOutputs>> {
        return implementation.create();
    },
};
