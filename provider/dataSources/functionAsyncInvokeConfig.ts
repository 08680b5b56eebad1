// FC 2.0's GetFunctionAsyncInvokeConfig: the async invoke config of one function at one qualifier.
// GET /2021-04-06/services/{serviceName}/functions/{functionName}/async-invoke-config?qualifier=
// Its id is `serviceName:functionName:qualifier`, as Terraform's alicloud_fc_function_async_invoke_config
// uses it, so ids read the same in both tools.

import type * as pulumi from "@pulumi/pulumi";
import { REQUIRED_NAME, SCOPE_RULES } from "../core/arguments";
import { mergedOutputs, type SingleDataSource } from "../core/dataSource";
import { InvalidLookupError } from "../errors";
import { DEFAULT_QUALIFIER, type DestinationConfig, type Scope, type ScopeArgs } from "../types";
import { checkQualifier } from "../settings/validation";
import { FC2 } from "../wire/fcApis";
import { type ConfigShape, mapConfig, parseObject } from "../wire/mapping";
import { notFoundHint } from "./notFound";
import { ramResource } from "./ramResource";

/**
 * Arguments of {@link FunctionAsyncInvokeConfig} (and of `getFunctionAsyncInvokeConfigOutput`): which FC 2.0
 * function's asynchronous invocation settings to read, and optionally where. Each may be an output of
 * another resource.
 *
 * @group FC 2.0
 */
export interface FunctionAsyncInvokeConfigArgs extends ScopeArgs {
    /** The service that holds the function. 1-128 letters, digits, `_` or `-`, not starting with a digit or `-`. */
    serviceName: pulumi.Input<string>;
    /** The function. Same naming rule as `serviceName`. */
    functionName: pulumi.Input<string>;
    /** `LATEST` (the default), a published version number such as `3`, or an alias name such as `prod`. */
    qualifier?: pulumi.Input<string>;
}

/**
 * Arguments of {@link getFunctionAsyncInvokeConfig}: {@link FunctionAsyncInvokeConfigArgs} as plain values.
 *
 * @group FC 2.0
 */
export interface GetFunctionAsyncInvokeConfigArgs extends Scope {
    /** The service that holds the function. 1-128 letters, digits, `_` or `-`, not starting with a digit or `-`. */
    serviceName: string;
    /** The function. Same naming rule as `serviceName`. */
    functionName: string;
    /** `LATEST` (the default), a published version number such as `3`, or an alias name such as `prod`. */
    qualifier?: string;
}

/** The arguments once checked: the qualifier filled in. */
export interface FunctionAsyncInvokeConfigLookup extends GetFunctionAsyncInvokeConfigArgs {
    /** `LATEST` when the lookup named none. */
    qualifier: string;
}

/**
 * The asynchronous invocation settings as Function Compute reports them, with field names as the API
 * names them. Optional numbers and booleans keep `0` and `false`; absent means FC did not report it.
 *
 * @group FC 2.0
 */
export interface AsyncInvokeConfigFields {
    /** When the settings were first created, ISO 8601 in UTC, e.g. `2020-09-10T02:45:02Z`. */
    createdTime?: string;
    /** When the settings last changed, ISO 8601 in UTC. */
    lastModifiedTime?: string;
    /** Where results go on success and on failure. */
    destinationConfig: DestinationConfig;
    /** How long an event may wait to be processed before it is dropped, in seconds. */
    maxAsyncEventAgeInSeconds?: number;
    /** How many times a failed invocation is retried; `0` means never. */
    maxAsyncRetryAttempts?: number;
    /** Whether asynchronous tasks (stateful asynchronous invocation) are enabled. */
    statefulInvocation?: boolean;
}

/**
 * Everything the data source outputs: the lookup (with the qualifier filled in) and FC's answer.
 *
 * @group FC 2.0
 */
export interface FunctionAsyncInvokeConfigOutputs extends GetFunctionAsyncInvokeConfigArgs, AsyncInvokeConfigFields {
    /** The qualifier that was read, `LATEST` when the lookup named none. */
    qualifier: string;
}

/**
 * An FC 2.0 config as GetFunctionAsyncInvokeConfig and ListFunctionAsyncInvokeConfigs report it
 * (the SDK's response models list the same fields): the scalars copied into the outputs, and
 * `function`, `service` and `qualifier`, which the lookup names, only checked.
 */
export const FC2_CONFIG: ConfigShape = {
    copied: {
        createdTime: "string",
        lastModifiedTime: "string",
        maxAsyncEventAgeInSeconds: "number",
        maxAsyncRetryAttempts: "number",
        statefulInvocation: "boolean",
    },
    checked: { function: "string", service: "string", qualifier: "string" },
};

/** The data source behind `getFunctionAsyncInvokeConfig`. */
export const functionAsyncInvokeConfig: SingleDataSource<FunctionAsyncInvokeConfigLookup, AsyncInvokeConfigFields, FunctionAsyncInvokeConfigOutputs> = {
    kind: "single",
    typeName: "FunctionAsyncInvokeConfig",
    module: "fc",
    programFunction: "getFunctionAsyncInvokeConfig",
    api: FC2,
    action: "GetFunctionAsyncInvokeConfig",
    ramAction: "fc:GetFunctionAsyncInvokeConfig",
    arguments: {
        serviceName: REQUIRED_NAME,
        functionName: REQUIRED_NAME,
        qualifier: { check: checkQualifier, default: DEFAULT_QUALIFIER },
        ...SCOPE_RULES,
    },
    idShape: "serviceName:functionName:qualifier",
    outputNames: Object.keys({ destinationConfig: 0, ...FC2_CONFIG.copied }),
    formatId,
    parseId,
    describe: ({ serviceName, functionName, qualifier }) =>
        `the async invoke config of function "${functionName}" in service "${serviceName}" (qualifier ${qualifier})`,
    notFoundHint,
    ramResource: ({ serviceName, functionName, qualifier }, target) => ramResource(`services/${serviceName}.${qualifier}/functions/${functionName}`, target),
    request: ({ serviceName, functionName, qualifier }) => ({
        // Checked names need no escaping; encoding anyway keeps the path safe if the rules ever loosen.
        pathname: `/${FC2.version}/services/${encodeURIComponent(serviceName)}/functions/${encodeURIComponent(functionName)}/async-invoke-config`,
        query: { qualifier },
    }),
    parse: (body) => mapConfig(parseObject(body), FC2_CONFIG),
    outputs: mergedOutputs,
};

/** The parts an id names. */
export interface IdParts {
    /** The service. */
    serviceName: string;
    /** The function. */
    functionName: string;
    /** `LATEST`, a version or an alias. */
    qualifier: string;
}

/** `demo-service:hello:LATEST`. Names cannot contain `:`, so the id is unambiguous. */
export function formatId(parts: IdParts): string {
    return `${parts.serviceName}:${parts.functionName}:${parts.qualifier}`;
}

/** Parses `service:function:qualifier`, or `service:function` (qualifier LATEST) as Terraform accepts. */
export function parseId(id: string): IdParts {
    const parts = id.split(":");
    if (parts.length === 2) {
        return { serviceName: parts[0], functionName: parts[1], qualifier: DEFAULT_QUALIFIER };
    }
    if (parts.length === 3) {
        return { serviceName: parts[0], functionName: parts[1], qualifier: parts[2] };
    }
    throw new InvalidLookupError("id", "must be serviceName:functionName:qualifier or serviceName:functionName", id);
}
