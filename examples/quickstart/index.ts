import * as alicloud from "@pulumi/alicloud";
import { FunctionAsyncInvokeConfig } from "pulumi-fc-async-invoke-config";

// Read: known during `pulumi preview`, re-read by `pulumi refresh`.
const source = new FunctionAsyncInvokeConfig("orders-async", {
    serviceName: "orders",
    functionName: "process-order",
    qualifier: "prod", // LATEST (default), a version number, or an alias
});

export const failureQueue = source.destinationConfig.onFailure; // { destination: "acs:mns:..." } | undefined
export const retries = source.maxAsyncRetryAttempts; // 0 stays 0

// Use: copy the settings onto another function, managed by @pulumi/alicloud.
new alicloud.fc.FunctionAsyncInvokeConfig("refunds-async", {
    serviceName: "orders",
    functionName: "process-refund",
    destinationConfig: source.destinationConfig,
    maximumEventAgeInSeconds: source.maxAsyncEventAgeInSeconds,
    maximumRetryAttempts: source.maxAsyncRetryAttempts,
    statefulInvocation: source.statefulInvocation,
});
