// Changes made "outside the stack": what the FC console, the aliyun CLI or another team would do to an
// async invoke config. Goes through the real SDK over HTTP, so the stand-in sees an ordinary PUT or
// DELETE, exactly as drift arrives in production.

import FC, * as $FC from "@alicloud/fc-open20210406";
import * as $OpenApi from "@alicloud/openapi-client";
import * as $Util from "@alicloud/tea-util";
import type { FcEmulator } from "../../provider/emulator";

/** What reaching a stand-in takes: an in-process one, or one started in another process (its printed settings). */
export type StandInAddress = Pick<FcEmulator, "accessKeyId" | "accessKeySecret" | "host" | "accountId">;

/** The settings a console user can change. */
export interface ConsoleChange {
    onSuccess?: string;
    onFailure?: string;
    maxAsyncEventAgeInSeconds?: number;
    maxAsyncRetryAttempts?: number;
    statefulInvocation?: boolean;
}

function client(fc: StandInAddress): FC {
    return new FC(new $OpenApi.Config({ accessKeyId: fc.accessKeyId, accessKeySecret: fc.accessKeySecret, endpoint: fc.host, protocol: "http" }));
}

/** PutFunctionAsyncInvokeConfig, as the console sends it. */
export async function consolePut(fc: StandInAddress, serviceName: string, functionName: string, qualifier: string, change: ConsoleChange): Promise<void> {
    await client(fc).putFunctionAsyncInvokeConfigWithOptions(
        serviceName,
        functionName,
        new $FC.PutFunctionAsyncInvokeConfigRequest({
            qualifier,
            destinationConfig: new $FC.DestinationConfig({
                onSuccess: change.onSuccess === undefined ? undefined : new $FC.Destination({ destination: change.onSuccess }),
                onFailure: change.onFailure === undefined ? undefined : new $FC.Destination({ destination: change.onFailure }),
            }),
            maxAsyncEventAgeInSeconds: change.maxAsyncEventAgeInSeconds,
            maxAsyncRetryAttempts: change.maxAsyncRetryAttempts,
            statefulInvocation: change.statefulInvocation,
        }),
        new $FC.PutFunctionAsyncInvokeConfigHeaders({ xFcAccountId: fc.accountId }),
        new $Util.RuntimeOptions({}),
    );
}

/** DeleteFunctionAsyncInvokeConfig, as the console sends it. */
export async function consoleDelete(fc: StandInAddress, serviceName: string, functionName: string, qualifier: string): Promise<void> {
    await client(fc).deleteFunctionAsyncInvokeConfigWithOptions(
        serviceName,
        functionName,
        new $FC.DeleteFunctionAsyncInvokeConfigRequest({ qualifier }),
        new $FC.DeleteFunctionAsyncInvokeConfigHeaders({ xFcAccountId: fc.accountId }),
        new $Util.RuntimeOptions({}),
    );
}
