// The credential sources that need no STS, through @alicloud/credentials' real providers, in process,
// against the FC stand-in on loopback: a credentials URI (a sidecar on loopback HTTP), an aliyun CLI
// profile in alicloud:sharedCredentialsFile, the default chain's CLI profile; every temporary secret
// they hand out registered for redaction. The ECS RAM role is only built: its metadata service
// (100.100.100.200) is off limits to tests.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { createCredential } from "../../provider/credentials/credential";
import { ConfigurationError } from "../../provider/errors";
import { functionAsyncInvokeConfig } from "../../provider/dataSources/functionAsyncInvokeConfig";
import { readDataSource } from "../../provider/core/read";
import { type FcEmulator, startFcEmulator } from "../../provider/emulator";
import { deploymentFor } from "../support/deployment";
import { useHermeticEnvironment } from "../support/hermeticEnvironment";

const TEMPORARY = { accessKeyId: "STS.NSidecarKey", accessKeySecret: "sidecar-secret-4e1f", securityToken: "sidecar-token-CAIS-77ab" };

describe("credential providers without STS (in process)", () => {
    let fc: FcEmulator;
    const emptyHome = useHermeticEnvironment({ chainLookups: true });
    beforeEach(async () => {
        fc = await startFcEmulator();
    });
    afterEach(async () => {
        await fc.close();
    });

    const stack = (values: Record<string, unknown>): Record<string, unknown> => ({
        "alicloud:accountId": fc.accountId,
        "alicloud:region": fc.region,
        ...values,
    });
    const hello = (): Record<string, unknown> => ({ serviceName: "demo-service", functionName: "hello", endpoint: fc.endpoint });
    const quiet = { ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true" };

    it("alicloud:credentialsUri: the sidecar's temporary key and token sign the read, and both are registered as secrets in use", async () => {
        fc.addCredential({ ...TEMPORARY, expiresAt: Date.now() + 3_600_000 });
        let asked = 0;
        const sidecar = http.createServer((_req, res) => {
            asked++;
            const expiration = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
            res.setHeader("Content-Type", "application/json");
            res.end(
                JSON.stringify({
                    Code: "Success",
                    AccessKeyId: TEMPORARY.accessKeyId,
                    AccessKeySecret: TEMPORARY.accessKeySecret,
                    SecurityToken: TEMPORARY.securityToken,
                    Expiration: expiration,
                }),
            );
        });
        await new Promise<void>((resolve) => sidecar.listen(0, "127.0.0.1", resolve));
        try {
            const uri = `http://127.0.0.1:${(sidecar.address() as AddressInfo).port}/credentials`;
            const deployment = deploymentFor(stack({ "alicloud:credentialsUri": uri }), { env: quiet });
            assert.equal((await readDataSource(deployment, functionAsyncInvokeConfig, hello())).maxAsyncRetryAttempts, 3);
            assert.deepEqual(
                fc.requests.map((r) => [r.accessKeyId, r.securityToken, r.status]),
                [[TEMPORARY.accessKeyId, TEMPORARY.securityToken, 200]],
            );
            assert.ok(asked >= 1);
            assert.ok(
                [...deployment.secrets].includes(TEMPORARY.accessKeySecret) && [...deployment.secrets].includes(TEMPORARY.securityToken),
                "temporary secrets registered for redaction",
            );
        } finally {
            await new Promise<void>((resolve) => sidecar.close(() => resolve()));
        }
    });

    it("alicloud:profile in alicloud:sharedCredentialsFile: an AK profile and a StsToken profile of the same file", async () => {
        fc.addCredential(TEMPORARY);
        const file = path.join(emptyHome(), "shared.json");
        fs.writeFileSync(
            file,
            JSON.stringify({
                current: "ak",
                profiles: [
                    { name: "ak", mode: "AK", access_key_id: fc.accessKeyId, access_key_secret: fc.accessKeySecret },
                    {
                        name: "sts",
                        mode: "StsToken",
                        access_key_id: TEMPORARY.accessKeyId,
                        access_key_secret: TEMPORARY.accessKeySecret,
                        sts_token: TEMPORARY.securityToken,
                    },
                ],
            }),
        );
        await readDataSource(
            deploymentFor(stack({ "alicloud:profile": "ak", "alicloud:sharedCredentialsFile": file }), { env: quiet }),
            functionAsyncInvokeConfig,
            hello(),
        );
        await readDataSource(
            deploymentFor(stack({}), { env: { ...quiet, ALICLOUD_PROFILE: "sts", ALICLOUD_SHARED_CREDENTIALS_FILE: file } }),
            functionAsyncInvokeConfig,
            hello(),
        );
        assert.deepEqual(
            fc.requests.map((r) => [r.accessKeyId, r.status]),
            [
                [fc.accessKeyId, 200],
                [TEMPORARY.accessKeyId, 200],
            ],
        );
    });

    it("a profile missing from the file names the profile, the file and where both were set", async () => {
        const file = path.join(emptyHome(), "shared.json");
        fs.writeFileSync(file, JSON.stringify({ current: "ak", profiles: [{ name: "ak", mode: "AK", access_key_id: "x", access_key_secret: "y" }] }));
        const deployment = deploymentFor(stack({ "alicloud:profile": "missing", "alicloud:sharedCredentialsFile": file }), { env: quiet });
        const err = await readDataSource(deployment, functionAsyncInvokeConfig, hello()).then(
            () => assert.fail("read"),
            (e: unknown) => e,
        );
        assert.ok(err instanceof ConfigurationError);
        assert.equal(err.setting, "alicloud:profile");
        assert.equal(
            err.message,
            `no credentials from aliyun CLI profile "missing" (alicloud:profile) in ${file} (alicloud:sharedCredentialsFile): unable to get profile with 'missing'`,
        );
        assert.deepEqual(fc.requests, []);
    });

    it("the default chain finds the aliyun CLI's current profile in ~/.aliyun/config.json", async () => {
        fs.mkdirSync(path.join(emptyHome(), ".aliyun"), { recursive: true });
        fs.writeFileSync(
            path.join(emptyHome(), ".aliyun", "config.json"),
            JSON.stringify({ current: "me", profiles: [{ name: "me", mode: "AK", access_key_id: fc.accessKeyId, access_key_secret: fc.accessKeySecret }] }),
        );
        try {
            await readDataSource(deploymentFor(stack({}), { env: quiet }), functionAsyncInvokeConfig, hello());
            assert.deepEqual(
                fc.requests.map((r) => [r.accessKeyId, r.status]),
                [[fc.accessKeyId, 200]],
            );
        } finally {
            fs.rmSync(path.join(emptyHome(), ".aliyun"), { recursive: true, force: true });
        }
    });

    it("alicloud:ecsRoleName builds @alicloud/credentials' ECS RAM role provider (not fetched: no metadata service in tests)", () => {
        const credential = createCredential(
            { base: { kind: "ecs-role", roleName: "worker", origin: "alicloud:ecsRoleName" } },
            { sts: { host: "127.0.0.1:1", origin: "test" }, timeoutMs: 1000, env: {}, onSecret: () => undefined },
        );
        assert.equal(credential.getType(), "ecs_ram_role");
    });
});
