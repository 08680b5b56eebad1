// Configuration, resolved inside the provider process at call time and never captured into state.
// Precedence, most specific first: the lookup's own arguments; stack config handed to the dynamic
// provider's `configure` (the `alicloud:*` keys `@pulumi/alicloud` users already set); the environment
// (`ALIBABA_CLOUD_*`, then the `ALICLOUD_*` names Terraform users have); the @alicloud/credentials
// default chain (for credentials only).

import { ConfigurationError, InvalidLookupError } from "./errors";
import { checkAccountId, checkEndpoint, checkRegion, EndpointParts } from "./validation";
import { LookupInputs } from "./types";

/** The stack config keys this provider reads, with the namespace `@pulumi/alicloud` uses. */
export const CONFIG_KEYS = {
    region: "alicloud:region",
    accountId: "alicloud:accountId",
    accessKey: "alicloud:accessKey",
    secretKey: "alicloud:secretKey",
    securityToken: "alicloud:securityToken",
    profile: "alicloud:profile",
    maxConcurrentRequests: "fcAsyncInvokeConfig:maxConcurrentRequests",
    timeoutSeconds: "fcAsyncInvokeConfig:timeoutSeconds",
    maxAttempts: "fcAsyncInvokeConfig:maxAttempts",
    retryBudgetSeconds: "fcAsyncInvokeConfig:retryBudgetSeconds",
} as const;

/** Environment variables, in order of precedence for each setting. */
export const ENV_KEYS = {
    region: ["ALIBABA_CLOUD_REGION", "ALIBABA_CLOUD_REGION_ID", "ALICLOUD_REGION"],
    accountId: ["ALIBABA_CLOUD_ACCOUNT_ID", "ALICLOUD_ACCOUNT_ID"],
    accessKey: ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY"],
    secretKey: ["ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY"],
    securityToken: ["ALIBABA_CLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN"],
    profile: ["ALIBABA_CLOUD_PROFILE", "ALICLOUD_PROFILE"],
} as const;

/** How requests are paced and bounded. Every field has a default; see {@link DEFAULT_TUNING}. */
export interface Tuning {
    /** Requests to FC in flight at once, across all lookups of a deployment. */
    maxConcurrentRequests: number;
    /** Connect and read timeout of one request, in seconds. The SDK's own default is 3 s. */
    timeoutSeconds: number;
    /** Requests per lookup, first try included. */
    maxAttempts: number;
    /** Time one lookup may spend on retries, waiting included, in seconds. */
    retryBudgetSeconds: number;
}

/**
 * Defaults: 8 concurrent requests keep a stack of hundreds of lookups well under FC's per-account API
 * rate while overlapping latency; 10 s per request allows a slow cross-region call; 5 attempts within
 * 60 s ride out a short throttling burst or a gateway restart without hanging a deployment.
 */
export const DEFAULT_TUNING: Tuning = {
    maxConcurrentRequests: 8,
    timeoutSeconds: 10,
    maxAttempts: 5,
    retryBudgetSeconds: 60,
};

/** Reads one stack config value; the shape of `pulumi.dynamic.Config`. */
export interface ConfigSource {
    get(key: string): string | undefined;
}

/** Environment variables; `process.env` in production. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Stack config as received by `configure`, with secrets unwrapped. Held in memory only. */
export interface StackSettings {
    /** `alicloud:region`. */
    region?: string;
    /** `alicloud:accountId`. */
    accountId?: string;
    /** `alicloud:accessKey`. */
    accessKey?: string;
    /** `alicloud:secretKey`, decrypted. */
    secretKey?: string;
    /** `alicloud:securityToken`, decrypted. */
    securityToken?: string;
    /** `alicloud:profile`. */
    profile?: string;
    /** The `fcAsyncInvokeConfig:*` keys, defaults filled in. */
    tuning: Tuning;
}

/** Reads the keys of {@link CONFIG_KEYS} from stack config; checks the tuning values. */
export function readStackSettings(config: ConfigSource): StackSettings {
    const get = (key: string): string | undefined => nonEmpty(config.get(key));
    return {
        region: get(CONFIG_KEYS.region),
        accountId: get(CONFIG_KEYS.accountId),
        accessKey: get(CONFIG_KEYS.accessKey),
        secretKey: get(CONFIG_KEYS.secretKey),
        securityToken: get(CONFIG_KEYS.securityToken),
        profile: get(CONFIG_KEYS.profile),
        tuning: {
            maxConcurrentRequests: positiveNumber(get, CONFIG_KEYS.maxConcurrentRequests, DEFAULT_TUNING.maxConcurrentRequests, 1, 256, true),
            timeoutSeconds: positiveNumber(get, CONFIG_KEYS.timeoutSeconds, DEFAULT_TUNING.timeoutSeconds, 0.1, 600),
            maxAttempts: positiveNumber(get, CONFIG_KEYS.maxAttempts, DEFAULT_TUNING.maxAttempts, 1, 20, true),
            retryBudgetSeconds: positiveNumber(get, CONFIG_KEYS.retryBudgetSeconds, DEFAULT_TUNING.retryBudgetSeconds, 0, 3600),
        },
    };
}

/** Where one lookup's request goes. */
export interface Target extends EndpointParts {
    /** Sent as `X-Fc-Account-Id`; absent only when an explicit endpoint was given without one. */
    accountId?: string;
    /** For messages and the RAM resource name; FC itself takes the region from the host name. */
    region?: string;
}

