// Which credentials sign the requests, decided from stack config and the environment with the
// precedence of the Terraform alicloud provider that @pulumi/alicloud runs (its providerConfigure and
// RefreshAuthCredential), so that a stack's settings mean the same to both:
//
//   1. an access key pair: alicloud:accessKey / alicloud:secretKey (each else its variables), with
//      alicloud:securityToken for an STS key;
//   2. an aliyun CLI profile: alicloud:profile, in alicloud:sharedCredentialsFile (default ~/.aliyun/config.json);
//   3. a credentials URI: alicloud:credentialsUri;
//   4. an ECS RAM role: alicloud:ecsRoleName;
//   5. a role assumed with an OIDC token: alicloud:assumeRoleWithOidc, else the ACK RRSA variables alone;
//   6. the default chain (the aliyun CLI's current profile, ~/.alibabacloud/credentials, ECS metadata).
//
// Whichever is found, alicloud:assumeRole then assumes a role with it. Values are checked here, before
// any request, and every problem is collected rather than the first thrown.

import { type SettingProblem } from "../errors";
import { type Environment, ENV_KEYS, fromConfigOrEnv, fromEnv, type Named, namesOf } from "../settings/environment";
import { plainHttpRefusal } from "../settings/endpoints";
import { CONFIG_KEYS, type StackSettings } from "../settings/stackSettings";

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
    file?: Named;
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
    token?: Named;
    /** A file holding the token, re-read at each refresh (ACK rotates it). */
    tokenFile?: Named;
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

/** The session name this provider gives a role it assumes, when none is configured. */
export const DEFAULT_SESSION_NAME = "pulumi-fc-async-invoke-config";
/** STS's bounds on a session's duration, in seconds; 3600 when none is configured, as in @pulumi/alicloud. */
export const SESSION_SECONDS = { min: 900, max: 43200, default: 3600 } as const;

const ROLE_ARN = /^acs:ram::\d+:role\/[^\s]+$/i;
const SESSION_NAME = /^[\w.@-]{2,64}$/;

/**
 * Decides the credential source. Returns every problem found instead of a source when any setting is
 * missing, malformed or half set (a key without its secret is an error, not a silent fall-back).
 */
export function resolveCredentialSource(stack: StackSettings, env: Environment): { source?: CredentialSource; problems: SettingProblem[] } {
    const problems: SettingProblem[] = [];
    const base = baseSource(stack, env, problems);
    const assumeRole = stack.assumeRole === undefined ? undefined : assumedRole(stack, env, problems);
    return problems.length > 0 || base === undefined ? { problems } : { source: { base, assumeRole }, problems };
}

