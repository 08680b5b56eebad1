// Answers that real networks produce and FC never sends: redirects from proxies and gateways, numbers
// JSON cannot hold, bodies that are not a config at all or a config without its time stamps, and POP
// error bodies whose RequestId differs from the X-Fc-Request-Id header. Each is played by the FC
// stand-in's `answer` fault to the real SDK over loopback, read through the in-process provider.

import * as assert from "node:assert/strict";

import { FcError } from "../../provider/errors";
import type { Fault } from "../../provider/emulator";
import { closedLog, useStandInProvider } from "../support/standInProvider";
import { rejection } from "../support/rejection";

/** A complete config as FC would send it for hello@LATEST: what a redirect's body pretends to be. */
const CONFIG_BODY = JSON.stringify({
    createdTime: "2020-09-10T02:45:02Z",
    lastModifiedTime: "2020-09-10T02:45:02Z",
    destinationConfig: { onSuccess: { destination: "acs:fc:cn-hangzhou:1:services/s/functions/f" } },
    maxAsyncEventAgeInSeconds: 300,
    maxAsyncRetryAttempts: 9,
    statefulInvocation: true,
});

/** A 200 answer with this JSON text as its body. */
function ok(body: string): Fault {
    return { kind: "answer", status: 200, headers: { "Content-Type": "application/json" }, body };
}

