// The FC stand-in's FC 3.0 view (API 2023-03-30), driven through the real FC 3.0 SDK (@alicloud/fc20230330 on
// @alicloud/openapi-core): FC 3.0 field names, what is on the wire, POP-style errors as the SDK surfaces them,
// 404s in FC's order with versions and aliases per function, writes from outside a stack, signatures, faults,
// throttling, and the separation from the FC 2.0 view. Paging is in pagination.test.ts.

import * as assert from "node:assert/strict";

import FC, * as $FC from "@alicloud/fc-open20210406";
import * as $FC3 from "@alicloud/fc20230330";
import { ServerError } from "@alicloud/openapi-core";
import * as $OpenApi from "@alicloud/openapi-client";

import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, SEED_TIME, sampleSeed, startFcEmulator } from "../../provider/emulator";
import { useFcEmulator } from "../support/emulatorSuite";
import { fc3Client, fc3Delete, fc3Error, fc3Get, fc3List, fc3ListAll, fc3Put, fc3RawGet } from "../support/fc3Sdk";
import { rejection } from "../support/rejection";

const FAILED_QUEUE = `acs:mns:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:/queues/failed-events/messages`;
const ON_SUCCESS = `acs:fc:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:functions/on-success`;

function arnOf(fn: string): string {
    return `acs:fc:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:functions/${fn}`;
}

