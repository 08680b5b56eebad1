// One GET to FC through the official SDK, and the translation of whatever went wrong into an FcError
// that names the FC code, the HTTP status, the request id and what was being read.
//
// The SDK understands only POP-style error bodies (`Code`/`Message`/`RequestId`); FC 2.0 answers
// FC-style (`ErrorCode`/`ErrorMessage`, request id in a header). Both are read here. The status and
// request id come from the response itself (see responseCapture.ts), not from the SDK's error.

import { randomUUID } from "node:crypto";
import type FC from "@alicloud/fc-open20210406";
import * as $OpenApi from "@alicloud/openapi-client";
import * as $Util from "@alicloud/tea-util";
import { deniedHint } from "./deniedHint";
import { FcError, FcErrorKind } from "./errors";
import { toFields, UnexpectedBodyError } from "./mapping";
import { redact } from "./redaction";
import { ResponseInfo, takeResponse, watchResponse } from "./responseCapture";
import { Target } from "./target";
import { AsyncInvokeConfigFields, LookupInputs } from "./types";

/** The lookup as one request needs it. */
export interface RequestSpec {
    /** The validated lookup, qualifier filled in. */
    lookup: LookupInputs & { qualifier: string };
    /** Where the request goes. */
    target: Target;
    /** Where the signing credentials came from, for 403 messages; never a secret. */
    signer?: string;
}

/** A failed attempt, with what the retry logic needs to decide. */
export interface AttemptFailure {
    /** The failure as the user will see it if it is the last. */
    error: FcError;
    /** FC's Retry-After, in milliseconds. */
    retryAfterMs?: number;
}

/** The API and its version, as FC routes and signs them. */
const ACTION = "GetFunctionAsyncInvokeConfig";
const API_VERSION = "2021-04-06";

/**
 * Sends one GetFunctionAsyncInvokeConfig request. Resolves to FC's answer mapped onto the data
 * source's fields; rejects with an {@link AttemptFailure} otherwise.
 *
 * The request goes through the SDK's generic `callApi` (the client's own signing, credentials and
 * HTTP) with the same description the SDK's generated `getFunctionAsyncInvokeConfigWithOptions`
 * builds. The generated method adds only model objects around it and a reflective cast of the body
 * onto model classes, about a tenth of the whole call's CPU on loopback (see bench/); mapping.ts
 * checks the body itself instead, naming the field that is wrong.
 */
export async function getAsyncInvokeConfigOnce(client: FC, spec: RequestSpec, attempt: number, timeoutMs: number): Promise<AsyncInvokeConfigFields> {
    const traceId = `pulumi-fcaic-${randomUUID()}`;
    watchResponse(traceId);
    let body: unknown;
    try {
        const response: { body?: unknown } = await client.callApi(
            new $OpenApi.Params({
                action: ACTION,
                version: API_VERSION,
                // The client's configured protocol wins over this one (http for the stand-in).
                protocol: "HTTPS",
                pathname: pathOf(spec.lookup),
                method: "GET",
                authType: "AK",
                style: "ROA",
                reqBodyType: "json",
                bodyType: "json",
            }),
            new $OpenApi.OpenApiRequest({ headers: headersOf(spec.target, traceId), query: { qualifier: spec.lookup.qualifier } }),
            runtimeOptions(timeoutMs),
        );
        body = response.body;
    } catch (err) {
        throw failureFrom(err, takeResponse(traceId), spec, traceId, attempt);
    }
    const seen = takeResponse(traceId);
    try {
        return toFields(body);
    } catch (err) {
        if (err instanceof UnexpectedBodyError) {
            throw malformed(spec, traceId, attempt, seen?.status, seen?.requestId, err.message);
        }
        throw err;
    }
}

/** The last runtime options built: every first attempt of a deployment uses the same timeout. */
let lastRuntime: { timeoutMs: number; options: $Util.RuntimeOptions } | undefined;

