// The dynamic providers of the data sources, for programs and tests that call them directly. The
// engine's provider host runs the same provider (provider.ts) through program/loader.ts, the thin
// object kept in state.

import type * as pulumi from "@pulumi/pulumi";
import type * as Implementation from "./provider";
import { dataSourceKey } from "../dataSources/keys";
import {
    functionAsyncInvokeConfig,
    type FunctionAsyncInvokeConfigOutputs,
    type GetFunctionAsyncInvokeConfigArgs,
} from "../dataSources/functionAsyncInvokeConfig";

/**
 * The provider of a data source. It only reads; it never writes to FC.
 *
 * - `configure` takes the stack's config (`alicloud:*`, `fcAsyncInvokeConfig:*`) and starts a fresh deployment.
 * - `read(id, props)` takes the arguments as props (or, when they are absent, the id) and returns
 *   `{ id, props }` with FC's values.
 * - `create` always fails: a data source is read by id, never created.
 *
 * @group Dynamic providers
 */
export function dataSourceProvider<Args, Outputs>(source: { module: string; typeName: string }): pulumi.dynamic.ResourceProvider<Args, Outputs> {
    const key = dataSourceKey(source);
    // Each method hands on the implementation's promise (those functions are async, so they never
    // throw synchronously), as program/loader.ts does in the provider host. The implementation is
    // loaded on the first call, so that importing the package does not load the core and the SDKs.
    return {
        configure: (req) => implementation().configure(req.config),
        read: (id, props) => implementation().read(key, id, { ...props }) as Promise<pulumi.dynamic.ReadResult<Outputs>>,
        create: () => implementation().create(key),
    };
}

function implementation(): typeof Implementation {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("./provider") as typeof Implementation;
}

/**
 * The provider of {@link getFunctionAsyncInvokeConfig}'s resource form.
 *
 * @group Dynamic providers
 */
export const functionAsyncInvokeConfigProvider: pulumi.dynamic.ResourceProvider<GetFunctionAsyncInvokeConfigArgs, FunctionAsyncInvokeConfigOutputs> =
    dataSourceProvider(functionAsyncInvokeConfig);
