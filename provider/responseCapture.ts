// The SDK drops FC's response headers when a request fails, and with them the `X-Fc-Request-Id` that
// support needs and the `Retry-After` that throttling sends. Rather than patch the SDK, this listens on
// Node's public `http.client.response.finish` diagnostics channel, which reports every HTTP response
// of the process, and keeps the ones whose request carried a trace id this provider chose.

import * as diagnostics from "node:diagnostics_channel";
import type { ClientRequest, IncomingMessage } from "node:http";

/** What was seen of one response. */
export interface ResponseInfo {
    status: number;
    /** `X-Fc-Request-Id`. */
    requestId?: string;
    /** `Retry-After` in milliseconds, when FC sent it as seconds or as an HTTP date. */
    retryAfterMs?: number;
}

/** The header this provider sets on every request; FC echoes it into its logs. */
export const TRACE_HEADER = "x-fc-trace-id";

const awaited = new Map<string, ResponseInfo | undefined>();
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
        status: response.statusCode ?? 0,
        requestId: headerValue(response.headers["x-fc-request-id"]),
        retryAfterMs: parseRetryAfter(headerValue(response.headers["retry-after"])),
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

/** The response seen for `traceId`, or undefined when none arrived (connection failed, timed out). */
export function takeResponse(traceId: string): ResponseInfo | undefined {
    const info = awaited.get(traceId);
    awaited.delete(traceId);
    return info;
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
