// The key a data source's resources carry into the provider host, which finds its description by it.

import { type DataSourceBase } from "../core/dataSource";
import { type Scope } from "../types";

/** `fc:FunctionAsyncInvokeConfig`: the module and type name, as the resource form registers them. */
export function dataSourceKey(source: Pick<DataSourceBase<Scope>, "module" | "typeName">): string {
    return `${source.module}:${source.typeName}`;
}