describe("hostile and broken answers", () => {
    const fcs = useStandInProvider();

    describe("redirects (3xx) are refused, never followed, retried or read as a config", () => {
        for (const status of [301, 302, 303, 307, 308]) {
            it(`a ${status} with a config-shaped JSON body and a Location is FcError Redirect naming ${status} and the Location's host`, async () => {
                const fc = await fcs.start();
                fc.addFault({
                    fault: {
                        kind: "answer",
                        status,
                        headers: { Location: "https://elsewhere.example.com:8443/steal?token=abc", "Content-Type": "application/json" },
                        body: CONFIG_BODY,
                    },
                });
                await fcs.configure(fc);
                const err = await rejection(fcs.read(fc, { functionName: "hello" }), FcError);
                const log = await closedLog(fc);
                assert.equal(log.length, 1, "sent once: a redirect is not retried, and not followed (the stand-in saw nothing else)");
                assert.equal(err.kind, "redirected");
                assert.equal(err.code, "Redirect");
                assert.equal(err.status, status);
                assert.equal(err.requestId, log[0].requestId);
                assert.ok(!err.retryable);
                assert.ok(err.message.startsWith(`Redirect (HTTP ${status}) while reading the async invoke config of function "hello"`), err.message);
                assert.ok(err.message.includes(`answered ${status}, a redirect to elsewhere.example.com:8443`), err.message);
                assert.ok(!err.message.includes("token=abc") && !err.message.includes("/steal"), "only the host is named, never the path or query");
            });
        }

        it("a relative Location names the endpoint itself; no Location says so", async () => {
            const fc = await fcs.start();
            fc.addFault({ fault: { kind: "answer", status: 302, headers: { Location: "/login" }, body: CONFIG_BODY }, times: 1 });
            fc.addFault({ fault: { kind: "answer", status: 307, body: CONFIG_BODY }, times: 1 });
            await fcs.configure(fc);
            const relative = await rejection(fcs.read(fc, { functionName: "hello" }), FcError);
            assert.ok(relative.message.includes(`a redirect to ${fc.host}`), relative.message);
            const bare = await rejection(fcs.read(fc, { functionName: "zero" }), FcError);
            assert.ok(bare.message.includes("answered 307, a redirect without a Location"), bare.message);
        });

        it("a 304 (no body) and a redirect whose body never arrives are refused the same way, at once", async () => {
            const fc = await fcs.start();
            fc.addFault({ fault: { kind: "answer", status: 304 }, times: 1 });
            fc.addFault({ fault: { kind: "stall", status: 307 }, times: 1 });
            await fcs.configure(fc, { "fcAsyncInvokeConfig:timeoutSeconds": "0.5" });
            const notModified = await rejection(fcs.read(fc, { functionName: "hello" }), FcError);
            const stalled = await rejection(fcs.read(fc, { functionName: "zero" }), FcError);
            assert.deepEqual([notModified.code, notModified.status, stalled.code, stalled.status], ["Redirect", 304, "Redirect", 307]);
            assert.deepEqual(
                (await closedLog(fc)).map((r) => r.fault),
                ["answer", "stall"],
                "one request each",
            );
        });
    });

    describe("numbers", () => {
        const outOfRange: Array<{ field: string; text: string }> = [
            { field: "maxAsyncEventAgeInSeconds", text: "1e309" },
            { field: "maxAsyncRetryAttempts", text: "-1e309" },
        ];
        for (const { field, text } of outOfRange) {
            it(`${field}: ${text} (infinite once parsed) is MalformedResponse naming the field, not an output`, async () => {
                const fc = await fcs.start();
                fc.addFault({ fault: ok(`{"createdTime":"2020-09-10T02:45:02Z","${field}":${text}}`) });
                await fcs.configure(fc);
                const err = await rejection(fcs.read(fc, { functionName: "hello" }), FcError);
                assert.equal(err.kind, "malformed-response");
                assert.equal(err.status, 200);
                assert.ok(err.message.includes(`(${field} must be a finite number, got one out of range)`), err.message);
                assert.equal((await closedLog(fc)).length, 1, "not retried");
            });
        }

        it("finite numbers pass through exactly as FC sent them, whatever their size or sign", async () => {
            const fc = await fcs.start();
            fc.addFault({ fault: ok('{"maxAsyncEventAgeInSeconds":1.7976931348623157e308,"maxAsyncRetryAttempts":-0.5}') });
            await fcs.configure(fc);
            const props = await fcs.read(fc, { functionName: "hello" });
            assert.equal(props.maxAsyncEventAgeInSeconds, Number.MAX_VALUE);
            assert.equal(props.maxAsyncRetryAttempts, -0.5);
        });
    });

    describe("which 200 bodies are a config", () => {
        it("a config without createdTime and lastModifiedTime is accepted: every field is optional", async () => {
            const fc = await fcs.start();
            fc.addFault({
                fault: ok(
                    JSON.stringify({
                        destinationConfig: { onFailure: { destination: "acs:mns:cn-hangzhou:1:/queues/q/messages" }, onSuccess: null },
                        function: "hello",
                        service: "demo-service",
                        qualifier: "LATEST",
                        maxAsyncEventAgeInSeconds: 300,
                        maxAsyncRetryAttempts: 0,
                        statefulInvocation: false,
                    }),
                ),
            });
            await fcs.configure(fc);
            const props = await fcs.read(fc, { functionName: "hello" });
            assert.deepEqual(
                { ...props, endpoint: undefined },
                {
                    serviceName: "demo-service",
                    functionName: "hello",
                    qualifier: "LATEST",
                    endpoint: undefined,
                    destinationConfig: { onFailure: { destination: "acs:mns:cn-hangzhou:1:/queues/q/messages" } },
                    maxAsyncEventAgeInSeconds: 300,
                    maxAsyncRetryAttempts: 0,
                    statefulInvocation: false,
                },
            );
            assert.ok(!("createdTime" in props) && !("lastModifiedTime" in props), "absent, not empty");
        });

        it("one documented field is enough", async () => {
            const fc = await fcs.start();
            fc.addFault({ fault: ok('{"statefulInvocation":true,"somethingNew":{"a":1}}') });
            await fcs.configure(fc);
            const props = await fcs.read(fc, { functionName: "hello" });
            assert.equal(props.statefulInvocation, true);
            assert.deepEqual(props.destinationConfig, {});
        });

        const refused: Array<{ name: string; fault: Fault; says: string }> = [
            { name: "{}", fault: ok("{}"), says: "the body has none of the documented fields (destinationConfig, createdTime, lastModifiedTime" },
            { name: "an object of unknown fields and nulls", fault: ok('{"ok":true,"createdTime":null}'), says: "the body has none of the documented fields" },
            { name: "an array", fault: ok('[{"createdTime":"2020-09-10T02:45:02Z"}]'), says: "the body must be an object, got an array" },
            { name: "null", fault: ok("null"), says: "the body is null" },
            { name: "a string", fault: ok('"createdTime"'), says: "the body must be an object, got a string" },
            { name: "an empty body", fault: ok(""), says: "the body is empty" },
            {
                name: "an HTML page",
                fault: { kind: "answer", status: 200, headers: { "Content-Type": "text/html" }, body: "<html><body>Sign in to continue</body></html>" },
                says: "the body is not JSON",
            },
            {
                name: "a wrongly typed service (documented, not an output)",
                fault: ok('{"createdTime":"2020-09-10T02:45:02Z","service":7}'),
                says: "service must be a string, got a number",
            },
        ];
        for (const { name, fault, says } of refused) {
            it(`${name} is MalformedResponse (${says}), not retried, the body not echoed`, async () => {
                const fc = await fcs.start();
                fc.addFault({ fault });
                await fcs.configure(fc);
                const err = await rejection(fcs.read(fc, { functionName: "hello" }), FcError);
                assert.equal(err.kind, "malformed-response");
                assert.equal(err.code, "MalformedResponse");
                assert.equal(err.status, 200);
                assert.ok(err.message.includes(`FC answered 200 but the body is not an async invoke config (${says}`), err.message);
                assert.ok(!err.message.includes("Sign in") && !err.message.includes("<html>"), err.message);
                assert.equal((await closedLog(fc)).length, 1, "not retried");
            });
        }
    });

    describe("request ids of POP-style error bodies", () => {
        it("keeps the body's RequestId beside a differing X-Fc-Request-Id header", async () => {
            const fc = await fcs.start();
            fc.addFault({
                fault: {
                    kind: "answer",
                    status: 400,
                    headers: { "Content-Type": "application/json", "X-Fc-Request-Id": "header-id-1" },
                    body: JSON.stringify({ Code: "InvalidParameter", Message: "bad qualifier", RequestId: "pop-id-2" }),
                },
            });
            await fcs.configure(fc);
            const err = await rejection(fcs.read(fc, { functionName: "hello" }), FcError);
            assert.equal(err.code, "InvalidParameter");
            assert.equal(err.requestId, "header-id-1");
            assert.equal(err.bodyRequestId, "pop-id-2");
            assert.ok(err.message.includes("(request id: header-id-1, RequestId in the body: pop-id-2, trace id: "), err.message);
        });

        it("uses the body's RequestId when there is no header, and names an id once when both agree", async () => {
            const fc = await fcs.start({ errorStyle: "pop" });
            fc.addFault({
                fault: {
                    kind: "answer",
                    status: 500,
                    headers: { "X-Fc-Request-Id": "" },
                    body: JSON.stringify({ Code: "InternalError", Message: "x", RequestId: "pop-only-3" }),
                },
                times: 1,
            });
            fc.addFault({ fault: { kind: "status", status: 400, errorCode: "InvalidArgument" }, times: 1 });
            await fcs.configure(fc, { "fcAsyncInvokeConfig:maxAttempts": "1" });
            const onlyBody = await rejection(fcs.read(fc, { functionName: "hello" }), FcError);
            assert.equal(onlyBody.requestId, "pop-only-3");
            assert.equal(onlyBody.bodyRequestId, undefined);
            // The stand-in's own POP body repeats its X-Fc-Request-Id.
            const agreeing = await rejection(fcs.read(fc, { functionName: "zero" }), FcError);
            const log = await closedLog(fc);
            assert.equal(agreeing.requestId, log[1].requestId);
            assert.equal(agreeing.bodyRequestId, undefined);
            assert.ok(!agreeing.message.includes("RequestId in the body"), agreeing.message);
        });
    });
});
