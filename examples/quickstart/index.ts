import * as pulumi from "@pulumi/pulumi";
import { FunctionAsyncInvokeConfig, getFunctionAsyncInvokeConfigOutput } from "pulumi-fc-async-invoke-config";

// A read-only resource: its values show in `pulumi preview`, and `pulumi refresh` re-reads them.
const hello = new FunctionAsyncInvokeConfig("hello-async", {
    serviceName: "demo-service",
    functionName: "hello", // qualifier: LATEST (default), a version number, or an alias
});

// The same kind of read in the program, at the `prod` alias, keeping nothing in state.
const prod = getFunctionAsyncInvokeConfigOutput({ serviceName: "demo-service", functionName: "hello", qualifier: "prod" });

export const failureQueue = hello.destinationConfig.apply((d) => d.onFailure?.destination);
export const retries = hello.maxAsyncRetryAttempts; // 0 stays 0
export const prodRetries = prod.maxAsyncRetryAttempts;
export const stack = pulumi.getStack();
