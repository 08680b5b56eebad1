// The shapes that several data sources share: destinations, where a read goes (Scope, ScopeArgs) and the
// resource forms' options. Each data source keeps its own shapes in its file in dataSources/.
// Types only: no behaviour lives here.

import type * as pulumi from "@pulumi/pulumi";

/**
 * The qualifier used when none is given: the function's unpublished, latest code.
 *
 * @group Shared types
 */
export const DEFAULT_QUALIFIER = "LATEST";

/**
 * One target of an asynchronous invocation result.
 *
 * @group Shared types
 */
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
 *
 * @group Shared types
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
 *
 * @group Shared types
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
 * Resource options of a data source's resource form: every `pulumi.CustomResourceOptions` but `id`,
 * which the data source derives from its arguments (e.g. `serviceName:functionName:qualifier`) and which
 * must not be set.
 *
 * @group Shared types
 */
export type DataSourceOptions = Omit<pulumi.CustomResourceOptions, "id"> & {
    /** Not allowed: the id is derived from the arguments. */
    id?: never;
};
