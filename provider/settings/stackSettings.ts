// Stack config as the dynamic provider's `configure` receives it: the `alicloud:*` keys that
// `@pulumi/alicloud` users already set (same names, same shapes) and this provider's own
// `fcAsyncInvokeConfig:*` tuning. Read once per deployment, held in memory only, never captured into
// state. Reading never throws: every bad value becomes a problem, reported with all the others by the
// first lookup (see core/route.ts), so that one run shows everything there is to fix.

import { type SettingProblem } from "../errors";
import { CONFIG_KEYS, type ConfigSource } from "./configKeys";
import { nonEmpty } from "./environment";
import { readTuning, type Tuning } from "./tuning";

/** `alicloud:assumeRole`: a role assumed with the credentials the rest of the chain finds. */
export interface AssumeRoleSettings {
    roleArn?: string;
    sessionName?: string;
    policy?: string;
    /** Seconds. */
    sessionExpiration?: number;
    externalId?: string;
}

/** `alicloud:assumeRoleWithOidc`: a role assumed with an OIDC token (ACK RRSA, CI identity providers). */
export interface AssumeRoleWithOidcSettings {
    oidcProviderArn?: string;
    roleArn?: string;
    /** The token itself; a secret. */
    oidcToken?: string;
    oidcTokenFile?: string;
    roleSessionName?: string;
    /** Seconds. */
    sessionExpiration?: number;
    policy?: string;
}

/** An endpoint from stack config and the key it came from, e.g. `alicloud:endpoints[0].fc`. */
export interface ConfiguredEndpoint {
    value: string;
    origin: string;
}

/** Stack config as received by `configure`, with secrets unwrapped. Held in memory only. */
export interface StackSettings {
    region?: string;
    accountId?: string;
    accessKey?: string;
    /** Decrypted. */
    secretKey?: string;
    /** Decrypted. */
    securityToken?: string;
    profile?: string;
    sharedCredentialsFile?: string;
    credentialsUri?: string;
    ecsRoleName?: string;
    assumeRole?: AssumeRoleSettings;
    assumeRoleWithOidc?: AssumeRoleWithOidcSettings;
    /** The FC endpoint: the `fc` entry of `alicloud:endpoints`, else the deprecated `alicloud:fc`. */
    fcEndpoint?: ConfiguredEndpoint;
    /** The `sts` entry of `alicloud:endpoints`. */
    stsEndpoint?: ConfiguredEndpoint;
    /** `alicloud:protocol`, lower case; absent when unset. */
    protocol?: "http" | "https";
    /** `fcAsyncInvokeConfig:allowInsecureHttp`: plain HTTP to hosts other than loopback. Off by default. */
    allowInsecureHttp: boolean;
    /** The `fcAsyncInvokeConfig:*` keys, defaults filled in where a value is missing or bad. */
    tuning: Tuning;
    /** Every value that could not be read, against its key. */
    problems: SettingProblem[];
}

/** Reads the keys of {@link CONFIG_KEYS} from stack config. Never throws: see {@link StackSettings.problems}. */
export function readStackSettings(config: ConfigSource): StackSettings {
    const problems: SettingProblem[] = [];
    const raw = (key: string): unknown => (config as { get(key: string): unknown }).get(key);
    const text = (key: string): string | undefined => textValue(raw(key), key, problems);
    const endpoints = readEndpoints(raw(CONFIG_KEYS.endpoints), problems);
    return {
        region: text(CONFIG_KEYS.region),
        accountId: text(CONFIG_KEYS.accountId),
        accessKey: text(CONFIG_KEYS.accessKey),
        secretKey: text(CONFIG_KEYS.secretKey),
        securityToken: text(CONFIG_KEYS.securityToken),
        profile: text(CONFIG_KEYS.profile),
        sharedCredentialsFile: text(CONFIG_KEYS.sharedCredentialsFile),
        credentialsUri: text(CONFIG_KEYS.credentialsUri),
        ecsRoleName: text(CONFIG_KEYS.ecsRoleName),
        assumeRole: readBlock(raw(CONFIG_KEYS.assumeRole), CONFIG_KEYS.assumeRole, ASSUME_ROLE_FIELDS, problems),
        assumeRoleWithOidc: readBlock(raw(CONFIG_KEYS.assumeRoleWithOidc), CONFIG_KEYS.assumeRoleWithOidc, OIDC_FIELDS, problems),
        fcEndpoint: oneEndpoint([...endpoints.fc, ...named(text(CONFIG_KEYS.fc), CONFIG_KEYS.fc)], "fc", problems),
        stsEndpoint: oneEndpoint(endpoints.sts, "sts", problems),
        protocol: readProtocol(text(CONFIG_KEYS.protocol), problems),
        allowInsecureHttp: readBoolean(text(CONFIG_KEYS.allowInsecureHttp), CONFIG_KEYS.allowInsecureHttp, problems),
        tuning: readTuning(text, problems),
        problems,
    };
}

/** The type of each field of a structured key: text, or whole seconds. */
type FieldKind = "text" | "seconds";

const ASSUME_ROLE_FIELDS: Record<keyof AssumeRoleSettings, FieldKind> = {
    roleArn: "text",
    sessionName: "text",
    policy: "text",
    sessionExpiration: "seconds",
    externalId: "text",
};

const OIDC_FIELDS: Record<keyof AssumeRoleWithOidcSettings, FieldKind> = {
    oidcProviderArn: "text",
    roleArn: "text",
    oidcToken: "text",
    oidcTokenFile: "text",
    roleSessionName: "text",
    sessionExpiration: "seconds",
    policy: "text",
};

/**
 * A structured key (`alicloud:assumeRole`, …) as an object of known fields. Pulumi hands structured
 * config to dynamic providers as JSON text or as an object, depending on how it was set; both are read.
 * An unknown field is a problem, so that a misspelt `rolearn` is not silently a missing `roleArn`.
 */
