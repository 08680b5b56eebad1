// Reading the request line as it arrived. Kept apart from routing and signing because both need the
// same, lossless view: the raw path (signed as sent), and the query decoded once.

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
