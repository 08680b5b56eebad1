// FC 2.0's ListFunctionAsyncInvokeConfigs: every async invoke config of one function, one per
// qualifier (LATEST, versions, aliases), read page by page.
// GET /2021-04-06/services/{serviceName}/functions/{functionName}/async-invoke-configs?limit=&nextToken=

import type * as pulumi from "@pulumi/pulumi";
import { REQUIRED_NAME, SCOPE_RULES } from "../core/arguments";
import { type ListDataSource } from "../core/dataSource";
import { ramResource } from "./ramResource";
import { InvalidLookupError } from "../errors";
import { FC2 } from "../wire/fcApis";
import { mapConfig, parsePage, requiredString } from "../wire/mapping";
import { type Scope, type ScopeArgs } from "../types";
import { type AsyncInvokeConfigFields, FC2_CONFIG } from "./functionAsyncInvokeConfig";
import { compareQualifiers, pageQuery } from "./lists";
import { notFoundHint } from "./notFound";

/**
 * Arguments of {@link getFunctionAsyncInvokeConfigs}: {@link FunctionAsyncInvokeConfigsArgs} as plain values.
 *
 * @group FC 2.0
 */
export interface GetFunctionAsyncInvokeConfigsArgs extends Scope {
    /** The service that holds the function. 1-128 letters, digits, `_` or `-`, not starting with a digit or `-`. */
    serviceName: string;
    /** The function. Same naming rule as `serviceName`. */
    functionName: string;
}

/**
 * One qualifier's config: the same typed fields as the single read, and the qualifier it belongs to.
 *
 * @group FC 2.0
 */
export interface FunctionAsyncInvokeConfigEntry extends AsyncInvokeConfigFields {
    /** `LATEST`, a version number or an alias name. */
    qualifier: string;
}

/**
 * Everything the list reports: the arguments, and every qualifier's config, sorted by qualifier.
 *
 * @group FC 2.0
 */
export interface FunctionAsyncInvokeConfigsOutputs extends GetFunctionAsyncInvokeConfigsArgs {
    /** One entry per qualifier that has a config: `LATEST` first, then versions by number, then aliases by name. */
    configs: FunctionAsyncInvokeConfigEntry[];
}

/** The data source behind `getFunctionAsyncInvokeConfigs`. */
export const functionAsyncInvokeConfigs: ListDataSource<GetFunctionAsyncInvokeConfigsArgs, FunctionAsyncInvokeConfigEntry, FunctionAsyncInvokeConfigsOutputs> =
    {
        kind: "list",
        typeName: "FunctionAsyncInvokeConfigs",
        module: "fc",
        programFunction: "getFunctionAsyncInvokeConfigs",
        api: FC2,
        action: "ListFunctionAsyncInvokeConfigs",
        ramAction: "fc:ListFunctionAsyncInvokeConfigs",
        arguments: { serviceName: REQUIRED_NAME, functionName: REQUIRED_NAME, ...SCOPE_RULES },
        idShape: "serviceName:functionName",
        outputNames: ["configs"],
        // Terraform's and this package's single-config ids add `:qualifier`; the list is the function's.
        formatId: ({ serviceName, functionName }) => `${serviceName}:${functionName}`,
        parseId: (id) => {
            const parts = id.split(":");
            if (parts.length !== 2) {
                throw new InvalidLookupError("id", "must be serviceName:functionName", id);
            }
            return { serviceName: parts[0], functionName: parts[1] };
        },
        describe: ({ serviceName, functionName }) => `the async invoke configs of function "${functionName}" in service "${serviceName}"`,
        // An empty list is an answer (200); a 404 names the service or function, never a config.
        notFoundHint: (code, args) => (code === "AsyncConfigNotExists" ? undefined : notFoundHint(code, args)),
        ramResource: ({ serviceName, functionName }, target) => ramResource(`services/${serviceName}.*/functions/${functionName}`, target),
        request: ({ serviceName, functionName }, page) => ({
            pathname: `/${FC2.version}/services/${encodeURIComponent(serviceName)}/functions/${encodeURIComponent(functionName)}/async-invoke-configs`,
            query: pageQuery(page),
        }),
        parsePage: (body) =>
            parsePage(body, (record, at) => {
                const qualifier = requiredString(record, "qualifier", at);
                return Object.freeze({ qualifier, ...mapConfig<AsyncInvokeConfigFields>(record, FC2_CONFIG, at) });
            }),
        entryOf: (item) => `qualifier "${item.qualifier}"`,
        compare: (a, b) => compareQualifiers(a.qualifier, b.qualifier),
        outputs: (args, items) => ({ ...args, configs: [...items] }),
    };

/**
 * Arguments of {@link FunctionAsyncInvokeConfigs} (and of `getFunctionAsyncInvokeConfigsOutput`): which FC 2.0
 * function's configs to list, and optionally where. Each may be an output of another resource.
 *
 * @group FC 2.0
 */
export interface FunctionAsyncInvokeConfigsArgs extends ScopeArgs {
    /** The service that holds the function. 1-128 letters, digits, `_` or `-`, not starting with a digit or `-`. */
    serviceName: pulumi.Input<string>;
    /** The function. Same naming rule as `serviceName`. */
    functionName: pulumi.Input<string>;
}
