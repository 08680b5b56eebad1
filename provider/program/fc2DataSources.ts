// FC 2.0's data sources in the forms a program uses them (program/forms.ts): for each, the resource
// class `X`, the promise form `getX(args, opts?)` and the Output form `getXOutput(args, opts?)`, typed
// as `@pulumi/alicloud`'s invokes are. Their descriptions, argument and output types and ids are in
// dataSources/; nothing here is loaded by the provider host.

import * as pulumi from "@pulumi/pulumi";
import {
    functionAsyncInvokeConfig,
    type FunctionAsyncInvokeConfigArgs,
    type FunctionAsyncInvokeConfigOutputs,
    type GetFunctionAsyncInvokeConfigArgs,
} from "../dataSources/functionAsyncInvokeConfig";
import {
    functionAsyncInvokeConfigs,
    type FunctionAsyncInvokeConfigsArgs,
    type FunctionAsyncInvokeConfigsOutputs,
    type GetFunctionAsyncInvokeConfigsArgs,
} from "../dataSources/functionAsyncInvokeConfigs";
import { type DataSourceOptions } from "../types";
import { warnOnce } from "./configWarnings";
import { invokeOutput, invokeRead, leaveAbsentArgumentsUndefined, type OutputsOf, resourceArguments } from "./forms";

/**
 * The asynchronous invocation settings of one Function Compute 2.0 function, read from FC
 * (API 2021-04-06 `GetFunctionAsyncInvokeConfig`), as a read-only resource: its values show in
 * `pulumi preview`, and `pulumi refresh` re-reads them. It never writes to FC; `pulumi destroy` only
 * forgets it. Its id is `serviceName:functionName:qualifier`, as Terraform's.
 *
 * ```ts
 * const cfg = new FunctionAsyncInvokeConfig("hello-async", { serviceName: "demo-service", functionName: "hello" });
 * export const onFailure = cfg.destinationConfig.apply((d) => d.onFailure?.destination);
 * export const retries = cfg.maxAsyncRetryAttempts;
 * ```
 *
 * @group FC 2.0
 */
export class FunctionAsyncInvokeConfig extends pulumi.dynamic.Resource {
    /**
     * Reads what `args` name. Plain-string arguments are checked at once, so a bad name fails the
     * program here; arguments that are outputs of other resources are checked by the provider.
     */
    constructor(name: string, args: FunctionAsyncInvokeConfigArgs, opts?: DataSourceOptions) {
        super(...resourceArguments(functionAsyncInvokeConfig, name, args, opts));
        leaveAbsentArgumentsUndefined(this, functionAsyncInvokeConfig, args);
    }
}
// The outputs, each a pulumi.Output: those of FunctionAsyncInvokeConfigOutputs, declared once there.
export interface FunctionAsyncInvokeConfig extends OutputsOf<FunctionAsyncInvokeConfigOutputs> {}

/**
 * What {@link getFunctionAsyncInvokeConfig} and {@link getFunctionAsyncInvokeConfigOutput} return.
 *
 * @group FC 2.0
 */
export interface GetFunctionAsyncInvokeConfigResult extends FunctionAsyncInvokeConfigOutputs {
    /** `serviceName:functionName:qualifier`: the id {@link FunctionAsyncInvokeConfig} would have. */
    readonly id: string;
}

/**
 * Arguments of {@link getFunctionAsyncInvokeConfigOutput}: those of {@link FunctionAsyncInvokeConfig}, each a `pulumi.Input`.
 *
 * @group FC 2.0
 */
export type GetFunctionAsyncInvokeConfigOutputArgs = FunctionAsyncInvokeConfigArgs;

/**
 * Reads a Function Compute 2.0 function's asynchronous invocation settings in the program, on every
 * preview and up, keeping nothing in state. `opts.parent` is accepted; `opts.provider` and
 * `opts.version` choose nothing (the stack's `alicloud:*` configuration does), and a warning says so.
 *
 * ```ts
 * const cfg = getFunctionAsyncInvokeConfig({ serviceName: "demo-service", functionName: "hello", qualifier: "prod" });
 * export const onFailure = cfg.then((c) => c.destinationConfig.onFailure?.destination);
 * ```
 *
 * @group FC 2.0
 */
export function getFunctionAsyncInvokeConfig(args: GetFunctionAsyncInvokeConfigArgs, opts?: pulumi.InvokeOptions): Promise<GetFunctionAsyncInvokeConfigResult>;
/**
 * 0.1.0's resource form.
 *
 * @deprecated Write `new FunctionAsyncInvokeConfig(name, args, opts)`: `getFunctionAsyncInvokeConfig(args)` is the promise form.
 */
