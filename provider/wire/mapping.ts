// FC's answers → the data sources' fields, for every data source. Bodies arrive as text (fcClient.ts
// asks the SDKs for them unparsed and uncast), so this is where they are parsed and their shape checked:
// a documented field of the wrong type (a number must also be finite) makes the whole answer unusable,
// while unknown fields are ignored and `null` counts as absent. A config must carry at least one
// documented field: `{}`, an array or an HTML page is not a config. A null or empty destination
// becomes an absent one; 0 and false are kept. What differs between FC 2.0 and FC 3.0 (field names)
// each data source declares as a field table; the rules here are the same for all.

import { type Destination, type DestinationConfig } from "../types";

/** The body is not what was asked for; the message says which field is wrong and how. */
export class UnexpectedBodyError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UnexpectedBodyError";
    }
}

/**
 * A page that parsed, but that a list read cannot take (core/pageWalk.ts): it repeats a token, contradicts an
 * earlier page, or would take the read past its bounds. The message is the whole reason, in sentences;
 * `code` is the error code the read fails with.
 */
export class PageRefused extends Error {
    constructor(
        readonly code: "MalformedResponse" | "ListTooLong",
        message: string,
    ) {
        super(message);
        this.name = "PageRefused";
    }
}

/** The JSON type of each scalar field of a config, by FC's field name. */
export type FieldTable = Readonly<Record<string, keyof JsonTypes>>;

/** How to map one kind of config: the scalars to copy, and the documented fields that are only checked. */
export interface ConfigShape {
    /** Copied into the fields when present. */
    copied: FieldTable;
    /** Documented but not outputs (the lookup names them): only their type is checked, since a wrong type says this is not FC's answer. */
    checked?: FieldTable;
}

/** Parses a body that must be a JSON object. */
export function parseObject(text: string): Record<string, unknown> {
    let body: unknown;
    try {
        body = JSON.parse(text);
    } catch {
        // JSON.parse's message quotes the body; a body is not ours to echo into messages.
        throw new UnexpectedBodyError(text.trim() === "" ? "the body is empty" : "the body is not JSON");
    }
    const record = objectOrAbsent(body, "the body");
    if (record === undefined) {
        throw new UnexpectedBodyError("the body is null");
    }
    return record;
}

/**
 * Maps one config (`record`, found at `at` in the body, e.g. `configs[3]`, or `""` for the whole body)
 * onto `{ destinationConfig, ...copied fields }`, frozen: one answer is shared by every data source of
 * the deployment that reads the same thing.
 */
export function mapConfig<Fields extends { destinationConfig: DestinationConfig }>(record: Record<string, unknown>, shape: ConfigShape, at = ""): Fields {
    const documented = ["destinationConfig", ...Object.keys(shape.copied), ...Object.keys(shape.checked ?? {})];
    if (!documented.some((key) => record[key] !== undefined && record[key] !== null)) {
        throw new UnexpectedBodyError(`${at === "" ? "the body" : at} has none of the documented fields (${documented.join(", ")})`);
    }
    const fields: Record<string, unknown> = { destinationConfig: toDestinationConfig(record.destinationConfig, path(at, "destinationConfig")) };
    for (const [key, type] of Object.entries(shape.copied)) {
        const value = typed(record, key, type, path(at, key));
        if (value !== undefined) {
            fields[key] = value;
        }
    }
    for (const [key, type] of Object.entries(shape.checked ?? {})) {
        typed(record, key, type, path(at, key));
    }
    return Object.freeze(fields) as Fields;
}

/**
 * The `configs` and `nextToken` of a list page, both FC 2.0's and FC 3.0's shape, each config mapped by
 * `mapItem` (given the config and where it is, for messages). `configs: null` is an empty page.
 */
export function parsePage<Item>(text: string, mapItem: (record: Record<string, unknown>, at: string) => Item): { items: Item[]; nextToken?: string } {
    const body = parseObject(text);
    // `configs: null` or `[]` is an empty page; a body without the key is not a page at all (a proxy's
    // `{}`), and taking it for "no configs" would record a wrong list as the truth.
    if (!("configs" in body)) {
        throw new UnexpectedBodyError("the body has no configs");
    }
    const configs = body.configs ?? null;
    if (configs !== null && !Array.isArray(configs)) {
        throw new UnexpectedBodyError(`configs must be an array, got ${describe(configs)}`);
    }
    const items = (configs ?? []).map((value: unknown, i) => {
        const record = objectOrAbsent(value, `configs[${i}]`);
        if (record === undefined) {
            throw new UnexpectedBodyError(`configs[${i}] must be an object, got null`);
        }
        return mapItem(record, `configs[${i}]`);
    });
    const nextToken = typed(body, "nextToken", "string");
    return nextToken === undefined || nextToken === "" ? { items } : { items, nextToken };
}

/** `record[key]` as a string that must be there and not be empty (e.g. a list item's qualifier). */
export function requiredString(record: Record<string, unknown>, key: string, at: string): string {
    const value = typed(record, key, "string", path(at, key));
    if (value === undefined || value === "") {
        throw new UnexpectedBodyError(`${path(at, key)} is missing`);
    }
    return value;
}

function toDestinationConfig(value: unknown, field: string): DestinationConfig {
    const config = objectOrAbsent(value, field);
    const result: DestinationConfig = {};
    if (config === undefined) {
        return Object.freeze(result);
    }
    const onSuccess = toDestination(config.onSuccess, `${field}.onSuccess`);
    const onFailure = toDestination(config.onFailure, `${field}.onFailure`);
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

/** `at.key`, or `key` at the top of the body. */
function path(at: string, key: string): string {
    return at === "" ? key : `${at}.${key}`;
}

/** The JSON type of a value, never the value itself: a body is not ours to echo into messages. */
function describe(value: unknown): string {
    const type = Array.isArray(value) ? "array" : typeof value;
    return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
