// The HTTP plumbing of the emulator's server: reading the request line as it arrived (routing and signing
// both need the same, lossless view: the raw path, signed as sent, and the query decoded once), the body,
// sending an answer, and the request log line.

import type { IncomingMessage, ServerResponse } from "node:http";
import { FC3_API_VERSION } from "./defaults";
import { entityTooLarge } from "./errors";
import type { RecordedRequest } from "./types";

/** The path and query of a request target, split at the first `?`. */
export interface RequestTarget {
    /** The path exactly as sent, still percent-encoded. */
    rawPath: string;
    /** The query string without `?`, as sent (may be empty). */
    rawQuery: string;
    /** Query parameters, percent-decoded; a repeated key keeps its last value. */
    query: Record<string, string>;
}

/** Splits `req.url` into path and query and decodes the query. Never throws. */
export function parseTarget(url: string): RequestTarget {
    const at = url.indexOf("?");
    const rawPath = at === -1 ? url : url.slice(0, at);
    const rawQuery = at === -1 ? "" : url.slice(at + 1);
    // A null prototype, so a parameter called `__proto__` or `constructor` is just a parameter.
    const query: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const pair of rawQuery.split("&")) {
        if (pair === "") {
            continue;
        }
        const eq = pair.indexOf("=");
        const key = eq === -1 ? pair : pair.slice(0, eq);
        const value = eq === -1 ? "" : pair.slice(eq + 1);
        query[decodeLenient(key)] = decodeLenient(value);
    }
    return { rawPath, rawQuery, query };
}

/**
 * Percent-decodes one path segment or query part. `+` stays `+`: the SDK's querystring.stringify writes
 * a space as `%20` and a plus as `%2B`, so treating `+` as a space would change what was signed.
 * Malformed escapes are kept as sent; the signature check then fails on them rather than the decoder.
 */
export function decodeLenient(text: string): string {
    try {
        return decodeURIComponent(text);
    } catch {
        return text;
    }
}

/** Copies a header map into a plain object with only the `string[]` entries Node gives in headersDistinct. */
export function distinctHeaders(headers: NodeJS.Dict<string[]>): Record<string, string[]> {
    const out: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
    for (const [name, values] of Object.entries(headers)) {
        if (values !== undefined) {
            out[name.toLowerCase()] = values;
        }
    }
    return out;
}

/** Sends an answer, unless one was sent or the caller went away. */
export function sendAnswer(res: ServerResponse, status: number, headers: Record<string, string>, body: string | undefined): void {
    if (res.headersSent || res.destroyed) {
        return;
    }
    const bytes = body === undefined ? undefined : Buffer.from(body, "utf8");
    res.statusCode = status;
    for (const [name, value] of Object.entries(headers)) {
        res.setHeader(name, value);
    }
    if (bytes !== undefined) {
        res.setHeader("Content-Length", bytes.length);
    }
    res.end(bytes);
}

/** One line per request on stdout: when, what, the answer, how long, the request id; never a credential. */
export function logRequest(record: RecordedRequest, rawQuery: string, elapsedMs: number): void {
    const query = rawQuery === "" ? "" : `?${redactQuery(rawQuery)}`;
    const code = record.errorCode === undefined ? "" : ` ${record.errorCode}`;
    const status = record.status === 0 ? "no answer" : String(record.status);
    process.stdout.write(
        `${new Date(record.at).toISOString()} ${record.method} ${record.path}${query} -> ${status}${code} ${elapsedMs}ms ${record.requestId}\n`,
    );
}

/**
 * Reads a request body; rejects with 400 EntityTooLarge when it exceeds `limit`. An oversized body is
 * still read to its end (and dropped), so the answer is not lost to a reset from unread bytes; a body
 * beyond 16 times the limit gets the connection destroyed instead. Rejects if the caller aborts.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        req.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > limit * 16) {
                req.socket.destroy();
            } else if (size <= limit) {
                chunks.push(chunk);
            }
        });
        req.on("end", () => (size > limit ? reject(entityTooLarge(limit)) : resolve(Buffer.concat(chunks))));
        req.on("error", reject);
    });
}

export function lastValue(values: string[] | undefined): string | undefined {
    return values === undefined || values.length === 0 ? undefined : values[values.length - 1];
}

/** Hides values of query parameters that could carry credentials, should a caller ever put them there. */
function redactQuery(rawQuery: string): string {
    return rawQuery
        .split("&")
        .map((pair) => (/^(?:[^=]*(?:token|secret|signature|accesskey)[^=]*)=/i.test(pair) ? `${pair.slice(0, pair.indexOf("="))}=***` : pair))
        .join("&");
}

/** Whether a path belongs to the FC 3.0 view (API 2023-03-30). */
export function isFc3Path(rawPath: string): boolean {
    return rawPath.startsWith(`/${FC3_API_VERSION}/`);
}
