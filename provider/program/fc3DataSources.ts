// FC 3.0's data sources in the forms a program uses them (program/forms.ts): for each, the resource
// class, `getX` (the resource form with a name, the promise form without) and `getXOutput`. Their
// descriptions, types and ids are in dataSources/; nothing here is loaded by the provider host.

import { asyncInvokeConfig, type AsyncInvokeConfigOutputs, type GetAsyncInvokeConfigArgs } from "../dataSources/asyncInvokeConfig";
import { asyncInvokeConfigs, type AsyncInvokeConfigsOutputs, type ListAsyncInvokeConfigsArgs } from "../dataSources/asyncInvokeConfigs";
import { dataSourceFunction, type InvokeResult, outputFunction, resourceClass } from "./forms";

/**
 * The asynchronous invocation settings of one Function Compute 3.0 function, read from FC (API
 * 2023-03-30 `GetAsyncInvokeConfig`), with FC 3.0's field names, as a read-only resource: its values show
 * in `pulumi preview`, and `pulumi refresh` re-reads them. Its id is `functionName:qualifier`.
 */
export const AsyncInvokeConfig = resourceClass<GetAsyncInvokeConfigArgs, AsyncInvokeConfigOutputs>(asyncInvokeConfig);
/** An instance of {@link AsyncInvokeConfig}. */
export type AsyncInvokeConfig = InstanceType<typeof AsyncInvokeConfig>;

/** What the invoke forms of the FC 3.0 single read return. */
export type GetAsyncInvokeConfigResult = InvokeResult<AsyncInvokeConfigOutputs>;

/**
 * Reads a Function Compute 3.0 function's asynchronous invocation settings.
 *
 * - `getAsyncInvokeConfig(name, args, opts?)` is the resource form: an {@link AsyncInvokeConfig}.
 * - `getAsyncInvokeConfig(args)` is the promise form, read in the program, with nothing in state.
 *
 * ```ts
 * const cfg = getAsyncInvokeConfig("orders-async", { functionName: "orders" });
 * export const onFailure = cfg.destinationConfig.apply((d) => d.onFailure?.destination);
 * ```
 */
export const getAsyncInvokeConfig = dataSourceFunction(AsyncInvokeConfig, asyncInvokeConfig);

/** The Output form of {@link getAsyncInvokeConfig}: read in the program on every preview and up, nothing in state. */
export const getAsyncInvokeConfigOutput = outputFunction<GetAsyncInvokeConfigArgs, AsyncInvokeConfigOutputs>(asyncInvokeConfig);

/**
 * The async invoke configs of one Function Compute 3.0 function, or of every function in the account
 * and region, read from FC (API 2023-03-30 `ListAsyncInvokeConfigs`), as a read-only resource. Its id is
 * the function name, or `*` for every function.
 *
 * Every page is read (`fcAsyncInvokeConfig:pageSize` configs each), and each is retried on its own; a
 * page that still fails fails the read, so a partial list is never recorded. The configs are sorted by
 * `functionArn`, so `pulumi refresh` shows a config added, removed or changed, never a reordering.
 */
export const AsyncInvokeConfigs = resourceClass<ListAsyncInvokeConfigsArgs, AsyncInvokeConfigsOutputs>(asyncInvokeConfigs);
/** An instance of {@link AsyncInvokeConfigs}. */
export type AsyncInvokeConfigs = InstanceType<typeof AsyncInvokeConfigs>;

/** What the invoke forms of the FC 3.0 list return. */
export type ListAsyncInvokeConfigsResult = InvokeResult<AsyncInvokeConfigsOutputs>;

/**
 * Lists Function Compute 3.0 async invoke configs: one function's, or every function's.
 *
 * - `listAsyncInvokeConfigs(name, args, opts?)` is the resource form: an {@link AsyncInvokeConfigs}.
 * - `listAsyncInvokeConfigs(args)` is the promise form, read in the program, with nothing in state.
 *
 * ```ts
 * // Every FC 3.0 function of the account and region whose failed events go nowhere.
 * const all = listAsyncInvokeConfigsOutput({});
 * export const withoutFailureDestination = all.configs.apply((configs) => configs.filter((c) => !c.destinationConfig.onFailure).map((c) => c.functionArn));
 * ```
 */
export const listAsyncInvokeConfigs = dataSourceFunction(AsyncInvokeConfigs, asyncInvokeConfigs);

/** The Output form of {@link listAsyncInvokeConfigs}: read in the program on every preview and up, nothing in state. */
export const listAsyncInvokeConfigsOutput = outputFunction<ListAsyncInvokeConfigsArgs, AsyncInvokeConfigsOutputs>(asyncInvokeConfigs);