function baseSource(stack: StackSettings, env: Environment, problems: SettingProblem[]): BaseSource | undefined {
    const unset: string[] = [];

    const key = fromConfigOrEnv(stack.accessKey, CONFIG_KEYS.accessKey, env, ENV_KEYS.accessKey);
    const secret = fromConfigOrEnv(stack.secretKey, CONFIG_KEYS.secretKey, env, ENV_KEYS.secretKey);
    if (key !== undefined && secret !== undefined) {
        const token = fromConfigOrEnv(stack.securityToken, CONFIG_KEYS.securityToken, env, ENV_KEYS.securityToken);
        return {
            kind: "access-key",
            accessKeyId: key.value,
            accessKeySecret: secret.value,
            securityToken: token?.value,
            keyOrigin: key.origin,
            secretOrigin: secret.origin,
            tokenOrigin: token?.origin,
        };
    }
    if (key !== undefined || secret !== undefined) {
        problems.push(halfPair(key, secret));
        return undefined;
    }
    unset.push(`an access key (${namesOf(CONFIG_KEYS.accessKey, ENV_KEYS.accessKey)}, with its secret)`);

    const profile = fromConfigOrEnv(stack.profile, CONFIG_KEYS.profile, env, ENV_KEYS.profile);
    const file = fromConfigOrEnv(stack.sharedCredentialsFile, CONFIG_KEYS.sharedCredentialsFile, env, ENV_KEYS.sharedCredentialsFile);
    if (profile !== undefined) {
        return { kind: "profile", profile: profile.value, origin: profile.origin, file };
    }
    if (stack.sharedCredentialsFile !== undefined) {
        // As in @pulumi/alicloud, the file is read only for a named profile.
        problems.push({
            setting: CONFIG_KEYS.sharedCredentialsFile,
            message: `${CONFIG_KEYS.sharedCredentialsFile} names a credentials file but no profile is chosen: set ${namesOf(CONFIG_KEYS.profile, ENV_KEYS.profile)}`,
        });
        return undefined;
    }
    unset.push(`an aliyun CLI profile (${namesOf(CONFIG_KEYS.profile, ENV_KEYS.profile)})`);

    const uri = fromConfigOrEnv(stack.credentialsUri, CONFIG_KEYS.credentialsUri, env, ENV_KEYS.credentialsUri);
    if (uri !== undefined) {
        const problem = checkCredentialsUri(uri, stack.allowInsecureHttp);
        if (problem !== undefined) {
            problems.push(problem);
            return undefined;
        }
        return { kind: "credentials-uri", uri: uri.value, origin: uri.origin };
    }
    unset.push(`a credentials URI (${namesOf(CONFIG_KEYS.credentialsUri, ENV_KEYS.credentialsUri)})`);

    const ecsRole = fromConfigOrEnv(stack.ecsRoleName, CONFIG_KEYS.ecsRoleName, env, ENV_KEYS.ecsRoleName);
    if (ecsRole !== undefined) {
        return { kind: "ecs-role", roleName: ecsRole.value, origin: ecsRole.origin };
    }
    unset.push(`an ECS RAM role (${namesOf(CONFIG_KEYS.ecsRoleName, ENV_KEYS.ecsRoleName)})`);

    if (stack.assumeRoleWithOidc !== undefined) {
        return oidcFromBlock(stack, env, problems);
    }
    const rrsa = oidcFromRrsa(env);
    if (typeof rrsa !== "string") {
        return rrsa;
    }
    unset.push(rrsa);
    return { kind: "default-chain", unset };
}

/** The problem of a key without its secret, or the reverse, against the missing half. */
function halfPair(key: Named | undefined, secret: Named | undefined): SettingProblem {
    const [present, presentNames, missingKey, missingNames] =
        key !== undefined
            ? [key, ENV_KEYS.accessKey, CONFIG_KEYS.secretKey, ENV_KEYS.secretKey]
            : [secret as Named, ENV_KEYS.secretKey, CONFIG_KEYS.accessKey, ENV_KEYS.accessKey];
    // The counterpart of a variable is the one of the same family (ALICLOUD_*, ALIBABA_CLOUD_*, …).
    const index = presentNames.indexOf(present.origin as never);
    const missing = index >= 0 ? missingNames[index] : missingKey;
    const how = missingKey === CONFIG_KEYS.secretKey ? ` (\`pulumi config set --secret ${CONFIG_KEYS.secretKey} …\`)` : "";
    return {
        setting: missing,
        message: `incomplete credentials: ${present.origin} is set but ${missing} is not; set ${namesOf(missingKey, missingNames)}${how} too, or neither`,
    };
}

function checkCredentialsUri(uri: Named, allowInsecureHttp: boolean): SettingProblem | undefined {
    let url: URL;
    try {
        url = new URL(uri.value);
    } catch {
        return { setting: uri.origin, message: `invalid ${uri.origin}: must be an http(s):// URL of the credentials service` };
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
        return { setting: uri.origin, message: `invalid ${uri.origin}: must be an http(s):// URL of the credentials service` };
    }
    // The answer carries credentials: the same transport rule as the endpoints that receive them.
    const refusal = plainHttpRefusal({ protocol: url.protocol === "http:" ? "http" : "https", host: url.host }, allowInsecureHttp);
    return refusal === undefined ? undefined : { setting: uri.origin, message: `${uri.origin}: ${refusal}` };
}

