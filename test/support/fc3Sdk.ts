// The real FC 3.0 SDK (@alicloud/fc20230330 on @alicloud/openapi-core) pointed at the FC stand-in, and the
// calls the stand-in's tests make with it: read, list (one page or every page), and the writes a console
// user would make outside a stack (drift).

import * as assert from "node:assert/strict";

import FC3, * as $FC3 from "@alicloud/fc20230330";
import { $OpenApiUtil, ClientError } from "@alicloud/openapi-core";
import { RuntimeOptions } from "@alicloud/tea-util";

import { DEFAULT_REGION, type FcEmulator } from "../../provider/emulator";
import { rejection } from "./rejection";

/** An FC 3.0 client for the stand-in, with its key unless told otherwise (to test refusals). */
export function fc3Client(fc: FcEmulator, keys: { accessKeyId?: string; accessKeySecret?: string } = {}): FC3 {
    const accessKeyId = keys.accessKeyId ?? fc.accessKeyId;
    const accessKeySecret = keys.accessKeySecret ?? fc.accessKeySecret;
    return new FC3(new $OpenApiUtil.Config({ endpoint: fc.host, protocol: "http", regionId: DEFAULT_REGION, accessKeyId, accessKeySecret }));
}

/**
 * A signed FC 3.0 GET of any path, answered as the raw body text: what is on the wire (absent fields, nulls)
 * and paths the SDK has no method for.
 */
export async function fc3RawGet(client: FC3, pathname: string, query: Record<string, string> = {}): Promise<string> {
    const params = new $OpenApiUtil.Params({
        action: "RawGet",
        version: "2023-03-30",
        protocol: "HTTP",
        pathname,
        method: "GET",
        authType: "AK",
        style: "ROA",
        reqBodyType: "json",
        bodyType: "string",
    });
    const answer = (await client.callApi(params, new $OpenApiUtil.OpenApiRequest({ query }), new RuntimeOptions({}))) as { body: unknown };
    assert.equal(typeof answer.body, "string");
    return answer.body as string;
}

/** GetAsyncInvokeConfig of a function and qualifier (none: the SDK sends none, which means LATEST). */
export function fc3Get(client: FC3, fn: string, qualifier?: string): Promise<$FC3.GetAsyncInvokeConfigResponse> {
    return client.getAsyncInvokeConfigWithOptions(fn, new $FC3.GetAsyncInvokeConfigRequest({ qualifier }), {}, new RuntimeOptions({}));
}

/** What ListAsyncInvokeConfigs takes. */
export interface Fc3ListQuery {
    functionName?: string;
    limit?: number;
    nextToken?: string;
}

/** One page of ListAsyncInvokeConfigs. */
export function fc3List(client: FC3, query: Fc3ListQuery = {}): Promise<$FC3.ListAsyncInvokeConfigsResponse> {
    return client.listAsyncInvokeConfigsWithOptions(new $FC3.ListAsyncInvokeConfigsRequest(query), {}, new RuntimeOptions({}));
}

/** Every page of a list, following each nextToken until there is none. */
export async function fc3ListAll(client: FC3, query: Omit<Fc3ListQuery, "nextToken"> = {}): Promise<$FC3.ListAsyncInvokeConfigOutput[]> {
    const pages: $FC3.ListAsyncInvokeConfigOutput[] = [];
    let nextToken: string | undefined;
    do {
        const page = (await fc3List(client, { ...query, nextToken })).body;
        assert.ok(page !== undefined, "a list answer without a body");
        pages.push(page);
        nextToken = page.nextToken;
    } while (nextToken !== undefined);
    return pages;
}

/** PutAsyncInvokeConfig, as a console user would send it. */
export function fc3Put(client: FC3, fn: string, qualifier: string, input: ConstructorParameters<typeof $FC3.PutAsyncInvokeConfigInput>[0]): Promise<unknown> {
    const request = new $FC3.PutAsyncInvokeConfigRequest({ qualifier, body: new $FC3.PutAsyncInvokeConfigInput(input) });
    return client.putAsyncInvokeConfigWithOptions(fn, request, {}, new RuntimeOptions({}));
}

/** DeleteAsyncInvokeConfig, as a console user would send it. */
export function fc3Delete(client: FC3, fn: string, qualifier: string): Promise<unknown> {
    return client.deleteAsyncInvokeConfigWithOptions(fn, new $FC3.DeleteAsyncInvokeConfigRequest({ qualifier }), {}, new RuntimeOptions({}));
}

/**
 * Awaits an FC 3.0 call that must fail with a POP-style error of this status and code, as the SDK surfaces it:
 * a ClientError with `code`, `statusCode`, `requestId` and the body in `data`. Returns it for more checks.
 */
export async function fc3Error(promise: Promise<unknown>, status: number, code: string): Promise<ClientError> {
    const error = await rejection(promise, ClientError);
    assert.equal(error.statusCode, status, error.message);
    assert.equal(error.code, code, error.message);
    const data = (error as { data?: unknown }).data as Record<string, unknown> | undefined;
    assert.equal(data?.["Code"], code);
    assert.equal(typeof data?.["Message"], "string");
    assert.match(String(error.requestId), /^[0-9a-f-]{36}$/, "the SDK reads RequestId from the POP body");
    assert.equal(data?.["RequestId"], error.requestId);
    return error;
}
