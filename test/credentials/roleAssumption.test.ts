// alicloud:assumeRole end to end: the provider in a child process (NODE_EXTRA_CA_CERTS set, as in the
// Pulumi provider host), @alicloud/credentials assuming the role at the STS stand-in over TLS, the
// account found by GetCallerIdentity, FC read with the role's temporary key and token. Time moves on the
// stand-ins' shared clock; nothing waits on a timer.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { useChildSuite } from "../support/childSuite";
import { type ChildError, type ProviderProcess, type ReadOutcome, succeeded } from "../support/providerProcess";
import { GUARDED_EXTERNAL_ID, GUARDED_ROLE, READER_ROLE, ROLE_ACCOUNT_ID, type StandIns } from "../support/standIns";

function failed(outcome: ReadOutcome): ChildError {
    assert.ok(!outcome.ok, "the read succeeded");
    return outcome.error;
}

describe("alicloud:assumeRole (through @alicloud/credentials, in a child process)", function () {
    this.timeout(120_000);
    let s: StandIns;
    let provider: ProviderProcess;
    useChildSuite((started) => ({ s, provider } = started));

    /** A stack like a @pulumi/alicloud one with a role to assume: region, the user's key, the role; STS pointed at the stand-in. */
    function stack(assumeRole: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
        return {
            "alicloud:region": "cn-hangzhou",
            "alicloud:accessKey": s.fc.accessKeyId,
            "alicloud:secretKey": s.fc.accessKeySecret,
            "alicloud:assumeRole": JSON.stringify(assumeRole),
            "alicloud:endpoints": JSON.stringify([{ sts: s.sts.host }]),
            ...extra,
        };
    }
    const hello = (): Record<string, unknown> => ({ serviceName: "demo-service", functionName: "hello", endpoint: s.fc.endpoint });

    it("reads through the role: FC sees the role's temporary key and token and the role's account, which GetCallerIdentity found; the user's key never reaches FC", async () => {
        await provider.configure(stack({ roleArn: READER_ROLE }));
        assert.equal(succeeded(await provider.read(hello())).maxAsyncRetryAttempts, 3);
        assert.deepEqual(
            s.sts.requests.map((r) => [r.action, r.signature, r.status]),
            [
                ["AssumeRole", "v1", 200],
                ["GetCallerIdentity", "ACS3", 200],
            ],
        );
        const assume = s.sts.requests[0];
        assert.equal(assume.accessKeyId, s.fc.accessKeyId, "the user's key signs AssumeRole");
        assert.deepEqual(
            [assume.params.RoleArn, assume.params.RoleSessionName, assume.params.DurationSeconds],
            [READER_ROLE, "pulumi-fc-async-invoke-config", "3600"],
        );
        const issued = s.sts.issued[s.sts.issued.length - 1];
        assert.equal(s.sts.requests[1].accessKeyId, issued.accessKeyId, "GetCallerIdentity asks as the role");
        assert.deepEqual(
            s.fc.requests.map((r) => [r.accessKeyId, r.securityToken, r.accountId, r.status]),
            [[issued.accessKeyId, issued.securityToken, ROLE_ACCOUNT_ID, 200]],
        );
    });

    it("sends sessionName, sessionExpiration, policy and externalId; a role that requires an ExternalId is read with it", async () => {
        const policy = '{"Version":"1","Statement":[{"Effect":"Allow","Action":"fc:GetFunctionAsyncInvokeConfig","Resource":"*"}]}';
        await provider.configure(stack({ roleArn: GUARDED_ROLE, sessionName: "ci@deploy", sessionExpiration: 1800, policy, externalId: GUARDED_EXTERNAL_ID }));
        succeeded(await provider.read(hello()));
        const { params } = s.sts.requests[0];
        assert.deepEqual(
            [params.RoleSessionName, params.DurationSeconds, params.Policy, params.ExternalId],
            ["ci@deploy", "1800", policy, GUARDED_EXTERNAL_ID],
        );
    });

    it("a refusal names the role, the base key and where it came from, STS's code and request id, and why; nothing is sent to FC", async () => {
        await provider.configure(stack({ roleArn: GUARDED_ROLE }));
        const err = failed(await provider.read(hello()));
        assert.equal(err.name, "ConfigurationError");
        assert.equal(err.setting, "alicloud:assumeRole.roleArn");
        assert.equal(err.code, "NoPermission");
        assert.equal(err.requestId, s.sts.requests[0].requestId);
        assert.ok(
            err.message.startsWith(
                `could not assume role ${GUARDED_ROLE} (alicloud:assumeRole) with access key ${s.fc.accessKeyId} from alicloud:accessKey: STS AssumeRole answered NoPermission (request id ${err.requestId}): You are not authorized`,
            ),
            err.message,
        );
        assert.ok(
            err.message.includes(
                `may not assume role ${GUARDED_ROLE}: the role's trust policy must allow it, and the caller needs the RAM action sts:AssumeRole on it`,
            ),
            err.message,
        );
        assert.deepEqual(s.fc.requests, []);
    });

    it("a role that does not exist is EntityNotExist.Role, naming alicloud:assumeRole.roleArn", async () => {
        const missing = `acs:ram::${ROLE_ACCOUNT_ID}:role/no-such-role`;
        await provider.configure(stack({ roleArn: missing }));
        const err = failed(await provider.read(hello()));
        assert.equal(err.code, "EntityNotExist.Role");
        assert.ok(err.message.includes(`role ${missing} does not exist: check alicloud:assumeRole.roleArn`), err.message);
    });

    it("a wrong base secret says the secret does not match the key, naming the key and its config key, not permissions", async () => {
        await provider.configure(stack({ roleArn: READER_ROLE }, { "alicloud:secretKey": "wrong-secret-value-1b2c" }));
        const err = failed(await provider.read(hello()));
        assert.equal(err.code, "SignatureDoesNotMatch");
        assert.ok(
            err.message.includes(`the secret does not match the key: check the secret of access key ${s.fc.accessKeyId} from alicloud:accessKey`),
            err.message,
        );
        assert.ok(!err.message.includes("wrong-secret-value-1b2c") && !err.message.includes("sts:AssumeRole"), err.message);
    });

    it("refreshes temporary credentials that expire during a long deployment: a later read signs with a new session, discovery is not repeated", async () => {
        // 900 s sessions are within @alicloud/credentials' 15-minute margin, so it renews before each use.
        await provider.configure(stack({ roleArn: READER_ROLE, sessionExpiration: 900 }));
        succeeded(await provider.read(hello()));
        const first = s.fc.requests[0];
        const firstKey = s.sts.issued.find((c) => c.accessKeyId === first.accessKeyId);
        assert.ok(firstKey);
        // Twenty minutes later, by the stand-ins' clock: the first session has expired at FC.
        s.clock.advance(20 * 60_000);
        assert.ok(s.clock.now() >= firstKey.expiresAt);
        succeeded(await provider.read({ ...hello(), functionName: "zero" }));
        const second = s.fc.requests[1];
        const secondKey = s.sts.issued.find((c) => c.accessKeyId === second.accessKeyId);
        assert.ok(secondKey, "the second read signed with an issued key");
        assert.ok(secondKey.issuedAt >= s.clock.now(), "issued after the clock moved on");
        assert.notEqual(second.securityToken, first.securityToken);
        assert.deepEqual(
            s.fc.requests.map((r) => r.status),
            [200, 200],
        );
        assert.equal(s.sts.requests.filter((r) => r.action === "GetCallerIdentity").length, 1, "one discovery per deployment");
    });

    it("assumes the role over an aliyun CLI profile in alicloud:sharedCredentialsFile", async () => {
        const file = path.join(s.home, "team-config.json");
        fs.writeFileSync(
            file,
            JSON.stringify({
                current: "other",
                profiles: [{ name: "ops", mode: "AK", access_key_id: s.fc.accessKeyId, access_key_secret: s.fc.accessKeySecret }],
            }),
        );
        await provider.configure({
            "alicloud:region": "cn-hangzhou",
            "alicloud:profile": "ops",
            "alicloud:sharedCredentialsFile": file,
            "alicloud:assumeRole": JSON.stringify({ roleArn: READER_ROLE }),
            "alicloud:endpoints": JSON.stringify([{ sts: s.sts.host }]),
        });
        succeeded(await provider.read(hello()));
        assert.equal(s.sts.requests[0].accessKeyId, s.fc.accessKeyId, "the profile's key signs AssumeRole");
        assert.equal(s.fc.requests[0].accountId, ROLE_ACCOUNT_ID);
    });
});
