// The two Function Compute APIs the data sources read, and what differs between them in words: the
// product and the version, which names the path, the signature's `x-acs-version` and the official SDK
// that sends the request (fcClient.ts). What is the same (signing, endpoints, credentials, transport)
// is the core's business, not this file's.

/** One FC API, as the core and its messages need to know it. */
export interface FcApi {
    /** For messages: `FC 2.0` or `FC 3.0`. */
    readonly product: "FC 2.0" | "FC 3.0";
    /** The API version: first segment of every path, and the `x-acs-version` header. */
    readonly version: "2021-04-06" | "2023-03-30";
}

/** Function Compute 2.0, API 2021-04-06, through `@alicloud/fc-open20210406`. */
export const FC2: FcApi = { product: "FC 2.0", version: "2021-04-06" };

/** Function Compute 3.0, API 2023-03-30, through `@alicloud/fc20230330`. */
export const FC3: FcApi = { product: "FC 3.0", version: "2023-03-30" };