describe("fc-emulator FC 3.0 view (2023-03-30)", () => {
    const s = useFcEmulator();

    describe("reads with FC 3.0's field names", () => {
        it("reads a config with both destinations (fc3-hello@LATEST, the default qualifier)", async () => {
            const res = await fc3Get(fc3Client(s.fc), "fc3-hello");
            assert.equal(res.statusCode, 200);
            assert.deepEqual(res.body?.toMap(), {
                asyncTask: true,
                createdTime: SEED_TIME,
                destinationConfig: { onSuccess: { destination: ON_SUCCESS }, onFailure: { destination: FAILED_QUEUE } },
                functionArn: arnOf("fc3-hello"),
                lastModifiedTime: SEED_TIME,
                maxAsyncEventAgeInSeconds: 300,
                maxAsyncRetryAttempts: 3,
            });
            assert.match(String(res.headers?.["x-fc-request-id"]), /^[0-9a-f-]{36}$/);
        });

        it("leaves unset fields out on the wire, keeping 0 and false (fc3-zero, fc3-hello@prod)", async () => {
            const client = fc3Client(s.fc);
            const zero = JSON.parse(await fc3RawGet(client, "/2023-03-30/functions/fc3-zero/async-invoke-config")) as Record<string, unknown>;
            assert.deepEqual(zero, {
                asyncTask: false,
                createdTime: SEED_TIME,
                functionArn: arnOf("fc3-zero"),
                lastModifiedTime: SEED_TIME,
                maxAsyncEventAgeInSeconds: 60,
                maxAsyncRetryAttempts: 0,
            });
            const prod = JSON.parse(await fc3RawGet(client, "/2023-03-30/functions/fc3-hello/async-invoke-config", { qualifier: "prod" })) as Record<
                string,
                unknown
            >;
            assert.deepEqual(prod["destinationConfig"], { onFailure: { destination: FAILED_QUEUE } });
            assert.equal(prod["maxAsyncEventAgeInSeconds"], 3600);
            s.fc.store.fc3.putFunction("bare");
            s.fc.store.fc3.putAsyncConfig("bare", "LATEST", {}, { time: SEED_TIME });
            const bare = JSON.parse(await fc3RawGet(client, "/2023-03-30/functions/bare/async-invoke-config")) as Record<string, unknown>;
            assert.deepEqual(Object.keys(bare), ["createdTime", "functionArn", "lastModifiedTime"]);
        });

        it("puts the key's account and the emulator's region in functionArn", async () => {
            const other = await startFcEmulator({ region: "cn-shanghai", accountId: "1111222233334444" });
            try {
                const res = await fc3Get(fc3Client(other), "fc3-zero");
                assert.equal(res.body?.functionArn, "acs:fc:cn-shanghai:1111222233334444:functions/fc3-zero");
            } finally {
                await other.close();
            }
        });

        it("has the documented FC 3.0 sample data", () => {
            assert.deepEqual(
                sampleSeed.fc3Functions?.map((f) => f.name),
                ["fc3-hello", "fc3-zero", "fc3-idle"],
            );
            assert.deepEqual(s.fc.store.fc3.functionNames(), ["fc3-hello", "fc3-idle", "fc3-zero"]);
            assert.equal(s.fc.store.fc3.getAsyncConfig("fc3-idle"), undefined);
        });
    });

    describe("404s, POP style, as the SDK surfaces them", () => {
        it("FunctionNotFound, before a missing qualifier", async () => {
            const error = await fc3Error(fc3Get(fc3Client(s.fc), "nope", "9"), 404, "FunctionNotFound");
            assert.match(error.message, /function 'nope' does not exist/);
        });

        it("VersionNotFound and AliasNotFound per function: fc3-hello's versions are not fc3-zero's", async () => {
            const client = fc3Client(s.fc);
            await fc3Error(fc3Get(client, "fc3-zero", "1"), 404, "VersionNotFound");
            await fc3Error(fc3Get(client, "fc3-zero", "prod"), 404, "AliasNotFound");
            await fc3Error(fc3Get(client, "fc3-hello", "9"), 404, "VersionNotFound");
        });

        it("AsyncConfigNotExists when the function and qualifier exist but the config does not", async () => {
            const client = fc3Client(s.fc);
            await fc3Error(fc3Get(client, "fc3-idle"), 404, "AsyncConfigNotExists");
            await fc3Error(fc3Get(client, "fc3-hello", "2"), 404, "AsyncConfigNotExists");
        });

        it("400 InvalidArgument for a bad function name or qualifier; FunctionNotFound for a list of a missing function", async () => {
            const client = fc3Client(s.fc);
            await fc3Error(fc3Get(client, "9starts-with-digit"), 400, "InvalidArgument");
            await fc3Error(fc3Get(client, "fc3-hello", "not a qualifier"), 400, "InvalidArgument");
            await fc3Error(fc3List(client, { functionName: "nope" }), 404, "FunctionNotFound");
        });

        it("400 PathNotSupported, POP style, for an unknown FC 3.0 path; FC style for a path of neither API", async () => {
            const client = fc3Client(s.fc);
            await fc3Error(fc3RawGet(client, "/2023-03-30/functions/fc3-hello/nope"), 400, "PathNotSupported");
            await fc3Error(fc3RawGet(client, "/2023-03-30/services/demo-service/functions/hello/async-invoke-config"), 400, "PathNotSupported");
            const neither = await rejection(fc3RawGet(client, "/2099-01-01/functions/x"), Error);
            assert.equal((neither as Error & { data?: Record<string, unknown> }).data?.["ErrorCode"], "PathNotSupported");
        });
    });

    describe("authentication, POP style on FC 3.0 paths", () => {
        it("refuses a wrong secret with 403 SignatureNotMatch and an unknown key with 403 InvalidAccessKeyID", async () => {
            const wrong = await fc3Error(fc3Get(fc3Client(s.fc, { accessKeySecret: "not-the-secret" }), "fc3-hello"), 403, "SignatureNotMatch");
            assert.ok(!wrong.message.includes(s.fc.accessKeySecret) && !wrong.message.includes("not-the-secret"));
            await fc3Error(fc3List(fc3Client(s.fc, { accessKeyId: "LTAI5tNobodyKnowsMe" })), 403, "InvalidAccessKeyID");
        });

        it("refuses a request without Authorization with 403 AccessDenied, the request id in body and header", async () => {
            const res = await fetch(`${s.fc.endpoint}/2023-03-30/functions/fc3-hello/async-invoke-config`);
            assert.equal(res.status, 403);
            const body = (await res.json()) as Record<string, unknown>;
            assert.deepEqual(Object.keys(body), ["Code", "Message", "RequestId"]);
            assert.equal(body["Code"], "AccessDenied");
            assert.equal(body["RequestId"], res.headers.get("x-fc-request-id"));
        });
    });

    describe("writes from outside a stack (drift)", () => {
        it("PUT creates and replaces a config with asyncTask, keeping createdTime; FC 2.0 is untouched", async () => {
            const client = fc3Client(s.fc);
            await fc3Put(client, "fc3-idle", "LATEST", {
                asyncTask: true,
                maxAsyncRetryAttempts: 5,
                destinationConfig: new $FC3.DestinationConfig({ onFailure: new $FC3.Destination({ destination: FAILED_QUEUE }) }),
            });
            const created = (await fc3Get(client, "fc3-idle")).body;
            assert.equal(created?.asyncTask, true);
            assert.equal(created?.maxAsyncRetryAttempts, 5);
            assert.equal(created?.destinationConfig?.onFailure?.destination, FAILED_QUEUE);
            assert.equal(created?.destinationConfig?.onSuccess, undefined);
            await fc3Put(client, "fc3-hello", "prod", { maxAsyncRetryAttempts: 0 });
            const replaced = (await fc3Get(client, "fc3-hello", "prod")).body;
            assert.equal(replaced?.createdTime, SEED_TIME);
            assert.notEqual(replaced?.lastModifiedTime, SEED_TIME);
            assert.equal(replaced?.maxAsyncRetryAttempts, 0);
            assert.equal(replaced?.destinationConfig, undefined, "a PUT replaces the whole config");
            assert.equal(s.fc.store.getAsyncConfig("demo-service", "hello", "prod")?.maxAsyncRetryAttempts, 1);
        });

        it("refuses an invalid PUT body with 400 InvalidArgument naming the field", async () => {
            const error = await fc3Error(fc3Put(fc3Client(s.fc), "fc3-hello", "LATEST", { maxAsyncRetryAttempts: 9 }), 400, "InvalidArgument");
            assert.match(error.message, /maxAsyncRetryAttempts/);
            assert.equal(s.fc.store.fc3.getAsyncConfig("fc3-hello")?.maxAsyncRetryAttempts, 3);
        });

        it("DELETE removes a config (204), after which GET and DELETE answer AsyncConfigNotExists", async () => {
            const client = fc3Client(s.fc);
            const res = (await fc3Delete(client, "fc3-hello", "prod")) as { statusCode?: number };
            assert.equal(res.statusCode, 204);
            await fc3Error(fc3Get(client, "fc3-hello", "prod"), 404, "AsyncConfigNotExists");
            await fc3Error(fc3Delete(client, "fc3-hello", "prod"), 404, "AsyncConfigNotExists");
            assert.equal((await fc3Get(client, "fc3-hello")).statusCode, 200);
        });
    });

    describe("separate from the FC 2.0 view", () => {
        it("an FC 2.0 service function is not an FC 3.0 function, nor the other way round", async () => {
            await fc3Error(fc3Get(fc3Client(s.fc), "hello"), 404, "FunctionNotFound");
            const fc2 = new FC(
                new $OpenApi.Config({ endpoint: s.fc.host, protocol: "http", accessKeyId: s.fc.accessKeyId, accessKeySecret: s.fc.accessKeySecret }),
            );
            const refused = await rejection(
                fc2.getFunctionAsyncInvokeConfig("demo-service", "fc3-hello", new $FC.GetFunctionAsyncInvokeConfigRequest({})),
                Error,
            );
            assert.equal((refused as Error & { data?: Record<string, unknown> }).data?.["ErrorCode"], "FunctionNotFound");
            const every = await fc3ListAll(fc3Client(s.fc), { limit: 100 });
            assert.deepEqual(
                every.flatMap((p) => (p.configs ?? []).map((c) => c.functionArn)),
                [arnOf("fc3-hello"), arnOf("fc3-hello"), arnOf("fc3-zero")],
            );
        });
    });

    describe("faults, throttling and the request log", () => {
        it("a fault on the second page of a list: the SDK sees it, and the same token then resumes the list", async () => {
            s.fc.store.fc3.putFunctionWithQualifiers("paged", 5, { config: (_q, i) => ({ maxAsyncEventAgeInSeconds: i + 1 }) });
            s.fc.addFault({ fault: { kind: "status", status: 503 }, queryHas: "nextToken", times: 1 });
            const client = fc3Client(s.fc);
            const first = (await fc3List(client, { functionName: "paged", limit: 2 })).body;
            const token = first?.nextToken ?? assert.fail("no token");
            const fault = await rejection(fc3List(client, { functionName: "paged", limit: 2, nextToken: token }), ServerError);
            assert.equal(fault.statusCode, 503);
            assert.equal(fault.code, "ResourceThrottled", "a status fault on an FC 3.0 path is POP style by default");
            const second = (await fc3List(client, { functionName: "paged", limit: 2, nextToken: token })).body;
            assert.deepEqual(
                second?.configs?.map((c) => c.maxAsyncEventAgeInSeconds),
                [3, 4],
            );
            const faulted = s.fc.requests.filter((r) => r.fault !== undefined);
            assert.equal(faulted.length, 1);
            assert.deepEqual([faulted[0].path, faulted[0].query["nextToken"], faulted[0].status], ["/2023-03-30/async-invoke-configs", token, 503]);
        });

        it("throttles FC 3.0 paths with 429 ResourceExhausted in POP style", async () => {
            s.fc.setRateLimit({ requestsPerSecond: 0.01, burst: 1, retryAfterSeconds: 3 });
            const client = fc3Client(s.fc);
            assert.equal((await fc3Get(client, "fc3-hello")).statusCode, 200);
            await fc3Error(fc3Get(client, "fc3-hello"), 429, "ResourceExhausted");
        });

        it("records FC 3.0 requests with path, decoded query, status, error code and request id", async () => {
            const client = fc3Client(s.fc);
            const ok = await fc3Get(client, "fc3-hello", "prod");
            await fc3Error(fc3Get(client, "fc3-idle"), 404, "AsyncConfigNotExists");
            await fc3List(client, { functionName: "fc3-hello", limit: 1 });
            assert.deepEqual(
                s.fc.requests.map((r) => [r.method, r.path, { ...r.query }, r.status, r.errorCode]),
                [
                    ["GET", "/2023-03-30/functions/fc3-hello/async-invoke-config", { qualifier: "prod" }, 200, undefined],
                    ["GET", "/2023-03-30/functions/fc3-idle/async-invoke-config", {}, 404, "AsyncConfigNotExists"],
                    ["GET", "/2023-03-30/async-invoke-configs", { functionName: "fc3-hello", limit: "1" }, 200, undefined],
                ],
            );
            assert.equal(s.fc.requests[0].requestId, ok.headers?.["x-fc-request-id"]);
            assert.equal(s.fc.requests[0].accessKeyId, s.fc.accessKeyId);
        });
    });
});
