// The two Function Compute APIs the data sources read, and what differs between them: the version in
// the path and the signature, the official SDK that sends the request, and the words errors use. What
// is the same (signing, endpoints, credentials, transport) is the core's business, not this file's.

import type Credential from "@alicloud/credentials";
import { createFc2Caller, createFc3Caller, type FcCaller } from "./fcClient";
import { type Target } from "./target";

/** One FC API, as the core needs to know it. */
export interface FcApi {
    /** For messages: `FC 2.0` or `FC 3.0`. */
    product: string;
    /** The API version: first segment of every path, and the `x-acs-version` header. */
    version: string;
    /** The SDK client that sends this API's requests to `target`, signing with `credential`. */
    createCaller(target: Target, credential: Credential, timeoutSeconds: number): FcCaller;
}

/** Function Compute 2.0, API 2021-04-06, through `@alicloud/fc-open20210406`. */
export const FC2: FcApi = {
    product: "FC 2.0",
    version: "2021-04-06",
    createCaller: createFc2Caller,
};

/** Function Compute 3.0, API 2023-03-30, through `@alicloud/fc20230330`. */
export const FC3: FcApi = {
    product: "FC 3.0",
    version: "2023-03-30",
    createCaller: createFc3Caller,
};