/** The SDK's per-request options; the SDK only reads them, so one object serves many requests. */
function runtimeOptions(timeoutMs: number): $Util.RuntimeOptions {
    if (lastRuntime?.timeoutMs !== timeoutMs) {
        // The SDK's own retry loop retries nothing useful; ours (retry.ts) does the work.
        lastRuntime = { timeoutMs, options: new $Util.RuntimeOptions({ autoretry: false, connectTimeout: timeoutMs, readTimeout: timeoutMs }) };
    }
    return lastRuntime.options;
}

/** `/2021-04-06/services/{serviceName}/functions/{functionName}/async-invoke-config`. */
function pathOf(lookup: LookupInputs): string {
    // Validated names need no escaping; encoding anyway keeps the path safe if the rules ever loosen.
    return `/${API_VERSION}/services/${encodeURIComponent(lookup.serviceName)}/functions/${encodeURIComponent(lookup.functionName)}/async-invoke-config`;
}

function headersOf(target: Target, traceId: string): Record<string, string> {
    const headers: Record<string, string> = { "X-Fc-Trace-Id": traceId };
    if (target.accountId !== undefined) {
        headers["X-Fc-Account-Id"] = target.accountId;
    }
    return headers;
}

/** Classifies a thrown SDK error, using the response (if one arrived) as the source of truth. */
export function failureFrom(err: unknown, response: ResponseInfo | undefined, spec: RequestSpec, traceId: string, attempt: number): AttemptFailure {
    const body = errorBody(err);
    const status = response?.status ?? numberOr(body.statusCode);
    const base = { reading: describeReading(spec), traceId, attempts: attempt, requestId: response?.requestId ?? stringOr(body.RequestId ?? body.requestId) };

    // An SDK error that carries a parsed body is an HTTP answer, whatever its message says.
    const answered = err instanceof Error && (err as { data?: unknown }).data !== undefined;
    if (status === undefined || (!answered && isTransportError(err))) {
        return {
            error: new FcError({
                ...base,
                kind: "network",
                code: transportCode(err),
                status,
                fcMessage: undefined,
                hint: `the request to ${spec.target.protocol}://${spec.target.host} failed: ${messageOf(err)}`,
            }),
        };
    }
    if (status >= 200 && status < 300) {
        return malformed(spec, traceId, attempt, status, base.requestId, messageOf(err));
    }
    const code = stringOr(body.ErrorCode ?? body.Code ?? body.code) ?? `HTTP${status}`;
    const said = stringOr(body.ErrorMessage ?? body.Message ?? body.message);
    const fcMessage = said === undefined ? undefined : redact(said);
    const kind = kindOf(status, code);
    return {
        error: new FcError({ ...base, kind, code, status, fcMessage, hint: hintFor(kind, code, spec) }),
        retryAfterMs: response?.retryAfterMs,
    };
}

/** A 2xx whose body is not an async invoke config. Not retried: the same request gets the same body. */
function malformed(spec: RequestSpec, traceId: string, attempt: number, status: number | undefined, requestId: string | undefined, why: string): AttemptFailure {
    return {
        error: new FcError({
            reading: describeReading(spec),
            traceId,
            attempts: attempt,
            requestId,
            kind: "malformed-response",
            code: "MalformedResponse",
            status,
            hint: `FC answered ${status ?? "2xx"} but the body is not an async invoke config (${why})`,
        }),
    };
}

/** What was being read, for messages: only built when something failed. */
function describeReading(spec: RequestSpec): string {
    const { lookup, target } = spec;
    const where = [
        target.accountId === undefined ? undefined : `account ${target.accountId}`,
        target.region === undefined ? undefined : `region ${target.region}`,
        lookup.endpoint === undefined ? undefined : `endpoint ${lookup.endpoint}`,
    ].filter((part) => part !== undefined);
    return `the async invoke config of function "${lookup.functionName}" in service "${lookup.serviceName}" (qualifier ${lookup.qualifier}${where.length ? `; ${where.join(", ")}` : ""})`;
}

