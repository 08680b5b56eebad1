// The STS stand-in and its tie to the FC stand-in, driven in process by the real @alicloud/sts20150401
// SDK (given the test CA directly: the SDK takes one) and the real FC SDK: signatures verified, STS's
// error shapes, temporary credentials that FC accepts with their token and refuses once expired by the
// shared clock. Role assumption by @alicloud/credentials, which needs NODE_EXTRA_CA_CERTS, runs in a child
// process (roleAssumption.test.ts); its v1 signature is checked here through the verifier's own vector.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import Credential, { Config as CredentialConfig } from "@alicloud/credentials";
import FC, * as $FC from "@alicloud/fc-open20210406";
import * as $OpenApi from "@alicloud/openapi-client";
import Sts, { AssumeRoleWithOIDCRequest } from "@alicloud/sts20150401";
import * as $Util from "@alicloud/tea-util";
import { DEFAULT_ACCOUNT_ID } from "../../provider/emulator";
import type { IssuedCredential } from "./index";
import { signV1, stringToSignV1, verifyV1 } from "./signatureV1";
import { OIDC_PROVIDER, OIDC_TOKEN, READER_ROLE, ROLE_ACCOUNT_ID, type StandIns, startStandIns } from "../support/standIns";
import { rejection } from "../support/rejection";

/** A failed SDK call, with what the STS SDK attaches. */
type StsError = Error & { code?: string; statusCode?: number; requestId?: string; data?: Record<string, unknown> };

function stsClient(s: StandIns, key?: { accessKeyId: string; accessKeySecret: string; securityToken?: string }): Sts {
    const credential =
        key === undefined ? undefined : new Credential(new CredentialConfig({ type: key.securityToken === undefined ? "access_key" : "sts", ...key }));
    return new Sts(new $OpenApi.Config({ credential, endpoint: s.sts.host, protocol: "https", ca: fs.readFileSync(s.certificate.caFile, "utf8") }));
}

/** The FC SDK reading hello@LATEST with a key, as the provider would. */
function readHello(
    s: StandIns,
    key: IssuedCredential | { accessKeyId: string; accessKeySecret: string; securityToken?: string },
    accountId: string,
): Promise<unknown> {
    const client = new FC(new $OpenApi.Config({ ...key, endpoint: s.fc.host, protocol: "http" }));
    return client.getFunctionAsyncInvokeConfigWithOptions(
        "demo-service",
        "hello",
        new $FC.GetFunctionAsyncInvokeConfigRequest({ qualifier: "LATEST" }),
        new $FC.GetFunctionAsyncInvokeConfigHeaders({ xFcAccountId: accountId }),
        new $Util.RuntimeOptions({ autoretry: false }),
    );
}

