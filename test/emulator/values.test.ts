// Tests of the FC emulator, driven through the real SDK (@alicloud/fc-open20210406 on
// @alicloud/openapi-client), so the emulator is held to what the SDK sends and expects. Raw node:http
// requests are used where the SDK hides the wire (headers it drops, bodies it cannot parse, tampering).
//
// FC-style error bodies ({ErrorCode, ErrorMessage}) are not understood by the SDK: it throws with
// err.code "undefined" and puts the body (plus statusCode) in err.data. The assertions read err.data.
//
// This file: values round-trip through the real SDK, and 404s in FC's order of checks.

import * as assert from "node:assert/strict";

import * as $FC from "@alicloud/fc-open20210406";
import * as $OpenApi from "@alicloud/openapi-client";
import { RuntimeOptions } from "@alicloud/tea-util";

import { SEED_TIME, sampleSeed, startFcEmulator } from "../../provider/emulator";
import { captureSdkRequest, defaultKeys, FAILED_QUEUE, fcError, get, HELLO_ON_SUCCESS, raw, replay, sdk, useEmulator } from "./testClients";

describe("fc-emulator", () => {
    const emulator = useEmulator();
    describe("values round-trip through the real SDK", () => {
        it("reads a config with both destinations (hello@LATEST)", async () => {
            const res = await get(emulator.client, "hello");
            assert.equal(res.statusCode, 200);
            assert.deepEqual(res.body.toMap(), {
                createdTime: SEED_TIME,
                destinationConfig: { onSuccess: { destination: HELLO_ON_SUCCESS }, onFailure: { destination: FAILED_QUEUE } },
                function: "hello",
                lastModifiedTime: SEED_TIME,
                maxAsyncEventAgeInSeconds: 300,
                maxAsyncRetryAttempts: 3,
                qualifier: "LATEST",
                service: "demo-service",
                statefulInvocation: true,
            });
        });

        it("reads a config on an alias with only onFailure (hello@prod)", async () => {
            const res = await get(emulator.client, "hello", { qualifier: "prod" });
            assert.equal(res.body.qualifier, "prod");
            assert.equal(res.body.destinationConfig?.onSuccess, undefined);
            assert.equal(res.body.destinationConfig?.onFailure?.destination, FAILED_QUEUE);
            assert.equal(res.body.maxAsyncEventAgeInSeconds, 3600);
            assert.equal(res.body.maxAsyncRetryAttempts, 1);
            assert.equal(res.body.statefulInvocation, false);
        });

        it("keeps 0 and false, and sends missing destinations as null on the wire (zero@LATEST)", async () => {
            const res = await get(emulator.client, "zero");
            assert.equal(res.body.maxAsyncRetryAttempts, 0);
            assert.equal(res.body.statefulInvocation, false);
            assert.equal(res.body.maxAsyncEventAgeInSeconds, 60);
            assert.equal(res.body.destinationConfig, undefined);

            // The SDK turns null into undefined; the wire itself must say null, 0 and false.
            const captured = await captureSdkRequest(defaultKeys(), (c) => get(c, "zero"));
            const wire = await replay(emulator.fc, captured);
            assert.equal(wire.status, 200);
            assert.equal(wire.headers["content-type"], "application/json");
            const body = JSON.parse(wire.body) as Record<string, unknown>;
            assert.equal(body["destinationConfig"], null);
            assert.equal(body["maxAsyncRetryAttempts"], 0);
            assert.equal(body["statefulInvocation"], false);

            const prod = JSON.parse(
                (await replay(emulator.fc, await captureSdkRequest(defaultKeys(), (c) => get(c, "hello", { qualifier: "prod" })))).body,
            ) as {
                destinationConfig: Record<string, unknown>;
            };
            assert.equal(prod.destinationConfig["onSuccess"], null);
        });

        it("puts a new config and reads it back, 0/false/null included", async () => {
            const put = await emulator.client.putFunctionAsyncInvokeConfig(
                "demo-service",
                "worker",
                new $FC.PutFunctionAsyncInvokeConfigRequest({
                    qualifier: "LATEST",
                    destinationConfig: new $FC.DestinationConfig({ onFailure: new $FC.Destination({ destination: FAILED_QUEUE }) }),
                    maxAsyncEventAgeInSeconds: 1,
                    maxAsyncRetryAttempts: 0,
                    statefulInvocation: false,
                }),
            );
            assert.equal(put.statusCode, 200);
            assert.equal(put.body.function, "worker");
            assert.equal(put.body.createdTime, put.body.lastModifiedTime);
            assert.notEqual(put.body.createdTime, SEED_TIME);
            assert.match(put.body.createdTime ?? "", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

            const res = await get(emulator.client, "worker");
            assert.deepEqual(res.body.toMap(), put.body.toMap());
            assert.equal(res.body.maxAsyncRetryAttempts, 0);
            assert.equal(res.body.statefulInvocation, false);
            assert.equal(res.body.destinationConfig?.onSuccess, undefined);
            assert.equal(emulator.fc.store.getAsyncConfig("demo-service", "worker")?.maxAsyncRetryAttempts, 0);
        });

        it("keeps createdTime and moves lastModifiedTime when a config is replaced", async () => {
            const put = await emulator.client.putFunctionAsyncInvokeConfig(
                "demo-service",
                "hello",
                new $FC.PutFunctionAsyncInvokeConfigRequest({
                    maxAsyncRetryAttempts: 8,
                }),
            );
            assert.equal(put.body.createdTime, SEED_TIME);
            assert.notEqual(put.body.lastModifiedTime, SEED_TIME);
            // A PUT replaces the whole config: what was not sent is gone.
            assert.equal(put.body.destinationConfig, undefined);
            assert.equal(put.body.statefulInvocation, undefined);
            const stored = emulator.fc.store.getAsyncConfig("demo-service", "hello");
            assert.equal(stored?.createdTime, SEED_TIME);
            assert.equal(stored?.maxAsyncRetryAttempts, 8);
        });

        it("refuses invalid PUT bodies with 400 InvalidArgument", async () => {
            const tooMany = await fcError(
                emulator.client.putFunctionAsyncInvokeConfig(
                    "demo-service",
                    "worker",
                    new $FC.PutFunctionAsyncInvokeConfigRequest({
                        maxAsyncRetryAttempts: 9,
                    }),
                ),
                400,
                "InvalidArgument",
            );
            assert.match(String(tooMany.data?.["ErrorMessage"]), /maxAsyncRetryAttempts/);
            const notArn = await fcError(
                emulator.client.putFunctionAsyncInvokeConfig(
                    "demo-service",
                    "worker",
                    new $FC.PutFunctionAsyncInvokeConfigRequest({
                        destinationConfig: new $FC.DestinationConfig({ onSuccess: new $FC.Destination({ destination: "my-queue" }) }),
                    }),
                ),
                400,
                "InvalidArgument",
            );
            assert.match(String(notArn.data?.["ErrorMessage"]), /onSuccess/);
            assert.equal(emulator.fc.store.getAsyncConfig("demo-service", "worker"), undefined, "nothing may be stored by a refused PUT");
        });

        it("refuses a body over 64 KiB with 400 EntityTooLarge, before anything else", async () => {
            const res = await raw(emulator.fc, {
                method: "PUT",
                path: "/2021-04-06/services/demo-service/functions/worker/async-invoke-config",
                headers: { "content-type": "application/json" },
                body: Buffer.alloc(70 * 1024, 0x20),
            });
            assert.equal(res.status, 400);
            assert.deepEqual(JSON.parse(res.body), { ErrorCode: "EntityTooLarge", ErrorMessage: "payload size exceeds maximum allowed size (65536 bytes)" });
        });

        it("deletes a config (204), after which it does not exist", async () => {
            const del = await emulator.client.deleteFunctionAsyncInvokeConfig(
                "demo-service",
                "hello",
                new $FC.DeleteFunctionAsyncInvokeConfigRequest({ qualifier: "prod" }),
            );
            assert.equal(del.statusCode, 204);
            await fcError(get(emulator.client, "hello", { qualifier: "prod" }), 404, "AsyncConfigNotExists");
            await fcError(
                emulator.client.deleteFunctionAsyncInvokeConfig("demo-service", "hello", new $FC.DeleteFunctionAsyncInvokeConfigRequest({ qualifier: "prod" })),
                404,
                "AsyncConfigNotExists",
            );
            // LATEST is untouched.
            assert.equal((await get(emulator.client, "hello")).statusCode, 200);
        });

        it("lists configs of a function in pages", async () => {
            const first = await emulator.client.listFunctionAsyncInvokeConfigs(
                "demo-service",
                "hello",
                new $FC.ListFunctionAsyncInvokeConfigsRequest({ limit: 1 }),
            );
            assert.equal(first.statusCode, 200);
            assert.deepEqual(
                first.body.configs?.map((c) => c.qualifier),
                ["LATEST"],
            );
            assert.equal(first.body.configs?.[0].maxAsyncRetryAttempts, 3);
            assert.ok(first.body.nextToken && !first.body.nextToken.includes("prod"), `nextToken is opaque: ${first.body.nextToken}`);
            const second = await emulator.client.listFunctionAsyncInvokeConfigs(
                "demo-service",
                "hello",
                new $FC.ListFunctionAsyncInvokeConfigsRequest({ limit: 1, nextToken: first.body.nextToken }),
            );
            assert.deepEqual(
                second.body.configs?.map((c) => c.qualifier),
                ["prod"],
            );
            assert.equal(second.body.nextToken, undefined);
            const all = await emulator.client.listFunctionAsyncInvokeConfigs("demo-service", "hello", new $FC.ListFunctionAsyncInvokeConfigsRequest({}));
            assert.deepEqual(
                all.body.configs?.map((c) => c.qualifier),
                ["LATEST", "prod"],
            );
            const none = await emulator.client.listFunctionAsyncInvokeConfigs("demo-service", "worker", new $FC.ListFunctionAsyncInvokeConfigsRequest({}));
            assert.deepEqual(none.body.configs, []);
            await fcError(
                emulator.client.listFunctionAsyncInvokeConfigs("demo-service", "nope", new $FC.ListFunctionAsyncInvokeConfigsRequest({})),
                404,
                "FunctionNotFound",
            );
            await fcError(
                emulator.client.listFunctionAsyncInvokeConfigs("demo-service", "hello", new $FC.ListFunctionAsyncInvokeConfigsRequest({ limit: 101 })),
                400,
                "InvalidArgument",
            );
        });

        it("serves what a test arranges through the store, and forgets what it deletes", async () => {
            emulator.fc.store.putFunction("other-service", "fresh");
            emulator.fc.store.putVersion("other-service", "5");
            emulator.fc.store.putAsyncConfig("other-service", "fresh", "5", { maxAsyncRetryAttempts: 2 });
            const res = await get(emulator.client, "fresh", { service: "other-service", qualifier: "5" });
            assert.equal(res.body.maxAsyncRetryAttempts, 2);
            assert.equal(res.body.service, "other-service");
            emulator.fc.store.deleteFunction("other-service", "fresh");
            await fcError(get(emulator.client, "fresh", { service: "other-service", qualifier: "5" }), 404, "FunctionNotFound");
            assert.throws(() => emulator.fc.store.putAsyncConfig("demo-service", "worker", "9", {}), /version '9'/);
        });

        it("starts empty with seed: false, and the sample seed is the documented one", async () => {
            const empty = await startFcEmulator({ seed: false });
            try {
                await fcError(get(sdk(empty), "hello"), 404, "ServiceNotFound");
            } finally {
                await empty.close();
            }
            const service = sampleSeed.services[0];
            assert.equal(service.name, "demo-service");
            assert.deepEqual(service.functions, ["hello", "worker", "zero", "copy-target"]);
            assert.deepEqual(service.aliases, { prod: "1" });
            assert.equal(emulator.fc.store.getAsyncConfig("demo-service", "copy-target"), undefined);
        });
    });

    describe("404s in FC's order of checks", () => {
        it("ServiceNotFound comes first, even when the function and qualifier are missing too", async () => {
            const error = await fcError(get(emulator.client, "nope", { service: "no-such-service", qualifier: "99" }), 404, "ServiceNotFound");
            assert.equal(error.data?.["ErrorMessage"], "service 'no-such-service' does not exist");
        });

        it("FunctionNotFound before a missing version", async () => {
            await fcError(get(emulator.client, "nope", { qualifier: "99" }), 404, "FunctionNotFound");
        });

        it("VersionNotFound for a numeric qualifier that is not a version", async () => {
            const error = await fcError(get(emulator.client, "hello", { qualifier: "99" }), 404, "VersionNotFound");
            assert.equal(error.data?.["ErrorMessage"], "version '99' of service 'demo-service' does not exist");
        });

        it("AliasNotFound for a named qualifier that is not an alias", async () => {
            const error = await fcError(get(emulator.client, "hello", { qualifier: "staging" }), 404, "AliasNotFound");
            assert.equal(error.data?.["ErrorMessage"], "alias 'staging' of service 'demo-service' does not exist");
        });

        it("AsyncConfigNotExists when everything exists but the config", async () => {
            await fcError(get(emulator.client, "worker"), 404, "AsyncConfigNotExists");
            await fcError(get(emulator.client, "hello", { qualifier: "1" }), 404, "AsyncConfigNotExists");
            await fcError(get(emulator.client, "copy-target", { qualifier: "prod" }), 404, "AsyncConfigNotExists");
        });

        it("applies the same checks to PUT", async () => {
            await fcError(
                emulator.client.putFunctionAsyncInvokeConfig("demo-service", "hello", new $FC.PutFunctionAsyncInvokeConfigRequest({ qualifier: "3" })),
                404,
                "VersionNotFound",
            );
            await fcError(
                emulator.client.putFunctionAsyncInvokeConfig("nope", "hello", new $FC.PutFunctionAsyncInvokeConfigRequest({})),
                404,
                "ServiceNotFound",
            );
        });

        it("answers 400 PathNotSupported for unknown paths and wrong methods", async () => {
            const call = (method: string, pathname: string): Promise<unknown> =>
                emulator.client.callApi(
                    new $OpenApi.Params({
                        action: "Probe",
                        version: "2021-04-06",
                        protocol: "HTTP",
                        pathname,
                        method,
                        authType: "AK",
                        style: "ROA",
                        reqBodyType: "json",
                        bodyType: "json",
                    }),
                    new $OpenApi.OpenApiRequest({}),
                    new RuntimeOptions({}),
                );
            const unknown = await fcError(call("GET", "/2021-04-06/services/demo-service"), 400, "PathNotSupported");
            assert.equal(unknown.data?.["ErrorMessage"], "'GET' against '/2021-04-06/services/demo-service' is not supported");
            await fcError(call("POST", "/2021-04-06/services/demo-service/functions/hello/async-invoke-config"), 400, "PathNotSupported");
            await fcError(call("DELETE", "/2021-04-06/services/demo-service/functions/hello/async-invoke-configs"), 400, "PathNotSupported");
        });
    });
});
