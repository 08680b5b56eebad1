// Tests of the FC emulator, driven through the real SDK (@alicloud/fc-open20210406 on
// @alicloud/openapi-client), so the emulator is held to what the SDK sends and expects. Raw node:http
// requests are used where the SDK hides the wire (headers it drops, bodies it cannot parse, tampering).
//
// FC-style error bodies ({ErrorCode, ErrorMessage}) are not understood by the SDK: it throws with
// err.code "undefined" and puts the body (plus statusCode) in err.data. The assertions read err.data.

import * as assert from "node:assert/strict";
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import * as http from "node:http";
import * as path from "node:path";

import FC, * as $FC from "@alicloud/fc-open20210406";
import * as $OpenApi from "@alicloud/openapi-client";
import { RuntimeOptions } from "@alicloud/tea-util";

import {
    DEFAULT_ACCESS_KEY_ID,
    DEFAULT_ACCESS_KEY_SECRET,
    DEFAULT_ACCOUNT_ID,
    DEFAULT_REGION,
    type FcEmulator,
    SEED_TIME,
    sampleSeed,
    startFcEmulator,
} from "./fc-emulator";

// ---------------------------------------------------------------------------------------------------
// Helpers

/** The fields of the SDK's ResponseError (and of plain network errors) that the tests read. */
interface SdkError extends Error {
    code?: string;
    statusCode?: number;
    data?: Record<string, unknown>;
}

interface Keys {
    accessKeyId?: string;
    accessKeySecret?: string;
    securityToken?: string;
}

/** An SDK client pointed at the emulator, with the emulator's key unless told otherwise. */
function sdk(fc: FcEmulator, keys: Keys = {}, readTimeout?: number): FC {
    return sdkAt(
        fc.host,
        {
            accessKeyId: keys.accessKeyId ?? fc.accessKeyId,
            accessKeySecret: keys.accessKeySecret ?? fc.accessKeySecret,
            securityToken: keys.securityToken,
        },
        readTimeout,
    );
}

function sdkAt(host: string, keys: Keys, readTimeout?: number): FC {
    return new FC(
        new $OpenApi.Config({
            endpoint: host,
            protocol: "http",
            regionId: DEFAULT_REGION,
            accessKeyId: keys.accessKeyId,
            accessKeySecret: keys.accessKeySecret,
            securityToken: keys.securityToken,
            readTimeout,
        }),
    );
}

interface GetOptions {
    service?: string;
    qualifier?: string;
    /** X-Fc-Account-Id; `null` sends none. Default: the emulator's account. */
    accountId?: string | null;
    traceId?: string;
}

/** GetFunctionAsyncInvokeConfig in the WithOptions form, which sends X-Fc-Account-Id. */
function get(client: FC, fn: string, options: GetOptions = {}): Promise<$FC.GetFunctionAsyncInvokeConfigResponse> {
    return client.getFunctionAsyncInvokeConfigWithOptions(
        options.service ?? "demo-service",
        fn,
        new $FC.GetFunctionAsyncInvokeConfigRequest({ qualifier: options.qualifier }),
        new $FC.GetFunctionAsyncInvokeConfigHeaders({
            xFcAccountId: options.accountId === null ? undefined : (options.accountId ?? DEFAULT_ACCOUNT_ID),
            xFcTraceId: options.traceId,
        }),
        new RuntimeOptions({}),
    );
}

/** Awaits a promise that must reject, and returns the rejection. */
async function rejection(promise: Promise<unknown>): Promise<SdkError> {
    try {
        await promise;
    } catch (error) {
        assert.ok(error instanceof Error, `expected an Error, got ${String(error)}`);
        return error;
    }
    return assert.fail("expected the call to fail, it succeeded");
}

/** Awaits an SDK call that must fail with an FC-style error body of this status and code. */
async function fcError(promise: Promise<unknown>, status: number, code: string): Promise<SdkError> {
    const error = await rejection(promise);
    assert.equal(error.code, "undefined", `the SDK does not read FC-style bodies; got code ${String(error.code)}: ${error.message}`);
    assert.equal(error.data?.["statusCode"], status, `status of ${JSON.stringify(error.data)}`);
    assert.equal(error.data?.["ErrorCode"], code, `code of ${JSON.stringify(error.data)}`);
    assert.equal(typeof error.data?.["ErrorMessage"], "string");
    return error;
}

interface RawResponse {
    status: number;
    headers: http.IncomingHttpHeaders;
    body: string;
}

interface RawRequest {
    method: string;
    /** Path with query string. */
    path: string;
    headers?: http.OutgoingHttpHeaders;
    body?: Buffer | string;
}

