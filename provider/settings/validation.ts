// Input rules, checked before any request. FC's own rules for names are stricter than what the SDK
// lets through: the SDK percent-encodes path segments but leaves `..` alone, so an unchecked name
// could walk the request path to another API. Checking here closes that and gives a clear message.

import { InvalidLookupError } from "../errors";
import { DEFAULT_QUALIFIER } from "../types";

/** FC's rule for service, function and alias names. */
const NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/;
const NAME_RULE = "must be 1-128 characters of letters, digits, '_' or '-', starting with a letter or '_'";
/** Published versions are positive integers. */
const VERSION = /^[1-9][0-9]{0,9}$/;
const QUALIFIER_RULE = `must be ${DEFAULT_QUALIFIER}, a version number such as 3, or an alias name (${NAME_RULE})`;
const REGION = /^[a-z]{2,}(-[a-z0-9]+){1,4}$/;
const ACCOUNT_ID = /^[0-9]{1,32}$/;

/** Throws {@link InvalidLookupError} unless `value` is a valid service or function name. */
export function checkName(field: string, value: unknown): string {
    if (typeof value !== "string" || !NAME.test(value)) {
        throw new InvalidLookupError(field, NAME_RULE, value);
    }
    return value;
}

/** Throws {@link InvalidLookupError} unless `value` is LATEST, a version number or an alias name. */
export function checkQualifier(value: unknown): string {
    if (typeof value === "string" && (value === DEFAULT_QUALIFIER || VERSION.test(value) || NAME.test(value))) {
        return value;
    }
    if (typeof value === "string" && /^[0-9]+$/.test(value)) {
        throw new InvalidLookupError(
            "qualifier",
            `is not a version FC can have: versions are numbered from 1 (whole numbers of at most 10 digits, no leading zeros); read ${DEFAULT_QUALIFIER} for the code not yet published`,
            value,
        );
    }
    throw new InvalidLookupError("qualifier", QUALIFIER_RULE, value);
}

/** Throws unless `value` looks like an Alibaba Cloud region id such as `cn-hangzhou`. */
export function checkRegion(value: unknown): string {
    if (typeof value !== "string" || !REGION.test(value)) {
        throw new InvalidLookupError("region", "must be a region id such as cn-hangzhou or ap-southeast-1", value);
    }
    return value;
}

/** Throws unless `value` is an account id: digits only. */
export function checkAccountId(value: unknown): string {
    if (typeof value !== "string" || !ACCOUNT_ID.test(value)) {
        throw new InvalidLookupError("accountId", "must be the numeric Alibaba Cloud account id, e.g. 1234567890123456", value);
    }
    return value;
}

/** Where requests go: what the SDK's Config takes (`protocol` and `host[:port]` separately). */
export interface EndpointParts {
    /** The URL's scheme. */
    protocol: "http" | "https";
    /** `host[:port]`, without scheme or path. */
    host: string;
}

/**
 * Valid endpoints already checked, by the string given. A deployment names a handful of endpoints,
 * each in hundreds of lookups, and parsing a URL costs more than all the other checks together.
 */
const checkedEndpoints = new Map<string, Readonly<EndpointParts>>();
/** More distinct endpoints than this in one process is not a deployment's pattern: start over. */
const MAX_CHECKED_ENDPOINTS = 64;

/** Throws unless `value` is an `http(s)://host[:port]` URL with nothing else in it. */
export function checkEndpoint(value: unknown): Readonly<EndpointParts> {
    const known = typeof value === "string" ? checkedEndpoints.get(value) : undefined;
    if (known !== undefined) {
        return known;
    }
    const parts = Object.freeze(parseEndpoint(value));
    if (checkedEndpoints.size >= MAX_CHECKED_ENDPOINTS) {
        checkedEndpoints.clear();
    }
    checkedEndpoints.set(value as string, parts);
    return parts;
}

function parseEndpoint(value: unknown): EndpointParts {
    const rule = "must be a URL with scheme and host only, such as https://1234567890123456.cn-hangzhou.fc.aliyuncs.com or http://127.0.0.1:9000";
    if (typeof value !== "string") {
        throw new InvalidLookupError("endpoint", rule, value);
    }
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        throw new InvalidLookupError("endpoint", rule, value);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new InvalidLookupError("endpoint", rule, value);
    }
    if (url.username || url.password) {
        // Never accept credentials in a URL: the endpoint is stored in state in plain text.
        throw new InvalidLookupError("endpoint", "must not contain a user name or password; use alicloud:accessKey/secretKey", "(redacted)");
    }
    if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) {
        throw new InvalidLookupError("endpoint", rule, value);
    }
    return { protocol: url.protocol === "http:" ? "http" : "https", host: url.host };
}
