// FC's answer -> the data source's fields. The body arrives as text (fcRequest.ts asks the SDK's
// generic `callApi` for it unparsed and uncast), so this is where it is parsed and its shape checked:
// a documented field of the wrong type (a number must also be finite) makes the whole answer unusable,
// while unknown fields are ignored and `null` counts as absent. An answer must carry at least one
// documented field: `{}`, an array or an HTML page is not a config. A null or empty destination
// becomes an absent one; 0 and false are kept.

import { type AsyncInvokeConfigFields, type Destination, type DestinationConfig } from "./types";

/** The body is not an async invoke config; the message says which field is wrong and how. */
export class UnexpectedBodyError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UnexpectedBodyError";
    }
}

/**
 * The fields of GetFunctionAsyncInvokeConfig's answer, as the API reference and the SDK's response
 * model (`GetFunctionAsyncInvokeConfigResponseBody`) list them. The model makes every one optional,
 * and an FC-compatible endpoint may leave out any of them, the time stamps included.
 */
const DOCUMENTED_FIELDS = [
    "createdTime",
    "lastModifiedTime",
    "destinationConfig",
    "maxAsyncEventAgeInSeconds",
    "maxAsyncRetryAttempts",
    "statefulInvocation",
    "function",
    "service",
    "qualifier",
] as const;

/**
 * Parses FC's response body and maps it onto {@link AsyncInvokeConfigFields}, frozen: one answer is
 * shared by every data source of the deployment that names the same function. Throws
 * {@link UnexpectedBodyError} when the body is not JSON, not an object, carries none of the
 * documented fields, or has a documented field of the wrong type.
 */
export function parseConfig(text: string): AsyncInvokeConfigFields {
    let body: unknown;
    try {
        body = JSON.parse(text);
    } catch {
        // JSON.parse's message quotes the body; a body is not ours to echo into messages.
        throw new UnexpectedBodyError(text.trim() === "" ? "the body is empty" : "the body is not JSON");
    }
    return toFields(body);
}

/** The checks and mapping of {@link parseConfig}, on the parsed body. */
function toFields(body: unknown): AsyncInvokeConfigFields {
    const record = objectOrAbsent(body, "the body");
    if (record === undefined || !DOCUMENTED_FIELDS.some((key) => record[key] !== undefined && record[key] !== null)) {
        throw new UnexpectedBodyError(`the body has none of the documented fields (${DOCUMENTED_FIELDS.join(", ")})`);
    }
    const fields: AsyncInvokeConfigFields = { destinationConfig: toDestinationConfig(record.destinationConfig) };
    const createdTime = typed(record, "createdTime", "string");
    const lastModifiedTime = typed(record, "lastModifiedTime", "string");
    const maxAsyncEventAgeInSeconds = typed(record, "maxAsyncEventAgeInSeconds", "number");
    const maxAsyncRetryAttempts = typed(record, "maxAsyncRetryAttempts", "number");
    const statefulInvocation = typed(record, "statefulInvocation", "boolean");
    // Not outputs (the lookup names them), but documented: a wrong type says this is not FC's answer.
    for (const key of ["function", "service", "qualifier"]) {
        typed(record, key, "string");
    }
    if (createdTime !== undefined) {
        fields.createdTime = createdTime;
    }
    if (lastModifiedTime !== undefined) {
        fields.lastModifiedTime = lastModifiedTime;
    }
    if (maxAsyncEventAgeInSeconds !== undefined) {
        fields.maxAsyncEventAgeInSeconds = maxAsyncEventAgeInSeconds;
    }
    if (maxAsyncRetryAttempts !== undefined) {
        fields.maxAsyncRetryAttempts = maxAsyncRetryAttempts;
    }
    if (statefulInvocation !== undefined) {
        fields.statefulInvocation = statefulInvocation;
    }
    return Object.freeze(fields);
}

function toDestinationConfig(value: unknown): DestinationConfig {
    const config = objectOrAbsent(value, "destinationConfig");
    const result: DestinationConfig = {};
    if (config === undefined) {
        return Object.freeze(result);
    }
    const onSuccess = toDestination(config.onSuccess, "destinationConfig.onSuccess");
    const onFailure = toDestination(config.onFailure, "destinationConfig.onFailure");
    if (onSuccess) {
        result.onSuccess = onSuccess;
    }
    if (onFailure) {
        result.onFailure = onFailure;
    }
    return Object.freeze(result);
}

function toDestination(value: unknown, field: string): Destination | undefined {
    const destination = objectOrAbsent(value, field);
    const arn = destination === undefined ? undefined : typed(destination, "destination", "string", `${field}.destination`);
    return arn === undefined || arn === "" ? undefined : Object.freeze({ destination: arn });
}

interface JsonTypes {
    string: string;
    number: number;
    boolean: boolean;
}

/** `record[key]` if it has type `type`, undefined if absent or null; throws otherwise. */
function typed<K extends keyof JsonTypes>(record: Record<string, unknown>, key: string, type: K, field: string = key): JsonTypes[K] | undefined {
    const value = record[key];
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== type) {
        throw new UnexpectedBodyError(`${field} must be a ${type}, got ${describe(value)}`);
    }
    // JSON has no Infinity, but JSON.parse reads 1e309 as one: a number out of range is not a value FC meant.
    if (typeof value === "number" && !Number.isFinite(value)) {
        throw new UnexpectedBodyError(`${field} must be a finite number, got one out of range`);
    }
    return value as JsonTypes[K];
}

/** `value` as a JSON object, undefined if absent or null; throws for anything else. */
function objectOrAbsent(value: unknown, field: string): Record<string, unknown> | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== "object" || Array.isArray(value)) {
        throw new UnexpectedBodyError(`${field} must be an object, got ${describe(value)}`);
    }
    return value as Record<string, unknown>;
}

/** The JSON type of a value, never the value itself: a body is not ours to echo into messages. */
function describe(value: unknown): string {
    const type = Array.isArray(value) ? "array" : typeof value;
    return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
