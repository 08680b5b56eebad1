// FC 2.0's GetFunctionAsyncInvokeConfig: the async invoke config of one function at one qualifier.
// GET /2021-04-06/services/{serviceName}/functions/{functionName}/async-invoke-config?qualifier=

import { REQUIRED_NAME, SCOPE_RULES } from "../core/arguments";
import { type SingleDataSource } from "../core/dataSource";
import { ramResource } from "./ramResource";
import { RAM_ACTION } from "../errors";
import { FC2 } from "../wire/fcApis";
import { dataSourceFunction, type InvokeResult, outputFunction, resourceClass } from "../program/forms";
import { formatId, parseId } from "../id";
import { type ConfigShape, mapConfig, parseObject } from "../wire/mapping";
import {
    type AsyncInvokeConfigFields,
    DEFAULT_QUALIFIER,
    type FunctionAsyncInvokeConfigOutputs,
    type GetFunctionAsyncInvokeConfigArgs,
    type LookupInputs,
} from "../types";
import { checkQualifier } from "../settings/validation";
import { notFoundHint } from "./notFound";

/** The arguments once checked: the qualifier filled in. */
export interface FunctionAsyncInvokeConfigArgs extends LookupInputs {
    /** `LATEST` when the lookup named none. */
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
export const functionAsyncInvokeConfig: SingleDataSource<FunctionAsyncInvokeConfigArgs, AsyncInvokeConfigFields, FunctionAsyncInvokeConfigOutputs> = {
    kind: "single",
    typeName: "FunctionAsyncInvokeConfig",
    module: "fc",
    programFunction: "getFunctionAsyncInvokeConfig",
    api: FC2,
    action: "GetFunctionAsyncInvokeConfig",
    ramAction: RAM_ACTION,
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
    // Not `{ ...args, ...fields }`: V8 copies a second spread property by property in its runtime,
    // which cost several microseconds per read, more than the rest of the core's own work.
    outputs: (args, fields) => Object.assign({}, args, fields),
};

/**
 * The asynchronous invocation settings of one Function Compute 2.0 function, read from FC
 * (API 2021-04-06 `GetFunctionAsyncInvokeConfig`), as a read-only resource: its values show in
 * `pulumi preview`, and `pulumi refresh` re-reads them. It never writes to FC; `pulumi destroy` only
 * forgets it. Its id is `serviceName:functionName:qualifier`, as Terraform's.
 */
export const FunctionAsyncInvokeConfig = resourceClass<GetFunctionAsyncInvokeConfigArgs, FunctionAsyncInvokeConfigOutputs>(functionAsyncInvokeConfig);
/** An instance of {@link FunctionAsyncInvokeConfig}. */
export type FunctionAsyncInvokeConfig = InstanceType<typeof FunctionAsyncInvokeConfig>;

/** What the invoke forms of the FC 2.0 single read return. */
export type GetFunctionAsyncInvokeConfigResult = InvokeResult<FunctionAsyncInvokeConfigOutputs>;

/**
 * Reads a Function Compute 2.0 function's asynchronous invocation settings.
 *
 * - `getFunctionAsyncInvokeConfig(name, args, opts?)` is the resource form: a {@link FunctionAsyncInvokeConfig}.
 * - `getFunctionAsyncInvokeConfig(args)` is the promise form, read in the program, with nothing in state.
 *
 * ```ts
 * const cfg = getFunctionAsyncInvokeConfig("hello-async", { serviceName: "demo-service", functionName: "hello" });
 * export const onFailure = cfg.destinationConfig.apply((d) => d.onFailure?.destination);
 * export const retries = cfg.maxAsyncRetryAttempts;
 * ```
 */
export const getFunctionAsyncInvokeConfig = dataSourceFunction(FunctionAsyncInvokeConfig, functionAsyncInvokeConfig);

/**
 * The Output form: reads the settings in the program on every preview and up, keeping nothing in state.
 *
 * ```ts
 * const cfg = getFunctionAsyncInvokeConfigOutput({ serviceName: "demo-service", functionName: "hello", qualifier: "prod" });
 * export const retries = cfg.maxAsyncRetryAttempts;
 * ```
 */
export const getFunctionAsyncInvokeConfigOutput = outputFunction<GetFunctionAsyncInvokeConfigArgs, FunctionAsyncInvokeConfigOutputs>(functionAsyncInvokeConfig);
