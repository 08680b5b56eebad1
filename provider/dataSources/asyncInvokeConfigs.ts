// FC 3.0's ListAsyncInvokeConfigs: the async invoke configs of one function, or of every function in
// the account and region when no function is named, read page by page.
// GET /2023-03-30/async-invoke-configs?functionName=&limit=&nextToken=

import type * as pulumi from "@pulumi/pulumi";
import { type ArgumentRule, SCOPE_RULES } from "../core/arguments";
import { type ListDataSource } from "../core/dataSource";
import { FC3_RAM_RESOURCE } from "./ramResource";
import { FC3 } from "../wire/fcApis";
import { mapConfig, parsePage } from "../wire/mapping";
import { type Scope, type ScopeArgs } from "../types";
import { checkName } from "../settings/validation";
import { type V3AsyncInvokeConfigFields, FC3_CONFIG } from "./asyncInvokeConfig";
import { compareText, pageQuery } from "./lists";
import { notFoundHint } from "./notFound";

/**
 * Arguments of {@link getV3AsyncInvokeConfigs}: {@link V3AsyncInvokeConfigsArgs} as plain values.
 *
 * @group FC 3.0
 */
export interface GetV3AsyncInvokeConfigsArgs extends Scope {
    /** The function whose configs to list; absent lists every function's. */
    functionName?: string;
}

/**
 * One config of the list: FC 3.0's fields, `functionArn` saying whose config it is.
 *
 * @group FC 3.0
 */
export type V3AsyncInvokeConfigEntry = V3AsyncInvokeConfigFields;

/**
 * Everything the list reports: the arguments, and every config, sorted by function ARN.
 *
 * @group FC 3.0
 */
export interface V3AsyncInvokeConfigsOutputs extends GetV3AsyncInvokeConfigsArgs {
    /** One entry per config, in function ARN order (code-unit order, the same on every machine), ties by content. */
    configs: V3AsyncInvokeConfigEntry[];
}

/** The id of a list of every function's configs: no function name can be `*`. */
const EVERY_FUNCTION = "*";

const OPTIONAL_NAME: ArgumentRule = { check: (value, field) => checkName(field, value) };

/** The data source behind `getV3AsyncInvokeConfigs`. */
export const asyncInvokeConfigs: ListDataSource<GetV3AsyncInvokeConfigsArgs, V3AsyncInvokeConfigEntry, V3AsyncInvokeConfigsOutputs> = {
    kind: "list",
    typeName: "AsyncInvokeConfigs",
    module: "fc3",
    programFunction: "getV3AsyncInvokeConfigs",
    api: FC3,
    action: "ListAsyncInvokeConfigs",
    // FC 3.0 keeps FC 2.0's action names: the 2023-03-30 reference pages (Chinese, Japanese, current
    // English) list fc:ListFunctionAsyncInvokeConfigs for ListAsyncInvokeConfigs, on all resources.
    ramAction: "fc:ListFunctionAsyncInvokeConfigs",
    arguments: { functionName: OPTIONAL_NAME, ...SCOPE_RULES },
    idShape: "the function name, or * for every function",
    outputNames: ["configs"],
    formatId: ({ functionName }) => functionName ?? EVERY_FUNCTION,
    parseId: (id) => (id === EVERY_FUNCTION ? {} : { functionName: id }),
    describe: ({ functionName }) =>
        functionName === undefined ? "the async invoke configs of every FC 3.0 function" : `the async invoke configs of function "${functionName}"`,
    // An empty list is an answer (200); a 404 names the function, never a config.
    notFoundHint: (code, args) => (code === "FunctionNotFound" ? notFoundHint(code, args) : undefined),
    ramResource: () => FC3_RAM_RESOURCE,
    request: ({ functionName }, page) => ({ pathname: `/${FC3.version}/async-invoke-configs`, query: pageQuery(page, { functionName }) }),
    parsePage: (body) =>
        // An entry without `functionArn` is kept, sorted first: FC documents the field, but its model makes
        // every field optional, and dropping an entry would record a partial list.
        parsePage(body, (record, at) => mapConfig<V3AsyncInvokeConfigFields>(record, FC3_CONFIG, at)),
    // FC 3.0 does not say which qualifier a listed config belongs to. So there is no entryOf: two
    // identical entries may be two qualifiers' configs, and all are kept. Configs of one function share
    // an ARN; the core breaks such ties by content.
    compare: (a, b) => compareText(a.functionArn ?? "", b.functionArn ?? ""),
    outputs: (args, items) => ({ ...args, configs: [...items] }),
};

/**
 * Arguments of {@link V3AsyncInvokeConfigs} (and of `getV3AsyncInvokeConfigsOutput`): whose FC 3.0 configs
 * to list, and optionally where. Each may be an output of another resource.
 *
 * @group FC 3.0
 */
export interface V3AsyncInvokeConfigsArgs extends ScopeArgs {
    /** The function whose configs to list; absent lists every function's in the account and region. */
    functionName?: pulumi.Input<string>;
}
