// FC 3.0's data sources in the forms a program uses them (program/forms.ts), with the `V3` mark
// `@pulumi/alicloud` gives FC 3.0 (`fc.V3AsyncInvokeConfig`, `fc.getV3Functions`): for each, the resource
// class, `getV3X(args, opts?)` and `getV3XOutput(args, opts?)`. Their descriptions, argument and output
// types and ids are in dataSources/; nothing here is loaded by the provider host.

import * as pulumi from "@pulumi/pulumi";
import {
    asyncInvokeConfig,
    type GetV3AsyncInvokeConfigArgs,
    type V3AsyncInvokeConfigArgs,
    type V3AsyncInvokeConfigOutputs,
} from "../dataSources/asyncInvokeConfig";
import {
    asyncInvokeConfigs,
    type GetV3AsyncInvokeConfigsArgs,
    type V3AsyncInvokeConfigsArgs,
    type V3AsyncInvokeConfigsOutputs,
} from "../dataSources/asyncInvokeConfigs";
import { type DataSourceOptions } from "../types";
import { invokeOutput, invokeRead, leaveAbsentArgumentsUndefined, type OutputsOf, resourceArguments } from "./forms";

/**
 * The asynchronous invocation settings of one Function Compute 3.0 function, read from FC (API
 * 2023-03-30 `GetAsyncInvokeConfig`), with FC 3.0's field names, as a read-only resource: its values show
 * in `pulumi preview`, and `pulumi refresh` re-reads them. Its id is `functionName:qualifier`.
 *
 * ```ts
 * const cfg = new V3AsyncInvokeConfig("orders-async", { functionName: "orders" });
 * export const onFailure = cfg.destinationConfig.apply((d) => d.onFailure?.destination);
 * ```
 *
 * @group FC 3.0
 */
export class V3AsyncInvokeConfig extends pulumi.dynamic.Resource {
    /** Reads what `args` name. Plain-string arguments are checked at once. */
    constructor(name: string, args: V3AsyncInvokeConfigArgs, opts?: DataSourceOptions) {
        super(...resourceArguments(asyncInvokeConfig, name, args, opts));
        leaveAbsentArgumentsUndefined(this, asyncInvokeConfig, args);
    }
}
// The outputs, each a pulumi.Output: those of V3AsyncInvokeConfigOutputs, declared once there.
export interface V3AsyncInvokeConfig extends OutputsOf<V3AsyncInvokeConfigOutputs> {}

/**
 * What {@link getV3AsyncInvokeConfig} and {@link getV3AsyncInvokeConfigOutput} return.
 *
 * @group FC 3.0
 */
export interface GetV3AsyncInvokeConfigResult extends V3AsyncInvokeConfigOutputs {
    /** `functionName:qualifier`: the id {@link V3AsyncInvokeConfig} would have. */
    readonly id: string;
}

/**
 * Arguments of {@link getV3AsyncInvokeConfigOutput}: those of {@link V3AsyncInvokeConfig}, each a `pulumi.Input`.
 *
 * @group FC 3.0
 */
export type GetV3AsyncInvokeConfigOutputArgs = V3AsyncInvokeConfigArgs;

/**
 * Reads a Function Compute 3.0 function's asynchronous invocation settings in the program, keeping
 * nothing in state. `opts.parent` is accepted; `opts.provider` and `opts.version` choose nothing.
 *
 * ```ts
 * const cfg = getV3AsyncInvokeConfig({ functionName: "orders", qualifier: "prod" });
 * export const retries = cfg.then((c) => c.maxAsyncRetryAttempts);
 * ```
 *
 * @group FC 3.0
 */
export function getV3AsyncInvokeConfig(args: GetV3AsyncInvokeConfigArgs, opts?: pulumi.InvokeOptions): Promise<GetV3AsyncInvokeConfigResult> {
    return invokeRead(asyncInvokeConfig, "getV3AsyncInvokeConfig", args, opts);
}