/** One request over its own connection (no pooling, so nothing is left open). */
function raw(fc: FcEmulator, request: RawRequest): Promise<RawResponse> {
    const url = new URL(fc.endpoint);
    return new Promise((resolve, reject) => {
        const req = http.request(
            {
                host: url.hostname,
                port: Number(url.port),
                method: request.method,
                path: request.path,
                headers: request.headers,
                agent: false,
            },
            (res) => {
                const chunks: Buffer[] = [];
                res.on("data", (chunk: Buffer) => chunks.push(chunk));
                res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
                res.on("error", reject);
            },
        );
        req.on("error", reject);
        req.end(request.body);
    });
}

/** A request exactly as the SDK put it on the wire. */
interface Captured {
    method: string;
    url: string;
    headers: http.IncomingHttpHeaders;
    body: Buffer;
}

/**
 * Lets the SDK make one call against a throwaway server that records the request and answers `{}`.
 * Replaying the capture at the emulator then checks signature verification on bytes the SDK produced.
 */
async function captureSdkRequest(keys: Keys, call: (client: FC) => Promise<unknown>): Promise<Captured> {
    let captured: Captured | undefined;
    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () => {
            captured = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) };
            res.setHeader("Content-Type", "application/json");
            res.end("{}");
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    try {
        await call(sdkAt(`127.0.0.1:${port}`, keys));
    } finally {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    assert.ok(captured, "the SDK sent nothing");
    return captured;
}

/** Replays a capture (optionally altered) at the emulator. Hop-by-hop headers are rebuilt for the new body. */
function replay(fc: FcEmulator, captured: Captured, change: { path?: string; body?: Buffer; headers?: Record<string, string> } = {}): Promise<RawResponse> {
    const headers: http.OutgoingHttpHeaders = { ...captured.headers, ...change.headers };
    delete headers["connection"];
    delete headers["transfer-encoding"];
    delete headers["content-length"];
    const body = change.body ?? captured.body;
    headers["content-length"] = body.length;
    return raw(fc, { method: captured.method, path: change.path ?? captured.url, headers, body });
}

function defaultKeys(): Keys {
    return { accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET };
}

const HELLO_ON_SUCCESS = `acs:fc:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:services/demo-service/functions/on-success`;
const FAILED_QUEUE = `acs:mns:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:/queues/failed-events/messages`;

// ---------------------------------------------------------------------------------------------------

