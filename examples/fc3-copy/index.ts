// Production use, FC 3.0: copy one function's failure destination onto another function's async invoke
// config (an FC 3.0 function has no service; versions and aliases belong to the function).
//
// NEEDS AN ALIBABA CLOUD ACCOUNT to run (it manages a real fc.V3AsyncInvokeConfig through
// @pulumi/alicloud, whose provider plugin talks to the real FC API); the tests only type-check it.
//
//   pulumi config set alicloud:region cn-hangzhou
//   pulumi config set alicloud:accountId 1234567890123456
//   pulumi config set alicloud:accessKey LTAI...
//   pulumi config set --secret alicloud:secretKey ...
//   pulumi config set copy:source my-function           # read from here
//   pulumi config set copy:sourceQualifier prod         # optional, default LATEST
//   pulumi config set copy:target other-function        # managed here (its LATEST config)
//
// The source is only read (GetAsyncInvokeConfig, API 2023-03-30); `pulumi refresh` re-reads it, so a new
// failure destination set in the console shows up as drift and the next `pulumi up` copies it to the target.

import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";
import { V3AsyncInvokeConfig } from "pulumi-fc-async-invoke-config";

const config = new pulumi.Config("copy");

// The resource form: the source's values show in `pulumi preview`, and refresh records a change as drift.
const source = new V3AsyncInvokeConfig("source-async", {
    functionName: config.require("source"),
    qualifier: config.get("sourceQualifier"),
});

const target = new alicloud.fc.V3AsyncInvokeConfig("target-async", {
    functionName: config.require("target"),
    // Only the failure destination is copied; a source without one gives the target none.
    destinationConfig: source.destinationConfig.apply((d) => (d.onFailure === undefined ? undefined : { onFailure: { destination: d.onFailure.destination } })),
});

export const copiedFrom = source.id;
export const targetId = target.id;
export const failureDestination = source.destinationConfig.apply((d) => d.onFailure?.destination);
