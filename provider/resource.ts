// The data source as a program uses it: a read-only dynamic resource that the engine reads by id, so
// its values are known in `pulumi preview` and re-read by `pulumi refresh`.

import * as pulumi from "@pulumi/pulumi";
import { formatId } from "./id";
import { providerLoader } from "./loader";
import { warnAboutUnmarkedCredentials } from "./configWarnings";
import { type DataSourceOptions, DEFAULT_QUALIFIER, type DestinationConfig, type GetFunctionAsyncInvokeConfigArgs } from "./types";
import { checkAccountId, checkEndpoint, checkName, checkQualifier, checkRegion } from "./validation";

/**
 * The asynchronous invocation settings of one Function Compute 2.0 function, read from FC.
 * Create it with {@link getFunctionAsyncInvokeConfig}. It never writes to FC; `pulumi destroy` only
 * forgets it.
 */
export class FunctionAsyncInvokeConfig extends pulumi.dynamic.Resource {
    /** The service that holds the function. */
    declare public readonly serviceName: pulumi.Output<string>;
    /** The function. */
    declare public readonly functionName: pulumi.Output<string>;
    /** The qualifier that was read: `LATEST`, a version number or an alias name. */
    declare public readonly qualifier: pulumi.Output<string>;
    /** The region, when the lookup named one. */
    declare public readonly region: pulumi.Output<string | undefined>;
    /** The account id, when the lookup named one. */
    declare public readonly accountId: pulumi.Output<string | undefined>;
    /** The endpoint, when the lookup named one. */
    declare public readonly endpoint: pulumi.Output<string | undefined>;
    /** When the settings were created, ISO 8601 UTC. */
    declare public readonly createdTime: pulumi.Output<string | undefined>;
    /** When the settings last changed, ISO 8601 UTC. */
    declare public readonly lastModifiedTime: pulumi.Output<string | undefined>;
    /** Where results go on success and on failure; an unset destination is absent. */
    declare public readonly destinationConfig: pulumi.Output<DestinationConfig>;
    /** How long an event may wait before it is dropped, in seconds. */
    declare public readonly maxAsyncEventAgeInSeconds: pulumi.Output<number | undefined>;
    /** How often a failed invocation is retried; `0` means never. */
    declare public readonly maxAsyncRetryAttempts: pulumi.Output<number | undefined>;
    /** Whether asynchronous tasks are enabled. */
    declare public readonly statefulInvocation: pulumi.Output<boolean | undefined>;

    /**
     * Reads the settings a lookup names. Plain-string arguments are checked here, so a bad name fails
     * the program at once; arguments that are outputs of other resources are checked by the provider.
     */
    constructor(name: string, args: GetFunctionAsyncInvokeConfigArgs, opts?: DataSourceOptions) {
        // The type refuses `id`; this catches callers that get around it (plain JavaScript, casts).
        if ((opts as pulumi.CustomResourceOptions | undefined)?.id !== undefined) {
            throw new Error(
                `FunctionAsyncInvokeConfig "${name}": do not pass opts.id; the id is serviceName:functionName:qualifier and is derived from the arguments`,
            );
        }
        const qualifier = args.qualifier ?? DEFAULT_QUALIFIER;
        checkIfPlain(args.serviceName, (v) => checkName("serviceName", v));
        checkIfPlain(args.functionName, (v) => checkName("functionName", v));
        checkIfPlain(qualifier, checkQualifier);
        checkIfPlain(args.region, checkRegion);
        checkIfPlain(args.accountId, checkAccountId);
        checkIfPlain(args.endpoint, checkEndpoint);
        warnAboutUnmarkedCredentials();
        // The id names only service, function and qualifier, but it waits for every argument: the engine
        // skips a read whose id is unknown, whereas it would hand the provider an unknown region,
        // account or endpoint as absent, and preview would read from the configured default instead.
        const id = pulumi
            .all([args.serviceName, args.functionName, qualifier, args.region, args.accountId, args.endpoint])
            .apply(([serviceName, functionName, q]) => formatId({ serviceName, functionName, qualifier: q }));
        super(
            providerLoader,
            name,
            {
                serviceName: args.serviceName,
                functionName: args.functionName,
                qualifier,
                region: args.region,
                accountId: args.accountId,
                endpoint: args.endpoint,
                // Outputs are only filled in for properties named here.
                createdTime: undefined,
                lastModifiedTime: undefined,
                destinationConfig: undefined,
                maxAsyncEventAgeInSeconds: undefined,
                maxAsyncRetryAttempts: undefined,
                statefulInvocation: undefined,
            },
            { ...opts, id },
            "fc",
            "FunctionAsyncInvokeConfig",
        );
    }
}

/**
 * Reads a Function Compute 2.0 function's asynchronous invocation settings
 * (API 2021-04-06 `GetFunctionAsyncInvokeConfig`) into the stack as typed, read-only outputs.
 *
 * ```ts
 * const cfg = getFunctionAsyncInvokeConfig("hello-async", { serviceName: "demo-service", functionName: "hello" });
 * export const onFailure = cfg.destinationConfig.apply((d) => d.onFailure?.destination);
 * export const retries = cfg.maxAsyncRetryAttempts;
 * ```
 *
 * @param name The Pulumi name of the data source; unique in the stack.
 * @param args Which function and qualifier to read, and optionally the region, account and endpoint.
 * @param opts Resource options; `id` is derived from the arguments and must not be set.
 */
export function getFunctionAsyncInvokeConfig(name: string, args: GetFunctionAsyncInvokeConfigArgs, opts?: DataSourceOptions): FunctionAsyncInvokeConfig {
    return new FunctionAsyncInvokeConfig(name, args, opts);
}

function checkIfPlain(value: pulumi.Input<string> | undefined, check: (value: string) => unknown): void {
    if (typeof value === "string") {
        check(value);
    }
}
