// The work a read does, published for whoever shows it: one record per request attempt (its request, the
// attempt, FC's status, error code and request id, how long it took) and one per page of a list past the
// first. The program forwards them to `pulumi.log` (visible with `--debug` / `-v`), the provider host to
// the engine (host/engineLog.ts). Published on diagnostics channels, so that nothing is formatted, and
// nothing costs more than a property read, when nobody listens. A record names no header, signature,
// token or body: only what the stack's own arguments and FC's answer ids say.

import * as diagnostics from "node:diagnostics_channel";

/** One request attempt's outcome. */
export interface AttemptRecord {
    /** The FC operation and API, e.g. `GetFunctionAsyncInvokeConfig (FC 2.0)`. */
    operation: string;
    /** The request path and query, e.g. `/2021-04-06/services/s/functions/f/async-invoke-config?qualifier=LATEST`. */
    request: string;
    /** 1-based. */
    attempt: number;
    /** FC's HTTP status; absent when none arrived. */
    status?: number;
    /** The FcError code of a failed attempt. */
    code?: string;
    requestId?: string;
    ms: number;
}

/** A list read's progress: pages and configs so far. */
export interface PageRecord {
    /** What is read, e.g. `the async invoke configs of function "f" in service "s"`. */
    subject: string;
    page: number;
    items: number;
}

const attempts = diagnostics.channel("pulumi-fc-async-invoke-config:attempt");
const pages = diagnostics.channel("pulumi-fc-async-invoke-config:page");

/** Publishes an attempt's record, built only when somebody listens. */
export function publishAttempt(record: () => AttemptRecord): void {
    if (attempts.hasSubscribers) {
        attempts.publish(record());
    }
}

/** Publishes a list's progress after `page` (from the second page on: a one-page list stays quiet). */
export function publishPage(record: () => PageRecord): void {
    if (pages.hasSubscribers) {
        pages.publish(record());
    }
}

/** Where the records go: `attempt` lines are for `--debug`, `page` lines are progress. */
export interface WorkLogListener {
    attempt(line: string): void;
    page(line: string): void;
}

/** Sends every record, as a line, to `listener`; returns what stops it. */
export function listenToWork(listener: WorkLogListener): () => void {
    const onAttempt = (message: unknown): void => listener.attempt(describeAttempt(message as AttemptRecord));
    const onPage = (message: unknown): void => listener.page(describePage(message as PageRecord));
    diagnostics.subscribe(attempts.name, onAttempt);
    diagnostics.subscribe(pages.name, onPage);
    return () => {
        diagnostics.unsubscribe(attempts.name, onAttempt);
        diagnostics.unsubscribe(pages.name, onPage);
    };
}

/** `fc-async-invoke-config: GET /2021-04-06/… attempt 2 -> 503 ServiceUnavailable in 23 ms (request id …)`. */
export function describeAttempt(r: AttemptRecord): string {
    const outcome = r.status === undefined ? "no answer" : String(r.status);
    const code = r.code === undefined ? "" : ` ${r.code}`;
    return `fc-async-invoke-config: ${r.operation}: GET ${r.request} attempt ${r.attempt} -> ${outcome}${code} in ${Math.round(r.ms)} ms (request id: ${r.requestId ?? "none"})`;
}

/** `fc-async-invoke-config: reading …: page 3 read, 300 configs so far`. */
export function describePage(r: PageRecord): string {
    return `fc-async-invoke-config: reading ${r.subject}: page ${r.page} read, ${r.items} config${r.items === 1 ? "" : "s"} so far`;
}
