// Every data source, by the key its resources carry into the provider host (`module:typeName`).
// A new data source is one file in this folder (its description), one line per form in program/, and
// one line here.

import { type AnyDataSource } from "../core/dataSource";
import { asyncInvokeConfig } from "./asyncInvokeConfig";
import { asyncInvokeConfigs } from "./asyncInvokeConfigs";
import { functionAsyncInvokeConfig } from "./functionAsyncInvokeConfig";
import { functionAsyncInvokeConfigs } from "./functionAsyncInvokeConfigs";
import { dataSourceKey } from "./keys";

/** Every data source of this version. */
export const DATA_SOURCES: readonly AnyDataSource[] = [functionAsyncInvokeConfig, functionAsyncInvokeConfigs, asyncInvokeConfig, asyncInvokeConfigs];

const BY_KEY: ReadonlyMap<string, AnyDataSource> = new Map(DATA_SOURCES.map((source) => [dataSourceKey(source), source]));

/** The data source with key `key`; throws for a key no data source of this version has. */
export function dataSourceByKey(key: string): AnyDataSource {
    const source = BY_KEY.get(key);
    if (source === undefined) {
        throw new Error(`unknown data source "${key}": this version of pulumi-fc-async-invoke-config serves ${[...BY_KEY.keys()].join(", ")}`);
    }
    return source;
}