function readBlock<T>(value: unknown, key: string, fields: Record<keyof T, FieldKind>, problems: SettingProblem[]): T | undefined {
    const object = structured(value, key, problems);
    if (object === undefined) {
        return undefined;
    }
    if (Array.isArray(object)) {
        // @pulumi/alicloud takes one block; a list of exactly one is what `--path key[0].field` makes.
        if (object.length !== 1 || !isRecord(object[0])) {
            problems.push({ setting: key, message: `invalid ${key}: must be one object with the fields ${Object.keys(fields).join(", ")}` });
            return undefined;
        }
        return readBlock(object[0], key, fields, problems);
    }
    if (!isRecord(object)) {
        problems.push({ setting: key, message: `invalid ${key}: must be an object with the fields ${Object.keys(fields).join(", ")}` });
        return undefined;
    }
    const block: Record<string, string | number> = {};
    for (const [field, fieldValue] of Object.entries(object)) {
        const name = `${key}.${field}`;
        const kind = (fields as Record<string, FieldKind | undefined>)[field];
        if (kind === undefined) {
            problems.push({ setting: name, message: `unknown field ${name}: ${key} takes ${Object.keys(fields).join(", ")}` });
        } else if (kind === "seconds") {
            const seconds = wholeNumber(fieldValue);
            if (seconds === undefined) {
                problems.push({ setting: name, message: `invalid ${name}: must be a whole number of seconds` });
            } else {
                block[field] = seconds;
            }
        } else {
            const fieldText = textValue(fieldValue, name, problems);
            if (fieldText !== undefined) {
                block[field] = fieldText;
            }
        }
    }
    return block as T;
}

/** The `fc` and `sts` entries of every object in `alicloud:endpoints`; other services' entries are ignored. */
function readEndpoints(value: unknown, problems: SettingProblem[]): { fc: ConfiguredEndpoint[]; sts: ConfiguredEndpoint[] } {
    const found = { fc: [] as ConfiguredEndpoint[], sts: [] as ConfiguredEndpoint[] };
    const object = structured(value, CONFIG_KEYS.endpoints, problems);
    if (object === undefined) {
        return found;
    }
    // @pulumi/alicloud types it as a list of objects; one object alone is read as a list of one.
    const entries = Array.isArray(object) ? object : [object];
    entries.forEach((entry, index) => {
        const at = Array.isArray(object) ? `${CONFIG_KEYS.endpoints}[${index}]` : CONFIG_KEYS.endpoints;
        if (!isRecord(entry)) {
            problems.push({ setting: at, message: `invalid ${at}: must be an object of service names to endpoints, e.g. { "fc": "…", "sts": "…" }` });
            return;
        }
        for (const service of ["fc", "sts"] as const) {
            const endpoint = textValue(entry[service], `${at}.${service}`, problems);
            if (endpoint !== undefined) {
                found[service].push({ value: endpoint, origin: `${at}.${service}` });
            }
        }
    });
    return found;
}

/** The one endpoint the settings name; several that differ contradict each other. */
function oneEndpoint(candidates: ConfiguredEndpoint[], service: string, problems: SettingProblem[]): ConfiguredEndpoint | undefined {
    const differing = candidates.filter((c) => c.value !== candidates[0].value);
    if (differing.length > 0) {
        const list = candidates.map((c) => `${c.origin} = ${JSON.stringify(c.value)}`).join(", ");
        problems.push({ setting: candidates[0].origin, message: `contradictory ${service} endpoints: ${list}; keep one` });
    }
    return candidates[0];
}

function named(value: string | undefined, origin: string): ConfiguredEndpoint[] {
    return value === undefined ? [] : [{ value, origin }];
}

/** JSON text or an object; undefined (nothing set) for absent or blank values. */
function structured(value: unknown, key: string, problems: SettingProblem[]): unknown {
    if (typeof value !== "string") {
        return value === null ? undefined : value;
    }
    if (value.trim() === "") {
        return undefined;
    }
    try {
        return JSON.parse(value) as unknown;
    } catch {
        problems.push({ setting: key, message: `invalid ${key}: not valid JSON; set it with \`pulumi config set --path '${key}.<field>' <value>\`` });
        return undefined;
    }
}

/** A text value, trimmed; numbers and booleans (as `--path` may store them) are taken as their text. */
function textValue(value: unknown, key: string, problems: SettingProblem[]): string | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value === "number" || typeof value === "boolean") {
        return String(value);
    }
    if (typeof value !== "string") {
        problems.push({ setting: key, message: `invalid ${key}: must be text, got ${Array.isArray(value) ? "a list" : "an object"}` });
        return undefined;
    }
    return nonEmpty(value);
}

function readProtocol(value: string | undefined, problems: SettingProblem[]): "http" | "https" | undefined {
    if (value === undefined) {
        return undefined;
    }
    const lower = value.toLowerCase();
    if (lower === "http" || lower === "https") {
        return lower;
    }
    problems.push({ setting: CONFIG_KEYS.protocol, message: `invalid ${CONFIG_KEYS.protocol} ${JSON.stringify(value)}: must be HTTPS or HTTP` });
    return undefined;
}

function readBoolean(value: string | undefined, key: string, problems: SettingProblem[]): boolean {
    if (value === undefined || value.toLowerCase() === "false") {
        return false;
    }
    if (value.toLowerCase() === "true") {
        return true;
    }
    problems.push({ setting: key, message: `invalid ${key} ${JSON.stringify(value)}: must be true or false` });
    return false;
}

function wholeNumber(value: unknown): number | undefined {
    const number = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
    return Number.isInteger(number) ? number : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
