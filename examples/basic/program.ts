// The basic example: read one function's asynchronous invocation settings, export them, and feed them
// into another resource. The root Pulumi.yaml runs this program; so do `npm run demo` and the engine tests.
//
// Stack config (all optional):
//   example:serviceName   default "demo-service"
//   example:functionName  default "hello"
//   example:qualifier     default "LATEST"
//   example:endpoint      e.g. http://127.0.0.1:9000 for the local FC stand-in (`npm run emulator`);
//                         unset means the real FC endpoint of alicloud:accountId in alicloud:region.
// Credentials and the account come from the usual alicloud:* config or ALIBABA_CLOUD_* variables.

import * as pulumi from "@pulumi/pulumi";
import { FunctionAsyncInvokeConfig } from "pulumi-fc-async-invoke-config";
import { RunbookEntry } from "./runbookEntry";

/** What the example exports as stack outputs. */
export interface BasicExampleOutputs {
    functionId: pulumi.Output<string>;
    onSuccess: pulumi.Output<string | undefined>;
    onFailure: pulumi.Output<string | undefined>;
    maxAsyncEventAgeInSeconds: pulumi.Output<number | undefined>;
    maxAsyncRetryAttempts: pulumi.Output<number | undefined>;
    statefulInvocation: pulumi.Output<boolean | undefined>;
    lastModifiedTime: pulumi.Output<string | undefined>;
    runbookFailureDestination: pulumi.Output<string>;
    runbookRetryAttempts: pulumi.Output<number>;
}

/** The program; a function so that the Automation API can run it inline. */
export async function basicExample(): Promise<BasicExampleOutputs> {
    const config = new pulumi.Config("example");
    const serviceName = config.get("serviceName") ?? "demo-service";
    const functionName = config.get("functionName") ?? "hello";

    const asyncConfig = new FunctionAsyncInvokeConfig("hello-async", {
        serviceName,
        functionName,
        qualifier: config.get("qualifier") ?? "LATEST",
        endpoint: config.get("endpoint"),
    });

    // Values read from FC become inputs of another resource, like any resource's outputs.
    const runbook = new RunbookEntry("hello-runbook", {
        function: `${serviceName}/${functionName}`,
        failureDestination: asyncConfig.destinationConfig.apply((d) => d.onFailure?.destination ?? ""),
        retryAttempts: asyncConfig.maxAsyncRetryAttempts.apply((n) => n ?? 0),
    });

    return {
        functionId: asyncConfig.id,
        onSuccess: asyncConfig.destinationConfig.apply((d) => d.onSuccess?.destination),
        onFailure: asyncConfig.destinationConfig.apply((d) => d.onFailure?.destination),
        maxAsyncEventAgeInSeconds: asyncConfig.maxAsyncEventAgeInSeconds,
        maxAsyncRetryAttempts: asyncConfig.maxAsyncRetryAttempts,
        statefulInvocation: asyncConfig.statefulInvocation,
        lastModifiedTime: asyncConfig.lastModifiedTime,
        runbookFailureDestination: runbook.failureDestination,
        runbookRetryAttempts: runbook.retryAttempts,
    };
}
