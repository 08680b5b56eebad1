// FC error codes and the shapes of error bodies on the wire.
//
// FC 2.0 answers errors as `{"ErrorCode": "...", "ErrorMessage": "..."}` with the request id only in the
// `X-Fc-Request-Id` header (FC's own Node SDK, @alicloud/fc2, reads exactly these two capitalised keys;
// the docs print them in lower camel case, the servers do not). Newer gateways may answer POP style
// `{"Code", "Message", "RequestId"}`, which is the only style @alicloud/openapi-client understands.
// A gateway in front of FC can also answer an HTML page. Messages follow FC's documented templates.

/** The error body styles the emulator can produce. */
export type ErrorStyle = "fc" | "pop" | "html";

/** An FC error: HTTP status, error code and message. Thrown inside the emulator and rendered once. */
export class FcError extends Error {
    /**
     * @param status HTTP status to answer.
     * @param code FC error code, e.g. `ServiceNotFound`.
     * @param message Human-readable message; must never contain a secret.
     * @param retryAfterSeconds When set, the answer carries `Retry-After`.
     */
    constructor(
        readonly status: number,
        readonly code: string,
        message: string,
        readonly retryAfterSeconds?: number,
    ) {
        super(message);
        this.name = "FcError";
    }
}

/** 400 InvalidArgument: a parameter or the body is invalid. */
export function invalidArgument(message: string): FcError {
    return new FcError(400, "InvalidArgument", message);
}

/** 400 PathNotSupported: FC uses one code, and status 400, for both unknown paths and wrong methods. */
export function pathNotSupported(method: string, path: string): FcError {
    return new FcError(400, "PathNotSupported", `'${method}' against '${path}' is not supported`);
}

/** 400 EntityTooLarge: the request body exceeds the limit. */
export function entityTooLarge(limitBytes: number): FcError {
    return new FcError(400, "EntityTooLarge", `payload size exceeds maximum allowed size (${limitBytes} bytes)`);
}

/** 403 AccessDenied, e.g. a missing Authorization header or an account mismatch. */
export function accessDenied(message: string): FcError {
    return new FcError(403, "AccessDenied", message);
}

/** 403 SignatureNotMatch with FC's documented message, plus what did not match (never a secret). */
export function signatureNotMatch(detail?: string): FcError {
    const base = "The request signature we calculated does not match the signature you provided. Check your access key and signing method";
    return new FcError(403, "SignatureNotMatch", detail === undefined ? base : `${base} (${detail})`);
}

/** 403 InvalidAccessKeyID: the key id is unknown. Key ids are not secret, so FC echoes them. */
export function invalidAccessKeyId(accessKeyId: string): FcError {
    return new FcError(403, "InvalidAccessKeyID", `invalid access key ID '${accessKeyId}'`);
}

/**
 * 403 InvalidSecurityToken: an STS key came without its token, or with another one. FC's error page does
 * not list a code for this case; the emulator uses the code Alibaba Cloud's STS-aware gateways use.
 */
export function invalidSecurityToken(): FcError {
    return new FcError(403, "InvalidSecurityToken", "the security token in x-acs-security-token is missing or invalid for this access key");
}

/** 403 InvalidSecurityToken.Expired: a temporary key used after the expiration STS gave it. */
export function securityTokenExpired(): FcError {
    return new FcError(403, "InvalidSecurityToken.Expired", "the security token has expired");
}

/** 404 ServiceNotFound. */
export function serviceNotFound(service: string): FcError {
    return new FcError(404, "ServiceNotFound", `service '${service}' does not exist`);
}

/** 404 FunctionNotFound. */
export function functionNotFound(service: string, fn: string): FcError {
    return new FcError(404, "FunctionNotFound", `function '${fn}' does not exist in service '${service}'`);
}

/** 404 VersionNotFound: a numeric qualifier that is not a published version. */
export function versionNotFound(service: string, version: string): FcError {
    return new FcError(404, "VersionNotFound", `version '${version}' of service '${service}' does not exist`);
}