/**
 * Decides the endpoint, account and region of a lookup. Throws {@link ConfigurationError}
 * naming the setting to add when the default endpoint cannot be built.
 */
export function resolveTarget(lookup: LookupInputs, stack: StackSettings, env: Environment): Target {
    const region = lookup.region ?? configured(stack.region, CONFIG_KEYS.region, env, ENV_KEYS.region, checkRegion);
    const accountId = lookup.accountId ?? configured(stack.accountId, CONFIG_KEYS.accountId, env, ENV_KEYS.accountId, checkAccountId);
    if (lookup.endpoint !== undefined) {
        return { ...checkEndpoint(lookup.endpoint), accountId, region };
    }
    if (region === undefined) {
        throw new ConfigurationError(
            "region",
            `missing region: set the lookup's region argument, or \`pulumi config set ${CONFIG_KEYS.region} cn-hangzhou\`, or ${ENV_KEYS.region.join(" / ")}`,
        );
    }
    if (accountId === undefined) {
        throw new ConfigurationError(
            "accountId",
            `missing account id (FC endpoints are per account): set the lookup's accountId argument, or \`pulumi config set ${CONFIG_KEYS.accountId} <id>\`, or ${ENV_KEYS.accountId.join(" / ")}`,
        );
    }
    return { protocol: "https", host: `${accountId}.${region}.fc.aliyuncs.com`, accountId, region };
}

/**
 * A setting from stack config, else from the environment, checked. A bad value is blamed on the key or
 * variable it came from (the lookup's own arguments were checked with the lookup).
 */
function configured(fromStack: string | undefined, key: string, env: Environment, names: readonly string[], check: (value: string) => string): string | undefined {
    const [value, origin] = fromStack !== undefined ? [fromStack, key] : fromEnvNamed(env, names);
    if (value === undefined) {
        return undefined;
    }
    try {
        return check(value);
    } catch (err) {
        if (err instanceof InvalidLookupError) {
            throw new ConfigurationError(origin, `invalid ${origin} ${JSON.stringify(value)}: ${err.rule}`);
        }
        throw err;
    }
}

/** Where credentials come from. Secret values live only in this in-memory object. */
export type CredentialSource =
    | { kind: "static"; origin: "stack config" | "environment"; accessKeyId: string; accessKeySecret: string; securityToken?: string }
    | { kind: "profile"; profile: string }
    | { kind: "default-chain" };

/**
 * Picks the credential source: stack config (a key pair, then a profile), then the environment (a key
 * pair, then a profile), then the default chain. A half-set pair (key without secret) is an error,
 * not a silent fallback.
 */
export function resolveCredentialSource(stack: StackSettings, env: Environment): CredentialSource {
    if (stack.accessKey !== undefined || stack.secretKey !== undefined) {
        return staticPair("stack config", stack.accessKey, stack.secretKey, stack.securityToken, CONFIG_KEYS.accessKey, CONFIG_KEYS.secretKey);
    }
    if (stack.profile !== undefined) {
        return { kind: "profile", profile: stack.profile };
    }
    const accessKey = fromEnv(env, ENV_KEYS.accessKey);
    const secretKey = fromEnv(env, ENV_KEYS.secretKey);
    if (accessKey !== undefined || secretKey !== undefined) {
        return staticPair("environment", accessKey, secretKey, fromEnv(env, ENV_KEYS.securityToken), ENV_KEYS.accessKey[0], ENV_KEYS.secretKey[0]);
    }
    const profile = fromEnv(env, ENV_KEYS.profile);
    if (profile !== undefined) {
        return { kind: "profile", profile };
    }
    return { kind: "default-chain" };
}

/** The sentence that tells a user how to provide credentials. */
export const CREDENTIALS_HOWTO =
    `set ${CONFIG_KEYS.accessKey} and ${CONFIG_KEYS.secretKey} (\`pulumi config set --secret ${CONFIG_KEYS.secretKey} …\`), ` +
    `or ${ENV_KEYS.accessKey[0]} and ${ENV_KEYS.secretKey[0]}, or ${CONFIG_KEYS.profile} for an aliyun CLI profile`;

function staticPair(
    origin: "stack config" | "environment",
    accessKeyId: string | undefined,
    accessKeySecret: string | undefined,
    securityToken: string | undefined,
    idName: string,
    secretName: string,
): CredentialSource {
    if (accessKeyId === undefined) {
        throw new ConfigurationError(idName, `incomplete credentials: ${secretName} is set but ${idName} is not; set both`);
    }
    if (accessKeySecret === undefined) {
        throw new ConfigurationError(secretName, `incomplete credentials: ${idName} is set but ${secretName} is not; set both`);
    }
    return { kind: "static", origin, accessKeyId, accessKeySecret, securityToken };
}

function fromEnv(env: Environment, names: readonly string[]): string | undefined {
    return fromEnvNamed(env, names)[0];
}

/** The first of `names` that is set, and its name. */
function fromEnvNamed(env: Environment, names: readonly string[]): [string | undefined, string] {
    for (const name of names) {
        const value = nonEmpty(env[name]);
        if (value !== undefined) {
            return [value, name];
        }
    }
    return [undefined, names[0]];
}

function nonEmpty(value: string | undefined): string | undefined {
    return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function positiveNumber(get: (key: string) => string | undefined, key: string, fallback: number, min: number, max: number, integer = false): number {
    const raw = get(key);
    if (raw === undefined) {
        return fallback;
    }
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
        const kind = integer ? "a whole number" : "a number";
        throw new ConfigurationError(key, `invalid ${key}: must be ${kind} from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    }
    return value;
}
