// Everything wrong with a stack's configuration is reported at once, in one ConfigurationError, each
// problem against the key or variable it came from; and the wording of what a 403 or a refused key
// means: the key's origin for a refused key, the RAM action and resource (never a placeholder) for a
// refused caller. In process, with the environment given to the lookup context: nothing is read from
// the machine, and nothing is sent.

import * as assert from "node:assert/strict";
import { explainRefusal } from "../../../provider/credentials/credentialErrors";
import { deniedHint } from "../../../provider/wire/deniedHint";
import { ConfigurationError } from "../../../provider/errors";
import { functionAsyncInvokeConfig } from "../../../provider/dataSources/functionAsyncInvokeConfig";
import { readDataSource } from "../../../provider/core/read";
import { type Target } from "../../../provider/settings/target";
import { deploymentFor } from "../../support/deployment";
import { useHermeticEnvironment } from "../../support/hermeticEnvironment";

/** The ConfigurationError a lookup of demo-service/hello fails with. */
async function problemOf(values: Record<string, unknown>, env: Record<string, string> = {}, lookup: Record<string, unknown> = {}): Promise<ConfigurationError> {
    const deployment = deploymentFor(values, { env: { ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", ...env } });
    try {
        await readDataSource(deployment, functionAsyncInvokeConfig, { serviceName: "demo-service", functionName: "hello", ...lookup });
    } catch (err) {
        assert.ok(err instanceof ConfigurationError, String(err));
        return err;
    }
    return assert.fail("the lookup succeeded");
}

describe("configuration problems, all at once", () => {
    // The default chain reads ~/.aliyun and ~/.alibabacloud: an empty HOME has neither.
    useHermeticEnvironment({ chainLookups: true });

    it("lists every bad or missing setting in one error, each against its key, in resolution order", async () => {
        const err = await problemOf({
            "fcAsyncInvokeConfig:maxAttempts": "0",
            "alicloud:protocol": "ftp",
            "alicloud:accessKey": "LTAI5tHalfAPair",
            "alicloud:assumeRole": { sessionExpiration: 5 },
        });
        assert.deepEqual(
            err.problems.map((p) => p.setting),
            [
                "alicloud:protocol",
                "fcAsyncInvokeConfig:maxAttempts",
                "alicloud:secretKey",
                "alicloud:assumeRole.roleArn",
                "alicloud:assumeRole.sessionExpiration",
                "alicloud:region",
            ],
        );
        assert.equal(err.setting, "alicloud:protocol");
        const lines = err.message.split("\n");
        assert.equal(lines[0], "6 configuration problems:");
        assert.deepEqual(
            lines.slice(1).map((line) => line.slice(0, 40)),
            err.problems.map((p) => `- ${p.message}`.slice(0, 40)),
        );
    });

    it("neither region nor credentials: both in the first run, the credentials as 'no credentials found; tried: …', never ENOTFOUND undefined", async () => {
        const err = await problemOf({});
        assert.deepEqual(
            err.problems.map((p) => p.setting),
            ["alicloud:region", "alicloud:accessKey"],
        );
        const noCredentials = err.problems[1].message;
        assert.ok(noCredentials.startsWith("no credentials found; tried: an access key (alicloud:accessKey, ALICLOUD_ACCESS_KEY, "), noCredentials);
        for (const tried of [
            "an aliyun CLI profile (alicloud:profile, ALICLOUD_PROFILE or ALIBABA_CLOUD_PROFILE): not set",
            "an ECS RAM role (alicloud:ecsRoleName, ALICLOUD_ECS_ROLE_NAME or ALIBABA_CLOUD_ECS_METADATA): not set",
            "ALIBABA_CLOUD_OIDC_TOKEN_FILE): not set",
            "the aliyun CLI's current profile (~/.aliyun/config.json): reading aliyun cli config from",
            "the ECS instance metadata service: off (ALIBABA_CLOUD_ECS_METADATA_DISABLED)",
            "To fix: set alicloud:accessKey and alicloud:secretKey",
        ]) {
            assert.ok(noCredentials.includes(tried), `"${tried}" missing from: ${noCredentials}`);
        }
        assert.ok(!/ENOTFOUND|undefined/.test(noCredentials), noCredentials);
    });

    it("a lookup argument that gives what config lacks removes that problem only", async () => {
        const err = await problemOf({ "alicloud:accessKey": "LTAI5tHalfAPair" }, {}, { region: "cn-hangzhou" });
        assert.deepEqual(
            err.problems.map((p) => p.setting),
            ["alicloud:secretKey"],
        );
        assert.equal(err.message, err.problems[0].message, "one problem reads as itself");
    });
});

describe("what a refusal means", () => {
    const args = { serviceName: "demo-service", functionName: "hello", qualifier: "prod" };
    const signer = "access key LTAI5tX from ALICLOUD_ACCESS_KEY";
    const functionResource = (target: Target): string => functionAsyncInvokeConfig.ramResource(args, target);
    const denied = (code: string, target: Target): string =>
        deniedHint(code, { ramAction: functionAsyncInvokeConfig.ramAction, resource: functionResource(target), credentialOrigin: signer });

    it("a refused key or token is about the key, naming where it came from; not about permissions", () => {
        const target = { protocol: "https" as const, host: "h", region: "cn-hangzhou", accountId: "123" };
        assert.equal(denied("SignatureNotMatch", target), "the secret does not match the key: check the secret of access key LTAI5tX from ALICLOUD_ACCESS_KEY");
        assert.equal(explainRefusal("SignatureDoesNotMatch", "x"), "the secret does not match the key: check the secret of x");
        assert.equal(explainRefusal("InvalidAccessKeyId.NotFound", "x"), "the access key id is unknown or disabled: x");
        assert.equal(explainRefusal("InvalidSecurityToken.Expired", "x"), "the security token has expired: x");
        assert.equal(explainRefusal("AccessDenied", "x"), undefined);
    });

    it("a refused caller needs the RAM action on the function's full ARN", () => {
        const target = { protocol: "https" as const, host: "h", region: "cn-hangzhou", accountId: "123" };
        assert.equal(
            denied("AccessDenied", target),
            `access key LTAI5tX from ALICLOUD_ACCESS_KEY may not read it; reading needs the RAM action ${functionAsyncInvokeConfig.ramAction} on acs:fc:cn-hangzhou:123:services/demo-service.prod/functions/hello`,
        );
    });

    it("says what is unknown instead of showing a placeholder", () => {
        const resource = functionResource({ protocol: "http", host: "127.0.0.1:9000", accountId: "123" });
        assert.equal(
            resource,
            "services/demo-service.prod/functions/hello in account 123 (its full ARN needs the region, not known here because the lookup named an endpoint; set the lookup's region or alicloud:region to see it)",
        );
        assert.ok(!/[<>]/.test(resource));
        assert.ok(!/[<>]/.test(functionResource({ protocol: "http", host: "h" })));
    });
});
