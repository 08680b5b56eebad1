// The calls of loaders written by 0.1.0, which served one data source and so name none: they still
// arrive from state until an `up` rewrites it, and must read what they read then.

import type { ProviderHost } from "../program/loader";

/** The key of the only data source of 0.1.0, the FC 2.0 single config. */
export const FIRST_DATA_SOURCE = "fc:FunctionAsyncInvokeConfig";

/** A `read` call of any loader, as `[key, id, props]`. */
export function keyedRead(call: Parameters<ProviderHost["read"]>): [key: string, id: string, props: Record<string, unknown>] {
    return call.length === 3 ? call : [FIRST_DATA_SOURCE, ...call];
}
