// The baseline of the in-process comparison: the same GetFunctionAsyncInvokeConfig request made with the
// official SDK directly, as a program would without this package: one client, no validation, no retries,
// no concurrency cap, no mapping of the answer.

import FC, * as $FC from "@alicloud/fc-open20210406";
import * as $OpenApi from "@alicloud/openapi-client";
import * as $Util from "@alicloud/tea-util";
import type { StandIn } from "./standin";

/** A fresh client for the stand-in; the provider also builds a fresh one per deployment. */
export function createRawClient(standIn: StandIn): FC {
    return new FC(
        new $OpenApi.Config({
            accessKeyId: standIn.accessKeyId,
            accessKeySecret: standIn.accessKeySecret,
            endpoint: standIn.host,
            protocol: "http",
        }),
    );
}

/**
 * One raw call. It sends what the provider sends (qualifier `LATEST`, `X-Fc-Account-Id`), except the
 * provider's `X-Fc-Trace-Id`, which is part of what the provider adds and so of what is measured.
 */
export async function rawLookup(client: FC, accountId: string, service: string, fn: string): Promise<$FC.GetFunctionAsyncInvokeConfigResponseBody> {
    const response = await client.getFunctionAsyncInvokeConfigWithOptions(
        service,
        fn,
        new $FC.GetFunctionAsyncInvokeConfigRequest({ qualifier: "LATEST" }),
        new $FC.GetFunctionAsyncInvokeConfigHeaders({ xFcAccountId: accountId }),
        new $Util.RuntimeOptions({}),
    );
    return response.body;
}
