// The forms a program uses a data source in, built the same way for every data source from its
// description (fc2DataSources.ts and fc3DataSources.ts declare each one's class and functions):
// - the resource form, `new X(name, args, opts?)`: a read-only dynamic resource the engine reads by id,
//   so its values show in `pulumi preview` and `pulumi refresh` re-reads them (drift detection); its
//   outputs are kept in state;
// - the invoke forms, `getX(args, opts?)` (a promise) and `getXOutput(args, opts?)` (an Output): read in
//   the program on every preview and up, with the same core and stack config, and nothing kept in state.

import * as pulumi from "@pulumi/pulumi";
import { type ArgumentRule, checkPlainArguments } from "../core/arguments";
import { type ListDataSource, type SingleDataSource } from "../core/dataSource";
import { dataSourceKey } from "../dataSources/keys";
import { InvalidLookupError } from "../errors";
import { type DataSourceOptions, type Scope } from "../types";
import { warnAboutUnmarkedCredentials, warnOnce } from "./configWarnings";
import type * as ProgramDeployment from "./deployment";
import { loaderFor } from "./loader";
import { showWorkInProgram } from "./workLog";

/** The outputs of a resource form: each of the data source's outputs as a `pulumi.Output`. */
export type OutputsOf<Outputs> = { readonly [K in keyof Outputs]-?: pulumi.Output<Outputs[K]> };

/** A data source as the forms need it. */
type Described<Outputs> = SingleDataSource<Scope, unknown, Outputs> | ListDataSource<Scope, unknown, Outputs>;

/** The arguments of `pulumi.dynamic.Resource`'s constructor, as a data source's resource form passes them. */
type DynamicResourceArguments = [
    provider: pulumi.dynamic.ResourceProvider,
    name: string,
    props: pulumi.Inputs,
    opts: pulumi.CustomResourceOptions,
    module: string,
    type: string,
];

// One loader per data source: the SDK serializes a provider object once and reuses the text.
const loaders = new Map<string, pulumi.dynamic.ResourceProvider>();

/**
 * What a resource form passes to `super(...)`. Plain-string arguments are checked here, so a bad name
 * fails the program at the line that named it; arguments that are outputs of other resources are
 * checked by the provider. The resource's type token stays the description's (`fc:FunctionAsyncInvokeConfig`,
 * `fc3:AsyncInvokeConfig`, …) whatever the class is called, because state written by earlier versions names it.
 */
export function resourceArguments(source: Described<unknown>, name: string, args: object, opts: DataSourceOptions | undefined): DynamicResourceArguments {
    // The type refuses `id`; this catches callers that get around it (plain JavaScript, casts).
    const id = (opts as pulumi.CustomResourceOptions | undefined)?.id;
    if (id !== undefined) {
        throw new InvalidLookupError("opts.id", `do not pass it; the id of ${source.typeName} "${name}" is ${source.idShape}, derived from the arguments`, id);
    }
    const rules = source.arguments as Readonly<Record<string, ArgumentRule>>;
    checkPlainArguments(rules, args);
    warnAboutUnmarkedCredentials();
    const given = args as Record<string, pulumi.Input<string> | undefined>;
    const inputs: Record<string, pulumi.Input<string>> = {};
    for (const [field, rule] of Object.entries(rules)) {
        const value = given[field] ?? rule.default;
        if (value !== undefined) {
            inputs[field] = value;
        }
    }
    // The id waits for every argument, those it does not name too: the engine skips a read whose id is
    // unknown, whereas it would hand the provider an unknown region, account or endpoint as absent, and
    // preview would read from the configured default instead. Plain arguments have nothing to wait for.
    const plain = Object.values(inputs).every((value) => typeof value === "string");
    const resourceId = plain ? source.formatId(inputs) : pulumi.all(inputs).apply((resolved) => source.formatId(resolved as Scope));
    // Outputs are only filled in for properties named here.
    const outputs = Object.fromEntries(source.outputNames.map((output) => [output, undefined]));
    const key = dataSourceKey(source);
    let loader = loaders.get(key);
    if (loader === undefined) {
        loader = loaderFor(key);
        loaders.set(key, loader);
    }
    return [loader, name, { ...inputs, ...outputs }, { ...opts, id: resourceId }, source.module, source.typeName];
}

/**
 * Gives the arguments a program left out an output that resolves to `undefined`. The SDK turns every
 * registered property into four promises that each format a stack trace (source-mapped under ts-node),
 * so registering absent ones cost an eighth of a preview's program work; they are plain, already
 * resolved outputs instead.
 */
export function leaveAbsentArgumentsUndefined(resource: pulumi.dynamic.Resource, source: Described<unknown>, args: object): void {
    const given = args as Record<string, unknown>;
    for (const [field, rule] of Object.entries(source.arguments as Readonly<Record<string, ArgumentRule>>)) {
        if (given[field] === undefined && rule.default === undefined) {
            (resource as unknown as Record<string, pulumi.Output<undefined>>)[field] = pulumi.output(undefined);
        }
    }
}

/**
 * `getX(args, opts?)`: reads in the program now, with the stack's configuration, keeping nothing in
 * state. Resolves with the outputs and the id the resource form would have.
 */
export async function invokeRead<Result>(
    source: Described<unknown>,
    functionName: string,
    args: object,
    opts: pulumi.InvokeOptions | undefined,
): Promise<Result> {
    noteInvokeOptions(functionName, opts);
    warnAboutUnmarkedCredentials();
    showWorkInProgram();
    // The core (credentials, the SDKs) is loaded on the first invoke read: a program that only uses the
    // resource forms never loads it, and starts a tenth of a second sooner on every preview and up.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { readInProgram } = require("./deployment") as typeof ProgramDeployment;
    const outputs = await readInProgram(source, { ...args });
    return { ...(outputs as object), id: (source.formatId as (args: unknown) => string)(outputs) } as Result;
}

/**
 * `getXOutput(args, opts?)`: waits for the arguments and for `opts.dependsOn`, then reads as
 * {@link invokeRead} does. While an argument is unknown (in a preview, an output of a resource not yet
 * created) the result is unknown too, and nothing is read.
 */
export function invokeOutput<Result>(
    source: Described<unknown>,
    functionName: string,
    args: object,
    opts: pulumi.InvokeOutputOptions | undefined,
): pulumi.Output<Result> {
    const ready = pulumi.all([pulumi.output<object>(args), registered(opts?.dependsOn)]);
    return ready.apply(([plain]) => invokeRead<Result>(source, functionName, plain, opts));
}

/** Resolves once every resource of `dependsOn` is registered: a resource's URN is known only then. */
function registered(dependsOn: pulumi.InvokeOutputOptions["dependsOn"]): pulumi.Output<unknown> {
    return pulumi.output(dependsOn ?? []).apply((deps) => pulumi.all((Array.isArray(deps) ? deps : [deps]).map((resource) => resource.urn)));
}

/**
 * The invoke options a program-side read cannot honour: no provider plugin serves it, so `provider`
 * (and with it `version` and `pluginDownloadURL`) does not choose where it reads. Said once, at the
 * `parent` when there is one, so that a program relying on an `alicloud.Provider`'s region learns it here.
 */
function noteInvokeOptions(functionName: string, opts: pulumi.InvokeOptions | undefined): void {
    if (opts?.provider !== undefined) {
        warnOnce(
            `${functionName}: opts.provider is not used. This package reads with the stack's alicloud:* and fcAsyncInvokeConfig:* ` +
                "configuration; pass region, accountId or endpoint in the arguments to read elsewhere.",
            opts.parent,
        );
    }
}
