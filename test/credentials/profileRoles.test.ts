// aliyun CLI profiles that assume a role (RamRoleArn, ChainableRamRoleArn, OIDC), end to end: the
// provider in a child process, @alicloud/credentials assuming the role at the STS stand-in over TLS.
// A profile written by `aliyun configure` names no STS, and must then assume its role where the stack
// says STS is (`alicloud:endpoints` `sts`, as the Terraform provider under @pulumi/alicloud does), not at
// the public sts.aliyuncs.com that a machine in a VPC may not reach; a profile that names its own keeps it.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { useChildSuite } from "../support/childSuite";
import { type ProviderProcess, succeeded } from "../support/providerProcess";
import { OIDC_PROVIDER, OIDC_TOKEN, READER_ROLE, ROLE_ACCOUNT_ID, type StandIns } from "../support/standIns";

describe("aliyun CLI profiles that assume a role, at the stack's STS endpoint (in a child process)", function () {
    this.timeout(120_000);
    let s: StandIns;
    let provider: ProviderProcess;
    useChildSuite((started) => ({ s, provider } = started));

    /** Writes ~/.aliyun/config.json of the child's HOME, with `profiles` besides an AK profile `base` of the stand-in's key. */
    function cliConfig(profiles: Array<Record<string, unknown>>): void {
        const base = { name: "base", mode: "AK", access_key_id: s.fc.accessKeyId, access_key_secret: s.fc.accessKeySecret };
        fs.mkdirSync(path.join(s.home, ".aliyun"), { recursive: true });
        fs.writeFileSync(path.join(s.home, ".aliyun", "config.json"), JSON.stringify({ current: "base", profiles: [base, ...profiles] }));
    }

    /** A stack that uses `profile` and points STS at `sts` (the stand-in unless said otherwise). */
    async function configure(profile: string, sts: string = s.sts.host): Promise<void> {
        await provider.configure({
            "alicloud:region": "cn-hangzhou",
            "alicloud:profile": profile,
            "alicloud:endpoints": JSON.stringify([{ sts }]),
        });
    }

    const hello = (): Record<string, unknown> => ({ serviceName: "demo-service", functionName: "hello", endpoint: s.fc.endpoint });

    /** The read went through the role: STS was asked at the stand-in, and FC saw the role's account and temporary key. */
    function assertThroughRole(action: string): void {
        assert.deepEqual(
            s.sts.requests.map((r) => [r.action, r.status]),
            [
                [action, 200],
                ["GetCallerIdentity", 200],
            ],
        );
        assert.equal(s.fc.requests[0].accountId, ROLE_ACCOUNT_ID);
        assert.ok(
            s.sts.issued.some((c) => c.accessKeyId === s.fc.requests[0].accessKeyId),
            "FC saw a key STS issued",
        );
    }

    it("RamRoleArn as `aliyun configure --mode RamRoleArn` writes it (no sts_endpoint): the role is assumed at alicloud:endpoints' sts", async () => {
        cliConfig([
            {
                name: "deployer",
                mode: "RamRoleArn",
                access_key_id: s.fc.accessKeyId,
                access_key_secret: s.fc.accessKeySecret,
                ram_role_arn: READER_ROLE,
                ram_session_name: "ops",
                expired_seconds: 3600,
            },
        ]);
        await configure("deployer");
        assert.equal(succeeded(await provider.read(hello())).maxAsyncRetryAttempts, 3);
        assertThroughRole("AssumeRole");
        assert.equal(s.sts.requests[0].accessKeyId, s.fc.accessKeyId, "the profile's own key signs AssumeRole");
        assert.equal(s.sts.requests[0].params.RoleSessionName, "ops");
    });

    it("ChainableRamRoleArn over an AK profile: the role is assumed at the stack's STS endpoint too", async () => {
        cliConfig([{ name: "chained", mode: "ChainableRamRoleArn", source_profile: "base", ram_role_arn: READER_ROLE, ram_session_name: "chain" }]);
        await configure("chained");
        succeeded(await provider.read(hello()));
        assertThroughRole("AssumeRole");
    });

    it("OIDC with a token file: AssumeRoleWithOIDC goes to the stack's STS endpoint", async () => {
        const tokenFile = path.join(s.home, "profile-oidc-token");
        fs.writeFileSync(tokenFile, OIDC_TOKEN);
        cliConfig([
            { name: "rrsa", mode: "OIDC", ram_role_arn: READER_ROLE, oidc_provider_arn: OIDC_PROVIDER, oidc_token_file: tokenFile, ram_session_name: "rrsa" },
        ]);
        await configure("rrsa");
        succeeded(await provider.read(hello()));
        assertThroughRole("AssumeRoleWithOIDC");
    });

    it("a profile that names its own sts_endpoint keeps it, whatever the stack's STS endpoint", async () => {
        cliConfig([
            {
                name: "pinned",
                mode: "RamRoleArn",
                access_key_id: s.fc.accessKeyId,
                access_key_secret: s.fc.accessKeySecret,
                ram_role_arn: READER_ROLE,
                ram_session_name: "pinned",
                sts_endpoint: s.sts.host,
            },
        ]);
        // The stack's STS endpoint refuses every connection: only the profile's can have answered AssumeRole.
        // GetCallerIdentity goes to the stack's, so the account is given here.
        await provider.configure({
            "alicloud:region": "cn-hangzhou",
            "alicloud:profile": "pinned",
            "alicloud:accountId": ROLE_ACCOUNT_ID,
            "alicloud:endpoints": JSON.stringify([{ sts: "127.0.0.1:1" }]),
        });
        succeeded(await provider.read(hello()));
        assert.deepEqual(
            s.sts.requests.map((r) => [r.action, r.status]),
            [["AssumeRole", 200]],
        );
    });
});