/** `alicloud:assumeRoleWithOidc`, each field else its variable. */
function oidcFromBlock(stack: StackSettings, env: Environment, problems: SettingProblem[]): OidcSource | undefined {
    const block = stack.assumeRoleWithOidc ?? {};
    const key = CONFIG_KEYS.assumeRoleWithOidc;
    const field = (name: string, value: string | undefined, names: readonly string[]): Named | undefined =>
        fromConfigOrEnv(value, `${key}.${name}`, env, names);
    const roleArn = field("roleArn", block.roleArn, ENV_KEYS.oidcRoleArn);
    const providerArn = field("oidcProviderArn", block.oidcProviderArn, ENV_KEYS.oidcProviderArn);
    const token = field("oidcToken", block.oidcToken, ENV_KEYS.oidcToken);
    const tokenFile = field("oidcTokenFile", block.oidcTokenFile, ENV_KEYS.oidcTokenFile);
    const sessionName = field("roleSessionName", block.roleSessionName, ENV_KEYS.oidcRoleSessionName);
    const before = problems.length;
    if (roleArn === undefined) {
        problems.push({ setting: `${key}.roleArn`, message: `missing ${key}.roleArn: set it, or ${namesOf(undefined, ENV_KEYS.oidcRoleArn)}` });
    } else {
        checkRoleArn(roleArn, problems);
    }
    if (providerArn === undefined) {
        problems.push({
            setting: `${key}.oidcProviderArn`,
            message: `missing ${key}.oidcProviderArn: set it, or ${namesOf(undefined, ENV_KEYS.oidcProviderArn)}`,
        });
    }
    if (token === undefined && tokenFile === undefined) {
        problems.push({
            setting: `${key}.oidcTokenFile`,
            message: `missing OIDC token: set ${key}.oidcTokenFile or ${key}.oidcToken (secret), or ${namesOf(undefined, [...ENV_KEYS.oidcTokenFile, ...ENV_KEYS.oidcToken])}`,
        });
    }
    checkSessionName(sessionName, problems);
    const durationSeconds = sessionSeconds(
        block.sessionExpiration === undefined ? undefined : { value: block.sessionExpiration, origin: `${key}.sessionExpiration` },
        problems,
    );
    if (problems.length > before || roleArn === undefined || providerArn === undefined) {
        return undefined;
    }
    return {
        kind: "oidc",
        roleArn: roleArn.value,
        oidcProviderArn: providerArn.value,
        token,
        tokenFile: token === undefined ? tokenFile : undefined,
        sessionName: sessionName?.value ?? DEFAULT_SESSION_NAME,
        policy: block.policy,
        durationSeconds,
        origin: key,
    };
}

/**
 * The ACK RRSA variables on their own. @pulumi/alicloud reads them only inside an assumeRoleWithOidc
 * block; @alicloud/credentials' default chain reads them alone, and so does this provider, so that a pod
 * with RRSA needs no config. Returns what is missing, as text, when they are not all set.
 */
function oidcFromRrsa(env: Environment): OidcSource | string {
    const roleArn = fromEnv(env, ENV_KEYS.oidcRoleArn);
    const providerArn = fromEnv(env, ENV_KEYS.oidcProviderArn);
    const tokenFile = fromEnv(env, ENV_KEYS.oidcTokenFile);
    const names = [...ENV_KEYS.oidcRoleArn, ...ENV_KEYS.oidcProviderArn, ...ENV_KEYS.oidcTokenFile];
    if (roleArn === undefined || providerArn === undefined || tokenFile === undefined) {
        const set = [roleArn, providerArn, tokenFile].filter((n): n is Named => n !== undefined).map((n) => n.origin);
        const detail = set.length === 0 ? "" : `; only ${set.join(", ")} set`;
        return `a role assumed with OIDC (${CONFIG_KEYS.assumeRoleWithOidc}, or the ACK RRSA variables ${names.join(", ")}${detail})`;
    }
    return {
        kind: "oidc",
        roleArn: roleArn.value,
        oidcProviderArn: providerArn.value,
        tokenFile,
        sessionName: fromEnv(env, ENV_KEYS.oidcRoleSessionName)?.value ?? DEFAULT_SESSION_NAME,
        durationSeconds: SESSION_SECONDS.default,
        origin: `the ACK RRSA variables (${names.join(", ")})`,
    };
}

