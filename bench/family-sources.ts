// The data sources of the family benchmarks (family-overhead.ts, list-requests.ts), as the provider host
// sees them: the key of their resources, the view of the stand-in that holds their functions, and the id
// and props the engine sends on a first read of one function (the constructor's inputs, region and
// account left out as undefined).

import { LIST_SERVICE } from "./fixtures";
import type { DataSourceKey } from "./provider-reader";
import type { StandInApi } from "./standin";

/** One data source of the family. */
export interface FamilySource extends DataSourceKey {
    /** The FC operation, for labels, e.g. `ListAsyncInvokeConfigs (FC 3.0)`. */
    operation: string;
    /** The stand-in's view that holds its functions. */
    api: StandInApi;
    /** The id and props of a read of function `fn` (FC 2.0: in {@link LIST_SERVICE}) at LATEST. */
    read(fn: string, endpoint: string): { id: string; props: Record<string, unknown> };
}

/** `listFunctionAsyncInvokeConfigs`: FC 2.0 ListFunctionAsyncInvokeConfigs. */
export const FC2_LIST: FamilySource = {
    module: "fc",
    typeName: "FunctionAsyncInvokeConfigs",
    operation: "ListFunctionAsyncInvokeConfigs (FC 2.0)",
    api: "fc2",
    read: (fn, endpoint) => ({ id: `${LIST_SERVICE}:${fn}`, props: { serviceName: LIST_SERVICE, functionName: fn, endpoint } }),
};

/** `getAsyncInvokeConfig`: FC 3.0 GetAsyncInvokeConfig. */
export const FC3_SINGLE: FamilySource = {
    module: "fc3",
    typeName: "AsyncInvokeConfig",
    operation: "GetAsyncInvokeConfig (FC 3.0)",
    api: "fc3",
    read: (fn, endpoint) => ({ id: `${fn}:LATEST`, props: { functionName: fn, qualifier: "LATEST", endpoint } }),
};

/** `listAsyncInvokeConfigs` of one function: FC 3.0 ListAsyncInvokeConfigs with `functionName`. */
export const FC3_LIST: FamilySource = {
    module: "fc3",
    typeName: "AsyncInvokeConfigs",
    operation: "ListAsyncInvokeConfigs (FC 3.0)",
    api: "fc3",
    read: (fn, endpoint) => ({ id: fn, props: { functionName: fn, endpoint } }),
};