/**
 * The Output form of {@link getV3AsyncInvokeConfig}: waits for the arguments (and `opts.dependsOn`), then reads.
 *
 * @group FC 3.0
 */
export function getV3AsyncInvokeConfigOutput(
    args: GetV3AsyncInvokeConfigOutputArgs,
    opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetV3AsyncInvokeConfigResult> {
    return invokeOutput(asyncInvokeConfig, "getV3AsyncInvokeConfigOutput", args, opts);
}

/**
 * The async invoke configs of one Function Compute 3.0 function, or of every function in the account
 * and region, read from FC (API 2023-03-30 `ListAsyncInvokeConfigs`), as a read-only resource. Its id is
 * the function name, or `*` for every function.
 *
 * Every page is read (`fcAsyncInvokeConfig:pageSize` configs each), and each is retried on its own; a
 * page that still fails fails the read, so a partial list is never recorded. The configs are sorted by
 * `functionArn`, so `pulumi refresh` shows a config added, removed or changed, never a reordering.
 *
 * ```ts
 * const orders = new V3AsyncInvokeConfigs("orders-configs", { functionName: "orders" });
 * export const arns = orders.configs.apply((configs) => configs.map((c) => c.functionArn));
 * ```
 *
 * @group FC 3.0
 */
export class V3AsyncInvokeConfigs extends pulumi.dynamic.Resource {
    /** Lists the configs `args` name. Plain-string arguments are checked at once. */
    constructor(name: string, args: V3AsyncInvokeConfigsArgs = {}, opts?: DataSourceOptions) {
        super(...resourceArguments(asyncInvokeConfigs, name, args, opts));
        leaveAbsentArgumentsUndefined(this, asyncInvokeConfigs, args);
    }
}
// The outputs, each a pulumi.Output: those of V3AsyncInvokeConfigsOutputs, declared once there.
export interface V3AsyncInvokeConfigs extends OutputsOf<V3AsyncInvokeConfigsOutputs> {}

/**
 * What {@link getV3AsyncInvokeConfigs} and {@link getV3AsyncInvokeConfigsOutput} return.
 *
 * @group FC 3.0
 */
export interface GetV3AsyncInvokeConfigsResult extends V3AsyncInvokeConfigsOutputs {
    /** The function name, or `*` for every function: the id {@link V3AsyncInvokeConfigs} would have. */
    readonly id: string;
}

/**
 * Arguments of {@link getV3AsyncInvokeConfigsOutput}: those of {@link V3AsyncInvokeConfigs}, each a `pulumi.Input`.
 *
 * @group FC 3.0
 */
export type GetV3AsyncInvokeConfigsOutputArgs = V3AsyncInvokeConfigsArgs;

/**
 * Lists Function Compute 3.0 async invoke configs in the program: one function's, or every function's
 * in the account and region. Keeps nothing in state.
 *
 * ```ts
 * // Every FC 3.0 function of the account and region whose failed events go nowhere.
 * const all = getV3AsyncInvokeConfigs();
 * export const withoutFailureDestination = all.then((list) => list.configs.filter((c) => !c.destinationConfig.onFailure).map((c) => c.functionArn));
 * ```
 *
 * @group FC 3.0
 */
export function getV3AsyncInvokeConfigs(args: GetV3AsyncInvokeConfigsArgs = {}, opts?: pulumi.InvokeOptions): Promise<GetV3AsyncInvokeConfigsResult> {
    return invokeRead(asyncInvokeConfigs, "getV3AsyncInvokeConfigs", args, opts);
}

/**
 * The Output form of {@link getV3AsyncInvokeConfigs}: waits for the arguments (and `opts.dependsOn`), then reads.
 *
 * @group FC 3.0
 */
export function getV3AsyncInvokeConfigsOutput(
    args: GetV3AsyncInvokeConfigsOutputArgs = {},
    opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetV3AsyncInvokeConfigsResult> {
    return invokeOutput(asyncInvokeConfigs, "getV3AsyncInvokeConfigsOutput", args, opts);
}
