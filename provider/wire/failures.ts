// Whatever went wrong with one attempt, translated into an FcError that names the FC code, the HTTP
// status, the request id and what was being read. The SDKs understand only POP-style error bodies
// (`Code`/`Message`/`RequestId`, FC 3.0's); FC 2.0 answers FC-style (`ErrorCode`/`ErrorMessage`,
// request id in a header). Both are read here. The status and request id come from the response itself
// (see responseCapture.ts), not from the SDK's error. Everything the answer says (message, code, ids,
// Location) is foreign text, redacted before use.

import { FcError, type FcErrorKind, seconds } from "../errors";
import { type SecretSet, sdkMessage } from "../credentials/redaction";
import { deniedHint } from "./deniedHint";
import { type PageRefused } from "./mapping";
import { type Attempt, type AttemptFailure, describeReading, expected, type RequestSpec } from "./request";
import { type ResponseInfo } from "./responseCapture";

/** Longest code and request id kept from an answer; anything longer is not an id. */
const MAX_ID_LENGTH = 100;

/** The request ids of an answer: the header's, and the error body's when it differs. */
export interface AnswerIds {
    requestId?: string;
    bodyRequestId?: string;
}

/**
 * The ids an answer carried, redacted: `X-Fc-Request-Id` first (FC's own), else a POP-style body's
 * `RequestId`; when both are there and differ, the body's is kept beside it.
 */
export function idsOf(secrets: SecretSet, response: ResponseInfo | undefined, body: Record<string, unknown>): AnswerIds {
    const header = foreign(secrets, stringOr(response?.requestId), MAX_ID_LENGTH);
    const inBody = foreign(secrets, stringOr(body.RequestId ?? body.requestId), MAX_ID_LENGTH);
    return { requestId: header ?? inBody, bodyRequestId: header !== undefined && inBody !== header ? inBody : undefined };
}

/** Classifies a thrown SDK error, using the response (if one arrived) as the source of truth. */
export function failureFrom(err: unknown, response: ResponseInfo | undefined, attempt: Attempt): AttemptFailure {
    const { spec } = attempt;
    const body = errorBody(err);
    const status = response?.status ?? numberOr(body.statusCode);
    const ids = idsOf(spec.secrets, response, body);
    const base = { reading: describeReading(spec), traceId: attempt.traceId, attempts: attempt.number, ...ids };

    // A redirect is refused for what it is, whatever happened to its body afterwards.
    if (status !== undefined && status >= 300 && status < 400) {
        return redirected(attempt, status, response);
    }
    const timedOut = timeoutOf(err, response);
    // An SDK error that carries a parsed body is an HTTP answer, whatever its message says.
    const answered = err instanceof Error && (err as { data?: unknown }).data !== undefined;
    if (timedOut !== undefined || status === undefined || (!answered && isTransportError(err))) {
        return {
            error: new FcError({
                ...base,
                kind: "network",
                code: timedOut === undefined ? transportCode(err) : "Timeout",
                status,
                fcMessage: undefined,
                hint: timedOut === undefined ? networkHint(err, status, attempt) : timeoutHint(timedOut, status, attempt),
            }),
        };
    }
    if (status >= 200 && status < 300) {
        return malformed(attempt, status, ids, `FC answered ${status} but the body is not ${expected(spec)} (${messageOf(err, spec.secrets)})`);
    }
    // FC 2.0's own style (`ErrorCode`, also documented as `errorCode`) or POP's (`Code`, FC 3.0's).
    const code = foreign(spec.secrets, stringOr(body.ErrorCode ?? body.errorCode ?? body.Code ?? body.code), MAX_ID_LENGTH) ?? `HTTP${status}`;
    const fcMessage = foreign(spec.secrets, stringOr(body.ErrorMessage ?? body.errorMessage ?? body.Message ?? body.message));
    const kind = kindOf(status, code, spec);
    return {
        error: new FcError({ ...base, kind, code, status, fcMessage, hint: hintFor(kind, code, spec, response?.retryAfterMs) }),
        retryAfterMs: response?.retryAfterMs,
    };
}

/** A 3xx. Not followed (the SDK does not follow either) and not retried: the same request gets the same answer. */
export function redirected(attempt: Attempt, status: number, response: ResponseInfo | undefined): AttemptFailure {
    const { spec } = attempt;
    const to = locationHost(response?.location, spec);
    return {
        error: new FcError({
            reading: describeReading(spec),
            traceId: attempt.traceId,
            attempts: attempt.number,
            ...idsOf(spec.secrets, response, {}),
            kind: "redirected",
            code: "Redirect",
            status,
            hint:
                `the endpoint answered ${status}, a redirect ${to === undefined ? "without a Location" : `to ${to}`}; ` +
                "redirects are never followed and their bodies never read as a config: check the endpoint, or the proxy in front of it",
        }),
    };
}

/** The host a `Location` names (relative ones are the endpoint's own), never its path or query. */
function locationHost(location: string | undefined, spec: RequestSpec): string | undefined {
    if (location === undefined) {
        return undefined;
    }
    try {
        const url = new URL(location, `${spec.target.protocol}://${spec.target.host}`);
        return foreign(spec.secrets, url.host, MAX_ID_LENGTH) ?? "an empty host";
    } catch {
        return "an unreadable Location";
    }
}

/** A 2xx whose body is not an async invoke config, or a page a list cannot take. Not retried: the same request gets the same body. */
export function malformed(
    attempt: Attempt,
    status: number | undefined,
    ids: AnswerIds,
    hint: string,
    code: PageRefused["code"] = "MalformedResponse",
): AttemptFailure {
    return {
        error: new FcError({
            reading: describeReading(attempt.spec),
            traceId: attempt.traceId,
            attempts: attempt.number,
            ...ids,
            kind: "malformed-response",
            code,
            status,
            hint,
        }),
    };
}

