// Tests of the FC emulator, driven through the real SDK (@alicloud/fc-open20210406 on
// @alicloud/openapi-client), so the emulator is held to what the SDK sends and expects. Raw node:http
// requests are used where the SDK hides the wire (headers it drops, bodies it cannot parse, tampering).
//
// FC-style error bodies ({ErrorCode, ErrorMessage}) are not understood by the SDK: it throws with
// err.code "undefined" and puts the body (plus statusCode) in err.data. The assertions read err.data.
//
// This file: the request log, faults and the rate limit.

import * as assert from "node:assert/strict";

import * as $FC from "@alicloud/fc-open20210406";

import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCOUNT_ID, startFcEmulator } from "../../provider/emulator";
import { rejection } from "../support/rejection";
import { captureSdkRequest, defaultKeys, fcError, get, raw, replay, sdk, type SdkError, useEmulator } from "./testClients";

describe("fc-emulator", () => {
    const emulator = useEmulator();
    describe("request log", () => {
        it("records method, path, decoded query, account, trace id, key, status, error code and request id", async () => {
            const before = Date.now();
            const res = await get(emulator.client, "hello", { qualifier: "prod", traceId: "trace-abc" });
            await fcError(get(emulator.client, "worker", { accountId: null }), 404, "AsyncConfigNotExists");
            const after = Date.now();
            assert.equal(emulator.fc.requests.length, 2);
            const [first, second] = emulator.fc.requests;
            assert.equal(first.requestId, res.headers["x-fc-request-id"]);
            assert.ok(first.at >= before && first.at <= after);
            assert.deepEqual(
                { ...first, at: 0 },
                {
                    method: "GET",
                    path: "/2021-04-06/services/demo-service/functions/hello/async-invoke-config",
                    query: { qualifier: "prod" },
                    accountId: DEFAULT_ACCOUNT_ID,
                    traceId: "trace-abc",
                    accessKeyId: DEFAULT_ACCESS_KEY_ID,
                    status: 200,
                    requestId: first.requestId,
                    at: 0,
                },
            );
            assert.equal(second.status, 404);
            assert.equal(second.errorCode, "AsyncConfigNotExists");
            assert.equal(second.accountId, undefined);
            assert.deepEqual(second.query, {});
            assert.notEqual(first.requestId, second.requestId);

            emulator.fc.resetLog();
            assert.equal(emulator.fc.requests.length, 0);
            assert.equal(emulator.fc.maxInFlight(), 0);
        });

        it("puts a unique X-Fc-Request-Id on every response, errors and faults included", async () => {
            const captured = await captureSdkRequest(defaultKeys(), (c) => get(c, "hello"));
            emulator.fc.addFault({ fault: { kind: "status", status: 502, style: "html" }, times: 1, pathIncludes: "/fault-me" });
            emulator.fc.addFault({ fault: { kind: "brokenBody" }, times: 1, pathIncludes: "/broken" });
            const responses = [
                await replay(emulator.fc, captured),
                await raw(emulator.fc, { method: "GET", path: "/2021-04-06/services/demo-service/functions/hello/async-invoke-config" }),
                await raw(emulator.fc, { method: "GET", path: "/fault-me" }),
                await raw(emulator.fc, { method: "GET", path: "/broken" }),
                await raw(emulator.fc, { method: "PATCH", path: "/" }),
            ];
            assert.deepEqual(
                responses.map((r) => r.status),
                [200, 403, 502, 200, 403],
            );
            const ids = responses.map((r) => r.headers["x-fc-request-id"]);
            for (const id of ids) {
                assert.match(String(id), /^[0-9a-f-]{36}$/);
            }
            assert.equal(new Set(ids).size, ids.length);
            assert.deepEqual(
                emulator.fc.requests.map((r) => r.requestId),
                ids,
            );

            const del = await emulator.client.deleteFunctionAsyncInvokeConfig("demo-service", "hello", new $FC.DeleteFunctionAsyncInvokeConfigRequest({}));
            assert.match(String(del.headers["x-fc-request-id"]), /^[0-9a-f-]{36}$/);
        });
    });

    describe("faults", () => {
        it("answers a status fault N times, only on matching requests, then recovers", async () => {
            emulator.fc.addFault({
                fault: { kind: "status", status: 503, errorCode: "ResourceThrottled" },
                times: 2,
                method: "get",
                pathIncludes: "/functions/hello/",
            });
            assert.equal((await get(emulator.client, "zero")).statusCode, 200, "other paths are not affected");
            await fcError(get(emulator.client, "hello"), 503, "ResourceThrottled");
            await fcError(get(emulator.client, "hello"), 503, "ResourceThrottled");
            assert.equal((await get(emulator.client, "hello")).statusCode, 200);
            assert.deepEqual(
                emulator.fc.requests.map((r) => [r.status, r.errorCode]),
                [
                    [200, undefined],
                    [503, "ResourceThrottled"],
                    [503, "ResourceThrottled"],
                    [200, undefined],
                ],
            );
        });

        it("filters on method and keeps a rule without times forever, until cleared", async () => {
            emulator.fc.addFault({ fault: { kind: "status", status: 500 }, method: "PUT" });
            assert.equal((await get(emulator.client, "hello")).statusCode, 200);
            for (let i = 0; i < 3; i++) {
                await fcError(
                    emulator.client.putFunctionAsyncInvokeConfig("demo-service", "worker", new $FC.PutFunctionAsyncInvokeConfigRequest({})),
                    500,
                    "InternalServerError",
                );
            }
            emulator.fc.clearFaults();
            assert.equal(
                (await emulator.client.putFunctionAsyncInvokeConfig("demo-service", "worker", new $FC.PutFunctionAsyncInvokeConfigRequest({}))).statusCode,
                200,
            );
        });

        it("fires faults before the signature check", async () => {
            emulator.fc.addFault({ fault: { kind: "status", status: 429, errorCode: "ResourceExhausted", retryAfterSeconds: 3 }, times: 1 });
            const res = await raw(emulator.fc, { method: "GET", path: "/2021-04-06/services/demo-service/functions/hello/async-invoke-config" });
            assert.equal(res.status, 429);
            assert.equal(res.headers["retry-after"], "3");
            assert.equal((JSON.parse(res.body) as Record<string, string>)["ErrorCode"], "ResourceExhausted");
        });

        it("delays and then answers normally", async () => {
            emulator.fc.addFault({ fault: { kind: "delay", ms: 300 }, times: 1 });
            const started = performance.now();
            const res = await get(emulator.client, "hello");
            assert.ok(performance.now() - started >= 290, "the answer came before the delay");
            assert.equal(res.body.maxAsyncRetryAttempts, 3);
            const quick = performance.now();
            await get(emulator.client, "hello");
            assert.ok(performance.now() - quick < 290, "the delay was used up");
        });

        it("a delay beyond the SDK's read timeout surfaces as its timeout error, recorded as unanswered", async () => {
            emulator.fc.addFault({ fault: { kind: "delay", ms: 1500 }, times: 1 });
            const error = (await rejection(get(sdk(emulator.fc, {}, 200), "hello"), Error)) as SdkError;
            assert.equal(error.name, "RequestTimeoutError");
            // The emulator notices the caller leaving: the exchange ends without an answer.
            await emulator.fc.close();
            assert.deepEqual(
                emulator.fc.requests.map((r) => r.status),
                [0],
            );
        });

        it("reset surfaces as a socket error and is recorded with status 0", async () => {
            emulator.fc.addFault({ fault: { kind: "reset" }, times: 1 });
            const error = (await rejection(get(emulator.client, "hello"), Error)) as SdkError;
            assert.ok(error.code === "ECONNRESET" || /socket hang up/.test(error.message), `${String(error.code)} ${error.message}`);
            assert.equal(emulator.fc.requests.length, 1);
            assert.equal(emulator.fc.requests[0].status, 0);
            assert.equal((await get(emulator.client, "hello")).statusCode, 200, "the next request is answered");
        });

        it("brokenBody surfaces as a JSON parse error, with 200 and with an error status", async () => {
            emulator.fc.addFault({ fault: { kind: "brokenBody" }, times: 1 });
            const ok = (await rejection(get(emulator.client, "hello"), Error)) as SdkError;
            assert.ok(ok instanceof SyntaxError, `${ok.name}: ${ok.message}`);
            emulator.fc.addFault({ fault: { kind: "brokenBody", status: 500 }, times: 1 });
            const failed = (await rejection(get(emulator.client, "hello"), Error)) as SdkError;
            assert.ok(failed instanceof SyntaxError, `${failed.name}: ${failed.message}`);
            assert.deepEqual(
                emulator.fc.requests.map((r) => r.status),
                [200, 500],
            );
        });

        it("an HTML gateway page surfaces as a parse error; raw, it is text/html", async () => {
            emulator.fc.addFault({ fault: { kind: "status", status: 502, style: "html" }, times: 2 });
            const error = (await rejection(get(emulator.client, "hello"), Error)) as SdkError;
            assert.ok(error instanceof SyntaxError, `${error.name}: ${error.message}`);
            const res = await raw(emulator.fc, { method: "GET", path: "/anything" });
            assert.equal(res.status, 502);
            assert.equal(res.headers["content-type"], "text/html");
            assert.match(res.body, /<html>/);
        });

        it("a POP-style status fault is read by the SDK as err.code", async () => {
            emulator.fc.addFault({ fault: { kind: "status", status: 503, errorCode: "ServiceUnavailable", message: "try later", style: "pop" }, times: 1 });
            const error = (await rejection(get(emulator.client, "hello"), Error)) as SdkError;
            assert.equal(error.code, "ServiceUnavailable");
            assert.equal(error.statusCode, 503);
        });

        it("refuses nonsensical rules", () => {
            assert.throws(() => emulator.fc.addFault({ fault: { kind: "status", status: 42 } }), /status/);
            assert.throws(() => emulator.fc.addFault({ fault: { kind: "delay", ms: -1 } }), /delay/);
            assert.throws(() => emulator.fc.addFault({ fault: { kind: "reset" }, times: 0 }), /times/);
        });
    });

    describe("rate limit", () => {
        it("answers 429 ResourceExhausted with Retry-After beyond the burst, and lifts when removed", async () => {
            // A refill of one token per 100 s: nothing refills during the test, so the count is exact.
            emulator.fc.setRateLimit({ requestsPerSecond: 0.01, burst: 2, retryAfterSeconds: 7 });
            const captured = await captureSdkRequest(defaultKeys(), (c) => get(c, "hello"));
            assert.equal((await get(emulator.client, "hello")).statusCode, 200);
            assert.equal((await get(emulator.client, "hello")).statusCode, 200);
            await fcError(get(emulator.client, "hello"), 429, "ResourceExhausted");
            const res = await replay(emulator.fc, captured);
            assert.equal(res.status, 429);
            assert.equal(res.headers["retry-after"], "7");
            emulator.fc.setRateLimit(undefined);
            assert.equal((await get(emulator.client, "hello")).statusCode, 200);
        });

        it("leaves Retry-After out when no retryAfterSeconds is set (configured at start)", async () => {
            const limited = await startFcEmulator({ rateLimit: { requestsPerSecond: 0.01, burst: 1 } });
            try {
                assert.equal((await get(sdk(limited), "hello")).statusCode, 200);
                const res = await raw(limited, { method: "GET", path: "/" });
                assert.equal(res.status, 429);
                assert.equal(res.headers["retry-after"], undefined);
                assert.equal(limited.requests[1].errorCode, "ResourceExhausted");
            } finally {
                await limited.close();
            }
        });
    });
});
