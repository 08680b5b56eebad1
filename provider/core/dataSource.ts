// What a data source is, described once: the FC API and operation it calls, its arguments and their
// rules, its id, its request, the mapping of FC's answer onto its outputs, and the words its errors
// use. The core (core/read.ts and what it calls: configuration, credentials, the request path, retries,
// throttling, shared answers, the concurrency cap, error translation) does everything else the same
// way for every data source. The descriptions live in dataSources/, one file each.
// Types, and the one helper most descriptions share.

import { type ArgumentRules } from "./arguments";
import { type Scope } from "../types";
import { type FcApi } from "../wire/fcApis";
import { type FcRequestParts } from "../wire/request";
import { type Target } from "../settings/target";

/**
 * The outputs of most single reads: the arguments and FC's fields in one object. Not
 * `{ ...args, ...fields }`: V8 copies a second spread property by property in its runtime, which cost
 * several microseconds per read, more than the rest of the core's own work (bench/, in-process overhead).
 */
export function mergedOutputs<Args, Fields, Outputs extends Args & Fields>(args: Args, fields: Fields): Outputs {
    return Object.assign({}, args, fields) as Outputs;
}

/** One page a list asks for. */
export interface PageRequest {
    /** Configs per page (`fcAsyncInvokeConfig:pageSize`). */
    limit: number;
    /** FC's token for the page after the last; absent for the first page. */
    nextToken?: string;
}

/** One page of a list, mapped. */
export interface Page<Item> {
    items: Item[];
    /** Absent or empty on the last page. */
    nextToken?: string;
}

/** What every data source describes. `Args` are its resolved arguments. */
export interface DataSourceBase<Args extends Scope> {
    /** The resource type, e.g. `FunctionAsyncInvokeConfig`; with {@link module} it names the resource in Pulumi. */
    typeName: string;
    /** The Pulumi module, `fc` for FC 2.0 and `fc3` for FC 3.0. */
    module: string;
    /** The program function that creates it, for messages, e.g. `getFunctionAsyncInvokeConfig`. */
    programFunction: string;
    /** The FC API it calls. */
    api: FcApi;
    /** The operation, e.g. `GetFunctionAsyncInvokeConfig`. */
    action: string;
    /** The RAM action a caller needs, e.g. `fc:GetFunctionAsyncInvokeConfig`. */
    ramAction: string;
    /** Every argument with its rule, the {@link Scope} ones included. */
    arguments: ArgumentRules<Args>;
    /** The outputs FC fills in, besides the arguments: the resource form declares them. */
    outputNames: readonly string[];
    /** How {@link formatId} builds the id, in words, e.g. `serviceName:functionName:qualifier`. */
    idShape: string;
    /** The id of a read: it names what was read, and is stable across reads of the same thing. */
    formatId(args: Args): string;
    /** The arguments an id names, for a read by id alone (an import); throws InvalidLookupError for a bad id. */
    parseId(id: string): Partial<Record<keyof Args, string>>;
    /** What is being read, for messages, e.g. `the async invoke config of function "f" in service "s" (qualifier LATEST)`. */
    describe(args: Args): string;
    /**
     * What a 404 with FC's error `code` means for this read, in words; undefined when the code does not
     * say that something is missing (it is then reported as a plain rejection, never as "not found").
     */
    notFoundHint(code: string, args: Args): string | undefined;
    /** The RAM resource the read needs {@link ramAction} on, as far as `target` tells region and account. */
    ramResource(args: Args, target: Target): string;
}

/** A data source that reads one object with one request. */
export interface SingleDataSource<Args extends Scope, Fields, Outputs> extends DataSourceBase<Args> {
    kind: "single";
    /** The request. */
    request(args: Args): FcRequestParts;
    /** FC's 2xx body → the fields; throws UnexpectedBodyError (wire/mapping.ts) when it is not the object asked for. */
    parse(body: string): Fields;
    /** The outputs of a read: usually the arguments and the fields merged, {@link mergedOutputs}. */
    outputs(args: Args, fields: Fields): Outputs;
}

/** A data source that reads a list, page by page, into one stable, sorted array. */
export interface ListDataSource<Args extends Scope, Item, Outputs> extends DataSourceBase<Args> {
    kind: "list";
    /** The request for one page. */
    request(args: Args, page: PageRequest): FcRequestParts;
    /** One page's 2xx body → its items and token; throws UnexpectedBodyError when it is not a page. */
    parsePage(body: string): Page<Item>;
    /**
     * Which entry an item is, in words that can stand in a message (e.g. `qualifier "prod"`). A list
     * holds one item per entry: the same entry on two pages is one config read twice, as pages shift
     * when configs change during a read; the core keeps one copy when both are identical and fails the
     * read when they differ. Absent when FC's items do not say which entry they are: every item is then
     * kept, since two identical items may well be two entries.
     */
    entryOf?(item: Item): string;
    /**
     * The order of the items in the outputs. The core breaks its ties by the items' content, so the
     * order is total and a refresh never shows a reordering as drift.
     */
    compare(a: Item, b: Item): number;
    /** The outputs of a read, from every item of every page, sorted. */
    outputs(args: Args, items: readonly Item[]): Outputs;
}

/**
 * Any data source, as the core sees it: arguments it only passes back to the description, answers it
 * only hands on. (The descriptions' functions are methods, so a description of narrower types fits.)
 */
export type AnyDataSource = SingleDataSource<Scope, unknown, unknown> | ListDataSource<Scope, unknown, unknown>;
