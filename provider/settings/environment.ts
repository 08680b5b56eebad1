// The environment variables this provider reads, with the names and order of precedence the Terraform
// alicloud provider gives them (it runs under @pulumi/alicloud, so a stack's environment means the same
// to both): the `ALICLOUD_*` name first, then `ALIBABA_CLOUD_*`, then `ALIBABACLOUD_*`.

/** Environment variables; `process.env` in production. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Environment variables, in order of precedence for each setting.
 *
 * @group Configuration
 */
export const ENV_KEYS = {
    region: ["ALICLOUD_REGION", "ALIBABA_CLOUD_REGION", "ALIBABA_CLOUD_REGION_ID"],
    accountId: ["ALICLOUD_ACCOUNT_ID", "ALIBABA_CLOUD_ACCOUNT_ID"],
    accessKey: ["ALICLOUD_ACCESS_KEY", "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABACLOUD_ACCESS_KEY_ID"],
    secretKey: ["ALICLOUD_SECRET_KEY", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABACLOUD_ACCESS_KEY_SECRET"],
    securityToken: ["ALICLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_SECURITY_TOKEN", "ALIBABACLOUD_SECURITY_TOKEN"],
    profile: ["ALICLOUD_PROFILE", "ALIBABA_CLOUD_PROFILE"],
    sharedCredentialsFile: ["ALICLOUD_SHARED_CREDENTIALS_FILE", "ALIBABA_CLOUD_CREDENTIALS_FILE"],
    credentialsUri: ["ALICLOUD_CREDENTIALS_URI", "ALIBABA_CLOUD_CREDENTIALS_URI"],
    ecsRoleName: ["ALICLOUD_ECS_ROLE_NAME", "ALIBABA_CLOUD_ECS_METADATA"],
    /** `alicloud:assumeRole.roleArn` when the block leaves it out. */
    assumeRoleArn: ["ALICLOUD_ASSUME_ROLE_ARN", "ALIBABA_CLOUD_ROLE_ARN"],
    assumeRoleSessionName: ["ALICLOUD_ASSUME_ROLE_SESSION_NAME", "ALIBABA_CLOUD_ROLE_SESSION_NAME"],
    assumeRoleSessionExpiration: ["ALICLOUD_ASSUME_ROLE_SESSION_EXPIRATION"],
    /** `alicloud:assumeRoleWithOidc` fields when the block leaves them out, and the ACK RRSA variables. */
    oidcRoleArn: ["ALIBABA_CLOUD_ROLE_ARN"],
    oidcProviderArn: ["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"],
    oidcTokenFile: ["ALIBABA_CLOUD_OIDC_TOKEN_FILE"],
    oidcToken: ["ALIBABA_CLOUD_OIDC_TOKEN"],
    oidcRoleSessionName: ["ALIBABA_CLOUD_ROLE_SESSION_NAME"],
    /** Terraform's `<SERVICE>_ENDPOINT` variables, used when `alicloud:endpoints` has no entry. */
    fcEndpoint: ["FC_ENDPOINT"],
    stsEndpoint: ["STS_ENDPOINT"],
} as const;

/** Names of settings @alicloud/credentials' own providers read from the environment. */
export const CHAIN_ENV = {
    /** `true` turns off the ECS instance metadata service in the default chain. */
    ecsMetadataDisabled: "ALIBABA_CLOUD_ECS_METADATA_DISABLED",
    /** `true` turns off the aliyun CLI config file in the default chain. */
    cliProfileDisabled: "ALIBABA_CLOUD_CLI_PROFILE_DISABLED",
} as const;

/** A value and the name of the key or variable it came from. */
export interface WithOrigin<T = string> {
    value: T;
    /** `alicloud:region`, `ALICLOUD_REGION`, …: where to look to change it. */
    origin: string;
}

/** The first of `names` that is set (blank counts as unset), with its name. */
export function fromEnv(env: Environment, names: readonly string[]): WithOrigin | undefined {
    for (const name of names) {
        const value = nonEmpty(env[name]);
        if (value !== undefined) {
            return { value, origin: name };
        }
    }
    return undefined;
}

/** The value from stack config under `key` when set, else the first of `names` in the environment. */
export function fromConfigOrEnv(fromConfig: string | undefined, key: string, env: Environment, names: readonly string[]): WithOrigin | undefined {
    return fromConfig !== undefined ? { value: fromConfig, origin: key } : fromEnv(env, names);
}

/** `value` trimmed, or undefined when it is absent or blank. */
export function nonEmpty(value: string | undefined): string | undefined {
    return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/** The names a setting can be given by, for messages: `alicloud:x, ALICLOUD_X or ALIBABA_CLOUD_X`. */
export function namesOf(key: string | undefined, names: readonly string[]): string {
    const all = key === undefined ? [...names] : [key, ...names];
    return all.length <= 1 ? all.join("") : `${all.slice(0, -1).join(", ")} or ${all[all.length - 1]}`;
}