export function getFunctionAsyncInvokeConfig(name: string, args: FunctionAsyncInvokeConfigArgs, opts?: DataSourceOptions): FunctionAsyncInvokeConfig;
export function getFunctionAsyncInvokeConfig(
    nameOrArgs: string | GetFunctionAsyncInvokeConfigArgs,
    args?: FunctionAsyncInvokeConfigArgs | pulumi.InvokeOptions,
    opts?: DataSourceOptions,
): Promise<GetFunctionAsyncInvokeConfigResult> | FunctionAsyncInvokeConfig {
    if (typeof nameOrArgs === "string") {
        warnOnce(
            "getFunctionAsyncInvokeConfig(name, args) is deprecated and will be removed in 0.3.0: write new FunctionAsyncInvokeConfig(name, args). " +
                "getFunctionAsyncInvokeConfig(args) now reads in the program, keeping nothing in state.",
        );
        return new FunctionAsyncInvokeConfig(nameOrArgs, args as FunctionAsyncInvokeConfigArgs, opts);
    }
    return invokeRead(functionAsyncInvokeConfig, "getFunctionAsyncInvokeConfig", nameOrArgs, args as pulumi.InvokeOptions | undefined);
}

/**
 * The Output form of {@link getFunctionAsyncInvokeConfig}: waits for the arguments (and
 * `opts.dependsOn`), then reads in the program on every preview and up, keeping nothing in state.
 * While an argument is unknown in a preview, so is the result.
 *
 * ```ts
 * const cfg = getFunctionAsyncInvokeConfigOutput({ serviceName: "demo-service", functionName: "hello", qualifier: "prod" });
 * export const retries = cfg.maxAsyncRetryAttempts;
 * ```
 *
 * @group FC 2.0
 */
export function getFunctionAsyncInvokeConfigOutput(
    args: GetFunctionAsyncInvokeConfigOutputArgs,
    opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetFunctionAsyncInvokeConfigResult> {
    return invokeOutput(functionAsyncInvokeConfig, "getFunctionAsyncInvokeConfigOutput", args, opts);
}

/**
 * Every async invoke config of one Function Compute 2.0 function, one per qualifier, read from FC
 * (API 2021-04-06 `ListFunctionAsyncInvokeConfigs`, every page), as a read-only resource: `pulumi
 * refresh` shows a qualifier added, removed or changed, never a reordering. Its id is
 * `serviceName:functionName`. A page that fails fails the read: a partial list is never recorded.
 *
 * ```ts
 * const all = new FunctionAsyncInvokeConfigs("hello-configs", { serviceName: "demo-service", functionName: "hello" });
 * export const qualifiers = all.configs.apply((configs) => configs.map((c) => c.qualifier));
 * ```
 *
 * @group FC 2.0
 */
export class FunctionAsyncInvokeConfigs extends pulumi.dynamic.Resource {
    /** Lists the configs of the function `args` name. Plain-string arguments are checked at once. */
    constructor(name: string, args: FunctionAsyncInvokeConfigsArgs, opts?: DataSourceOptions) {
        super(...resourceArguments(functionAsyncInvokeConfigs, name, args, opts));
        leaveAbsentArgumentsUndefined(this, functionAsyncInvokeConfigs, args);
    }
}
// The outputs, each a pulumi.Output: those of FunctionAsyncInvokeConfigsOutputs, declared once there.
export interface FunctionAsyncInvokeConfigs extends OutputsOf<FunctionAsyncInvokeConfigsOutputs> {}

/**
 * What {@link getFunctionAsyncInvokeConfigs} and {@link getFunctionAsyncInvokeConfigsOutput} return.
 *
 * @group FC 2.0
 */
export interface GetFunctionAsyncInvokeConfigsResult extends FunctionAsyncInvokeConfigsOutputs {
    /** `serviceName:functionName`: the id {@link FunctionAsyncInvokeConfigs} would have. */
    readonly id: string;
}

/**
 * Arguments of {@link getFunctionAsyncInvokeConfigsOutput}: those of {@link FunctionAsyncInvokeConfigs}, each a `pulumi.Input`.
 *
 * @group FC 2.0
 */
export type GetFunctionAsyncInvokeConfigsOutputArgs = FunctionAsyncInvokeConfigsArgs;

/**
 * Lists every async invoke config of a Function Compute 2.0 function in the program, for audits and
 * drift checks, keeping nothing in state. Options as {@link getFunctionAsyncInvokeConfig}'s.
 *
 * ```ts
 * const all = getFunctionAsyncInvokeConfigs({ serviceName: "demo-service", functionName: "hello" });
 * export const qualifiers = all.then((list) => list.configs.map((c) => c.qualifier));
 * ```
 *
 * @group FC 2.0
 */
export function getFunctionAsyncInvokeConfigs(
    args: GetFunctionAsyncInvokeConfigsArgs,
    opts?: pulumi.InvokeOptions,
): Promise<GetFunctionAsyncInvokeConfigsResult> {
    return invokeRead(functionAsyncInvokeConfigs, "getFunctionAsyncInvokeConfigs", args, opts);
}

/**
 * The Output form of {@link getFunctionAsyncInvokeConfigs}: waits for the arguments (and `opts.dependsOn`), then reads.
 *
 * @group FC 2.0
 */
export function getFunctionAsyncInvokeConfigsOutput(
    args: GetFunctionAsyncInvokeConfigsOutputArgs,
    opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetFunctionAsyncInvokeConfigsResult> {
    return invokeOutput(functionAsyncInvokeConfigs, "getFunctionAsyncInvokeConfigsOutput", args, opts);
}
