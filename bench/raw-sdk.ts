// The baseline of the in-process comparisons: the same requests made with the official SDKs directly, as
// a program would without this package: one client, no validation, no retries, no concurrency cap, no
// mapping of the answer. FC 2.0 through @alicloud/fc-open20210406, FC 3.0 through @alicloud/fc20230330,
// each with its generated `...WithOptions` methods; a list follows every nextToken, as the provider does.

import FC, * as $FC from "@alicloud/fc-open20210406";
import FC3, * as $FC3 from "@alicloud/fc20230330";
import * as $OpenApi from "@alicloud/openapi-client";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import * as $Util from "@alicloud/tea-util";
import * as $dara from "@darabonba/typescript";
import type { StandIn } from "./standin";

/** One page of a list, as both SDKs' response bodies hold it. */
export interface RawPage<Config> {
    configs?: Config[];
    nextToken?: string;
}

/** A fresh client for the stand-in; the provider also builds a fresh one per deployment. */
export function createRawClient(standIn: StandIn): FC {
    return new FC(new $OpenApi.Config(clientConfig(standIn)));
}

/** A fresh FC 3.0 client for the stand-in (the same endpoint serves both APIs). */
export function createRawFc3Client(standIn: StandIn): FC3 {
    return new FC3(new $OpenApiUtil.Config(clientConfig(standIn)));
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

/** Every config of an FC 2.0 function: ListFunctionAsyncInvokeConfigs, `pageSize` per page, every page. */
export function rawList(
    client: FC,
    accountId: string,
    service: string,
    fn: string,
    pageSize: number,
): Promise<$FC.ListFunctionAsyncInvokeConfigsResponseBodyConfigs[]> {
    const headers = new $FC.ListFunctionAsyncInvokeConfigsHeaders({ xFcAccountId: accountId });
    const runtime = new $Util.RuntimeOptions({});
    return everyPage(async (nextToken) => {
        const request = new $FC.ListFunctionAsyncInvokeConfigsRequest({ limit: pageSize, nextToken });
        return (await client.listFunctionAsyncInvokeConfigsWithOptions(service, fn, request, headers, runtime)).body;
    });
}

/** FC 3.0's GetAsyncInvokeConfig of `fn` at LATEST, with the provider's `X-Fc-Account-Id`. */
export async function rawFc3Lookup(client: FC3, accountId: string, fn: string): Promise<$FC3.AsyncConfig | undefined> {
    const request = new $FC3.GetAsyncInvokeConfigRequest({ qualifier: "LATEST" });
    return (await client.getAsyncInvokeConfigWithOptions(fn, request, accountHeader(accountId), new $dara.RuntimeOptions({}))).body;
}

/** Every config of an FC 3.0 function: ListAsyncInvokeConfigs with `functionName`, `pageSize` per page, every page. */
export function rawFc3List(client: FC3, accountId: string, fn: string, pageSize: number): Promise<$FC3.AsyncConfig[]> {
    const headers = accountHeader(accountId);
    const runtime = new $dara.RuntimeOptions({});
    return everyPage(async (nextToken) => {
        const request = new $FC3.ListAsyncInvokeConfigsRequest({ functionName: fn, limit: pageSize, nextToken });
        return (await client.listAsyncInvokeConfigsWithOptions(request, headers, runtime)).body;
    });
}

/** Asks for pages, each with the token of the one before, until one comes without a token. */
async function everyPage<Config>(page: (nextToken: string | undefined) => Promise<RawPage<Config> | undefined>): Promise<Config[]> {
    const configs: Config[] = [];
    let nextToken: string | undefined;
    do {
        const body = await page(nextToken);
        configs.push(...(body?.configs ?? []));
        nextToken = body?.nextToken === "" ? undefined : body?.nextToken;
    } while (nextToken !== undefined);
    return configs;
}

function clientConfig(standIn: StandIn): { accessKeyId: string; accessKeySecret: string; endpoint: string; protocol: string } {
    return { accessKeyId: standIn.accessKeyId, accessKeySecret: standIn.accessKeySecret, endpoint: standIn.host, protocol: "http" };
}

/** FC 3.0's SDK takes extra headers as a plain map. */
function accountHeader(accountId: string): Record<string, string> {
    return { "X-Fc-Account-Id": accountId };
}
