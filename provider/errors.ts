// The three ways a lookup can fail, each a typed class so that programs and tests can tell them apart:
// bad input (nothing was sent), configuration that is missing, wrong or refused (nothing was sent to FC;
// STS may have been asked for credentials or the account id), and a failed FC request.
// No message built here ever includes a credential: only names of settings, never their values.
// Each is a `pulumi.RunError`, so that one escaping a program prints as the engine prints its own errors:
// the message once, without a stack trace or a dump of the fields (which stay for code that catches it).

import { RunError } from "@pulumi/pulumi/errors";

/**
 * A lookup argument broke a rule. Raised before any request is sent.
 *
 * @group Errors
 */
export class InvalidLookupError extends RunError {
    /** The argument that broke the rule, e.g. `functionName`. */
    readonly field: string;
    /** The rule, in words. */
    readonly rule: string;

    /** `value` is shown (cut short) so the mistake can be found; it is never a credential. */
    constructor(field: string, rule: string, value: unknown) {
        super(`invalid ${field} ${describeValue(value)}: ${rule}`);
        this.name = "InvalidLookupError";
        this.field = field;
        this.rule = rule;
    }
}

/**
 * One missing, invalid or contradictory setting, against the config key or variable it came from.
 *
 * @group Errors
 */
export interface SettingProblem {
    /** The key or variable at fault, e.g. `alicloud:region`, `ALICLOUD_SECRET_KEY` or `fcAsyncInvokeConfig:maxAttempts`. */
    setting: string;
    /** What is wrong and what to do, in words; never a setting's value if it may be a secret. */
    message: string;
}

/**
 * What a service said when a configuration step that needs it (STS) failed.
 *
 * @group Errors
 */
export interface ServiceAnswer {
    /** The service's error code, e.g. `SignatureDoesNotMatch`, or ours for failures without an answer (`NetworkError`). */
    code: string;
    /** HTTP status of the answer; absent when none arrived. */
    status?: number;
    /** The service's request id; quote it to Alibaba Cloud support. */
    requestId?: string;
}

/**
 * A setting the lookup needs (region, credentials, account id, endpoints, tuning) is missing, invalid or
 * contradicts another. Raised before any request to FC; the message says which setting to add or fix and
 * where. When several settings are wrong, one error lists them all ({@link problems}).
 *
 * @group Errors
 */
export class ConfigurationError extends RunError {
    /** The setting at fault, e.g. `alicloud:region` or `fcAsyncInvokeConfig:maxAttempts`; the first of {@link problems}. */
    readonly setting: string;
    /** Every problem found, in the order settings are resolved; at least one. */
    readonly problems: readonly SettingProblem[];
    /** The service's error code, when a service (STS) refused a configuration step. */
    readonly code?: string;
    /** HTTP status of that service's answer. */
    readonly status?: number;
    /** That service's request id. */
    readonly requestId?: string;

    /**
     * `message` must say which setting to add or fix, and never include a secret. `answer` is what a
     * service said, when one refused; `problems` lists every problem when there are several.
     */
    constructor(setting: string, message: string, answer?: ServiceAnswer, problems?: readonly SettingProblem[]) {
        super(message);
        this.name = "ConfigurationError";
        this.setting = setting;
        this.problems = problems ?? [{ setting, message }];
        this.code = answer?.code;
        this.status = answer?.status;
        this.requestId = answer?.requestId;
    }

    /** One error for several problems (at least one), each on its own line. A single problem reads as it is. */
    static of(problems: readonly SettingProblem[]): ConfigurationError {
        if (problems.length === 0) {
            throw new RangeError("ConfigurationError.of: no problems");
        }
        if (problems.length === 1) {
            return new ConfigurationError(problems[0].setting, problems[0].message);
        }
        const listed = problems.map((p) => `- ${p.message}`).join("\n");
        return new ConfigurationError(problems[0].setting, `${problems.length} configuration problems:\n${listed}`, undefined, [...problems]);
    }
}

/**
 * What kind of failure an {@link FcError} is; decides retrying and wording.
 *
 * @group Errors
 */
export type FcErrorKind =
    /** The service, function, version, alias or the async config itself does not exist (HTTP 404). */
    | "not-found"
    /** The caller may not read it, or the request's credentials or signature were refused (HTTP 403). */
    | "denied"
    /** FC refused the request as malformed (other 4xx). Not retried. */
    | "rejected"
    /** Throttling (429, 503 ResourceThrottled). Retried. */
    | "throttled"
    /** FC failed (5xx). Retried. */
    | "server"
    /** The connection failed, was reset, or timed out. Retried. */
    | "network"
    /** FC answered 2xx with a body that is not the documented object. Not retried. */
    | "malformed-response"
    /** The endpoint, or something in front of it, answered with a redirect (3xx). Never followed, never retried. */
    | "redirected";

/**
 * The fields of an {@link FcError}.
 *
 * @group Errors
 */
