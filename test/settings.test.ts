import * as assert from "node:assert/strict";
import { ConfigurationError } from "../provider/errors";
import { CONFIG_KEYS, DEFAULT_TUNING, readStackSettings, resolveCredentialSource, resolveTarget } from "../provider/settings";

const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });
const none = readStackSettings(config({}));
const lookup = { serviceName: "s", functionName: "f", qualifier: "LATEST" };

describe("configuration", () => {
    it("builds the public endpoint from region and account, lookup first, then stack config, then environment", () => {
        const stack = readStackSettings(config({ [CONFIG_KEYS.region]: "cn-shanghai", [CONFIG_KEYS.accountId]: "222" }));
        const env = { ALIBABA_CLOUD_REGION: "cn-beijing", ALICLOUD_ACCOUNT_ID: "333" };
        assert.deepEqual(resolveTarget({ ...lookup, region: "cn-hangzhou", accountId: "111" }, stack, env), {
            protocol: "https",
            host: "111.cn-hangzhou.fc.aliyuncs.com",
            accountId: "111",
            region: "cn-hangzhou",
        });
        assert.equal(resolveTarget(lookup, stack, env).host, "222.cn-shanghai.fc.aliyuncs.com");
        assert.equal(resolveTarget(lookup, none, env).host, "333.cn-beijing.fc.aliyuncs.com");
        assert.equal(resolveTarget(lookup, none, { ALICLOUD_REGION: "eu-central-1", ALIBABA_CLOUD_ACCOUNT_ID: "444" }).host, "444.eu-central-1.fc.aliyuncs.com");
    });

    it("says which setting to add when region or account id is missing", () => {
        assert.throws(
            () => resolveTarget(lookup, none, { ALICLOUD_ACCOUNT_ID: "1" }),
            (err: unknown) => err instanceof ConfigurationError && err.setting === "region" && err.message.includes("alicloud:region") && err.message.includes("ALICLOUD_REGION"),
        );
        assert.throws(
            () => resolveTarget(lookup, none, { ALICLOUD_REGION: "cn-hangzhou" }),
            (err: unknown) => err instanceof ConfigurationError && err.setting === "accountId" && err.message.includes("alicloud:accountId"),
        );
    });

    it("checks values that come from configuration too, blaming the key or variable they came from", () => {
        assert.throws(
            () => resolveTarget(lookup, none, { ALICLOUD_REGION: "Hangzhou!", ALICLOUD_ACCOUNT_ID: "1" }),
            (err: unknown) => err instanceof ConfigurationError && err.setting === "ALICLOUD_REGION" && /must be a region id/.test(err.message),
        );
        assert.throws(
            () => resolveTarget(lookup, readStackSettings(config({ [CONFIG_KEYS.region]: "cn-hangzhou", [CONFIG_KEYS.accountId]: "12ab" })), {}),
            (err: unknown) => err instanceof ConfigurationError && err.setting === CONFIG_KEYS.accountId && /numeric/.test(err.message),
        );
    });

    it("uses an explicit endpoint as is, with the account header when known", () => {
        assert.deepEqual(resolveTarget({ ...lookup, endpoint: "http://127.0.0.1:9000" }, none, {}), {
            protocol: "http",
            host: "127.0.0.1:9000",
            accountId: undefined,
            region: undefined,
        });
    });

    it("picks credentials from stack config (keys, then profile), then the environment (keys, then profile), then the default chain", () => {
        const stack = readStackSettings(config({ [CONFIG_KEYS.accessKey]: "AK1", [CONFIG_KEYS.secretKey]: "S1", [CONFIG_KEYS.securityToken]: "T1" }));
        assert.deepEqual(resolveCredentialSource(stack, { ALIBABA_CLOUD_ACCESS_KEY_ID: "AK2", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "S2" }), {
            kind: "static", origin: "stack config", accessKeyId: "AK1", accessKeySecret: "S1", securityToken: "T1",
        });
        assert.deepEqual(resolveCredentialSource(none, { ALICLOUD_ACCESS_KEY: "AK3", ALICLOUD_SECRET_KEY: "S3", ALICLOUD_SECURITY_TOKEN: "T3" }), {
            kind: "static", origin: "environment", accessKeyId: "AK3", accessKeySecret: "S3", securityToken: "T3",
        });
        assert.deepEqual(resolveCredentialSource(none, { ALICLOUD_PROFILE: "ops" }), { kind: "profile", profile: "ops" });
        assert.deepEqual(resolveCredentialSource(readStackSettings(config({ [CONFIG_KEYS.profile]: "dev" })), { ALICLOUD_PROFILE: "ops" }), { kind: "profile", profile: "dev" });
        assert.deepEqual(resolveCredentialSource(none, {}), { kind: "default-chain" });
        // A profile named in stack config beats keys in the environment: stack config comes first.
        assert.deepEqual(resolveCredentialSource(readStackSettings(config({ [CONFIG_KEYS.profile]: "prod" })), { ALICLOUD_ACCESS_KEY: "AK4", ALICLOUD_SECRET_KEY: "S4" }), {
            kind: "profile",
            profile: "prod",
        });
    });

    it("refuses half a credential pair instead of silently falling back, without echoing the secret", () => {
        const stack = readStackSettings(config({ [CONFIG_KEYS.secretKey]: "very-secret-value" }));
        assert.throws(
            () => resolveCredentialSource(stack, {}),
            (err: unknown) => err instanceof ConfigurationError && err.message.includes("alicloud:accessKey") && !err.message.includes("very-secret-value"),
        );
        assert.throws(() => resolveCredentialSource(none, { ALIBABA_CLOUD_ACCESS_KEY_ID: "AK" }), /ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
    });

    it("reads tuning with defaults and rejects out-of-range values naming the key", () => {
        assert.deepEqual(none.tuning, DEFAULT_TUNING);
        assert.equal(readStackSettings(config({ [CONFIG_KEYS.maxConcurrentRequests]: "3" })).tuning.maxConcurrentRequests, 3);
        assert.throws(
            () => readStackSettings(config({ [CONFIG_KEYS.maxAttempts]: "0" })),
            (err: unknown) => err instanceof ConfigurationError && err.setting === CONFIG_KEYS.maxAttempts && /from 1 to 20/.test(err.message),
        );
        for (const key of [CONFIG_KEYS.maxAttempts, CONFIG_KEYS.maxConcurrentRequests]) {
            assert.throws(
                () => readStackSettings(config({ [key]: "2.5" })),
                (err: unknown) => err instanceof ConfigurationError && err.setting === key && /whole number/.test(err.message),
            );
        }
    });
});
