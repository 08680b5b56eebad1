// The provider end to end in process, through test/support/providerSuite.ts: `configure` + `read` of
// provider/host/provider.ts driving the real @alicloud/fc-open20210406 SDK over loopback HTTP against
// the FC stand-in. Every test starts its own stand-in and closes it afterwards; the file ends with the
// suite's checks that no secret reached an output or an error and that only GETs were sent.
//
// Stack config and the environment as the provider reads them: keys, variables, endpoints, credentials, tuning.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { ConfigurationError, FcError } from "../../provider/errors";
import * as implementation from "../../provider/host/provider";
import { type EmulatorCredential } from "../../provider/emulator";
import {
    assertNoSecret,
    checkSecretsAndWrites,
    closedPort,
    configure,
    failure,
    FC2_GET,
    logOf,
    read,
    SECRETS,
    start,
    useProviderSuite,
} from "../support/providerSuite";
import { withEnv } from "../support/hermeticEnvironment";
import { type Lookup, SERVICE, visibleText } from "../support/standInProvider";

describe("FC 2.0 single read: configuration", () => {
    const { homeDir } = useProviderSuite();

    describe("configuration", () => {
        it("without an endpoint, a missing region is a ConfigurationError naming alicloud:region", async () => {
            const fc = await start();
            await configure(fc, { "alicloud:region": undefined });
            const err = await failure(
                implementation.read(FC2_GET, "demo-service:hello:LATEST", { serviceName: SERVICE, functionName: "hello" }),
                ConfigurationError,
            );
            assert.equal(err.setting, "alicloud:region");
            assert.ok(err.message.includes("alicloud:region"), err.message);
        });

        it("without an account id, a failed discovery is a ConfigurationError naming STS GetCallerIdentity and alicloud:accountId; nothing is sent to FC", async () => {
            const fc = await start();
            // STS on a loopback port nothing listens on: discovery fails at once, and never leaves the machine.
            const sts = `127.0.0.1:${await closedPort()}`;
            await configure(fc, { "alicloud:accountId": undefined, "alicloud:endpoints": JSON.stringify([{ sts }]) });
            const err = await failure(
                implementation.read(FC2_GET, "demo-service:hello:LATEST", { serviceName: SERVICE, functionName: "hello" }),
                ConfigurationError,
            );
            assert.equal(err.setting, "alicloud:accountId");
            assert.equal(err.code, "ECONNREFUSED");
            assert.ok(err.message.startsWith(`could not find the account id: STS GetCallerIdentity at ${sts} failed`), err.message);
            assert.ok(err.message.includes("`pulumi config set alicloud:accountId <id>`"), err.message);
            assert.deepEqual(await logOf(fc), []);
        });

        it("an access key without its secret (or the reverse) is a ConfigurationError naming both keys; nothing is sent", async () => {
            const fc = await start();
            await configure(fc, { "alicloud:secretKey": undefined });
            const noSecret = await failure(read(fc, { functionName: "hello" }), ConfigurationError);
            assert.equal(noSecret.setting, "alicloud:secretKey");
            assert.ok(noSecret.message.includes("alicloud:accessKey") && noSecret.message.includes("alicloud:secretKey"), noSecret.message);
            await configure(fc, { "alicloud:accessKey": undefined });
            const noKey = await failure(read(fc, { functionName: "hello" }), ConfigurationError);
            assert.equal(noKey.setting, "alicloud:accessKey");
            assert.ok(noKey.message.includes("alicloud:accessKey") && noKey.message.includes("alicloud:secretKey"), noKey.message);
            assertNoSecret(visibleText(noKey), fc);
            assert.deepEqual(await logOf(fc), []);
        });

        it("no credentials anywhere is a ConfigurationError 'no credentials found; tried: …' that says to set alicloud:accessKey; nothing is sent", async () => {
            const fc = await start();
            await configure(fc, { "alicloud:accessKey": undefined, "alicloud:secretKey": undefined });
            const err = await failure(read(fc, { functionName: "hello" }), ConfigurationError);
            assert.equal(err.setting, "alicloud:accessKey");
            assert.ok(err.message.startsWith("no credentials found; tried: an access key (alicloud:accessKey"), err.message);
            assert.ok(
                err.message.includes("a credentials URI (alicloud:credentialsUri, ALICLOUD_CREDENTIALS_URI or ALIBABA_CLOUD_CREDENTIALS_URI): not set"),
                err.message,
            );
            assert.ok(err.message.includes("the ECS instance metadata service: off (ALIBABA_CLOUD_ECS_METADATA_DISABLED)"), err.message);
            assert.ok(!/ENOTFOUND|undefined/.test(err.message), err.message);
            assert.deepEqual(await logOf(fc), []);
        });

        it("a lookup that failed for want of credentials is not remembered: once they are there, the next lookup of the deployment reads", async () => {
            const fc = await start({ credentials: [{ accessKeyId: "LTAI5tFromEnvironment", accessKeySecret: SECRETS.env }] });
            await configure(fc, { "alicloud:accessKey": undefined, "alicloud:secretKey": undefined });
            const refused = await closedPort();
            await withEnv({ ALIBABA_CLOUD_CREDENTIALS_URI: `http://127.0.0.1:${refused}/` }, () =>
                failure(read(fc, { functionName: "hello" }), ConfigurationError),
            );
            // Same deployment (no configure), same target: the route is kept, its failed client is not.
            await withEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI5tFromEnvironment", ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRETS.env }, async () => {
                assert.equal((await read(fc, { functionName: "hello" })).props.maxAsyncRetryAttempts, 3);
            });
            assert.deepEqual(
                (await logOf(fc)).map((r) => [r.accessKeyId, r.status]),
                [["LTAI5tFromEnvironment", 200]],
            );
        });

        it("a broken aliyun CLI config file is a ConfigurationError that does not quote the secrets in it", async () => {
            const fc = await start();
            await configure(fc, { "alicloud:accessKey": undefined, "alicloud:secretKey": undefined, "alicloud:profile": "default" });
            // @alicloud/credentials puts the whole unparseable file into its error message.
            const home = homeDir();
            fs.mkdirSync(path.join(home, ".aliyun"), { recursive: true });
            fs.writeFileSync(
                path.join(home, ".aliyun", "config.json"),
                `{"current":"default","profiles":[{"name":"default","mode":"AK","access_key_id":"LTAI5tProfileKey","access_key_secret":"${SECRETS.profile}",}]}`,
            );
            try {
                const err = await withEnv({ ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "false" }, () =>
                    failure(read(fc, { functionName: "hello" }), ConfigurationError),
                );
                assert.equal(err.setting, "alicloud:profile");
                assert.ok(err.message.includes('aliyun CLI profile "default"'), err.message);
                assert.ok(err.message.includes("parse aliyun cli config"), `the cause is kept: ${err.message}`);
                assert.ok(!err.message.includes(SECRETS.profile) && !String(err.stack).includes(SECRETS.profile), err.message);
            } finally {
                fs.rmSync(path.join(home, ".aliyun"), { recursive: true, force: true });
            }
            assert.deepEqual(await logOf(fc), []);
        });

        it("a bad tuning value fails every read of the deployment, instead of reading with defaults", async () => {
            const fc = await start();
            await configure(fc, { "fcAsyncInvokeConfig:maxConcurrentRequests": "2.5" });
            for (let i = 0; i < 2; i++) {
                const err = await failure(read(fc, { functionName: "hello" }), ConfigurationError);
                assert.equal(err.setting, "fcAsyncInvokeConfig:maxConcurrentRequests");
            }
            await configure(fc);
            assert.equal((await read(fc, { functionName: "hello" })).props.maxAsyncRetryAttempts, 3, "a good configure recovers");
            assert.equal((await logOf(fc)).length, 1, "only the read after the good configure was sent");
        });

        for (const [idVar, secretVar] of [
            ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"],
            ["ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY"],
        ] as const) {
            it(`uses ${idVar} / ${secretVar} when stack config has no key`, async () => {
                const secret = idVar.startsWith("ALIBABA") ? SECRETS.env : SECRETS.envAlt;
                const fc = await start({ credentials: [{ accessKeyId: "LTAI5tFromEnvironment", accessKeySecret: secret }] });
                await withEnv({ [idVar]: "LTAI5tFromEnvironment", [secretVar]: secret }, async () => {
                    await configure(fc, { "alicloud:accessKey": undefined, "alicloud:secretKey": undefined });
                    assert.equal((await read(fc, { functionName: "hello" })).props.maxAsyncRetryAttempts, 3);
                });
                assert.deepEqual(
                    (await logOf(fc)).map((r) => r.accessKeyId),
                    ["LTAI5tFromEnvironment"],
                );
            });
        }

        it("prefers the stack config's key to the environment's", async () => {
            const credentials: EmulatorCredential[] = [
                { accessKeyId: "LTAI5tFromStack", accessKeySecret: SECRETS.stack },
                { accessKeyId: "LTAI5tFromEnvironment", accessKeySecret: SECRETS.env },
            ];
            const fc = await start({ credentials });
            await withEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI5tFromEnvironment", ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRETS.env }, async () => {
                await configure(fc, { "alicloud:accessKey": "LTAI5tFromStack", "alicloud:secretKey": SECRETS.stack });
                await read(fc, { functionName: "hello" });
            });
            assert.deepEqual(
                (await logOf(fc)).map((r) => r.accessKeyId),
                ["LTAI5tFromStack"],
            );
        });

        it("sends the account id from the lookup over stack config over the environment (X-Fc-Account-Id)", async () => {
            const owner = "1111111111111111";
            const fc = await start({ accountId: owner });
            await withEnv({ ALIBABA_CLOUD_ACCOUNT_ID: "3333333333333333" }, async () => {
                await configure(fc, { "alicloud:accountId": "2222222222222222" });
                const fromLookup = await read(fc, { functionName: "hello", accountId: owner });
                assert.equal(fromLookup.props.accountId, owner, "the lookup's own argument is an output");
                await configure(fc, { "alicloud:accountId": owner });
                await read(fc, { functionName: "zero" });
            });
            await withEnv({ ALIBABA_CLOUD_ACCOUNT_ID: owner }, async () => {
                await configure(fc, { "alicloud:accountId": undefined });
                await read(fc, { functionName: "hello", qualifier: "prod" });
            });
            const log = await logOf(fc);
            assert.deepEqual(
                log.map((r) => [r.path.split("/")[5], r.accountId, r.status]),
                [
                    ["hello", owner, 200],
                    ["zero", owner, 200],
                    ["hello", owner, 200],
                ],
            );
        });

        it("resolves the region from the lookup over stack config over the environment", async () => {
            const fc = await start();
            const regionIn = async (lookup: Lookup): Promise<string> => {
                const err = await failure(read(fc, { functionName: "worker", ...lookup }), FcError);
                const region = /region ([a-z0-9-]+)/.exec(err.message);
                assert.ok(region, err.message);
                return region[1];
            };
            await withEnv({ ALIBABA_CLOUD_REGION: "cn-beijing" }, async () => {
                await configure(fc, { "alicloud:region": "cn-shanghai" });
                assert.equal(await regionIn({ region: "ap-southeast-1" }), "ap-southeast-1");
                await configure(fc, { "alicloud:region": "cn-shanghai" });
                assert.equal(await regionIn({}), "cn-shanghai");
                await configure(fc, { "alicloud:region": undefined });
                assert.equal(await regionIn({}), "cn-beijing");
            });
        });

        it("signs with an STS token from alicloud:securityToken; without it the stand-in refuses the key", async () => {
            const fc = await start({ credentials: [{ accessKeyId: "STS.NTestKey", accessKeySecret: SECRETS.sts, securityToken: SECRETS.stsToken }] });
            await configure(fc, { "alicloud:accessKey": "STS.NTestKey", "alicloud:secretKey": SECRETS.sts, "alicloud:securityToken": SECRETS.stsToken });
            const { props } = await read(fc, { functionName: "hello" });
            assert.equal(props.maxAsyncRetryAttempts, 3);
            assertNoSecret(JSON.stringify(props), fc);
            await configure(fc, { "alicloud:accessKey": "STS.NTestKey", "alicloud:secretKey": SECRETS.sts });
            const err = await failure(read(fc, { functionName: "hello" }), FcError);
            assert.equal(err.code, "InvalidSecurityToken");
            assert.equal(err.kind, "denied");
            assertNoSecret(visibleText(err), fc);
            assert.deepEqual(
                (await logOf(fc)).map((r) => [r.accessKeyId, r.status]),
                [
                    ["STS.NTestKey", 200],
                    ["STS.NTestKey", 403],
                ],
            );
        });
    });

    checkSecretsAndWrites();
});