/** The codes FC uses for throttling: FC 2.0's two, and the POP gateways' of FC 3.0. */
const THROTTLED_CODES = new Set(["ResourceThrottled", "ResourceExhausted", "TooManyRequests", "Throttling", "Throttling.User", "Throttling.Api"]);

function kindOf(status: number, code: string, spec: RequestSpec): FcErrorKind {
    // Only the codes the data source knows mean "missing": any other 404 (a proxy's page, a path the
    // endpoint does not serve) must never be mistaken for the object not existing.
    if (status === 404 && spec.source.notFoundHint(code, spec.args) !== undefined) {
        return "not-found";
    }
    if (status === 403) {
        return "denied";
    }
    if (status === 429 || THROTTLED_CODES.has(code)) {
        return "throttled";
    }
    // 408 and 499 mean the request never completed: as transient as a reset connection.
    if (status === 408 || status === 499) {
        return "network";
    }
    return status >= 500 ? "server" : "rejected";
}

function hintFor(kind: FcErrorKind, code: string, spec: RequestSpec, retryAfterMs: number | undefined): string | undefined {
    const { source, args } = spec;
    switch (kind) {
        case "not-found":
            return source.notFoundHint(code, args);
        case "denied":
            return deniedHint(code, { ramAction: source.ramAction, resource: source.ramResource(args, spec.target), credentialOrigin: spec.credentialOrigin });
        case "rejected":
            return code === "PathNotSupported"
                ? `the endpoint does not serve the ${source.api.product} API (${source.api.version}); check the endpoint`
                : undefined;
        case "throttled":
            return retryAfterMs === undefined
                ? "FC throttled the request"
                : `FC throttled the request and asked for a pause of ${seconds(retryAfterMs)} (Retry-After)`;
        default:
            return retryAfterMs === undefined ? undefined : `FC asked for a pause of ${seconds(retryAfterMs)} (Retry-After)`;
    }
}

/** Error codes Node and the SDK's HTTP client use for a request that got no complete answer. */
const TRANSPORT_CODES = new Set([
    "ECONNRESET",
    "ECONNREFUSED",
    "ECONNABORTED",
    "ETIMEDOUT",
    "EPIPE",
    "EHOSTUNREACH",
    "ENETUNREACH",
    "ENOTFOUND",
    "EAI_AGAIN",
    "UND_ERR_SOCKET",
]);

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
    const code = err instanceof Error ? (err as { code?: unknown }).code : undefined;
    return typeof code === "string" && TRANSPORT_CODES.has(code) ? code : "NetworkError";
}

/** Which of our own timeouts ended an attempt: connecting, waiting for the headers, or reading the body. */
type TimedOut = "connect" | "answer" | "body";

function timeoutOf(err: unknown, response: ResponseInfo | undefined): TimedOut | undefined {
    // The SDK's read timer aborts the request and the body read fails as a reset ("aborted"): ours, not the server's.
    if (response?.abortedByClient) {
        return "body";
    }
    if (err instanceof Error && (err.name === "RequestTimeoutError" || /ReadTimeout|ConnectTimeout/.test(err.message))) {
        return /ConnectTimeout/.test(err.message) ? "connect" : "answer";
    }
    return undefined;
}

function timeoutHint(timedOut: TimedOut, status: number | undefined, attempt: Attempt): string {
    const { spec, number } = attempt;
    const where = `${spec.target.protocol}://${spec.target.host}`;
    const cut = attempt.timeoutMs < spec.timeoutMs ? ", cut to what was left of fcAsyncInvokeConfig:retryBudgetSeconds" : "";
    const limit = `${seconds(attempt.timeoutMs)} (fcAsyncInvokeConfig:timeoutSeconds${cut})`;
    switch (timedOut) {
        case "connect":
            return `attempt ${number} timed out: no connection to ${where} within ${limit}`;
        case "answer":
            return `attempt ${number} timed out: no answer from ${where} within ${limit}`;
        case "body":
            return `the read timed out on attempt ${number}: ${where} answered HTTP ${status ?? "?"} and then went silent, the body still incomplete after ${limit}`;
    }
}

function networkHint(err: unknown, status: number | undefined, attempt: Attempt): string {
    const { spec, number } = attempt;
    const where = `${spec.target.protocol}://${spec.target.host}`;
    const cause = messageOf(err, spec.secrets);
    return status === undefined
        ? `the request to ${where} failed on attempt ${number}: ${cause}`
        : `${where} answered HTTP ${status}, then the connection broke before the body was complete (attempt ${number}: ${cause})`;
}

/** The parsed error body the SDK attached as `err.data`, or an empty record. */
function errorBody(err: unknown): Record<string, unknown> {
    const data = err instanceof Error ? (err as { data?: unknown }).data : undefined;
    return typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {};
}

/** An SDK or Node error message, redacted. */
function messageOf(err: unknown, secrets: SecretSet): string {
    return secrets.redact(sdkMessage(err instanceof Error ? err.message : String(err)));
}

/** Foreign text from an answer, redacted (then cut to `max`); undefined stays undefined. */
function foreign(secrets: SecretSet, text: string | undefined, max?: number): string | undefined {
    return text === undefined ? undefined : secrets.redact(text, max);
}

function stringOr(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" && value !== "undefined" ? value : undefined;
}

function numberOr(value: unknown): number | undefined {
    return typeof value === "number" ? value : undefined;
}
