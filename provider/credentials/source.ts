// What a credential source is: one type per kind of base credentials, a role assumed with them, and the
// switches that must know every kind (how each is described, which secrets it holds, which setting
// to blame when it fails). Each switch is exhaustive, so a new kind that holds a secret cannot go
// unredacted: the compiler refuses it until every switch names it. Secret values live only in these
// in-memory objects.

import { CONFIG_KEYS } from "../settings/configKeys";
import { ENV_KEYS, type WithOrigin } from "../settings/environment";

/** An access key pair, maybe with an STS token. */
export interface AccessKeySource {
    kind: "access-key";
    accessKeyId: string;
    /** Secret. */
    accessKeySecret: string;
    /** Secret. */
    securityToken?: string;
    /** Where each part came from: config keys or variables. */
    keyOrigin: string;
    secretOrigin: string;
    tokenOrigin?: string;
}

/** A profile of the aliyun CLI's config file. */
export interface ProfileSource {
    kind: "profile";
    profile: string;
    origin: string;
    /** The config file when not ~/.aliyun/config.json, and where that was set. */
    file?: WithOrigin;
}

/** A sidecar service that answers temporary credentials. */
export interface CredentialsUriSource {
    kind: "credentials-uri";
    uri: string;
    origin: string;
}

/** The RAM role of the ECS instance, from its metadata service. */
export interface EcsRoleSource {
    kind: "ecs-role";
    roleName: string;
    origin: string;
}

/** A role assumed with an OIDC token (AssumeRoleWithOIDC), e.g. ACK RRSA. */
export interface OidcSource {
    kind: "oidc";
    roleArn: string;
    oidcProviderArn: string;
    /** The token itself (secret), from config or ALIBABA_CLOUD_OIDC_TOKEN; it wins over a file, as in @pulumi/alicloud. */
    token?: WithOrigin;
    /** A file holding the token, re-read at each refresh (ACK rotates it). */
    tokenFile?: WithOrigin;
    sessionName: string;
    policy?: string;
    durationSeconds: number;
    /** `alicloud:assumeRoleWithOidc` or the ACK RRSA variables. */
    origin: string;
}

/** Nothing configured: @alicloud/credentials-style discovery of what the machine offers. */
export interface DefaultChainSource {
    kind: "default-chain";
    /** The configured sources that were looked for and not set, for the "tried: …" message. */
    unset: string[];
}

/** Where the base credentials come from. Secret values live only in these in-memory objects. */
export type BaseSource = AccessKeySource | ProfileSource | CredentialsUriSource | EcsRoleSource | OidcSource | DefaultChainSource;

/** `alicloud:assumeRole`, resolved. */
export interface AssumedRole {
    roleArn: string;
    sessionName: string;
    policy?: string;
    durationSeconds: number;
    externalId?: string;
}

/** The credentials a deployment signs with: base credentials, and maybe a role assumed with them. */
export interface CredentialSource {
    base: BaseSource;
    assumeRole?: AssumedRole;
}

/** Where credentials come from, for messages; names keys and variables, never a secret. */
export function describeCredentialSource(source: CredentialSource): string {
    const base = describeBase(source.base);
    return source.assumeRole === undefined ? base : `role ${source.assumeRole.roleArn} (${CONFIG_KEYS.assumeRole}) assumed with ${base}`;
}

/** The base credentials, for messages. */
export function describeBase(base: BaseSource): string {
    switch (base.kind) {
        case "access-key": {
            const secret = base.secretOrigin === counterpart(base.keyOrigin) ? "" : ` (secret from ${base.secretOrigin})`;
            const token = base.tokenOrigin === undefined ? "" : ` with the security token from ${base.tokenOrigin}`;
            return `access key ${base.accessKeyId} from ${base.keyOrigin}${secret}${token}`;
        }
        case "profile":
            return `aliyun CLI profile ${JSON.stringify(base.profile)} (${base.origin}) in ${base.file === undefined ? "~/.aliyun/config.json" : `${base.file.value} (${base.file.origin})`}`;
        case "credentials-uri":
            return `the credentials URI from ${base.origin}`;
        case "ecs-role":
            return `ECS RAM role ${JSON.stringify(base.roleName)} (${base.origin})`;
        case "oidc": {
            const token =
                base.token !== undefined
                    ? `the OIDC token from ${base.token.origin}`
                    : `the OIDC token in ${base.tokenFile?.value} (${base.tokenFile?.origin})`;
            return `role ${base.roleArn} assumed with ${token}, set by ${base.origin}`;
        }
        case "default-chain":
            return "the default credential chain";
    }
}

/** The secret key of the same family as an access key id's key or variable. */
function counterpart(keyOrigin: string): string {
    const index = ENV_KEYS.accessKey.indexOf(keyOrigin as never);
    return index >= 0 ? ENV_KEYS.secretKey[index] : CONFIG_KEYS.secretKey;
}

/**
 * The secret values a source holds, to be masked wherever foreign text might echo them. The sources
 * that fetch their secrets (a profile, a URI, a role) hold none yet: the credential reports each secret
 * it hands out (credential.ts).
 */
export function secretsOf(source: CredentialSource | undefined): string[] {
    if (source === undefined) {
        return [];
    }
    const base = source.base;
    switch (base.kind) {
        case "access-key":
            return [base.accessKeySecret, ...(base.securityToken === undefined ? [] : [base.securityToken])];
        case "oidc":
            return base.token === undefined ? [] : [base.token.value];
        case "profile":
        case "credentials-uri":
        case "ecs-role":
        case "default-chain":
            return [];
    }
}

/** The key or variable to blame for a base source's failure. */
export function settingOf(base: BaseSource): string {
    switch (base.kind) {
        case "access-key":
            return base.keyOrigin;
        case "default-chain":
            return CONFIG_KEYS.accessKey;
        case "oidc":
            return base.origin.startsWith(CONFIG_KEYS.assumeRoleWithOidc) ? CONFIG_KEYS.assumeRoleWithOidc : ENV_KEYS.oidcRoleArn[0];
        case "profile":
        case "credentials-uri":
        case "ecs-role":
            return base.origin;
    }
}
