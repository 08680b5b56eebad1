// FC's answer -> the data source's fields. The body arrives as parsed JSON, unchecked (fcRequest.ts
// calls the SDK's generic `callApi`, which does not cast it onto the SDK's models), so this is where
// its shape is checked: a documented field of the wrong type makes the whole answer unusable, while
// unknown fields are ignored and `null` counts as absent. A null or empty destination becomes an
// absent one; 0 and false are kept.

import { AsyncInvokeConfigFields, Destination, DestinationConfig } from "./types";

/** The body is not an async invoke config; the message says which field is wrong and how. */
export class UnexpectedBodyError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UnexpectedBodyError";
    }
}

/**
 * Maps FC's response body onto {@link AsyncInvokeConfigFields}, frozen: one answer is shared by every
 * data source of the deployment that names the same function. Throws {@link UnexpectedBodyError}
 * when the body is not an object, a documented field has the wrong type, or it has neither
 * `createdTime` nor `lastModifiedTime` (FC always stamps a config with its times; a 2xx without
 * them is something else answering, a proxy or a misrouted endpoint, and reading it as "nothing
 * configured" would be a lie).
 */
export function toFields(body: unknown): AsyncInvokeConfigFields {
    const record = objectOrAbsent(body, "the body");
    if (record === undefined) {
        throw new UnexpectedBodyError("the body is empty");
    }
    const fields: AsyncInvokeConfigFields = { destinationConfig: toDestinationConfig(record.destinationConfig) };
    const createdTime = typed(record, "createdTime", "string");
    const lastModifiedTime = typed(record, "lastModifiedTime", "string");
    const maxAsyncEventAgeInSeconds = typed(record, "maxAsyncEventAgeInSeconds", "number");
    const maxAsyncRetryAttempts = typed(record, "maxAsyncRetryAttempts", "number");
    const statefulInvocation = typed(record, "statefulInvocation", "boolean");
    if (createdTime === undefined && lastModifiedTime === undefined) {
        throw new UnexpectedBodyError("it has neither createdTime nor lastModifiedTime");
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