describe("fc-emulator", () => {
    let fc: FcEmulator;
    let client: FC;

    beforeEach(async () => {
        fc = await startFcEmulator();
        client = sdk(fc);
    });

    afterEach(async () => {
        await fc.close();
    });

    describe("values round-trip through the real SDK", () => {
        it("reads a config with both destinations (hello@LATEST)", async () => {
            const res = await get(client, "hello");
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
            const res = await get(client, "hello", { qualifier: "prod" });
            assert.equal(res.body.qualifier, "prod");
            assert.equal(res.body.destinationConfig?.onSuccess, undefined);
            assert.equal(res.body.destinationConfig?.onFailure?.destination, FAILED_QUEUE);
            assert.equal(res.body.maxAsyncEventAgeInSeconds, 3600);
            assert.equal(res.body.maxAsyncRetryAttempts, 1);
            assert.equal(res.body.statefulInvocation, false);
        });

        it("keeps 0 and false, and sends missing destinations as null on the wire (zero@LATEST)", async () => {
            const res = await get(client, "zero");
            assert.equal(res.body.maxAsyncRetryAttempts, 0);
            assert.equal(res.body.statefulInvocation, false);
            assert.equal(res.body.maxAsyncEventAgeInSeconds, 60);
            assert.equal(res.body.destinationConfig, undefined);

            // The SDK turns null into undefined; the wire itself must say null, 0 and false.
            const captured = await captureSdkRequest(defaultKeys(), (c) => get(c, "zero"));
            const wire = await replay(fc, captured);
            assert.equal(wire.status, 200);
            assert.equal(wire.headers["content-type"], "application/json");
            const body = JSON.parse(wire.body) as Record<string, unknown>;
            assert.equal(body["destinationConfig"], null);
            assert.equal(body["maxAsyncRetryAttempts"], 0);
            assert.equal(body["statefulInvocation"], false);

            const prod = JSON.parse((await replay(fc, await captureSdkRequest(defaultKeys(), (c) => get(c, "hello", { qualifier: "prod" })))).body) as {
                destinationConfig: Record<string, unknown>;
            };
            assert.equal(prod.destinationConfig["onSuccess"], null);
        });

        it("puts a new config and reads it back, 0/false/null included", async () => {
            const put = await client.putFunctionAsyncInvokeConfig(
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

            const res = await get(client, "worker");
            assert.deepEqual(res.body.toMap(), put.body.toMap());
            assert.equal(res.body.maxAsyncRetryAttempts, 0);
            assert.equal(res.body.statefulInvocation, false);
            assert.equal(res.body.destinationConfig?.onSuccess, undefined);
            assert.equal(fc.store.getAsyncConfig("demo-service", "worker")?.maxAsyncRetryAttempts, 0);
        });

        it("keeps createdTime and moves lastModifiedTime when a config is replaced", async () => {
            const put = await client.putFunctionAsyncInvokeConfig(
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
            const stored = fc.store.getAsyncConfig("demo-service", "hello");
            assert.equal(stored?.createdTime, SEED_TIME);
            assert.equal(stored?.maxAsyncRetryAttempts, 8);
        });

        it("refuses invalid PUT bodies with 400 InvalidArgument", async () => {
            const tooMany = await fcError(
                client.putFunctionAsyncInvokeConfig(
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
                client.putFunctionAsyncInvokeConfig(
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
            assert.equal(fc.store.getAsyncConfig("demo-service", "worker"), undefined, "nothing may be stored by a refused PUT");
        });

        it("refuses a body over 64 KiB with 400 EntityTooLarge, before anything else", async () => {
            const res = await raw(fc, {
                method: "PUT",
                path: "/2021-04-06/services/demo-service/functions/worker/async-invoke-config",
                headers: { "content-type": "application/json" },
                body: Buffer.alloc(70 * 1024, 0x20),
            });
            assert.equal(res.status, 400);
            assert.deepEqual(JSON.parse(res.body), { ErrorCode: "EntityTooLarge", ErrorMessage: "payload size exceeds maximum allowed size (65536 bytes)" });
        });

        it("deletes a config (204), after which it does not exist", async () => {
            const del = await client.deleteFunctionAsyncInvokeConfig(
                "demo-service",
                "hello",
                new $FC.DeleteFunctionAsyncInvokeConfigRequest({ qualifier: "prod" }),
            );
            assert.equal(del.statusCode, 204);
            await fcError(get(client, "hello", { qualifier: "prod" }), 404, "AsyncConfigNotExists");
            await fcError(
                client.deleteFunctionAsyncInvokeConfig("demo-service", "hello", new $FC.DeleteFunctionAsyncInvokeConfigRequest({ qualifier: "prod" })),
                404,
                "AsyncConfigNotExists",
            );
            // LATEST is untouched.
            assert.equal((await get(client, "hello")).statusCode, 200);
        });

        it("lists configs of a function in pages", async () => {
            const first = await client.listFunctionAsyncInvokeConfigs("demo-service", "hello", new $FC.ListFunctionAsyncInvokeConfigsRequest({ limit: 1 }));
            assert.equal(first.statusCode, 200);
            assert.deepEqual(
                first.body.configs?.map((c) => c.qualifier),
                ["LATEST"],
            );
            assert.equal(first.body.configs?.[0].maxAsyncRetryAttempts, 3);
            assert.ok(first.body.nextToken && !first.body.nextToken.includes("prod"), `nextToken is opaque: ${first.body.nextToken}`);
            const second = await client.listFunctionAsyncInvokeConfigs(
                "demo-service",
                "hello",
                new $FC.ListFunctionAsyncInvokeConfigsRequest({ limit: 1, nextToken: first.body.nextToken }),
            );
            assert.deepEqual(
                second.body.configs?.map((c) => c.qualifier),
                ["prod"],
            );
            assert.equal(second.body.nextToken, undefined);
            const all = await client.listFunctionAsyncInvokeConfigs("demo-service", "hello", new $FC.ListFunctionAsyncInvokeConfigsRequest({}));
            assert.deepEqual(
                all.body.configs?.map((c) => c.qualifier),
                ["LATEST", "prod"],
            );
            const none = await client.listFunctionAsyncInvokeConfigs("demo-service", "worker", new $FC.ListFunctionAsyncInvokeConfigsRequest({}));
            assert.deepEqual(none.body.configs, []);
            await fcError(
                client.listFunctionAsyncInvokeConfigs("demo-service", "nope", new $FC.ListFunctionAsyncInvokeConfigsRequest({})),
                404,
                "FunctionNotFound",
            );
            await fcError(
                client.listFunctionAsyncInvokeConfigs("demo-service", "hello", new $FC.ListFunctionAsyncInvokeConfigsRequest({ limit: 101 })),
                400,
                "InvalidArgument",
            );
        });

        it("serves what a test arranges through the store, and forgets what it deletes", async () => {
            fc.store.putFunction("other-service", "fresh");
            fc.store.putVersion("other-service", "5");
            fc.store.putAsyncConfig("other-service", "fresh", "5", { maxAsyncRetryAttempts: 2 });
            const res = await get(client, "fresh", { service: "other-service", qualifier: "5" });
            assert.equal(res.body.maxAsyncRetryAttempts, 2);
            assert.equal(res.body.service, "other-service");
            fc.store.deleteFunction("other-service", "fresh");
            await fcError(get(client, "fresh", { service: "other-service", qualifier: "5" }), 404, "FunctionNotFound");
            assert.throws(() => fc.store.putAsyncConfig("demo-service", "worker", "9", {}), /version '9'/);
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
            assert.equal(fc.store.getAsyncConfig("demo-service", "copy-target"), undefined);
        });
    });

    describe("404s in FC's order of checks", () => {
        it("ServiceNotFound comes first, even when the function and qualifier are missing too", async () => {
            const error = await fcError(get(client, "nope", { service: "no-such-service", qualifier: "99" }), 404, "ServiceNotFound");
            assert.equal(error.data?.["ErrorMessage"], "service 'no-such-service' does not exist");
        });

        it("FunctionNotFound before a missing version", async () => {
            await fcError(get(client, "nope", { qualifier: "99" }), 404, "FunctionNotFound");
        });

        it("VersionNotFound for a numeric qualifier that is not a version", async () => {
            const error = await fcError(get(client, "hello", { qualifier: "99" }), 404, "VersionNotFound");
            assert.equal(error.data?.["ErrorMessage"], "version '99' of service 'demo-service' does not exist");
        });

        it("AliasNotFound for a named qualifier that is not an alias", async () => {
            const error = await fcError(get(client, "hello", { qualifier: "staging" }), 404, "AliasNotFound");
            assert.equal(error.data?.["ErrorMessage"], "alias 'staging' of service 'demo-service' does not exist");
        });

        it("AsyncConfigNotExists when everything exists but the config", async () => {
            await fcError(get(client, "worker"), 404, "AsyncConfigNotExists");
            await fcError(get(client, "hello", { qualifier: "1" }), 404, "AsyncConfigNotExists");
            await fcError(get(client, "copy-target", { qualifier: "prod" }), 404, "AsyncConfigNotExists");
        });

        it("applies the same checks to PUT", async () => {
            await fcError(
                client.putFunctionAsyncInvokeConfig("demo-service", "hello", new $FC.PutFunctionAsyncInvokeConfigRequest({ qualifier: "3" })),
                404,
                "VersionNotFound",
            );
            await fcError(client.putFunctionAsyncInvokeConfig("nope", "hello", new $FC.PutFunctionAsyncInvokeConfigRequest({})), 404, "ServiceNotFound");
        });

        it("answers 400 PathNotSupported for unknown paths and wrong methods", async () => {
            const call = (method: string, pathname: string): Promise<unknown> =>
                client.callApi(
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

    describe("signature and identity", () => {
        it("accepts SDK signatures over awkward characters (the canonical form matches the SDK's)", async () => {
            // These pass signing and fail validation: 400, not 403, proves the canonical request matched.
            const oddQualifier = await fcError(get(client, "hello", { qualifier: "a b*!'()~+é/%" }), 400, "InvalidArgument");
            assert.match(String(oddQualifier.data?.["ErrorMessage"]), /qualifier 'a b\*!'\(\)~\+é\/%' is invalid/);
            await fcError(get(client, "h*é llo'(1)+~"), 400, "InvalidArgument");
            assert.equal(fc.requests.filter((r) => r.errorCode === "SignatureNotMatch").length, 0);
        });

        it("refuses a wrong secret with 403 SignatureNotMatch", async () => {
            await fcError(get(sdk(fc, { accessKeySecret: "not-the-secret" }), "hello"), 403, "SignatureNotMatch");
        });

        it("refuses an unknown key id with 403 InvalidAccessKeyID", async () => {
            const error = await fcError(get(sdk(fc, { accessKeyId: "LTAI5tSomebodyElse" }), "hello"), 403, "InvalidAccessKeyID");
            assert.equal(error.data?.["ErrorMessage"], "invalid access key ID 'LTAI5tSomebodyElse'");
        });

        it("never echoes the secret in an error", async () => {
            const error = await fcError(get(sdk(fc, { accessKeySecret: "wrong-secret-value" }), "hello"), 403, "SignatureNotMatch");
            const text = JSON.stringify(error.data);
            assert.ok(!text.includes(DEFAULT_ACCESS_KEY_SECRET) && !text.includes("wrong-secret-value"), text);
        });

        it("refuses a request without Authorization with 403 AccessDenied", async () => {
            const res = await raw(fc, { method: "GET", path: "/2021-04-06/services/demo-service/functions/hello/async-invoke-config" });
            assert.equal(res.status, 403);
            assert.deepEqual(JSON.parse(res.body), { ErrorCode: "AccessDenied", ErrorMessage: "required HTTP header Authorization was not specified" });
        });

        it("requires the STS token of a key that has one", async () => {
            const sts = await startFcEmulator({ credentials: [{ accessKeyId: "STS.EmulatorKey", accessKeySecret: "sts-secret", securityToken: "token-123" }] });
            try {
                assert.equal(sts.accessKeyId, "STS.EmulatorKey");
                const ok = await get(sdk(sts, { securityToken: "token-123" }), "hello");
                assert.equal(ok.statusCode, 200);
                await fcError(get(sdk(sts), "hello"), 403, "InvalidSecurityToken");
                await fcError(get(sdk(sts, { securityToken: "token-999" }), "hello"), 403, "InvalidSecurityToken");
                await fcError(get(sdk(fc, { securityToken: "token-123" }), "worker"), 404, "AsyncConfigNotExists");
            } finally {
                await sts.close();
            }
        });

        it("refuses an X-Fc-Account-Id that is not the key's account with 403 AccessDenied", async () => {
            await fcError(get(client, "hello", { accountId: "9999999999999999" }), 403, "AccessDenied");
            assert.equal((await get(client, "hello", { accountId: null })).statusCode, 200, "the header is optional");
            const multi = await startFcEmulator({
                credentials: [
                    { accessKeyId: "LTAI5tFirst", accessKeySecret: "s1" },
                    { accessKeyId: "LTAI5tSecond", accessKeySecret: "s2", accountId: "5555555555555555" },
                ],
            });
            try {
                assert.equal(
                    (await get(sdk(multi, { accessKeyId: "LTAI5tSecond", accessKeySecret: "s2" }), "hello", { accountId: "5555555555555555" })).statusCode,
                    200,
                );
                await fcError(get(sdk(multi, { accessKeyId: "LTAI5tSecond", accessKeySecret: "s2" }), "hello"), 403, "AccessDenied");
                assert.equal((await get(sdk(multi), "hello")).statusCode, 200);
            } finally {
                await multi.close();
            }
        });

        it("fails the signature of a replayed request whose query, path or body was changed", async () => {
            const captured = await captureSdkRequest(defaultKeys(), (c) => get(c, "hello", { qualifier: "LATEST" }));
            assert.match(
                String(captured.headers["authorization"]),
                /^ACS3-HMAC-SHA256 Credential=LTAI5tEmulatorAccessKey,SignedHeaders=host;.*,Signature=[0-9a-f]{64}$/,
            );

            const untouched = await replay(fc, captured);
            assert.equal(untouched.status, 200, `control replay must verify: ${untouched.body}`);

            const query = await replay(fc, captured, { path: captured.url.replace("qualifier=LATEST", "qualifier=prod") });
            assert.equal(query.status, 403);
            assert.equal((JSON.parse(query.body) as Record<string, string>)["ErrorCode"], "SignatureNotMatch");

            const extraParam = await replay(fc, captured, { path: `${captured.url}&limit=1` });
            assert.equal((JSON.parse(extraParam.body) as Record<string, string>)["ErrorCode"], "SignatureNotMatch");

            const pathChanged = await replay(fc, captured, { path: captured.url.replace("/functions/hello/", "/functions/zero/") });
            assert.equal(pathChanged.status, 403);
            assert.equal((JSON.parse(pathChanged.body) as Record<string, string>)["ErrorCode"], "SignatureNotMatch");

            const signedHeader = await replay(fc, captured, { headers: { "x-acs-action": "DeleteFunctionAsyncInvokeConfig" } });
            assert.equal((JSON.parse(signedHeader.body) as Record<string, string>)["ErrorCode"], "SignatureNotMatch");

            const unsignedAcsHeader = await replay(fc, captured, { headers: { "x-acs-extra": "1" } });
            assert.equal((JSON.parse(unsignedAcsHeader.body) as Record<string, string>)["ErrorCode"], "SignatureNotMatch");

            const put = await captureSdkRequest(defaultKeys(), (c) =>
                c.putFunctionAsyncInvokeConfig("demo-service", "worker", new $FC.PutFunctionAsyncInvokeConfigRequest({ maxAsyncRetryAttempts: 1 })),
            );
            const putOk = await replay(fc, put);
            assert.equal(putOk.status, 200, putOk.body);
            const bodyChanged = await replay(fc, put, {
                body: Buffer.from(put.body.toString().replace('"maxAsyncRetryAttempts":1', '"maxAsyncRetryAttempts":2')),
            });
            assert.equal(bodyChanged.status, 403);
            assert.equal((JSON.parse(bodyChanged.body) as Record<string, string>)["ErrorCode"], "SignatureNotMatch");
            assert.equal(fc.store.getAsyncConfig("demo-service", "worker")?.maxAsyncRetryAttempts, 1);
        });

        it("answers POP-style bodies when configured, which the SDK then reads as err.code", async () => {
            const pop = await startFcEmulator({ errorStyle: "pop" });
            try {
                const error = await rejection(get(sdk(pop), "hello", { service: "nope" }));
                assert.equal(error.code, "ServiceNotFound");
                assert.equal(error.statusCode, 404);
                const requestId = pop.requests[0].requestId;
                assert.equal(error.data?.["RequestId"], requestId);
                assert.ok(error.message.includes(requestId), error.message);
            } finally {
                await pop.close();
            }
        });
    });

    describe("request log", () => {
        it("records method, path, decoded query, account, trace id, key, status, error code and request id", async () => {
            const before = Date.now();
            const res = await get(client, "hello", { qualifier: "prod", traceId: "trace-abc" });
            await fcError(get(client, "worker", { accountId: null }), 404, "AsyncConfigNotExists");
            const after = Date.now();
            assert.equal(fc.requests.length, 2);
            const [first, second] = fc.requests;
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

            fc.resetLog();
            assert.equal(fc.requests.length, 0);
            assert.equal(fc.maxInFlight(), 0);
        });

        it("puts a unique X-Fc-Request-Id on every response, errors and faults included", async () => {
            const captured = await captureSdkRequest(defaultKeys(), (c) => get(c, "hello"));
            fc.addFault({ fault: { kind: "status", status: 502, style: "html" }, times: 1, pathIncludes: "/fault-me" });
            fc.addFault({ fault: { kind: "brokenBody" }, times: 1, pathIncludes: "/broken" });
            const responses = [
                await replay(fc, captured),
                await raw(fc, { method: "GET", path: "/2021-04-06/services/demo-service/functions/hello/async-invoke-config" }),
                await raw(fc, { method: "GET", path: "/fault-me" }),
                await raw(fc, { method: "GET", path: "/broken" }),
                await raw(fc, { method: "PATCH", path: "/" }),
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
                fc.requests.map((r) => r.requestId),
                ids,
            );

            const del = await client.deleteFunctionAsyncInvokeConfig("demo-service", "hello", new $FC.DeleteFunctionAsyncInvokeConfigRequest({}));
            assert.match(String(del.headers["x-fc-request-id"]), /^[0-9a-f-]{36}$/);
        });
    });

    describe("faults", () => {
        it("answers a status fault N times, only on matching requests, then recovers", async () => {
            fc.addFault({ fault: { kind: "status", status: 503, errorCode: "ResourceThrottled" }, times: 2, method: "get", pathIncludes: "/functions/hello/" });
            assert.equal((await get(client, "zero")).statusCode, 200, "other paths are not affected");
            await fcError(get(client, "hello"), 503, "ResourceThrottled");
            await fcError(get(client, "hello"), 503, "ResourceThrottled");
            assert.equal((await get(client, "hello")).statusCode, 200);
            assert.deepEqual(
                fc.requests.map((r) => [r.status, r.errorCode]),
                [
                    [200, undefined],
                    [503, "ResourceThrottled"],
                    [503, "ResourceThrottled"],
                    [200, undefined],
                ],
            );
        });

        it("filters on method and keeps a rule without times forever, until cleared", async () => {
            fc.addFault({ fault: { kind: "status", status: 500 }, method: "PUT" });
            assert.equal((await get(client, "hello")).statusCode, 200);
            for (let i = 0; i < 3; i++) {
                await fcError(
                    client.putFunctionAsyncInvokeConfig("demo-service", "worker", new $FC.PutFunctionAsyncInvokeConfigRequest({})),
                    500,
                    "InternalServerError",
                );
            }
            fc.clearFaults();
            assert.equal(
                (await client.putFunctionAsyncInvokeConfig("demo-service", "worker", new $FC.PutFunctionAsyncInvokeConfigRequest({}))).statusCode,
                200,
            );
        });

        it("fires faults before the signature check", async () => {
            fc.addFault({ fault: { kind: "status", status: 429, errorCode: "ResourceExhausted", retryAfterSeconds: 3 }, times: 1 });
            const res = await raw(fc, { method: "GET", path: "/2021-04-06/services/demo-service/functions/hello/async-invoke-config" });
            assert.equal(res.status, 429);
            assert.equal(res.headers["retry-after"], "3");
            assert.equal((JSON.parse(res.body) as Record<string, string>)["ErrorCode"], "ResourceExhausted");
        });

        it("delays and then answers normally", async () => {
            fc.addFault({ fault: { kind: "delay", ms: 300 }, times: 1 });
            const started = performance.now();
            const res = await get(client, "hello");
            assert.ok(performance.now() - started >= 290, "the answer came before the delay");
            assert.equal(res.body.maxAsyncRetryAttempts, 3);
            const quick = performance.now();
            await get(client, "hello");
            assert.ok(performance.now() - quick < 290, "the delay was used up");
        });

        it("a delay beyond the SDK's read timeout surfaces as its timeout error, recorded as unanswered", async () => {
            fc.addFault({ fault: { kind: "delay", ms: 1500 }, times: 1 });
            const error = await rejection(get(sdk(fc, {}, 200), "hello"));
            assert.equal(error.name, "RequestTimeoutError");
            // The emulator notices the caller leaving: the exchange ends without an answer.
            await fc.close();
            assert.deepEqual(
                fc.requests.map((r) => r.status),
                [0],
            );
        });

        it("reset surfaces as a socket error and is recorded with status 0", async () => {
            fc.addFault({ fault: { kind: "reset" }, times: 1 });
            const error = await rejection(get(client, "hello"));
            assert.ok(error.code === "ECONNRESET" || /socket hang up/.test(error.message), `${String(error.code)} ${error.message}`);
            assert.equal(fc.requests.length, 1);
            assert.equal(fc.requests[0].status, 0);
            assert.equal((await get(client, "hello")).statusCode, 200, "the next request is answered");
        });

        it("brokenBody surfaces as a JSON parse error, with 200 and with an error status", async () => {
            fc.addFault({ fault: { kind: "brokenBody" }, times: 1 });
            const ok = await rejection(get(client, "hello"));
            assert.ok(ok instanceof SyntaxError, `${ok.name}: ${ok.message}`);
            fc.addFault({ fault: { kind: "brokenBody", status: 500 }, times: 1 });
            const failed = await rejection(get(client, "hello"));
            assert.ok(failed instanceof SyntaxError, `${failed.name}: ${failed.message}`);
            assert.deepEqual(
                fc.requests.map((r) => r.status),
                [200, 500],
            );
        });

        it("an HTML gateway page surfaces as a parse error; raw, it is text/html", async () => {
            fc.addFault({ fault: { kind: "status", status: 502, style: "html" }, times: 2 });
            const error = await rejection(get(client, "hello"));
            assert.ok(error instanceof SyntaxError, `${error.name}: ${error.message}`);
            const res = await raw(fc, { method: "GET", path: "/anything" });
            assert.equal(res.status, 502);
            assert.equal(res.headers["content-type"], "text/html");
            assert.match(res.body, /<html>/);
        });

        it("a POP-style status fault is read by the SDK as err.code", async () => {
            fc.addFault({ fault: { kind: "status", status: 503, errorCode: "ServiceUnavailable", message: "try later", style: "pop" }, times: 1 });
            const error = await rejection(get(client, "hello"));
            assert.equal(error.code, "ServiceUnavailable");
            assert.equal(error.statusCode, 503);
        });

        it("refuses nonsensical rules", () => {
            assert.throws(() => fc.addFault({ fault: { kind: "status", status: 42 } }), /status/);
            assert.throws(() => fc.addFault({ fault: { kind: "delay", ms: -1 } }), /delay/);
            assert.throws(() => fc.addFault({ fault: { kind: "reset" }, times: 0 }), /times/);
        });
    });

    describe("rate limit", () => {
        it("answers 429 ResourceExhausted with Retry-After beyond the burst, and lifts when removed", async () => {
            // A refill of one token per 100 s: nothing refills during the test, so the count is exact.
            fc.setRateLimit({ requestsPerSecond: 0.01, burst: 2, retryAfterSeconds: 7 });
            const captured = await captureSdkRequest(defaultKeys(), (c) => get(c, "hello"));
            assert.equal((await get(client, "hello")).statusCode, 200);
            assert.equal((await get(client, "hello")).statusCode, 200);
            await fcError(get(client, "hello"), 429, "ResourceExhausted");
            const res = await replay(fc, captured);
            assert.equal(res.status, 429);
            assert.equal(res.headers["retry-after"], "7");
            fc.setRateLimit(undefined);
            assert.equal((await get(client, "hello")).statusCode, 200);
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

    describe("concurrency and lifecycle", () => {
        it("maxInFlight counts concurrent requests", async () => {
            await get(client, "hello");
            await get(client, "zero");
            assert.equal(fc.maxInFlight(), 1, "sequential requests never overlap");
            fc.resetLog();
            // Each request is held for 500 ms, far longer than it takes to send all five.
            fc.addFault({ fault: { kind: "delay", ms: 500 }, times: 5 });
            const results = await Promise.all([1, 2, 3, 4, 5].map(() => get(client, "hello")));
            assert.deepEqual(
                results.map((r) => r.statusCode),
                [200, 200, 200, 200, 200],
            );
            assert.equal(fc.maxInFlight(), 5);
            assert.equal(fc.requests.length, 5);
        });

        it("close() ends keep-alive connections, so it resolves at once and later calls are refused", async () => {
            // The SDK pools keep-alive sockets; without destroying them close() would wait for their timeout.
            await get(client, "hello");
            const started = performance.now();
            await fc.close();
            assert.ok(performance.now() - started < 1000, "close() waited for idle connections");
            // Refused, or reset when the SDK's pool still held the socket the emulator just destroyed.
            const error = await rejection(get(client, "hello"));
            assert.ok(error.code === "ECONNREFUSED" || error.code === "ECONNRESET", `${String(error.code)} ${error.message}`);
            assert.equal(fc.requests.length, 1, "nothing may be answered after close()");
            await fc.close(); // idempotent
        });

        it("refuses an empty credential list", async () => {
            await assert.rejects(startFcEmulator({ credentials: [] }), /credentials must not be empty/);
        });

        it("exposes the documented identity", () => {
            assert.equal(fc.accountId, DEFAULT_ACCOUNT_ID);
            assert.equal(fc.region, DEFAULT_REGION);
            assert.equal(fc.accessKeyId, DEFAULT_ACCESS_KEY_ID);
            assert.equal(fc.accessKeySecret, DEFAULT_ACCESS_KEY_SECRET);
            assert.match(fc.host, /^127\.0\.0\.1:\d+$/);
            assert.equal(fc.endpoint, `http://${fc.host}`);
        });
    });
});

describe("fc-emulator CLI (npm run emulator)", () => {
    let child: ChildProcessWithoutNullStreams | undefined;

    afterEach(() => {
        if (child !== undefined && child.exitCode === null && child.signalCode === null) {
            child.kill("SIGKILL");
        }
        child = undefined;
    });

    it("prints how to connect, logs each request without the secret, and stops on SIGTERM", async () => {
        const root = path.resolve(__dirname, "..");
        const proc = spawn(process.execPath, [require.resolve("ts-node/dist/bin.js"), "test/fc-emulator/main.ts"], {
            cwd: root,
            env: { ...process.env, PORT: "0" },
        });
        child = proc;
        let out = "";
        let err = "";
        const waiters: Array<{ pattern: RegExp; resolve: (m: RegExpMatchArray) => void }> = [];
        const check = (): void => {
            for (const waiter of [...waiters]) {
                const match = out.match(waiter.pattern);
                if (match !== null) {
                    waiters.splice(waiters.indexOf(waiter), 1);
                    waiter.resolve(match);
                }
            }
        };
        proc.stdout.on("data", (chunk: Buffer) => {
            out += chunk.toString("utf8");
            check();
        });
        proc.stderr.on("data", (chunk: Buffer) => {
            err += chunk.toString("utf8");
        });
        const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
        const waitFor = (pattern: RegExp): Promise<RegExpMatchArray> =>
            Promise.race([
                new Promise<RegExpMatchArray>((resolve) => {
                    waiters.push({ pattern, resolve });
                    check();
                }),
                exited.then((code) => assert.fail(`the CLI exited (${String(code)}) before printing ${pattern}: ${out}\n${err}`)),
            ]);

        const endpoint = (await waitFor(/endpoint\s+http:\/\/(127\.0\.0\.1:\d+)/))[1];
        assert.match(out, /LOCAL FAKE/);
        assert.ok(out.includes(`export ALIBABA_CLOUD_ACCESS_KEY_ID=${DEFAULT_ACCESS_KEY_ID}`));
        assert.ok(out.includes(`export ALIBABA_CLOUD_ACCESS_KEY_SECRET=${DEFAULT_ACCESS_KEY_SECRET}`));
        assert.ok(out.includes(DEFAULT_ACCOUNT_ID) && out.includes(DEFAULT_REGION));
        const banner = out;

        const res = await get(sdkAt(endpoint, defaultKeys()), "hello", { qualifier: "prod" });
        assert.equal(res.statusCode, 200);
        const line = (await waitFor(/GET \/2021-04-06\/services\/demo-service\/functions\/hello\/async-invoke-config\?qualifier=prod -> 200 .*\n/))[0];
        assert.ok(line.includes(String(res.headers["x-fc-request-id"])));
        assert.ok(!out.slice(banner.length).includes(DEFAULT_ACCESS_KEY_SECRET), "the request log must not contain the secret");

        proc.kill("SIGTERM");
        assert.equal(await exited, 0, err);
    });
});
