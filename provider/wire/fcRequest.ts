// One GET to FC through an official SDK (fcClient.ts): every data source's requests, FC 2.0's and
// FC 3.0's, single reads and list pages, go through here. The SDKs take every status below 400 as
// success; only a 2xx is read as an answer here, a 3xx is refused, and whatever went wrong becomes an
// FcError (failures.ts).

import { randomUUID } from "node:crypto";
import { type Target } from "../settings/target";
import { failureFrom, idsOf, malformed, redirected } from "./failures";
import { type FcCaller } from "./fcClient";
import { PageRefused, UnexpectedBodyError } from "./mapping";
import { type Attempt, expected, type FcRequestParts, type RequestSpec } from "./request";
import { takeResponse, watchResponse } from "./responseCapture";
import { type AttemptRecord, publishAttempt } from "./workLog";

/**
 * Sends one request of a read. Resolves to FC's 2xx body mapped by `parse` (a data source's mapping);
 * rejects with an {@link AttemptFailure} otherwise.
 */
export async function sendOnce<T>(
    caller: FcCaller,
    spec: RequestSpec,
    parts: FcRequestParts,
    parse: (body: string) => T,
    attempt: number,
    timeoutMs: number,
): Promise<T> {
    const traceId = `pulumi-fcaic-${randomUUID()}`;
    const described: Attempt = { spec, traceId, number: attempt, timeoutMs };
    const { source } = spec;
    const started = performance.now();
    // Built only when somebody listens (workLog.ts): the outcome's request id is redacted text, not free.
    const publish = (outcome: () => Pick<AttemptRecord, "status" | "code" | "requestId">): void =>
        publishAttempt(() => ({
            operation: `${source.action} (${source.api.product})`,
            request: `${parts.pathname}${Object.keys(parts.query).length === 0 ? "" : `?${new URLSearchParams(parts.query).toString()}`}`,
            attempt,
            ms: performance.now() - started,
            ...outcome(),
        }));
    watchResponse(traceId);
    let answer: { body?: unknown; statusCode?: number };
    try {
        answer = await caller(
            { action: source.action, version: source.api.version, pathname: parts.pathname, query: parts.query, headers: headersOf(spec.target, traceId) },
            timeoutMs,
        );
    } catch (err) {
        const failure = failureFrom(err, takeResponse(traceId), described);
        publish(() => ({ status: failure.error.status, code: failure.error.code, requestId: failure.error.requestId }));
        throw failure;
    }
    const response = takeResponse(traceId);
    const status = response?.status ?? answer.statusCode;
    publish(() => ({ status, requestId: idsOf(spec.secrets, response, {}).requestId }));
    if (status === undefined || status < 200 || status >= 300) {
        throw status !== undefined && status >= 300 && status < 400
            ? redirected(described, status, response)
            : malformed(described, status, idsOf(spec.secrets, response, {}), `FC answered ${status ?? "no status"}, not 2xx`);
    }
    try {
        return parse(typeof answer.body === "string" ? answer.body : "");
    } catch (err) {
        if (err instanceof PageRefused) {
            throw malformed(described, status, idsOf(spec.secrets, response, {}), err.message, err.code);
        }
        if (err instanceof UnexpectedBodyError) {
            throw malformed(
                described,
                status,
                idsOf(spec.secrets, response, {}),
                `FC answered ${status} but the body is not ${expected(spec)} (${err.message})`,
            );
        }
        throw err;
    }
}

function headersOf(target: Target, traceId: string): Record<string, string> {
    const headers: Record<string, string> = { "X-Fc-Trace-Id": traceId };
    if (target.accountId !== undefined) {
        headers["X-Fc-Account-Id"] = target.accountId;
    }
    return headers;
}
