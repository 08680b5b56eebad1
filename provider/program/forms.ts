// The forms a program uses a data source in, built the same way for every data source from its
// description:
// - the resource form, `new X(name, args)` or `getX(name, args)`: a read-only dynamic resource the
//   engine reads by id, so its values show in `pulumi preview` and `pulumi refresh` re-reads them
//   (drift detection); its outputs are kept in state;
// - the invoke forms, `getX(args)` (a promise) and `getXOutput(args)` (an Output): read in the program
//   on every preview and up, with the same core and stack config, and nothing kept in state.

import * as pulumi from "@pulumi/pulumi";
import { type ArgumentRule, checkPlainArguments } from "../core/arguments";
import { warnAboutUnmarkedCredentials } from "./configWarnings";
import { type ListDataSource, type SingleDataSource } from "../core/dataSource";
import { dataSourceKey } from "../dataSources/keys";
import { loaderFor } from "./loader";
import type * as ProgramConfig from "./deployment";
import { type DataSourceOptions, type Scope } from "../types";

/** The outputs of a resource form: each of the data source's outputs as a `pulumi.Output`. */
export type OutputsOf<Outputs> = { readonly [K in keyof Outputs]-?: pulumi.Output<Outputs[K]> };

/** The arguments of the promise form: plain values, no `pulumi.Input`s. */
export type PlainArgs<Args> = { [K in keyof Args]: pulumi.Unwrap<Args[K]> };

/** What the invoke forms return: the outputs, and the id the resource form would have. */
export type InvokeResult<Outputs> = Outputs & {
    /** The id of what was read, e.g. `serviceName:functionName:qualifier`. */
    id: string;
};

/** Options of the Output form. */
export interface DataSourceInvokeOptions {
    /** Resources to wait for before reading: the read starts once each of them is registered (created, in an update). */
    dependsOn?: pulumi.Input<pulumi.Input<pulumi.Resource>[]> | pulumi.Input<pulumi.Resource>;
}

/** A data source as the forms need it. */
type Described<Outputs> = SingleDataSource<Scope, unknown, Outputs> | ListDataSource<Scope, unknown, Outputs>;

/** The class of a resource form. */
export interface DataSourceResourceClass<Args, Outputs> {
    /**
     * Reads what `args` name. Plain-string arguments are checked at once, so a bad name fails the
     * program here; arguments that are outputs of other resources are checked by the provider.
     */
    new (name: string, args: Args, opts?: DataSourceOptions): pulumi.dynamic.Resource & OutputsOf<Outputs>;
}

/** Builds the resource form of a data source. */
export function resourceClass<Args extends object, Outputs>(source: Described<Outputs>): DataSourceResourceClass<Args, Outputs> {
    const key = dataSourceKey(source);
    const { typeName, module } = source;
    const idShape = source.idShape;
    const rules = source.arguments as Readonly<Record<string, ArgumentRule>>;
    const provider = loaderFor(key);
    // Outputs are only filled in for properties named here.
    const outputs = Object.fromEntries(source.outputNames.map((output) => [output, undefined]));
    const form = class extends pulumi.dynamic.Resource {
        constructor(name: string, args: Args, opts?: DataSourceOptions) {
            // The type refuses `id`; this catches callers that get around it (plain JavaScript, casts).
            if ((opts as pulumi.CustomResourceOptions | undefined)?.id !== undefined) {
                throw new Error(`${typeName} "${name}": do not pass opts.id; the id is ${idShape} and is derived from the arguments`);
            }
            checkPlainArguments(rules, args);
            warnAboutUnmarkedCredentials();
            const given = args as Record<string, pulumi.Input<string> | undefined>;
            const inputs: Record<string, pulumi.Input<string>> = {};
            const absent: string[] = [];
            for (const [field, rule] of Object.entries(rules)) {
                const value = given[field] ?? rule.default;
                if (value === undefined) {
                    absent.push(field);
                } else {
                    inputs[field] = value;
                }
            }
            // The id waits for every argument, those it does not name too: the engine skips a read whose
            // id is unknown, whereas it would hand the provider an unknown region, account or endpoint as
            // absent, and preview would read from the configured default instead. Plain arguments have
            // nothing to wait for.
            const plain = Object.values(inputs).every((value) => typeof value === "string");
            const id = plain ? source.formatId(inputs) : pulumi.all(inputs).apply((resolved) => source.formatId(resolved as Scope));
            super(provider, name, { ...inputs, ...outputs }, { ...opts, id }, module, typeName);
            // An argument the program left out reads back as undefined. The SDK turns every registered
            // property into four promises that each format a stack trace (source-mapped under ts-node),
            // so registering absent ones cost an eighth of a preview's program work; they are plain,
            // already resolved outputs instead.
            for (const field of absent) {
                (this as unknown as Record<string, pulumi.Output<undefined>>)[field] = pulumi.output(undefined);
            }
        }
    };
    Object.defineProperty(form, "name", { value: typeName });
    return form as unknown as DataSourceResourceClass<Args, Outputs>;
}