/** Whether a rejection came from {@link getAsyncInvokeConfigOnce} (and so carries an FcError). */
export function isAttemptFailure(value: unknown): value is AttemptFailure {
    return typeof value === "object" && value !== null && (value as AttemptFailure).error instanceof FcError;
}

/** The FC codes that mean "this object, or something it lives in, does not exist". */
const NOT_FOUND_CODES = new Set(["ServiceNotFound", "FunctionNotFound", "AsyncConfigNotExists", "VersionNotFound", "AliasNotFound"]);

function kindOf(status: number, code: string): FcErrorKind {
    if (status === 404 && NOT_FOUND_CODES.has(code)) {
        return "not-found";
    }
    if (status === 403) {
        return "denied";
    }
    if (status === 429 || code === "ResourceThrottled" || code === "ResourceExhausted") {
        return "throttled";
    }
    // 408 and 499 mean the request never completed: as transient as a reset connection.
    if (status === 408 || status === 499) {
        return "network";
    }
    return status >= 500 ? "server" : "rejected";
}

function hintFor(kind: FcErrorKind, code: string, spec: RequestSpec): string | undefined {
    const { serviceName, functionName, qualifier } = spec.lookup;
    switch (kind) {
        case "not-found":
            switch (code) {
                case "ServiceNotFound":
                    return `service "${serviceName}" does not exist in this account and region`;
                case "FunctionNotFound":
                    return `function "${functionName}" does not exist in service "${serviceName}"`;
                case "VersionNotFound":
                    return `version "${qualifier}" of service "${serviceName}" does not exist`;
                case "AliasNotFound":
                    return `alias "${qualifier}" of service "${serviceName}" does not exist`;
                default:
                    return `function "${serviceName}/${functionName}" exists but has no async invoke config for qualifier "${qualifier}"`;
            }
        case "denied":
            return deniedHint(code, spec);
        case "rejected":
            return code === "PathNotSupported" ? "the endpoint does not serve the FC 2021-04-06 API; check the endpoint" : undefined;
        case "throttled":
            return "FC throttled the request";
        default:
            return undefined;
    }
}

/** Error codes Node and the SDK's HTTP client use for a request that got no complete answer. */
const TRANSPORT_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ECONNABORTED", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_SOCKET"]);

function isTransportError(err: unknown): boolean {
    if (!(err instanceof Error)) {
        return false;
    }
    const code = (err as { code?: unknown }).code;
    return (
        err.name === "RequestTimeoutError" ||
        (typeof code === "string" && TRANSPORT_CODES.has(code)) ||
        /socket hang up|aborted|ReadTimeout|ConnectTimeout/i.test(err.message)
    );
}

function transportCode(err: unknown): string {
    if (err instanceof Error) {
        if (err.name === "RequestTimeoutError" || /Timeout/.test(err.message)) {
            return "Timeout";
        }
        const code = (err as { code?: unknown }).code;
        if (typeof code === "string" && TRANSPORT_CODES.has(code)) {
            return code;
        }
    }
    return "NetworkError";
}

/** The parsed error body the SDK attached as `err.data`, or an empty record. */
function errorBody(err: unknown): Record<string, unknown> {
    const data = err instanceof Error ? (err as { data?: unknown }).data : undefined;
    return typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {};
}

function messageOf(err: unknown): string {
    const text = err instanceof Error ? err.message : String(err);
    // The SDK appends "GET http://… failed." to the cause without a separator.
    return redact(text.replace(/(\S)((?:GET|PUT|POST|DELETE|HEAD) https?:\/\/)/, "$1; $2"));
}

function stringOr(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" && value !== "undefined" ? value : undefined;
}

function numberOr(value: unknown): number | undefined {
    return typeof value === "number" ? value : undefined;
}
