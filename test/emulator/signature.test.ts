// Tests of the FC emulator, driven through the real SDK (@alicloud/fc-open20210406 on
// @alicloud/openapi-client), so the emulator is held to what the SDK sends and expects. Raw node:http
// requests are used where the SDK hides the wire (headers it drops, bodies it cannot parse, tampering).
//
// FC-style error bodies ({ErrorCode, ErrorMessage}) are not understood by the SDK: it throws with
// err.code "undefined" and puts the body (plus statusCode) in err.data. The assertions read err.data.
//
// This file: signature and identity.

import * as assert from "node:assert/strict";

import * as $FC from "@alicloud/fc-open20210406";

import { DEFAULT_ACCESS_KEY_SECRET, startFcEmulator } from "../../provider/emulator";
import { rejection } from "../support/rejection";
import { captureSdkRequest, defaultKeys, fcError, get, raw, replay, sdk, type SdkError, useEmulator } from "./testClients";

describe("fc-emulator", () => {
    const emulator = useEmulator();
    describe("signature and identity", () => {
        it("accepts SDK signatures over awkward characters (the canonical form matches the SDK's)", async () => {
            // These pass signing and fail validation: 400, not 403, proves the canonical request matched.
            const oddQualifier = await fcError(get(emulator.client, "hello", { qualifier: "a b*!'()~+é/%" }), 400, "InvalidArgument");
            assert.match(String(oddQualifier.data?.["ErrorMessage"]), /qualifier 'a b\*!'\(\)~\+é\/%' is invalid/);
            await fcError(get(emulator.client, "h*é llo'(1)+~"), 400, "InvalidArgument");
            assert.equal(emulator.fc.requests.filter((r) => r.errorCode === "SignatureNotMatch").length, 0);
        });

        it("refuses a wrong secret with 403 SignatureNotMatch", async () => {
            await fcError(get(sdk(emulator.fc, { accessKeySecret: "not-the-secret" }), "hello"), 403, "SignatureNotMatch");
        });

        it("refuses an unknown key id with 403 InvalidAccessKeyID", async () => {
            const error = await fcError(get(sdk(emulator.fc, { accessKeyId: "LTAI5tSomebodyElse" }), "hello"), 403, "InvalidAccessKeyID");
            assert.equal(error.data?.["ErrorMessage"], "invalid access key ID 'LTAI5tSomebodyElse'");
        });

        it("never echoes the secret in an error", async () => {
            const error = await fcError(get(sdk(emulator.fc, { accessKeySecret: "wrong-secret-value" }), "hello"), 403, "SignatureNotMatch");
            const text = JSON.stringify(error.data);
            assert.ok(!text.includes(DEFAULT_ACCESS_KEY_SECRET) && !text.includes("wrong-secret-value"), text);
        });

        it("refuses a request without Authorization with 403 AccessDenied", async () => {
            const res = await raw(emulator.fc, { method: "GET", path: "/2021-04-06/services/demo-service/functions/hello/async-invoke-config" });
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
                await fcError(get(sdk(emulator.fc, { securityToken: "token-123" }), "worker"), 404, "AsyncConfigNotExists");
            } finally {
                await sts.close();
            }
        });

        it("refuses an X-Fc-Account-Id that is not the key's account with 403 AccessDenied", async () => {
            await fcError(get(emulator.client, "hello", { accountId: "9999999999999999" }), 403, "AccessDenied");
            assert.equal((await get(emulator.client, "hello", { accountId: null })).statusCode, 200, "the header is optional");
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

            const untouched = await replay(emulator.fc, captured);
            assert.equal(untouched.status, 200, `control replay must verify: ${untouched.body}`);

            const query = await replay(emulator.fc, captured, { path: captured.url.replace("qualifier=LATEST", "qualifier=prod") });
            assert.equal(query.status, 403);
            assert.equal((JSON.parse(query.body) as Record<string, string>)["ErrorCode"], "SignatureNotMatch");

            const extraParam = await replay(emulator.fc, captured, { path: `${captured.url}&limit=1` });
            assert.equal((JSON.parse(extraParam.body) as Record<string, string>)["ErrorCode"], "SignatureNotMatch");

            const pathChanged = await replay(emulator.fc, captured, { path: captured.url.replace("/functions/hello/", "/functions/zero/") });
            assert.equal(pathChanged.status, 403);
            assert.equal((JSON.parse(pathChanged.body) as Record<string, string>)["ErrorCode"], "SignatureNotMatch");

            const signedHeader = await replay(emulator.fc, captured, { headers: { "x-acs-action": "DeleteFunctionAsyncInvokeConfig" } });
            assert.equal((JSON.parse(signedHeader.body) as Record<string, string>)["ErrorCode"], "SignatureNotMatch");

            const unsignedAcsHeader = await replay(emulator.fc, captured, { headers: { "x-acs-extra": "1" } });
            assert.equal((JSON.parse(unsignedAcsHeader.body) as Record<string, string>)["ErrorCode"], "SignatureNotMatch");

            const put = await captureSdkRequest(defaultKeys(), (c) =>
                c.putFunctionAsyncInvokeConfig("demo-service", "worker", new $FC.PutFunctionAsyncInvokeConfigRequest({ maxAsyncRetryAttempts: 1 })),
            );
            const putOk = await replay(emulator.fc, put);
            assert.equal(putOk.status, 200, putOk.body);
            const bodyChanged = await replay(emulator.fc, put, {
                body: Buffer.from(put.body.toString().replace('"maxAsyncRetryAttempts":1', '"maxAsyncRetryAttempts":2')),
            });
            assert.equal(bodyChanged.status, 403);
            assert.equal((JSON.parse(bodyChanged.body) as Record<string, string>)["ErrorCode"], "SignatureNotMatch");
            assert.equal(emulator.fc.store.getAsyncConfig("demo-service", "worker")?.maxAsyncRetryAttempts, 1);
        });

        it("answers POP-style bodies when configured, which the SDK then reads as err.code", async () => {
            const pop = await startFcEmulator({ errorStyle: "pop" });
            try {
                const error = (await rejection(get(sdk(pop), "hello", { service: "nope" }), Error)) as SdkError;
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
});
