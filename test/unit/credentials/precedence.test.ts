// Which credentials sign, decided from stack config and the environment with @pulumi/alicloud's (the
// Terraform provider's) precedence: each source on its own, each pair of neighbours in the order, the
// variables' own order, and the problems of half-set or malformed sources. Pure: nothing is fetched.

import * as assert from "node:assert/strict";
import { type CredentialSource, describeCredentialSource, secretsOf } from "../../../provider/credentials/source";
import { DEFAULT_SESSION_NAME } from "../../../provider/credentials/roleSettings";
import { resolveCredentialSource } from "../../../provider/credentials/precedence";
import { type Environment } from "../../../provider/settings/environment";
import { readStackSettings } from "../../../provider/settings/stackSettings";
import { CONFIG_KEYS } from "../../../provider/settings/configKeys";

const ROLE = "acs:ram::1234567890123456:role/reader";
const OIDC_PROVIDER = "acs:ram::1234567890123456:oidc-provider/ack";

/** The source for stack config `values` in environment `env`; fails the test on problems. */
function sourceOf(values: Record<string, unknown>, env: Environment = {}): CredentialSource {
    const { source, problems } = resolveCredentialSource(readStackSettings({ get: (key) => values[key] as string | undefined }), env);
    assert.deepEqual(problems, []);
    assert.ok(source !== undefined);
    return source;
}

function problemsOf(values: Record<string, unknown>, env: Environment = {}): Array<{ setting: string; message: string }> {
    const { source, problems } = resolveCredentialSource(readStackSettings({ get: (key) => values[key] as string | undefined }), env);
    assert.equal(source, undefined, "a source despite problems");
    return problems;
}

const pair = { [CONFIG_KEYS.accessKey]: "LTAI5tStack", [CONFIG_KEYS.secretKey]: "stack-secret" };
const envPair = { ALICLOUD_ACCESS_KEY: "LTAI5tEnv", ALICLOUD_SECRET_KEY: "env-secret" };
const rrsa = {
    ALIBABA_CLOUD_ROLE_ARN: ROLE,
    ALIBABA_CLOUD_OIDC_PROVIDER_ARN: OIDC_PROVIDER,
    ALIBABA_CLOUD_OIDC_TOKEN_FILE: "/var/run/secrets/tokens/oidc-token",
};