/** `alicloud:assumeRole`, each field else its variable, with @pulumi/alicloud's defaults. */
function assumedRole(stack: StackSettings, env: Environment, problems: SettingProblem[]): AssumedRole | undefined {
    const block = stack.assumeRole ?? {};
    const key = CONFIG_KEYS.assumeRole;
    const before = problems.length;
    const roleArn = fromConfigOrEnv(block.roleArn, `${key}.roleArn`, env, ENV_KEYS.assumeRoleArn);
    if (roleArn === undefined) {
        problems.push({ setting: `${key}.roleArn`, message: `missing ${key}.roleArn: set it, or ${namesOf(undefined, ENV_KEYS.assumeRoleArn)}` });
    } else {
        checkRoleArn(roleArn, problems);
    }
    const sessionName = fromConfigOrEnv(block.sessionName, `${key}.sessionName`, env, ENV_KEYS.assumeRoleSessionName);
    checkSessionName(sessionName, problems);
    const expiration: Named<string | number> | undefined =
        block.sessionExpiration !== undefined
            ? { value: block.sessionExpiration, origin: `${key}.sessionExpiration` }
            : fromEnv(env, ENV_KEYS.assumeRoleSessionExpiration);
    const durationSeconds = sessionSeconds(expiration, problems);
    if (problems.length > before || roleArn === undefined) {
        return undefined;
    }
    return {
        roleArn: roleArn.value,
        sessionName: sessionName?.value ?? DEFAULT_SESSION_NAME,
        policy: block.policy,
        durationSeconds,
        externalId: block.externalId,
    };
}

function checkRoleArn(roleArn: Named, problems: SettingProblem[]): void {
    if (!ROLE_ARN.test(roleArn.value)) {
        problems.push({
            setting: roleArn.origin,
            message: `invalid ${roleArn.origin} ${JSON.stringify(roleArn.value)}: must be a RAM role ARN such as acs:ram::1234567890123456:role/reader`,
        });
    }
}

function checkSessionName(sessionName: Named | undefined, problems: SettingProblem[]): void {
    if (sessionName !== undefined && !SESSION_NAME.test(sessionName.value)) {
        problems.push({
            setting: sessionName.origin,
            message: `invalid ${sessionName.origin} ${JSON.stringify(sessionName.value)}: must be 2-64 letters, digits or . @ - _`,
        });
    }
}

/** A session duration within STS's bounds; 0 or unset means the default, as in @pulumi/alicloud. */
function sessionSeconds(value: Named<string | number> | undefined, problems: SettingProblem[]): number {
    if (value === undefined) {
        return SESSION_SECONDS.default;
    }
    const seconds = Number(value.value);
    if (seconds === 0) {
        return SESSION_SECONDS.default;
    }
    if (!Number.isInteger(seconds) || seconds < SESSION_SECONDS.min || seconds > SESSION_SECONDS.max) {
        problems.push({
            setting: value.origin,
            message: `invalid ${value.origin}: must be a whole number of seconds from ${SESSION_SECONDS.min} to ${SESSION_SECONDS.max}, got ${JSON.stringify(String(value.value))}`,
        });
        return SESSION_SECONDS.default;
    }
    return seconds;
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

/** The secret values a source holds, to be masked wherever foreign text might echo them. */
export function secretsOf(source: CredentialSource | undefined): string[] {
    const base = source?.base;
    if (base?.kind === "access-key") {
        return [base.accessKeySecret, ...(base.securityToken === undefined ? [] : [base.securityToken])];
    }
    if (base?.kind === "oidc" && base.token !== undefined) {
        return [base.token.value];
    }
    return [];
}
