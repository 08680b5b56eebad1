// The shapes that cross this package's boundaries and that several data sources share, and those of
// FC 2.0's single read: what a program passes in (Args), what the provider receives as plain values
// (LookupInputs) and what it returns (FunctionAsyncInvokeConfigOutputs). Each other data source keeps
// its own shapes in its file in dataSources/.
// Types only: no behaviour lives here.

import type * as pulumi from "@pulumi/pulumi";

/** The qualifier used when none is given: the function's unpublished, latest code. */
export const DEFAULT_QUALIFIER = "LATEST";

/** One target of an asynchronous invocation result. */
export interface Destination {
    /**
     * The ARN of the target: a Function Compute function, an MNS queue or topic, or an EventBridge
     * event bus, e.g. `acs:mns:cn-hangzhou:1234567890123456:/queues/failed-events/messages`.
     */
    destination: string;
}

/**
 * Where Function Compute sends the result of an asynchronous invocation. A destination that is not
 * configured is absent (never an empty object or an empty string).
 */
export interface DestinationConfig {
    /** Receives the results of invocations that succeeded. */
    onSuccess?: Destination;
    /** Receives the events of invocations that failed after all retries or expired. */
    onFailure?: Destination;
}

/** {@link ScopeArgs} resolved: where a read goes, as its own arguments say; each overrides stack config and the environment. */
export interface Scope {
    /** Overrides `alicloud:region` and the environment. */
    region?: string;
    /** Overrides `alicloud:accountId` and the environment. */
    accountId?: string;
    /** Overrides the FC endpoint from configuration. */
    endpoint?: string;
}

/**
 * Where a data source reads, when not where the stack's configuration says: every data source takes
 * these optional arguments.
 */
export interface ScopeArgs {
    /** Region of the function, e.g. `cn-hangzhou`. Default: `alicloud:region` config, then the environment. */
    region?: pulumi.Input<string>;
    /**
     * Alibaba Cloud account id that owns the function. Default: `alicloud:accountId` config, then the
     * environment, then STS `GetCallerIdentity` with the deployment's credentials.
     */
    accountId?: pulumi.Input<string>;
    /**
     * The FC endpoint as a URL with scheme, e.g. `http://127.0.0.1:9000` for the local stand-in or
     * `https://1234567890123456.cn-hangzhou-internal.fc.aliyuncs.com` inside a VPC (FC 2.0 and FC 3.0
     * share their endpoints). Plain `http://` only to loopback, unless `fcAsyncInvokeConfig:allowInsecureHttp`
     * is true. Default: the `fc` entry of `alicloud:endpoints`, then `FC_ENDPOINT`, then
     * `https://<accountId>.<region>.fc.aliyuncs.com`.
     */
    endpoint?: pulumi.Input<string>;
}

/**
 * Arguments of {@link getFunctionAsyncInvokeConfig}: which FC 2.0 function's asynchronous invocation
 * settings to read, and optionally where.
 */
export interface GetFunctionAsyncInvokeConfigArgs extends ScopeArgs {
    /** The service that holds the function. 1-128 letters, digits, `_` or `-`, not starting with a digit or `-`. */
    serviceName: pulumi.Input<string>;
    /** The function. Same naming rule as `serviceName`. */
    functionName: pulumi.Input<string>;
    /** `LATEST` (the default), a published version number such as `3`, or an alias name such as `prod`. */
    qualifier?: pulumi.Input<string>;
}

/**
 * Resource options of a data source's resource form: every `pulumi.CustomResourceOptions` but `id`,
 * which the data source derives from its arguments (e.g. `serviceName:functionName:qualifier`) and which
 * must not be set.
 */
export type DataSourceOptions = Omit<pulumi.CustomResourceOptions, "id"> & {
    /** Not allowed: the id is derived from the arguments. */
    id?: never;
};

/** {@link GetFunctionAsyncInvokeConfigArgs} with every input resolved: what the provider receives. */
export interface LookupInputs extends Scope {
    /** The service that holds the function. */
    serviceName: string;
    /** The function. */
    functionName: string;
    /** `LATEST` when absent. */
    qualifier?: string;
}

/**
 * The asynchronous invocation settings as Function Compute reports them, with field names as the API
 * names them. Optional numbers and booleans keep `0` and `false`; absent means FC did not report it.
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

/** Everything the data source outputs: the lookup (with the qualifier filled in) and FC's answer. */
export interface FunctionAsyncInvokeConfigOutputs extends LookupInputs, AsyncInvokeConfigFields {
    /** The qualifier that was read, `LATEST` when the lookup named none. */
    qualifier: string;
}
