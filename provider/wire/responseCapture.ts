// The SDK drops FC's response headers when a request fails, and with them the `X-Fc-Request-Id` that
// support needs and the `Retry-After` that throttling sends. Rather than patch the SDK, this listens on
// Node's public `http.client.response.finish` diagnostics channel, which reports every HTTP response
// of the process as its headers arrive, and keeps the ones whose request carried a trace id this
// provider chose. It also keeps the request itself, to tell afterwards whether our own client
// abandoned it (its read timeout) after the headers had arrived.

import * as diagnostics from "node:diagnostics_channel";
import type { ClientRequest, IncomingMessage } from "node:http";

/** What was seen of one response. */
export interface ResponseInfo {
    status: number;
    /** `X-Fc-Request-Id`, else `X-Acs-Request-Id`. */
    requestId?: string;
    /** `Retry-After` in milliseconds, when FC sent it as seconds or as an HTTP date. */
    retryAfterMs?: number;
    /** `Location`, as sent (a redirect's target); foreign text, to be redacted before any message. */
    location?: string;
    /**
     * The SDK's HTTP client aborted the request after these headers arrived: its read timeout fired while
     * the body was still incomplete. Read when the request settled (see {@link takeResponse}).
     */
    abortedByClient?: boolean;
}

/** The header this provider sets on every request; FC echoes it into its logs. */
export const TRACE_HEADER = "x-fc-trace-id";

/** What was seen of a response, and its request, which is only asked whether it was aborted. */
interface Seen {
    info: ResponseInfo;
    request: ClientRequest;
}

const awaited = new Map<string, Seen | undefined>();
let subscribed = false;

interface ResponseMessage {
    request: ClientRequest;
    response: IncomingMessage;
}

function onResponse(message: unknown): void {
    const { request, response } = message as ResponseMessage;
    const traceId = request.getHeader(TRACE_HEADER);
    if (typeof traceId !== "string" || !awaited.has(traceId)) {
        return;
    }
    awaited.set(traceId, {
        info: {
            status: response.statusCode ?? 0,
            // FC's own header; POP gateways in front of FC 3.0 may answer with theirs instead.
            requestId: headerValue(response.headers["x-fc-request-id"]) || headerValue(response.headers["x-acs-request-id"]),
            retryAfterMs: parseRetryAfter(headerValue(response.headers["retry-after"])),
            location: headerValue(response.headers.location),
        },
        request,
    });
}

/**
 * Starts watching for the response of the request that will carry `traceId`. Call
 * {@link takeResponse} once the request settled, whether it succeeded or not, to stop watching.
 */
export function watchResponse(traceId: string): void {
    if (!subscribed) {
        diagnostics.subscribe("http.client.response.finish", onResponse);
        subscribed = true;
    }
    awaited.set(traceId, undefined);
}

/**
 * The response seen for `traceId`, or undefined when none arrived (connection failed, timed out). Call
 * it once the request settled: whether the client aborted the request is read at that moment.
 */
export function takeResponse(traceId: string): ResponseInfo | undefined {
    const seen = awaited.get(traceId);
    awaited.delete(traceId);
    if (seen === undefined) {
        return undefined;
    }
    // The SDK's HTTP client (httpx) calls `abort()` only from its read timer; a reset by the server or a
    // proxy destroys the socket without it. So `aborted` after the headers means our timeout fired.
    // (Node deprecates `aborted` for `destroyed`, which is true either way and cannot tell them apart.)
    return seen.request.aborted ? { ...seen.info, abortedByClient: true } : seen.info;
}

/** `Retry-After: 2` or `Retry-After: <HTTP date>` in milliseconds from now; undefined if absent or garbled. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
    if (value === undefined || value.trim() === "") {
        return undefined;
    }
    if (/^\d+(\.\d+)?$/.test(value.trim())) {
        return Math.round(Number(value) * 1000);
    }
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function headerValue(value: string | string[] | undefined): string | undefined {
    return Array.isArray(value) ? value[0] : value;
}
