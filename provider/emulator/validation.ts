// Checks on what callers send: names in the path, the qualifier, the list limit, and the PUT bodies of
// FC 2.0 (PutFunctionAsyncInvokeConfig) and FC 3.0 (PutAsyncInvokeConfig).
// Rejections are 400 InvalidArgument with a message that says what was wrong, as FC does.

import { invalidArgument } from "./errors";
import type { AsyncConfigInput, DestinationInput, Fc3AsyncConfigInput } from "./types";

/** FC's rule for service, function and alias names: 1-128 of letters, digits, `_`, `-`, not starting with a digit or `-`. */
const NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/;

/** A version id: a decimal number. Any numeric qualifier is read as a version, even one FC never issues (0). */
const VERSION = /^[0-9]{1,20}$/;

/** Upper bound of maxAsyncEventAgeInSeconds accepted by FC 2.0 (30 days). */
export const MAX_EVENT_AGE_SECONDS = 2_592_000;

/** Upper bound of maxAsyncRetryAttempts accepted by FC 2.0. */
export const MAX_RETRY_ATTEMPTS = 8;

/** How a qualifier is interpreted. */
export type QualifierKind = "latest" | "version" | "alias";

/** Throws InvalidArgument unless `value` is a valid service or function name. */
export function checkName(what: "service" | "function", value: string): void {
    if (!NAME.test(value)) {
        throw invalidArgument(`${what} name '${value}' is invalid: use 1-128 letters, digits, '_' or '-', starting with a letter or '_'`);
    }
}

/** Classifies a qualifier (`LATEST`, a version id, an alias name); throws InvalidArgument for anything else. */
export function classifyQualifier(qualifier: string): QualifierKind {
    if (qualifier === "LATEST") {
        return "latest";
    }
    if (VERSION.test(qualifier)) {
        return "version";
    }
    if (NAME.test(qualifier)) {
        return "alias";
    }
    throw invalidArgument(`qualifier '${qualifier}' is invalid: use LATEST, a version number or an alias name`);
}

/** Parses and checks a PutFunctionAsyncInvokeConfig body (FC 2.0). Unknown fields are ignored, as FC does. */
export function parseAsyncConfigBody(raw: Buffer): AsyncConfigInput {
    const parsed = parseBodyObject(raw);
    const config = parseSharedFields(parsed);
    const stateful = optionalBoolean(parsed, "statefulInvocation");
    if (stateful !== undefined) {
        config.statefulInvocation = stateful;
    }
    return config;
}

/** Parses and checks an FC 3.0 PutAsyncInvokeConfig body: the FC 2.0 fields with `asyncTask` for `statefulInvocation`. */
export function parseFc3AsyncConfigBody(raw: Buffer): Fc3AsyncConfigInput {
    const parsed = parseBodyObject(raw);
    const config: Fc3AsyncConfigInput = parseSharedFields(parsed);
    const asyncTask = optionalBoolean(parsed, "asyncTask");
    if (asyncTask !== undefined) {
        config.asyncTask = asyncTask;
    }
    return config;
}

function parseBodyObject(raw: Buffer): Record<string, unknown> {
    const text = raw.toString("utf8");
    let parsed: unknown;
    try {
        // An empty body means "no settings", the same as `{}`.
        parsed = text.trim() === "" ? {} : JSON.parse(text);
    } catch {
        throw invalidArgument("request body is not valid JSON");
    }
    if (!isObject(parsed)) {
        throw invalidArgument("request body must be a JSON object");
    }
    return parsed;
}

/** The fields both API versions share: destinations, event age, retries. */
function parseSharedFields(parsed: Record<string, unknown>): AsyncConfigInput {
    const config: AsyncConfigInput = {};
    const dc = parsed["destinationConfig"];
    if (dc !== undefined && dc !== null) {
        if (!isObject(dc)) {
            throw invalidArgument("destinationConfig must be an object");
        }
        config.destinationConfig = {
            onSuccess: parseDestination("onSuccess", dc["onSuccess"]),
            onFailure: parseDestination("onFailure", dc["onFailure"]),
        };
    } else if (dc === null) {
        config.destinationConfig = null;
    }
    const age = parsed["maxAsyncEventAgeInSeconds"];
    if (age !== undefined && age !== null) {
        config.maxAsyncEventAgeInSeconds = integerIn("maxAsyncEventAgeInSeconds", age, 1, MAX_EVENT_AGE_SECONDS);
    }
    const retries = parsed["maxAsyncRetryAttempts"];
    if (retries !== undefined && retries !== null) {
        config.maxAsyncRetryAttempts = integerIn("maxAsyncRetryAttempts", retries, 0, MAX_RETRY_ATTEMPTS);
    }
    return config;
}

function optionalBoolean(parsed: Record<string, unknown>, field: string): boolean | undefined {
    const value = parsed[field];
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== "boolean") {
        throw invalidArgument(`${field} must be a boolean`);
    }
    return value;
}

/** Checks the `limit` query parameter of ListFunctionAsyncInvokeConfigs (1-100, default 20). */
export function parseListLimit(raw: string | undefined): number {
    if (raw === undefined || raw === "") {
        return 20;
    }
    if (!/^[0-9]+$/.test(raw) || Number(raw) < 1 || Number(raw) > 100) {
        throw invalidArgument(`limit '${raw}' is invalid: use an integer from 1 to 100`);
    }
    return Number(raw);
}

function parseDestination(side: "onSuccess" | "onFailure", value: unknown): DestinationInput | null {
    if (value === undefined || value === null) {
        return null;
    }
    if (!isObject(value)) {
        throw invalidArgument(`destinationConfig.${side} must be an object with a destination`);
    }
    const destination = value["destination"];
    // An ARN is acs:<service>:<region>:<account>:<resource>; FC refuses anything that is not one.
    if (typeof destination !== "string" || !/^acs:[a-z0-9-]+:[a-z0-9-]*:[0-9]*:.+$/.test(destination)) {
        throw invalidArgument(`destinationConfig.${side}.destination must be an ARN such as acs:fc:<region>:<account>:services/<s>/functions/<f>`);
    }
    return { destination };
}

function integerIn(field: string, value: unknown, min: number, max: number): number {
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
        throw invalidArgument(`${field} must be an integer from ${min} to ${max}`);
    }
    return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
