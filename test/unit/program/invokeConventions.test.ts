// A program written in `@pulumi/alicloud`'s invoke style type-checks under `strict` (this file is part of
// `npm run typecheck`, which `npm test` runs): `getX(args: GetXArgs, opts?: pulumi.InvokeOptions):
// Promise<GetXResult>` with plain arguments, `getXOutput(args: GetXOutputArgs, opts?:
// pulumi.InvokeOutputOptions): Output<GetXResult>` with inputs, and `new X(name, args, opts?)` the
// resource. Each assignment below fails to compile if a signature drifts from that shape.

import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import {
    FunctionAsyncInvokeConfig,
    type FunctionAsyncInvokeConfigArgs,
    FunctionAsyncInvokeConfigs,
    type GetFunctionAsyncInvokeConfigArgs,
    type GetFunctionAsyncInvokeConfigOutputArgs,
    type GetFunctionAsyncInvokeConfigResult,
    type GetFunctionAsyncInvokeConfigsArgs,
    type GetFunctionAsyncInvokeConfigsOutputArgs,
    type GetFunctionAsyncInvokeConfigsResult,
    type GetV3AsyncInvokeConfigArgs,
    type GetV3AsyncInvokeConfigOutputArgs,
    type GetV3AsyncInvokeConfigResult,
    type GetV3AsyncInvokeConfigsArgs,
    type GetV3AsyncInvokeConfigsOutputArgs,
    type GetV3AsyncInvokeConfigsResult,
    getFunctionAsyncInvokeConfig,
    getFunctionAsyncInvokeConfigOutput,
    getFunctionAsyncInvokeConfigs,
    getFunctionAsyncInvokeConfigsOutput,
    getV3AsyncInvokeConfig,
    getV3AsyncInvokeConfigOutput,
    getV3AsyncInvokeConfigs,
    getV3AsyncInvokeConfigsOutput,
    V3AsyncInvokeConfig,
    V3AsyncInvokeConfigs,
} from "../../../provider";

/** The shape of every `@pulumi/alicloud` invoke, e.g. `alicloud.fc.getV3Functions`. */
type Invoke<Args, Result> = (args: Args, opts?: pulumi.InvokeOptions) => Promise<Result>;
/** The shape of every `@pulumi/alicloud` Output invoke, e.g. `alicloud.fc.getV3FunctionsOutput`. */
type OutputInvoke<Args, Result> = (args: Args, opts?: pulumi.InvokeOutputOptions) => pulumi.Output<Result>;

const invokes: [
    Invoke<GetFunctionAsyncInvokeConfigArgs, GetFunctionAsyncInvokeConfigResult>,
    OutputInvoke<GetFunctionAsyncInvokeConfigOutputArgs, GetFunctionAsyncInvokeConfigResult>,
    Invoke<GetFunctionAsyncInvokeConfigsArgs, GetFunctionAsyncInvokeConfigsResult>,
    OutputInvoke<GetFunctionAsyncInvokeConfigsOutputArgs, GetFunctionAsyncInvokeConfigsResult>,
    Invoke<GetV3AsyncInvokeConfigArgs, GetV3AsyncInvokeConfigResult>,
    OutputInvoke<GetV3AsyncInvokeConfigOutputArgs, GetV3AsyncInvokeConfigResult>,
    Invoke<GetV3AsyncInvokeConfigsArgs, GetV3AsyncInvokeConfigsResult>,
    OutputInvoke<GetV3AsyncInvokeConfigsOutputArgs, GetV3AsyncInvokeConfigsResult>,
] = [
    getFunctionAsyncInvokeConfig,
    getFunctionAsyncInvokeConfigOutput,
    getFunctionAsyncInvokeConfigs,
    getFunctionAsyncInvokeConfigsOutput,
    getV3AsyncInvokeConfig,
    getV3AsyncInvokeConfigOutput,
    getV3AsyncInvokeConfigs,
    getV3AsyncInvokeConfigsOutput,
];

/** Never called: it only has to compile. A program as a user of `@pulumi/alicloud` writes it. */
export function alicloudStyleProgram(upstream: pulumi.CustomResource, serviceName: pulumi.Output<string>): unknown[] {
    // The promise form with the options users pass out of habit; `async` is accepted and means nothing here.
    const now = getFunctionAsyncInvokeConfig({ serviceName: "demo-service", functionName: "hello" }, { async: true, parent: upstream });
    // The Output form takes inputs and waits for dependsOn.
    const later = getFunctionAsyncInvokeConfigOutput({ serviceName, functionName: "hello" }, { dependsOn: [upstream], parent: upstream });
    // FC 3.0's list takes no arguments at all, as alicloud.fc.getV3Functions().
    const every = getV3AsyncInvokeConfigs();
    // Resources are classes.
    const args: FunctionAsyncInvokeConfigArgs = { serviceName, functionName: "hello" };
    const resources = [
        new FunctionAsyncInvokeConfig("one", args, { dependsOn: [upstream] }),
        new FunctionAsyncInvokeConfigs("all", args),
        new V3AsyncInvokeConfig("v3", { functionName: "orders" }),
        new V3AsyncInvokeConfigs("v3-all"),
    ];
    // @ts-expect-error the promise form is not a resource: it has no urn
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- the line exists to not compile
    const notAResource: pulumi.Output<string> = getFunctionAsyncInvokeConfig({ serviceName: "demo-service", functionName: "hello" }).urn;
    const typed: Promise<number | undefined> = now.then((result) => result.maxAsyncRetryAttempts);
    const fromOutput: pulumi.Output<string | undefined> = later.destinationConfig.apply((d) => d.onFailure?.destination);
    return [typed, fromOutput, every, resources, notAResource];
}

describe("the invoke conventions of @pulumi/alicloud", () => {
    it("are the shapes of all eight invoke functions (checked by the compiler; here, that each is a function)", () => {
        assert.deepEqual(
            invokes.map((f) => typeof f),
            Array.from({ length: 8 }, () => "function"),
        );
    });
});