/** `getX(name, args, opts?)`, the resource form, and `getX(args)`, the promise form, in one function. */
export interface DataSourceFunction<Args, Outputs> {
    /** The resource form: reads what `args` name into a read-only resource; `pulumi refresh` re-reads it. */
    (name: string, args: Args, opts?: DataSourceOptions): pulumi.dynamic.Resource & OutputsOf<Outputs>;
    /** The promise form: reads what `args` name now, in the program, keeping nothing in state. */
    (args: PlainArgs<Args>): Promise<InvokeResult<Outputs>>;
}

/** Builds `getX`: the resource form when the first argument is a name, the promise form otherwise. */
export function dataSourceFunction<Args extends object, Outputs>(
    Resource: DataSourceResourceClass<Args, Outputs>,
    source: Described<Outputs>,
): DataSourceFunction<Args, Outputs> {
    return ((nameOrArgs: string | PlainArgs<Args>, args?: Args, opts?: DataSourceOptions) =>
        typeof nameOrArgs === "string" ? new Resource(nameOrArgs, args as Args, opts) : invoke(source, nameOrArgs)) as DataSourceFunction<Args, Outputs>;
}

/** `getXOutput(args, opts?)`: the Output form. */
export type DataSourceOutputFunction<Args, Outputs> = (args: Args, opts?: DataSourceInvokeOptions) => pulumi.Output<InvokeResult<Outputs>>;

/**
 * Builds `getXOutput`: waits for the arguments (and `dependsOn`), then reads as the promise form does.
 * While an argument is unknown (in a preview, an output of a resource not yet created) the result is
 * unknown too, and nothing is read.
 */
export function outputFunction<Args extends object, Outputs>(source: Described<Outputs>): DataSourceOutputFunction<Args, Outputs> {
    return (args, opts) =>
        pulumi.all([pulumi.output(args) as pulumi.Output<object>, registered(opts?.dependsOn)]).apply(([plain]) => invoke<Outputs>(source, plain));
}

/** Reads in the program. */
async function invoke<Outputs>(source: Described<Outputs>, args: object): Promise<InvokeResult<Outputs>> {
    warnAboutUnmarkedCredentials();
    // The core (credentials, the SDKs) is loaded on the first invoke read: a program that only uses the
    // resource forms never loads it, and starts a tenth of a second sooner on every preview and up.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { readInProgram } = require("./deployment") as typeof ProgramConfig;
    const outputs = await readInProgram(source, { ...args });
    return { ...outputs, id: (source.formatId as (args: Outputs) => string)(outputs) };
}

/** Resolves once every resource of `dependsOn` is registered: a resource's URN is known only then. */
function registered(dependsOn: DataSourceInvokeOptions["dependsOn"]): pulumi.Output<unknown> {
    return pulumi.output(dependsOn ?? []).apply((deps) => pulumi.all((Array.isArray(deps) ? deps : [deps]).map((resource) => resource.urn)));
}
