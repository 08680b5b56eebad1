// What a faulted request gets instead of FC's answer: no answer at all (a reset), a canned answer, an
// endless list, a stall, a body cut off, or an error status. Faults model the network and the gateway in
// front of FC (server.ts says when they act); `fail` sends an error in the style the path answers in.

import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { defaultCodeForStatus, type ErrorStyle, FcError } from "./errors";
import type { Fault } from "./types";
import { sendAnswer } from "./wire";

/** Answers `req` as `fault` says; `pathStyle` is the error style of its path. */
export function answerWithFault(
    req: IncomingMessage,
    res: ServerResponse,
    fault: Exclude<Fault, { kind: "delay" }>,
    pathStyle: ErrorStyle,
    fail: (error: FcError, style: ErrorStyle) => void,
): void {
    switch (fault.kind) {
        case "reset":
            // No answer at all: the caller sees its connection drop (ECONNRESET / "socket hang up").
            req.socket.destroy();
            return;
        case "answer":
            sendAnswer(res, fault.status, { ...fault.headers }, fault.body);
            return;
        case "endlessPages": {
            const configs = fault.configs ?? [{ qualifier: "LATEST", maxAsyncRetryAttempts: 1 }];
            sendAnswer(res, 200, { "Content-Type": "application/json" }, JSON.stringify({ configs, nextToken: `endless-${randomUUID()}` }));
            return;
        }
        case "stall": {
            // Headers and the start of a body, then silence (or a byte now and then) until the caller
            // leaves or close() destroys the connection.
            res.writeHead(fault.status ?? 200, { "Content-Type": "application/json" });
            res.write(fault.bodyPrefix ?? '{"createdTime":');
            if (fault.trickleMs !== undefined) {
                const timer = setInterval(() => res.write(" "), fault.trickleMs);
                res.on("close", () => clearInterval(timer));
            }
            return;
        }
        case "brokenBody": {
            // Declared JSON, cut off mid-object: what a proxy that dropped the tail of a response delivers.
            const broken = '{"createdTime":"2020-09-10T02:45:02Z","destinationConfig":{"onSuccess":{"destination":"acs:fc:cn-hang';
            sendAnswer(res, fault.status ?? 200, { "Content-Type": "application/json" }, broken);
            return;
        }
        case "status": {
            const style: ErrorStyle = fault.style ?? pathStyle;
            if (fault.status < 400) {
                // Not an error status: answer it with an empty JSON object so the status is all that differs.
                const headers: Record<string, string> = { "Content-Type": "application/json" };
                if (fault.retryAfterSeconds !== undefined) headers["Retry-After"] = String(fault.retryAfterSeconds);
                sendAnswer(res, fault.status, headers, "{}");
                return;
            }
            const code = fault.errorCode ?? defaultCodeForStatus(fault.status);
            const message = fault.message ?? `emulated fault: ${code} (HTTP ${fault.status})`;
            fail(new FcError(fault.status, code, message, fault.retryAfterSeconds), style);
            return;
        }
    }
}