describe("credential sources", () => {
    describe("each source", () => {
        it("an access key pair from stack config, with alicloud:securityToken for an STS key", () => {
            assert.deepEqual(sourceOf({ ...pair, [CONFIG_KEYS.securityToken]: "token" }).base, {
                kind: "access-key",
                accessKeyId: "LTAI5tStack",
                accessKeySecret: "stack-secret",
                securityToken: "token",
                keyOrigin: CONFIG_KEYS.accessKey,
                secretOrigin: CONFIG_KEYS.secretKey,
                tokenOrigin: CONFIG_KEYS.securityToken,
            });
        });

        it("an aliyun CLI profile, in alicloud:sharedCredentialsFile when given", () => {
            assert.deepEqual(sourceOf({ [CONFIG_KEYS.profile]: "ops" }).base, {
                kind: "profile",
                profile: "ops",
                origin: CONFIG_KEYS.profile,
                file: undefined,
            });
            assert.deepEqual(sourceOf({ [CONFIG_KEYS.profile]: "ops", [CONFIG_KEYS.sharedCredentialsFile]: "/etc/aliyun.json" }).base, {
                kind: "profile",
                profile: "ops",
                origin: CONFIG_KEYS.profile,
                file: { value: "/etc/aliyun.json", origin: CONFIG_KEYS.sharedCredentialsFile },
            });
        });

        it("a credentials URI, an ECS RAM role", () => {
            assert.deepEqual(sourceOf({ [CONFIG_KEYS.credentialsUri]: "http://127.0.0.1:8080/creds" }).base, {
                kind: "credentials-uri",
                uri: "http://127.0.0.1:8080/creds",
                origin: CONFIG_KEYS.credentialsUri,
            });
            assert.deepEqual(sourceOf({ [CONFIG_KEYS.ecsRoleName]: "worker" }).base, { kind: "ecs-role", roleName: "worker", origin: CONFIG_KEYS.ecsRoleName });
            assert.deepEqual(sourceOf({}, { ALIBABA_CLOUD_ECS_METADATA: "worker" }).base, {
                kind: "ecs-role",
                roleName: "worker",
                origin: "ALIBABA_CLOUD_ECS_METADATA",
            });
        });

        it("alicloud:assumeRoleWithOidc, each field else its variable, a token file by default", () => {
            const base = sourceOf(
                { [CONFIG_KEYS.assumeRoleWithOidc]: { roleArn: ROLE, oidcProviderArn: OIDC_PROVIDER, sessionExpiration: 1200 } },
                { ALIBABA_CLOUD_OIDC_TOKEN_FILE: "/t" },
            ).base;
            assert.deepEqual(base, {
                kind: "oidc",
                roleArn: ROLE,
                oidcProviderArn: OIDC_PROVIDER,
                token: undefined,
                tokenFile: { value: "/t", origin: "ALIBABA_CLOUD_OIDC_TOKEN_FILE" },
                sessionName: DEFAULT_SESSION_NAME,
                policy: undefined,
                durationSeconds: 1200,
                origin: CONFIG_KEYS.assumeRoleWithOidc,
            });
        });

        it("the ACK RRSA variables alone, without any config", () => {
            const base = sourceOf({}, rrsa).base;
            assert.equal(base.kind, "oidc");
            assert.ok(base.kind === "oidc" && base.tokenFile?.value === rrsa.ALIBABA_CLOUD_OIDC_TOKEN_FILE && base.roleArn === ROLE);
            assert.match(
                describeCredentialSource({ base }),
                /the ACK RRSA variables \(ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE\)/,
            );
        });

        it("the default chain when nothing is set, listing what was looked for", () => {
            const base = sourceOf({}, { ALIBABA_CLOUD_ROLE_ARN: ROLE }).base;
            assert.equal(base.kind, "default-chain");
            assert.ok(base.kind === "default-chain");
            assert.equal(base.unset.length, 5);
            assert.match(base.unset[4], /only ALIBABA_CLOUD_ROLE_ARN set/);
        });

        it("alicloud:assumeRole over the base credentials, with @pulumi/alicloud's defaults: 3600 s, our session name", () => {
            assert.deepEqual(sourceOf({ ...pair, [CONFIG_KEYS.assumeRole]: { roleArn: ROLE } }).assumeRole, {
                roleArn: ROLE,
                sessionName: DEFAULT_SESSION_NAME,
                policy: undefined,
                durationSeconds: 3600,
                externalId: undefined,
            });
            const full = { roleArn: ROLE, sessionName: "deploy@ci", policy: '{"Version":"1"}', sessionExpiration: 900, externalId: "x-1" };
            assert.deepEqual(sourceOf({ ...pair, [CONFIG_KEYS.assumeRole]: JSON.stringify(full) }).assumeRole, {
                roleArn: ROLE,
                sessionName: "deploy@ci",
                policy: '{"Version":"1"}',
                durationSeconds: 900,
                externalId: "x-1",
            });
        });
    });

    describe("precedence, each pair", () => {
        it("stack config's key over the environment's; each half is looked up on its own, as in @pulumi/alicloud", () => {
            const base = sourceOf(pair, envPair).base;
            assert.ok(base.kind === "access-key" && base.accessKeyId === "LTAI5tStack" && base.accessKeySecret === "stack-secret");
            const mixed = sourceOf({ [CONFIG_KEYS.accessKey]: "LTAI5tStack" }, envPair).base;
            assert.ok(mixed.kind === "access-key" && mixed.accessKeyId === "LTAI5tStack" && mixed.secretOrigin === "ALICLOUD_SECRET_KEY");
            assert.equal(describeCredentialSource({ base: mixed }), "access key LTAI5tStack from alicloud:accessKey (secret from ALICLOUD_SECRET_KEY)");
        });

        it("ALICLOUD_* over ALIBABA_CLOUD_* over ALIBABACLOUD_*", () => {
            const all = {
                ALICLOUD_ACCESS_KEY: "A",
                ALICLOUD_SECRET_KEY: "a",
                ALIBABA_CLOUD_ACCESS_KEY_ID: "B",
                ALIBABA_CLOUD_ACCESS_KEY_SECRET: "b",
                ALIBABACLOUD_ACCESS_KEY_ID: "C",
                ALIBABACLOUD_ACCESS_KEY_SECRET: "c",
            };
            const keyOf = (env: Environment): string => {
                const base = sourceOf({}, env).base;
                return base.kind === "access-key" ? `${base.accessKeyId}${base.accessKeySecret}` : base.kind;
            };
            assert.equal(keyOf(all), "Aa");
            assert.equal(keyOf({ ...all, ALICLOUD_ACCESS_KEY: undefined, ALICLOUD_SECRET_KEY: undefined }), "Bb");
            assert.equal(keyOf({ ALIBABACLOUD_ACCESS_KEY_ID: "C", ALIBABACLOUD_ACCESS_KEY_SECRET: "c" }), "Cc");
        });

        it("an access key (even from the environment) over a profile in stack config", () => {
            assert.equal(sourceOf({ [CONFIG_KEYS.profile]: "ops" }, envPair).base.kind, "access-key");
        });

        it("a profile in stack config over one in the environment; a profile over a credentials URI", () => {
            const base = sourceOf({ [CONFIG_KEYS.profile]: "dev" }, { ALICLOUD_PROFILE: "ops", ALICLOUD_CREDENTIALS_URI: "http://127.0.0.1:1/" }).base;
            assert.ok(base.kind === "profile" && base.profile === "dev");
        });

        it("a credentials URI over an ECS RAM role; an ECS RAM role over alicloud:assumeRoleWithOidc", () => {
            assert.equal(sourceOf({ [CONFIG_KEYS.credentialsUri]: "https://creds.example", [CONFIG_KEYS.ecsRoleName]: "worker" }).base.kind, "credentials-uri");
            assert.equal(sourceOf({ [CONFIG_KEYS.ecsRoleName]: "worker", [CONFIG_KEYS.assumeRoleWithOidc]: { roleArn: ROLE } }, rrsa).base.kind, "ecs-role");
        });

        it("alicloud:assumeRoleWithOidc fields over the RRSA variables; an OIDC token over a token file", () => {
            const base = sourceOf({ [CONFIG_KEYS.assumeRoleWithOidc]: { roleArn: "acs:ram::42:role/other", oidcToken: "tok" } }, rrsa).base;
            assert.ok(base.kind === "oidc");
            assert.equal(base.roleArn, "acs:ram::42:role/other");
            assert.equal(base.oidcProviderArn, OIDC_PROVIDER, "from its variable");
            assert.deepEqual(base.token, { value: "tok", origin: `${CONFIG_KEYS.assumeRoleWithOidc}.oidcToken` });
            assert.equal(base.tokenFile, undefined, "the token wins over ALIBABA_CLOUD_OIDC_TOKEN_FILE");
        });

        it("the RRSA variables over the default chain", () => {
            assert.equal(sourceOf({}, rrsa).base.kind, "oidc");
            assert.equal(sourceOf({}, {}).base.kind, "default-chain");
        });

        it("alicloud:assumeRole's own fields over ALICLOUD_ASSUME_ROLE_* variables, which fill in what it leaves out", () => {
            const env = {
                ALICLOUD_ASSUME_ROLE_ARN: "acs:ram::42:role/from-env",
                ALICLOUD_ASSUME_ROLE_SESSION_NAME: "env-session",
                ALICLOUD_ASSUME_ROLE_SESSION_EXPIRATION: "1800",
            };
            assert.deepEqual(sourceOf({ ...pair, [CONFIG_KEYS.assumeRole]: {} }, env).assumeRole, {
                roleArn: "acs:ram::42:role/from-env",
                sessionName: "env-session",
                policy: undefined,
                durationSeconds: 1800,
                externalId: undefined,
            });
            assert.equal(sourceOf({ ...pair, [CONFIG_KEYS.assumeRole]: { roleArn: ROLE } }, env).assumeRole?.roleArn, ROLE);
        });

        it("alicloud:assumeRole wraps whatever base is found, the default chain included", () => {
            assert.equal(sourceOf({ [CONFIG_KEYS.assumeRole]: { roleArn: ROLE } }, rrsa).base.kind, "oidc");
            assert.equal(sourceOf({ [CONFIG_KEYS.assumeRole]: { roleArn: ROLE } }).base.kind, "default-chain");
            assert.match(
                describeCredentialSource(sourceOf({ ...pair, [CONFIG_KEYS.assumeRole]: { roleArn: ROLE } })),
                /^role acs:ram::1234567890123456:role\/reader \(alicloud:assumeRole\) assumed with access key LTAI5tStack from alicloud:accessKey$/,
            );
        });
    });

    describe("problems", () => {
        it("half a pair names the missing half, of the same family as the half that is set, without echoing the secret", () => {
            const noSecret = problemsOf({ [CONFIG_KEYS.accessKey]: "LTAI5tStack" });
            assert.equal(noSecret[0].setting, CONFIG_KEYS.secretKey);
            assert.match(noSecret[0].message, /alicloud:accessKey is set but alicloud:secretKey is not/);
            const noKey = problemsOf({}, { ALIBABA_CLOUD_ACCESS_KEY_SECRET: "very-secret-value" });
            assert.equal(noKey[0].setting, "ALIBABA_CLOUD_ACCESS_KEY_ID");
            assert.ok(!noKey[0].message.includes("very-secret-value"));
        });

        it("alicloud:sharedCredentialsFile without a profile, a credentials URI over plain HTTP to a remote host", () => {
            assert.deepEqual(
                problemsOf({ [CONFIG_KEYS.sharedCredentialsFile]: "/etc/aliyun.json" }).map((p) => p.setting),
                [CONFIG_KEYS.sharedCredentialsFile],
            );
            const uri = problemsOf({ [CONFIG_KEYS.credentialsUri]: "http://creds.internal:8080/" });
            assert.match(uri[0].message, /plain http:\/\/ is allowed only to loopback/);
            assert.equal(
                sourceOf({ [CONFIG_KEYS.credentialsUri]: "http://creds.internal:8080/", [CONFIG_KEYS.allowInsecureHttp]: "true" }).base.kind,
                "credentials-uri",
            );
        });

        it("every problem of the OIDC block at once: role ARN, provider ARN, token, session name, duration", () => {
            const problems = problemsOf({ [CONFIG_KEYS.assumeRoleWithOidc]: { roleArn: "reader", roleSessionName: "x", sessionExpiration: 60 } });
            assert.deepEqual(
                problems.map((p) => p.setting),
                [
                    `${CONFIG_KEYS.assumeRoleWithOidc}.roleArn`,
                    `${CONFIG_KEYS.assumeRoleWithOidc}.oidcProviderArn`,
                    `${CONFIG_KEYS.assumeRoleWithOidc}.oidcTokenFile`,
                    `${CONFIG_KEYS.assumeRoleWithOidc}.roleSessionName`,
                    `${CONFIG_KEYS.assumeRoleWithOidc}.sessionExpiration`,
                ],
            );
            assert.match(problems[0].message, /must be a RAM role ARN such as acs:ram::1234567890123456:role\/reader/);
            assert.match(problems[4].message, /from 900 to 43200, got "60"/);
        });

        it("alicloud:assumeRole without a role ARN anywhere, and the base's problems with it", () => {
            const problems = problemsOf({ [CONFIG_KEYS.accessKey]: "LTAI5tStack", [CONFIG_KEYS.assumeRole]: { sessionExpiration: 100000 } });
            assert.deepEqual(
                problems.map((p) => p.setting),
                [CONFIG_KEYS.secretKey, `${CONFIG_KEYS.assumeRole}.roleArn`, `${CONFIG_KEYS.assumeRole}.sessionExpiration`],
            );
        });
    });

    it("names the secrets a source holds, for redaction: secret key, security token, OIDC token", () => {
        assert.deepEqual(secretsOf(sourceOf({ ...pair, [CONFIG_KEYS.securityToken]: "tok" })), ["stack-secret", "tok"]);
        assert.deepEqual(secretsOf(sourceOf({ [CONFIG_KEYS.assumeRoleWithOidc]: { roleArn: ROLE, oidcProviderArn: OIDC_PROVIDER, oidcToken: "oidc-tok" } })), [
            "oidc-tok",
        ]);
        assert.deepEqual(secretsOf(sourceOf({ [CONFIG_KEYS.profile]: "ops" })), []);
    });
});