describe("STS stand-in", () => {
    let s: StandIns;
    beforeEach(async () => {
        s = await startStandIns();
    });
    afterEach(async () => {
        await s.close();
    });

    it("answers GetCallerIdentity to an ACS3-signed SDK call with the key's account", async () => {
        const { body } = await stsClient(s, s.fc).getCallerIdentity();
        assert.equal(body?.accountId, DEFAULT_ACCOUNT_ID);
        assert.equal(body?.identityType, "RAMUser");
        assert.deepEqual(
            s.sts.requests.map((r) => [r.action, r.signature, r.accessKeyId, r.status]),
            [["GetCallerIdentity", "ACS3", s.fc.accessKeyId, 200]],
        );
    });

    it("refuses a wrong secret with 400 SignatureDoesNotMatch and an unknown key with 404, in STS's error shape with its request id", async () => {
        const wrong = (await rejection(
            stsClient(s, { accessKeyId: s.fc.accessKeyId, accessKeySecret: "wrong-secret" }).getCallerIdentity(),
            Error,
        )) as StsError;
        assert.equal(wrong.code, "SignatureDoesNotMatch");
        assert.equal(wrong.statusCode, 400);
        assert.deepEqual(Object.keys(wrong.data ?? {}).sort(), ["Code", "HostId", "Message", "Recommend", "RequestId"].sort());
        assert.equal(wrong.requestId, s.sts.requests[0].requestId);
        const unknown = (await rejection(stsClient(s, { accessKeyId: "LTAI5tNobody", accessKeySecret: "x" }).getCallerIdentity(), Error)) as StsError;
        assert.equal(unknown.code, "InvalidAccessKeyId.NotFound");
        assert.equal(unknown.statusCode, 404);
    });

    it("issues temporary credentials for the OIDC provider's token (unsigned call), refuses any other token, a trailing newline included", async () => {
        const request = (token: string): AssumeRoleWithOIDCRequest =>
            new AssumeRoleWithOIDCRequest({
                OIDCProviderArn: OIDC_PROVIDER,
                roleArn: READER_ROLE,
                OIDCToken: token,
                roleSessionName: "test-session",
                durationSeconds: 900,
            });
        const { body } = await stsClient(s).assumeRoleWithOIDC(request(OIDC_TOKEN));
        assert.match(body?.credentials?.accessKeyId ?? "", /^STS\./);
        assert.equal(body?.credentials?.expiration, new Date(s.sts.issued[0].expiresAt).toISOString().replace(/\.000Z$/, "Z"));
        const refused = (await rejection(stsClient(s).assumeRoleWithOIDC(request(`${OIDC_TOKEN}\n`)), Error)) as StsError;
        assert.equal(refused.code, "AuthenticationFail.OIDCToken.Invalid");
        assert.deepEqual(
            s.sts.requests.map((r) => [r.action, r.signature, r.status]),
            [
                ["AssumeRoleWithOIDC", "none", 200],
                ["AssumeRoleWithOIDC", "none", 400],
            ],
        );
    });

    it("FC accepts the issued key with its token, for the role's account, and refuses it without the token or once the clock passes its expiration", async () => {
        const { body } = await stsClient(s).assumeRoleWithOIDC(
            new AssumeRoleWithOIDCRequest({
                OIDCProviderArn: OIDC_PROVIDER,
                roleArn: READER_ROLE,
                OIDCToken: OIDC_TOKEN,
                roleSessionName: "test-session",
                durationSeconds: 900,
            }),
        );
        const issued = s.sts.issued[0];
        assert.equal(body?.credentials?.securityToken, issued.securityToken);
        await readHello(s, issued, ROLE_ACCOUNT_ID);
        const noToken = (await rejection(
            readHello(s, { accessKeyId: issued.accessKeyId, accessKeySecret: issued.accessKeySecret }, ROLE_ACCOUNT_ID),
            Error,
        )) as StsError;
        assert.equal(noToken.data?.ErrorCode, "InvalidSecurityToken");
        s.clock.advance(issued.expiresAt - s.clock.now() - 1);
        await readHello(s, issued, ROLE_ACCOUNT_ID);
        s.clock.advance(1);
        const expired = (await rejection(readHello(s, issued, ROLE_ACCOUNT_ID), Error)) as StsError;
        assert.equal(expired.data?.ErrorCode, "InvalidSecurityToken.Expired");
        assert.deepEqual(
            s.fc.requests.map((r) => [r.accessKeyId, r.securityToken === issued.securityToken, r.status]),
            [
                [issued.accessKeyId, true, 200],
                [issued.accessKeyId, false, 403],
                [issued.accessKeyId, true, 200],
                [issued.accessKeyId, true, 403],
            ],
        );
        // STS refuses an expired key too.
        const stale = (await rejection(stsClient(s, issued).getCallerIdentity(), Error)) as StsError;
        assert.equal(stale.code, "InvalidSecurityToken.Expired");
    });

    it("verifies the v1 signature over query and form together, and quotes its string to sign on a mismatch", () => {
        const params = {
            AccessKeyId: s.fc.accessKeyId,
            Action: "AssumeRole",
            SignatureMethod: "HMAC-SHA1",
            SignatureVersion: "1.0",
            SignatureNonce: "n1",
            Timestamp: "2026-01-01T00:00:00Z",
            RoleArn: READER_ROLE,
            RoleSessionName: "a b*c~",
        };
        // The documented construction: encoded sorted pairs, `+`→%20, `*`→%2A, `~` kept, then the whole encoded again.
        assert.equal(
            stringToSignV1("POST", params),
            "POST&%2F&AccessKeyId%3DLTAI5tEmulatorAccessKey%26Action%3DAssumeRole%26RoleArn%3Dacs%253Aram%253A%253A5555555555555555%253Arole%252Ffc-reader%26RoleSessionName%3Da%2520b%252Ac~%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dn1%26SignatureVersion%3D1.0%26Timestamp%3D2026-01-01T00%253A00%253A00Z",
        );
        const lookup = (id: string) => (id === s.fc.accessKeyId ? s.fc : undefined);
        const signed = { ...params, Signature: signV1("POST", params, s.fc.accessKeySecret) };
        assert.equal(verifyV1("POST", signed, lookup, Date.now()), s.fc);
        assert.throws(
            () => verifyV1("POST", { ...signed, RoleSessionName: "other" }, lookup, Date.now()),
            (err: { code?: string; message?: string }) =>
                err.code === "SignatureDoesNotMatch" && err.message?.endsWith(stringToSignV1("POST", { ...params, RoleSessionName: "other" })) === true,
        );
    });
});