export interface FcErrorDetails {
    /** What kind of failure this is; decides retrying and wording. */
    kind: FcErrorKind;
    /** FC's error code (`FunctionNotFound`, `AccessDenied`, …) or, for failures with no FC code, ours (`NetworkError`, `Timeout`, `MalformedResponse`, `ListTooLong`, `Redirect`, `Throttled`). */
    code: string;
    /** HTTP status of FC's answer; absent when there was no answer. */
    status?: number;
    /** FC's `X-Fc-Request-Id` of the last answer (else the `RequestId` of its error body); quote it to Alibaba Cloud support. */
    requestId?: string;
    /** The `RequestId` of a POP-style error body, when the answer also had an `X-Fc-Request-Id` header that differs. */
    bodyRequestId?: string;
    /** The `X-Fc-Trace-Id` this provider sent with the last attempt. */
    traceId?: string;
    /** What was being read, in words. */
    reading: string;
    /** FC's own message, if any. */
    fcMessage?: string;
    /** What the user can do about it. */
    hint?: string;
    /** How many requests were sent before giving up. */
    attempts: number;
}

/**
 * A request to Function Compute failed. The message names the FC error code, the HTTP status, the
 * request id and what was being read, so it can be acted on from `pulumi preview` output alone.
 *
 * @group Errors
 */
export class FcError extends RunError {
    /** What kind of failure this is; decides whether it was retried. */
    readonly kind: FcErrorKind;
    /**
     * FC's error code, or ours for failures without one: `Timeout`, `ECONNRESET` and other network codes,
     * `MalformedResponse`, `ListTooLong` (a list still handing out tokens past `fcAsyncInvokeConfig:maxPages` or its
     * time budget), `Redirect` (a 3xx), `Throttled` (gave up at the deployment's throttling pause).
     */
    readonly code: string;
    /** HTTP status of FC's last answer; absent when none arrived. */
    readonly status?: number;
    /**
     * FC's `X-Fc-Request-Id` of the last answer, or, when the answer had no such header, the `RequestId`
     * of its POP-style error body. Quote it to Alibaba Cloud support.
     */
    readonly requestId?: string;
    /**
     * The `RequestId` of a POP-style error body (`Code`/`Message`/`RequestId`, as API gateways answer)
     * when the answer carried an `X-Fc-Request-Id` header too and the two differ. Support may ask for either.
     */
    readonly bodyRequestId?: string;
    /** The `X-Fc-Trace-Id` this provider sent with the last attempt. */
    readonly traceId?: string;
    /** What was being read, in words. */
    readonly reading: string;
    /** FC's own message, redacted and cut short. */
    readonly fcMessage?: string;
    /** What the user can do about it. */
    readonly hint?: string;
    /** How many requests were sent before giving up. */
    readonly attempts: number;

    /** Builds the error and its message from the details of the last attempt. */
    constructor(details: FcErrorDetails) {
        super(formatFcError(details));
        this.name = "FcError";
        this.kind = details.kind;
        this.code = details.code;
        this.status = details.status;
        this.requestId = details.requestId;
        this.bodyRequestId = details.bodyRequestId;
        this.traceId = details.traceId;
        this.reading = details.reading;
        this.fcMessage = details.fcMessage;
        this.hint = details.hint;
        this.attempts = details.attempts;
    }

    /** Whether retrying the same request may succeed. */
    get retryable(): boolean {
        return this.kind === "throttled" || this.kind === "server" || this.kind === "network";
    }
}

function formatFcError(d: FcErrorDetails): string {
    const status = d.status === undefined ? "no HTTP answer" : `HTTP ${d.status}`;
    const parts = [`${d.code} (${status}) while reading ${d.reading}`];
    // A not-found hint names what is missing more precisely than FC's message, which would only repeat it.
    if (d.fcMessage && d.kind !== "not-found") {
        parts.push(`FC said: ${d.fcMessage}`);
    }
    if (d.hint) {
        parts.push(d.hint);
    }
    // Parts are sentences joined with ". "; their own final stops would double it.
    const sentences = parts.map((part) => part.replace(/[.\s]+$/, ""));
    const ids = [`request id: ${d.requestId ?? "none"}`];
    if (d.bodyRequestId) {
        ids.push(`RequestId in the body: ${d.bodyRequestId}`);
    }
    if (d.traceId) {
        ids.push(`trace id: ${d.traceId}`);
    }
    if (d.attempts > 1) {
        ids.push(`attempts: ${d.attempts}`);
    }
    return `${sentences.join(". ")}. (${ids.join(", ")})`;
}

function describeValue(value: unknown): string {
    if (typeof value !== "string") {
        return `(${value === null ? "null" : typeof value})`;
    }
    // Show enough to find the mistake without flooding the terminal.
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
}

/** `1.5 s`: a duration in milliseconds as messages state it, to the millisecond at most. */
export function seconds(ms: number): string {
    return `${Number((ms / 1000).toFixed(3))} s`;
}