/** 404 AliasNotFound: a named qualifier that is not an alias. */
export function aliasNotFound(service: string, alias: string): FcError {
    return new FcError(404, "AliasNotFound", `alias '${alias}' of service '${service}' does not exist`);
}

/** 404 AsyncConfigNotExists: the function and qualifier exist but have no async-invoke config. */
export function asyncConfigNotExists(service: string, fn: string, qualifier: string): FcError {
    return new FcError(
        404,
        "AsyncConfigNotExists",
        `async invoke config of function '${fn}' (qualifier '${qualifier}') of service '${service}' does not exist`,
    );
}

/**
 * An FC 3.0 (API 2023-03-30) 404 for a missing function (`FunctionNotFound`), version (`VersionNotFound`) or
 * alias (`AliasNotFound`). FC 3.0 has no services: versions and aliases belong to the function.
 */
export function fc3NotFound(what: "function" | "version" | "alias", fn: string, qualifier = ""): FcError {
    switch (what) {
        case "function":
            return new FcError(404, "FunctionNotFound", `function '${fn}' does not exist`);
        case "version":
            return new FcError(404, "VersionNotFound", `version '${qualifier}' of function '${fn}' does not exist`);
        default:
            return new FcError(404, "AliasNotFound", `alias '${qualifier}' of function '${fn}' does not exist`);
    }
}

/** FC 3.0's 404 AsyncConfigNotExists: the function and qualifier exist but have no async-invoke config. */
export function fc3AsyncConfigNotExists(fn: string, qualifier: string): FcError {
    return new FcError(404, "AsyncConfigNotExists", `async invoke config of function '${fn}' (qualifier '${qualifier}') does not exist`);
}

/** 429 ResourceExhausted: the rate limit was hit. */
export function resourceExhausted(retryAfterSeconds?: number): FcError {
    return new FcError(429, "ResourceExhausted", "request was denied due to API flow control, please retry later", retryAfterSeconds);
}

/** 500 InternalServerError: an emulator bug; the message is generic so nothing internal leaks. */
export function internalServerError(): FcError {
    return new FcError(500, "InternalServerError", "an internal error occurred");
}

/** The code a status fault uses when it names none: the FC code usually seen with that status. */
export function defaultCodeForStatus(status: number): string {
    const known: Record<number, string> = {
        400: "InvalidArgument",
        403: "AccessDenied",
        404: "PathNotSupported",
        409: "ConcurrentUpdateError",
        429: "ResourceExhausted",
        499: "ClientClosedRequest",
        500: "InternalServerError",
        502: "BadGateway",
        503: "ResourceThrottled",
        504: "GatewayTimeout",
    };
    return known[status] ?? (status >= 500 ? "InternalServerError" : "InvalidArgument");
}

/** A response ready to be written: status, headers (besides X-Fc-Request-Id) and body bytes. */
export interface RenderedError {
    status: number;
    headers: Record<string, string>;
    body: string;
}

/** Renders an error in the given style. The request id goes in the body only for POP style, as POP does. */
export function renderError(error: FcError, style: ErrorStyle, requestId: string): RenderedError {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds !== undefined) {
        headers["Retry-After"] = String(error.retryAfterSeconds);
    }
    if (style === "html") {
        headers["Content-Type"] = "text/html";
        const title = `${error.status} ${error.code}`;
        // Looks like what a load balancer in front of FC returns; deliberately not JSON.
        const body = `<html>\r\n<head><title>${escapeHtml(title)}</title></head>\r\n<body>\r\n<center><h1>${escapeHtml(title)}</h1></center>\r\n<hr><center>${escapeHtml(error.message)}</center>\r\n</body>\r\n</html>\r\n`;
        return { status: error.status, headers, body };
    }
    headers["Content-Type"] = "application/json";
    const payload =
        style === "pop" ? { Code: error.code, Message: error.message, RequestId: requestId } : { ErrorCode: error.code, ErrorMessage: error.message };
    return { status: error.status, headers, body: JSON.stringify(payload) };
}

function escapeHtml(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
