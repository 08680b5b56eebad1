// The provider end to end in process, through test/support/providerSuite.ts: `configure` + `read` of
// provider/host/provider.ts driving the real @alicloud/fc-open20210406 SDK over loopback HTTP against
// the FC stand-in. Every test starts its own stand-in and closes it afterwards; the file ends with the
// suite's checks that no secret reached an output or an error and that only GETs were sent.
//
// Which failures are retried (network, timeouts, throttling, 5xx) within their bounds, and which are final at once.

import * as assert from "node:assert/strict";
import { FcError } from "../../provider/errors";
import { type Fault } from "../../provider/emulator";
import { checkSecretsAndWrites, configure, failure, logOf, read, rewritingProxy, start, useProviderSuite } from "../support/providerSuite";
import { SERVICE } from "../support/standInProvider";

describe("FC 2.0 single read: retries", () => {
    useProviderSuite();

    describe("transient failures are retried", () => {
        const transient: Array<{ name: string; fault: Fault; times: number; answered: number }> = [
            { name: "429 ResourceExhausted", fault: { kind: "status", status: 429 }, times: 2, answered: 429 },
            { name: "500 InternalServerError", fault: { kind: "status", status: 500 }, times: 2, answered: 500 },
            { name: "502 BadGateway", fault: { kind: "status", status: 502 }, times: 2, answered: 502 },
            { name: "an HTML 502 page from a gateway", fault: { kind: "status", status: 502, style: "html" }, times: 1, answered: 502 },
            { name: "503 ResourceThrottled", fault: { kind: "status", status: 503 }, times: 2, answered: 503 },
            { name: "a reset connection", fault: { kind: "reset" }, times: 2, answered: 0 },
            { name: "an answer slower than timeoutSeconds", fault: { kind: "delay", ms: 2000 }, times: 2, answered: 0 },
        ];
        for (const { name, fault, times, answered } of transient) {
            it(`${name}, ${times} time(s), then success: the read succeeds after ${times + 1} requests`, async () => {
                const fc = await start();
                fc.addFault({ fault, times });
                await configure(fc, { "fcAsyncInvokeConfig:timeoutSeconds": "0.3", "fcAsyncInvokeConfig:maxAttempts": "5" });
                const { props } = await read(fc, { functionName: "hello" });
                assert.equal(props.maxAsyncRetryAttempts, 3);
                const log = await logOf(fc);
                assert.deepEqual(
                    log.map((r) => r.status),
                    [...Array<number>(times).fill(answered), 200],
                );
                assert.equal(new Set(log.map((r) => r.traceId)).size, times + 1, "each attempt carries its own trace id");
            });
        }

        it("waits at least Retry-After between attempts, measured at the stand-in", async () => {
            const fc = await start();
            fc.addFault({ fault: { kind: "status", status: 429, retryAfterSeconds: 1 }, times: 1 });
            await configure(fc);
            await read(fc, { functionName: "hello" });
            const log = await logOf(fc);
            assert.deepEqual(
                log.map((r) => r.status),
                [429, 200],
            );
            const gap = log[1].at - log[0].at;
            assert.ok(gap >= 1000, `the retry came ${gap} ms after a Retry-After of 1 s`);
        });

        it("does not count throttled answers against maxAttempts: with maxAttempts 1, two 429s then success still succeeds", async () => {
            const fc = await start();
            fc.addFault({ fault: { kind: "status", status: 429 }, times: 2 });
            await configure(fc, { "fcAsyncInvokeConfig:maxAttempts": "1" });
            const result = await read(fc, { functionName: "hello" });
            assert.equal(result.props.maxAsyncRetryAttempts, 3);
            assert.deepEqual(
                (await logOf(fc)).map((r) => r.status),
                [429, 429, 200],
            );
        });

        it("pauses every lookup of the deployment when FC throttles one, instead of each retrying on its own", async () => {
            const fc = await start();
            for (let i = 0; i < 40; i++) {
                fc.store.putFunction(SERVICE, `gated-${i}`);
                fc.store.putAsyncConfig(SERVICE, `gated-${i}`, "LATEST", { maxAsyncRetryAttempts: 1 });
            }
            fc.setRateLimit({ requestsPerSecond: 20, burst: 4 });
            await configure(fc);
            const results = await Promise.all(Array.from({ length: 40 }, (_, i) => read(fc, { functionName: `gated-${i}` })));
            assert.equal(results.length, 40);
            const log = await logOf(fc);
            const throttled = log.filter((r) => r.status === 429).length;
            assert.equal(log.filter((r) => r.status === 200).length, 40);
            // Without the shared pause, every lookup over the burst keeps retrying on its own schedule and
            // draws a 429 each time (54-57 throttled answers here); with it, one throttled burst holds
            // everyone back (37-43).
            assert.ok(throttled <= 50, `${throttled} throttled answers for 40 lookups`);
        });

        const exhausted: Array<{ name: string; fault: Fault; kind: FcError["kind"]; code: string; status?: number }> = [
            { name: "429", fault: { kind: "status", status: 429 }, kind: "throttled", code: "ResourceExhausted", status: 429 },
            { name: "503 ResourceThrottled", fault: { kind: "status", status: 503 }, kind: "throttled", code: "ResourceThrottled", status: 503 },
            { name: "500", fault: { kind: "status", status: 500 }, kind: "server", code: "InternalServerError", status: 500 },
            { name: "502 from a gateway (HTML)", fault: { kind: "status", status: 502, style: "html" }, kind: "server", code: "HTTP502", status: 502 },
            { name: "reset", fault: { kind: "reset" }, kind: "network", code: "ECONNRESET" },
            { name: "timeout", fault: { kind: "delay", ms: 2000 }, kind: "network", code: "Timeout" },
        ];
        for (const { name, fault, kind, code, status } of exhausted) {
            // Throttled answers do not use up attempts (being over FC's rate says nothing about the request):
            // only the retry budget ends them.
            const bound = kind === "throttled" ? "retryBudgetSeconds" : "maxAttempts";
            it(`gives up on persistent ${name} after ${bound} with kind ${kind} and the attempt count`, async () => {
                const fc = await start();
                fc.addFault({ fault });
                const budget = kind === "throttled" ? "2.5" : "10";
                await configure(fc, {
                    "fcAsyncInvokeConfig:timeoutSeconds": "0.3",
                    "fcAsyncInvokeConfig:maxAttempts": "3",
                    "fcAsyncInvokeConfig:retryBudgetSeconds": budget,
                });
                const started = Date.now();
                const err = await failure(read(fc, { functionName: "hello" }), FcError);
                const elapsed = Date.now() - started;
                const log = await logOf(fc);
                if (kind === "throttled") {
                    assert.ok(log.length >= 2, `${log.length} attempts`);
                    assert.ok(elapsed < 2500 + 400, `took ${elapsed} ms with a 2.5 s budget`);
                } else {
                    assert.equal(log.length, 3);
                }
                assert.equal(err.kind, kind);
                assert.notEqual(err.kind, "not-found");
                assert.equal(err.code, code);
                assert.equal(err.status, status);
                assert.equal(err.attempts, log.length);
                assert.ok(err.retryable);
                assert.ok(err.message.includes(`attempts: ${log.length}`), err.message);
                if (status === undefined) {
                    assert.ok(err.message.includes("(no HTTP answer)"), err.message);
                    assert.ok(err.message.includes("request id: none"), err.message);
                } else {
                    assert.ok(err.message.includes(`(HTTP ${status})`), err.message);
                    assert.equal(err.requestId, log[log.length - 1].requestId, "the request id is the last answer's");
                }
            });
        }

        it("gives up at once when Retry-After is longer than the retry budget", async () => {
            const fc = await start();
            fc.addFault({ fault: { kind: "status", status: 429, retryAfterSeconds: 3 } });
            await configure(fc, { "fcAsyncInvokeConfig:maxAttempts": "5", "fcAsyncInvokeConfig:retryBudgetSeconds": "1" });
            const started = Date.now();
            const err = await failure(read(fc, { functionName: "hello" }), FcError);
            const elapsed = Date.now() - started;
            assert.equal(err.kind, "throttled");
            assert.equal(err.attempts, 1);
            assert.ok(elapsed < 1000, `waited ${elapsed} ms although the wait could never fit the budget`);
            assert.equal((await logOf(fc)).length, 1);
        });

        it("stops retrying within retryBudgetSeconds even when maxAttempts allows more", async () => {
            const fc = await start();
            fc.addFault({ fault: { kind: "status", status: 500 } });
            await configure(fc, { "fcAsyncInvokeConfig:maxAttempts": "20", "fcAsyncInvokeConfig:retryBudgetSeconds": "3" });
            const started = Date.now();
            const err = await failure(read(fc, { functionName: "hello" }), FcError);
            const elapsed = Date.now() - started;
            const log = await logOf(fc);
            assert.equal(err.kind, "server");
            assert.equal(err.attempts, log.length);
            // The first wait is at most 1 s, so a 3 s budget always allows a retry.
            assert.ok(log.length >= 2 && log.length < 20, `${log.length} attempts`);
            // Waits never add up past the budget; what is left is round trips and timer slack. Without the
            // budget, 19 retries backing off from 1 s towards 20 s would take minutes.
            assert.ok(elapsed < 3000 + 300, `took ${elapsed} ms with a 3 s budget`);
            assert.ok(log[log.length - 1].at - log[0].at < 3000, "an attempt started after the budget was spent");
        });

        it("cuts a retry's timeout to what is left of the budget, so a hanging FC costs the budget, not a full extra timeout", async () => {
            const fc = await start();
            fc.addFault({ fault: { kind: "delay", ms: 10_000 } });
            // After the first 2 s timeout, 1.5 s of budget are left: more than the longest first wait (1 s)
            // plus MIN_RETRY_MS, so a retry always starts, and it cannot run its full 2 s.
            await configure(fc, {
                "fcAsyncInvokeConfig:timeoutSeconds": "2",
                "fcAsyncInvokeConfig:maxAttempts": "5",
                "fcAsyncInvokeConfig:retryBudgetSeconds": "3.5",
            });
            const started = Date.now();
            const err = await failure(read(fc, { functionName: "hello" }), FcError);
            const elapsed = Date.now() - started;
            assert.equal(err.kind, "network");
            assert.equal(err.code, "Timeout");
            assert.ok(err.attempts >= 2, `${err.attempts} attempts`);
            // Uncut, the retry would run its full 2 s after the first attempt's 2 s: 4 s at the very least.
            assert.ok(elapsed < 3500 + 400, `took ${elapsed} ms with a 3.5 s budget and 2 s timeouts`);
        });
    });

    describe("failures that are final", () => {
        it("a 400 with an FC code is kind rejected and sent once", async () => {
            const fc = await start();
            fc.addFault({ fault: { kind: "status", status: 400, errorCode: "InvalidArgument", message: "qualifier is bad" } });
            await configure(fc);
            const err = await failure(read(fc, { functionName: "hello" }), FcError);
            assert.equal((await logOf(fc)).length, 1);
            assert.equal(err.kind, "rejected");
            assert.equal(err.code, "InvalidArgument");
            assert.equal(err.status, 400);
            assert.ok(!err.retryable);
            assert.ok(err.message.includes("InvalidArgument (HTTP 400)") && err.message.includes("FC said: qualifier is bad"), err.message);
        });

        it("a 404 whose code is not a not-found code (PathNotSupported) is rejected, not not-found, and hints at the endpoint", async () => {
            const fc = await start();
            fc.addFault({ fault: { kind: "status", status: 404, errorCode: "PathNotSupported" } });
            await configure(fc);
            const err = await failure(read(fc, { functionName: "hello" }), FcError);
            assert.equal((await logOf(fc)).length, 1);
            assert.equal(err.kind, "rejected");
            assert.ok(err.message.includes("check the endpoint"), err.message);
        });

        it("a 200 with a cut-off body is MalformedResponse with a clear message, sent once", async () => {
            const fc = await start();
            fc.addFault({ fault: { kind: "brokenBody" } });
            await configure(fc);
            const err = await failure(read(fc, { functionName: "hello" }), FcError);
            const log = await logOf(fc);
            assert.equal(log.length, 1);
            assert.equal(err.kind, "malformed-response");
            assert.equal(err.code, "MalformedResponse");
            assert.equal(err.status, 200);
            assert.equal(err.requestId, log[0].requestId);
            assert.ok(!err.retryable);
            assert.ok(err.message.startsWith("MalformedResponse (HTTP 200) while reading the async invoke config"), err.message);
            assert.ok(err.message.includes("FC answered 200 but the body is not an async invoke config"), err.message);
        });

        it("a 200 whose fields have the wrong shape is MalformedResponse", async () => {
            const fc = await start();
            const proxy = await rewritingProxy(fc, (body) => ({ ...body, destinationConfig: "acs:mns:somewhere" }));
            try {
                await configure(fc);
                const err = await failure(read(fc, { functionName: "hello", endpoint: proxy.endpoint }), FcError);
                assert.equal(err.kind, "malformed-response");
                assert.ok(err.message.includes("destinationConfig"), err.message);
            } finally {
                await proxy.close();
            }
            assert.equal((await logOf(fc)).length, 1);
        });

        const wrongTypes: Array<{ field: string; rewrite: (body: Record<string, unknown>) => unknown; says: string }> = [
            {
                field: "maxAsyncRetryAttempts",
                rewrite: (body) => ({ ...body, maxAsyncRetryAttempts: "3" }),
                says: "maxAsyncRetryAttempts must be a number, got a string",
            },
            {
                field: "statefulInvocation",
                rewrite: (body) => ({ ...body, statefulInvocation: 1 }),
                says: "statefulInvocation must be a boolean, got a number",
            },
            {
                field: "lastModifiedTime",
                rewrite: (body) => ({ ...body, lastModifiedTime: 1700000000 }),
                says: "lastModifiedTime must be a string, got a number",
            },
            {
                field: "maxAsyncEventAgeInSeconds",
                rewrite: (body) => ({ ...body, maxAsyncEventAgeInSeconds: { seconds: 300 } }),
                says: "maxAsyncEventAgeInSeconds must be a number, got an object",
            },
            {
                field: "destinationConfig.onFailure.destination",
                rewrite: (body) => ({ ...body, destinationConfig: { onFailure: { destination: ["acs:mns:x"] } } }),
                says: "destinationConfig.onFailure.destination must be a string, got an array",
            },
        ];
        for (const { field, rewrite, says } of wrongTypes) {
            it(`a 200 with ${field} of the wrong type is MalformedResponse naming it, not retried, the value not echoed`, async () => {
                const fc = await start();
                const proxy = await rewritingProxy(fc, rewrite);
                try {
                    await configure(fc);
                    const err = await failure(read(fc, { functionName: "hello", endpoint: proxy.endpoint }), FcError);
                    assert.equal(err.kind, "malformed-response");
                    assert.equal(err.status, 200);
                    assert.ok(err.message.includes(`not an async invoke config (${says})`), err.message);
                    assert.ok(!err.message.includes("acs:mns:x") && !err.message.includes("1700000000"), err.message);
                } finally {
                    await proxy.close();
                }
                assert.equal((await logOf(fc)).length, 1, "not retried");
            });
        }

        it("a 200 JSON object with none of the documented fields is MalformedResponse, not empty settings", async () => {
            const fc = await start();
            const proxy = await rewritingProxy(fc, () => ({ ok: true }));
            try {
                await configure(fc);
                const err = await failure(read(fc, { functionName: "hello", endpoint: proxy.endpoint }), FcError);
                assert.equal(err.kind, "malformed-response");
                assert.equal(err.status, 200);
                assert.ok(err.message.includes("the body has none of the documented fields (destinationConfig, createdTime, lastModifiedTime,"), err.message);
            } finally {
                await proxy.close();
            }
            assert.equal((await logOf(fc)).length, 1, "not retried");
        });
    });

    checkSecretsAndWrites();
});
