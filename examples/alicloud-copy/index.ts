// Production use: copy one function's asynchronous invocation settings onto another function.
//
// NEEDS AN ALIBABA CLOUD ACCOUNT to run (it manages a real fc.FunctionAsyncInvokeConfig through
// @pulumi/alicloud, whose provider plugin talks to the real FC API); the tests only type-check it.
//
//   pulumi config set alicloud:region cn-hangzhou
//   pulumi config set alicloud:accountId 1234567890123456
//   pulumi config set alicloud:accessKey LTAI...
//   pulumi config set --secret alicloud:secretKey ...
//   pulumi config set copy:source my-service/my-function       # read from here (qualifier LATEST)
//   pulumi config set copy:target my-service/other-function    # managed here
//
// The source is only read (GetFunctionAsyncInvokeConfig); `pulumi refresh` re-reads it, so a change
// made in the console shows up as drift and the next `pulumi up` copies it to the target.

import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";
import { FunctionAsyncInvokeConfig } from "pulumi-fc-async-invoke-config";

const config = new pulumi.Config("copy");
const [sourceService, sourceFunction] = splitName(config.require("source"));
const [targetService, targetFunction] = splitName(config.require("target"));

const source = new FunctionAsyncInvokeConfig("source-async", {
    serviceName: sourceService,
    functionName: sourceFunction,
});

const target = new alicloud.fc.FunctionAsyncInvokeConfig("target-async", {
    serviceName: targetService,
    functionName: targetFunction,
    // An absent destination stays absent: the target gets exactly what the source has.
    destinationConfig: source.destinationConfig.apply((d) => ({
        onSuccess: d.onSuccess && { destination: d.onSuccess.destination },
        onFailure: d.onFailure && { destination: d.onFailure.destination },
    })),
    maximumEventAgeInSeconds: source.maxAsyncEventAgeInSeconds,
    maximumRetryAttempts: source.maxAsyncRetryAttempts,
    statefulInvocation: source.statefulInvocation,
});

export const copiedFrom = source.id;
export const targetId = target.id;
export const failureDestination = source.destinationConfig.apply((d) => d.onFailure?.destination);

function splitName(value: string): [string, string] {
    const parts = value.split("/");
    if (parts.length !== 2 || parts[0] === "" || parts[1] === "") {
        throw new Error(`expected "service/function", got ${JSON.stringify(value)}`);
    }
    return [parts[0], parts[1]];
}
