// FC 2.0's data sources in the forms a program uses them (program/forms.ts): for each, the resource
// class, `getX` (the resource form with a name, the promise form without) and `getXOutput`. Their
// descriptions, types and ids are in dataSources/; nothing here is loaded by the provider host.

import {
    functionAsyncInvokeConfig,
    type FunctionAsyncInvokeConfigOutputs,
    type GetFunctionAsyncInvokeConfigArgs,
} from "../dataSources/functionAsyncInvokeConfig";
import {
    functionAsyncInvokeConfigs,
    type FunctionAsyncInvokeConfigsOutputs,
    type ListFunctionAsyncInvokeConfigsArgs,
} from "../dataSources/functionAsyncInvokeConfigs";
import { dataSourceFunction, type InvokeResult, outputFunction, resourceClass } from "./forms";

/**
 * The asynchronous invocation settings of one Function Compute 2.0 function, read from FC
 * (API 2021-04-06 `GetFunctionAsyncInvokeConfig`), as a read-only resource: its values show in
 * `pulumi preview`, and `pulumi refresh` re-reads them. It never writes to FC; `pulumi destroy` only
 * forgets it. Its id is `serviceName:functionName:qualifier`, as Terraform's.
 */
export const FunctionAsyncInvokeConfig = resourceClass<GetFunctionAsyncInvokeConfigArgs, FunctionAsyncInvokeConfigOutputs>(functionAsyncInvokeConfig);
/** An instance of {@link FunctionAsyncInvokeConfig}. */
export type FunctionAsyncInvokeConfig = InstanceType<typeof FunctionAsyncInvokeConfig>;

/** What the invoke forms of the FC 2.0 single read return. */
export type GetFunctionAsyncInvokeConfigResult = InvokeResult<FunctionAsyncInvokeConfigOutputs>;

/**
 * Reads a Function Compute 2.0 function's asynchronous invocation settings.
 *
 * - `getFunctionAsyncInvokeConfig(name, args, opts?)` is the resource form: a {@link FunctionAsyncInvokeConfig}.
 * - `getFunctionAsyncInvokeConfig(args)` is the promise form, read in the program, with nothing in state.
 *
 * ```ts
 * const cfg = getFunctionAsyncInvokeConfig("hello-async", { serviceName: "demo-service", functionName: "hello" });
 * export const onFailure = cfg.destinationConfig.apply((d) => d.onFailure?.destination);
 * export const retries = cfg.maxAsyncRetryAttempts;
 * ```
 */
export const getFunctionAsyncInvokeConfig = dataSourceFunction(FunctionAsyncInvokeConfig, functionAsyncInvokeConfig);

/**
 * The Output form: reads the settings in the program on every preview and up, keeping nothing in state.
 *
 * ```ts
 * const cfg = getFunctionAsyncInvokeConfigOutput({ serviceName: "demo-service", functionName: "hello", qualifier: "prod" });
 * export const retries = cfg.maxAsyncRetryAttempts;
 * ```
 */
export const getFunctionAsyncInvokeConfigOutput = outputFunction<GetFunctionAsyncInvokeConfigArgs, FunctionAsyncInvokeConfigOutputs>(functionAsyncInvokeConfig);

/**
 * Every async invoke config of one Function Compute 2.0 function, one per qualifier, read from FC
 * (API 2021-04-06 `ListFunctionAsyncInvokeConfigs`, every page), as a read-only resource: `pulumi
 * refresh` shows a qualifier added, removed or changed, never a reordering. Its id is
 * `serviceName:functionName`. A page that fails fails the read: a partial list is never recorded.
 */
export const FunctionAsyncInvokeConfigs = resourceClass<ListFunctionAsyncInvokeConfigsArgs, FunctionAsyncInvokeConfigsOutputs>(functionAsyncInvokeConfigs);
/** An instance of {@link FunctionAsyncInvokeConfigs}. */
export type FunctionAsyncInvokeConfigs = InstanceType<typeof FunctionAsyncInvokeConfigs>;

/** What the invoke forms of the FC 2.0 list return. */
export type ListFunctionAsyncInvokeConfigsResult = InvokeResult<FunctionAsyncInvokeConfigsOutputs>;

/**
 * Lists every async invoke config of a Function Compute 2.0 function, for audits and drift checks.
 *
 * - `listFunctionAsyncInvokeConfigs(name, args, opts?)` is the resource form: a {@link FunctionAsyncInvokeConfigs}.
 * - `listFunctionAsyncInvokeConfigs(args)` is the promise form, read in the program, with nothing in state.
 *
 * ```ts
 * const all = listFunctionAsyncInvokeConfigs("hello-configs", { serviceName: "demo-service", functionName: "hello" });
 * export const qualifiers = all.configs.apply((configs) => configs.map((c) => c.qualifier));
 * ```
 */
export const listFunctionAsyncInvokeConfigs = dataSourceFunction(FunctionAsyncInvokeConfigs, functionAsyncInvokeConfigs);

/** The Output form of {@link listFunctionAsyncInvokeConfigs}: read in the program on every preview and up, nothing in state. */
export const listFunctionAsyncInvokeConfigsOutput = outputFunction<ListFunctionAsyncInvokeConfigsArgs, FunctionAsyncInvokeConfigsOutputs>(
    functionAsyncInvokeConfigs,
);
