// FC 3.0's GetAsyncInvokeConfig: the async invoke config of one function at one qualifier. FC 3.0 has
// no services: a function is named on its own.
// GET /2023-03-30/functions/{functionName}/async-invoke-config?qualifier=

import type * as pulumi from "@pulumi/pulumi";
import { REQUIRED_NAME, SCOPE_RULES } from "../core/arguments";
import { mergedOutputs, type SingleDataSource } from "../core/dataSource";
import { FC3_RAM_RESOURCE } from "./ramResource";
import { InvalidLookupError } from "../errors";
import { FC3 } from "../wire/fcApis";
import { type ConfigShape, mapConfig, parseObject } from "../wire/mapping";
import { DEFAULT_QUALIFIER, type DestinationConfig, type Scope, type ScopeArgs } from "../types";
import { checkQualifier } from "../settings/validation";
import { notFoundHint } from "./notFound";

/**
 * Arguments of {@link getV3AsyncInvokeConfig}: {@link V3AsyncInvokeConfigArgs} as plain values.
 *
 * @group FC 3.0
 */
export interface GetV3AsyncInvokeConfigArgs extends Scope {
    /** The function. 1-128 letters, digits, `_` or `-`, not starting with a digit or `-`. */
    functionName: string;
    /** `LATEST` (the default), a published version number such as `3`, or an alias name such as `prod`. */
    qualifier?: string;
}

/** The arguments once checked: the qualifier filled in. */
export interface V3AsyncInvokeConfigLookup extends GetV3AsyncInvokeConfigArgs {
    /** `LATEST`, a version number or an alias name. */
    qualifier: string;
}

/**
 * An FC 3.0 async invoke config, with FC 3.0's field names (the SDK's `AsyncConfig` model). Optional
 * numbers and booleans keep `0` and `false`; absent means FC did not report it.
 *
 * @group FC 3.0
 */
export interface V3AsyncInvokeConfigFields {
    /** Whether asynchronous tasks are enabled (FC 2.0 called this `statefulInvocation`). */
    asyncTask?: boolean;
    /** When the config was created, as FC reports it. */
    createdTime?: string;
    /** Where results go on success and on failure; an unset destination is absent. */
    destinationConfig: DestinationConfig;
    /** The function's ARN, e.g. `acs:fc:cn-hangzhou:1234567890123456:functions/hello`. */
    functionArn?: string;
    /** When the config last changed, as FC reports it. */
    lastModifiedTime?: string;
    /** How long an event may wait to be processed before it is dropped, in seconds. */
    maxAsyncEventAgeInSeconds?: number;
    /** How many times a failed invocation is retried; `0` means never. */
    maxAsyncRetryAttempts?: number;
}

/**
 * Everything the FC 3.0 single read reports: the arguments and FC's answer.
 *
 * @group FC 3.0
 */
export interface V3AsyncInvokeConfigOutputs extends V3AsyncInvokeConfigLookup, V3AsyncInvokeConfigFields {}

/** FC 3.0's config fields, as GetAsyncInvokeConfig and ListAsyncInvokeConfigs report them. */
export const FC3_CONFIG: ConfigShape = {
    copied: {
        asyncTask: "boolean",
        createdTime: "string",
        functionArn: "string",
        lastModifiedTime: "string",
        maxAsyncEventAgeInSeconds: "number",
        maxAsyncRetryAttempts: "number",
    },
};

/** The data source behind `getV3AsyncInvokeConfig`. */
export const asyncInvokeConfig: SingleDataSource<V3AsyncInvokeConfigLookup, V3AsyncInvokeConfigFields, V3AsyncInvokeConfigOutputs> = {
    kind: "single",
    typeName: "AsyncInvokeConfig",
    module: "fc3",
    programFunction: "getV3AsyncInvokeConfig",
    api: FC3,
    action: "GetAsyncInvokeConfig",
    // FC 3.0 keeps FC 2.0's action names: the 2023-03-30 reference pages (Chinese, Japanese, current
    // English) list fc:GetFunctionAsyncInvokeConfig for GetAsyncInvokeConfig, on all resources.
    ramAction: "fc:GetFunctionAsyncInvokeConfig",
    arguments: { functionName: REQUIRED_NAME, qualifier: { check: checkQualifier, default: DEFAULT_QUALIFIER }, ...SCOPE_RULES },
    idShape: "functionName:qualifier",
    outputNames: Object.keys({ destinationConfig: 0, ...FC3_CONFIG.copied }),
    formatId: ({ functionName, qualifier }) => `${functionName}:${qualifier}`,
    // `functionName` alone reads LATEST, as @pulumi/alicloud's fc.V3AsyncInvokeConfig ids name only the function.
    parseId: (id) => {
        const parts = id.split(":");
        if (parts.length > 2) {
            throw new InvalidLookupError("id", "must be functionName:qualifier or functionName", id);
        }
        return { functionName: parts[0], qualifier: parts[1] ?? DEFAULT_QUALIFIER };
    },
    describe: ({ functionName, qualifier }) => `the async invoke config of function "${functionName}" (qualifier ${qualifier})`,
    notFoundHint,
    ramResource: () => FC3_RAM_RESOURCE,
    request: ({ functionName, qualifier }) => ({
        pathname: `/${FC3.version}/functions/${encodeURIComponent(functionName)}/async-invoke-config`,
        query: { qualifier },
    }),
    parse: (body) => mapConfig(parseObject(body), FC3_CONFIG),
    outputs: mergedOutputs,
};

/**
 * Arguments of {@link V3AsyncInvokeConfig} (and of `getV3AsyncInvokeConfigOutput`): which FC 3.0 function's
 * settings to read, and optionally where. Each may be an output of another resource.
 *
 * @group FC 3.0
 */
export interface V3AsyncInvokeConfigArgs extends ScopeArgs {
    /** The function. 1-128 letters, digits, `_` or `-`, not starting with a digit or `-`. */
    functionName: pulumi.Input<string>;
    /** `LATEST` (the default), a published version number such as `3`, or an alias name such as `prod`. */
    qualifier?: pulumi.Input<string>;
}
