// Roles assumed with an OIDC token (ACK RRSA and alicloud:assumeRoleWithOidc), end to end in a child
// process: a token file through @alicloud/credentials' OIDC provider, a token given by value through
// the STS SDK, the RRSA variables on their own; the STS stand-in checks the token byte for byte.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { useChildSuite } from "../support/childSuite";
import { type ChildError, type ProviderProcess, type ReadOutcome } from "../support/providerProcess";
import { OIDC_PROVIDER, OIDC_TOKEN, READER_ROLE, ROLE_ACCOUNT_ID, type StandIns } from "../support/standIns";

describe("OIDC role assumption (ACK RRSA, alicloud:assumeRoleWithOidc), in a child process", function () {
    this.timeout(120_000);
    let s: StandIns;
    let provider: ProviderProcess;
    let tokenFile: string;
    useChildSuite(
        (started) => ({ s, provider } = started),
        (standIns) => {
            tokenFile = path.join(standIns.home, "oidc-token");
            fs.writeFileSync(tokenFile, OIDC_TOKEN);
        },
    );

    const base = (): Record<string, unknown> => ({ "alicloud:region": "cn-hangzhou", "alicloud:endpoints": JSON.stringify([{ sts: s.sts.host }]) });
    const hello = (): Record<string, unknown> => ({ serviceName: "demo-service", functionName: "hello", endpoint: s.fc.endpoint });

    /** Asserts the read went through AssumeRoleWithOIDC (unsigned) and FC saw the issued key and token for the role's account. */
    function assertReadThroughOidc(outcome: ReadOutcome, sessionName: string): void {
        assert.ok(outcome.ok, outcome.ok ? "" : outcome.error.message);
        const oidc = s.sts.requests.filter((r) => r.action === "AssumeRoleWithOIDC");
        assert.ok(oidc.length >= 1);
        assert.deepEqual(
            [oidc[0].signature, oidc[0].params.OIDCToken, oidc[0].params.RoleArn, oidc[0].params.RoleSessionName],
            ["none", OIDC_TOKEN, READER_ROLE, sessionName],
        );
        const issued = s.sts.issued.find((c) => c.accessKeyId === s.fc.requests[0].accessKeyId);
        assert.ok(issued !== undefined && issued.action === "AssumeRoleWithOIDC");
        assert.deepEqual([s.fc.requests[0].securityToken, s.fc.requests[0].accountId, s.fc.requests[0].status], [issued.securityToken, ROLE_ACCOUNT_ID, 200]);
    }

    it("the ACK RRSA variables alone (no alicloud:* credentials) read through the role", async () => {
        await provider.configure(base(), {
            ALIBABA_CLOUD_ROLE_ARN: READER_ROLE,
            ALIBABA_CLOUD_OIDC_PROVIDER_ARN: OIDC_PROVIDER,
            ALIBABA_CLOUD_OIDC_TOKEN_FILE: tokenFile,
        });
        assertReadThroughOidc(await provider.read(hello()), "pulumi-fc-async-invoke-config");
    });

    it("alicloud:assumeRoleWithOidc with oidcTokenFile and roleSessionName", async () => {
        await provider.configure({
            ...base(),
            "alicloud:assumeRoleWithOidc": JSON.stringify({
                roleArn: READER_ROLE,
                oidcProviderArn: OIDC_PROVIDER,
                oidcTokenFile: tokenFile,
                roleSessionName: "rrsa-pod",
            }),
        });
        assertReadThroughOidc(await provider.read(hello()), "rrsa-pod");
    });

    it("alicloud:assumeRoleWithOidc with the token itself (a secret), through the STS SDK; the token is in no message", async () => {
        await provider.configure({ ...base(), "alicloud:assumeRoleWithOidc": { roleArn: READER_ROLE, oidcProviderArn: OIDC_PROVIDER, oidcToken: OIDC_TOKEN } });
        assertReadThroughOidc(await provider.read(hello()), "pulumi-fc-async-invoke-config");
    });

    it("a refused token names the call, STS's code and request id, and the file it came from, without quoting the token", async () => {
        // A file with a trailing newline holds another token: @alicloud/credentials sends it verbatim.
        const withNewline = path.join(s.home, "oidc-token-newline");
        fs.writeFileSync(withNewline, `${OIDC_TOKEN}\n`);
        await provider.configure(base(), {
            ALIBABA_CLOUD_ROLE_ARN: READER_ROLE,
            ALIBABA_CLOUD_OIDC_PROVIDER_ARN: OIDC_PROVIDER,
            ALIBABA_CLOUD_OIDC_TOKEN_FILE: withNewline,
        });
        const outcome = await provider.read(hello());
        assert.ok(!outcome.ok);
        const err: ChildError = outcome.error;
        assert.equal(err.name, "ConfigurationError");
        assert.equal(err.setting, "ALIBABA_CLOUD_ROLE_ARN");
        assert.equal(err.code, "AuthenticationFail.OIDCToken.Invalid");
        assert.ok(
            err.message.startsWith(
                `no credentials from role ${READER_ROLE} assumed with the OIDC token in ${withNewline} (ALIBABA_CLOUD_OIDC_TOKEN_FILE), set by the ACK RRSA variables (ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE): STS AssumeRoleWithOIDC answered AuthenticationFail.OIDCToken.Invalid (request id ${s.sts.requests[0].requestId})`,
            ),
            err.message,
        );
        assert.ok(!`${err.message}${err.stack ?? ""}`.includes(OIDC_TOKEN), "the token leaked");
        assert.deepEqual(s.fc.requests, []);
    });
});
