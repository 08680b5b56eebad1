// Paging of the list operations (FC 2.0 ListFunctionAsyncInvokeConfigs, FC 3.0 ListAsyncInvokeConfigs) and
// their opaque `nextToken`.
//
// A list is sorted by a key (the qualifier; the function name and the qualifier), and a token names the key
// the next page resumes at. A token is `base64url(JSON of that key)` + `.` + a tag: an HMAC over the list it
// belongs to and the payload, under a key made once per process. So a client cannot build or alter a token,
// nor carry one over to another list, while the same position always gives the same token. A token stays
// valid when the item it names is deleted: the page starts at the first item at or after the key.

import { createHmac, randomBytes } from "node:crypto";

import { invalidArgument } from "./errors";
import { sameText } from "./signature";

/** Signs tokens; random per process, so a token is only ever valid in the process that issued it. */
const TOKEN_KEY = randomBytes(32);

/** Bytes of the HMAC kept in a token: enough that guessing one is hopeless, short enough for a query string. */
const TAG_BYTES = 12;

/** The sort key of a list item: compared element by element, as strings. */
export type ListKey = readonly string[];

/** One page of a list. */
export interface Page<T> {
    items: T[];
    /** The token of the next page; absent on the last page. */
    nextToken?: string;
}

/**
 * Reads the `nextToken` a caller sent back. `scope` names the list (the same for every page of it);
 * `isValidKey` says whether a decoded key is a position this list can have. Returns undefined for the
 * first page (no token, or an empty one, which is what a client without a token may send). Throws
 * 400 InvalidArgument naming `nextToken` for a token that is malformed, forged, from another list, or
 * does not decode to a valid position.
 */
export function readPageToken(scope: string, token: string | undefined, isValidKey: (key: ListKey) => boolean): ListKey | undefined {
    if (token === undefined || token === "") {
        return undefined;
    }
    const dot = token.indexOf(".");
    const payload = dot === -1 ? "" : token.slice(0, dot);
    const key = payload !== "" && sameText(token.slice(dot + 1), tag(scope, payload)) ? parseKey(payload) : undefined;
    if (key === undefined || !isValidKey(key)) {
        throw invalidArgument("nextToken is invalid: pass back, unchanged, the nextToken the previous page of the same list returned");
    }
    return key;
}

/**
 * The page of `items` (sorted by `keyOf`) that starts at `resumeAt` (or at the start) and holds at most
 * `limit` items, with the token of the page after it when there is one.
 */
export function pageOf<T>(items: readonly T[], resumeAt: ListKey | undefined, limit: number, scope: string, keyOf: (item: T) => ListKey): Page<T> {
    const start = resumeAt === undefined ? 0 : firstAtOrAfter(items, resumeAt, keyOf);
    const page: Page<T> = { items: items.slice(start, start + limit) };
    const next = items[start + limit];
    if (next !== undefined) {
        page.nextToken = makePageToken(scope, keyOf(next));
    }
    return page;
}

/** The body of a list answer, the same in both API versions: `{ configs, nextToken? }`, no token on the last page. */
export function listBody<T>(page: Page<T>, render: (item: T) => Record<string, unknown>): { configs: Array<Record<string, unknown>>; nextToken?: string } {
    const body: { configs: Array<Record<string, unknown>>; nextToken?: string } = { configs: page.items.map(render) };
    if (page.nextToken !== undefined) {
        body.nextToken = page.nextToken;
    }
    return body;
}

/** The token that resumes the list `scope` at `key`. Exported for tests of the token's properties. */
export function makePageToken(scope: string, key: ListKey): string {
    const payload = Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
    return `${payload}.${tag(scope, payload)}`;
}

/** Orders keys element by element; a shorter key that is a prefix of a longer one comes first. */
export function compareKeys(a: ListKey, b: ListKey): number {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
        if (a[i] !== b[i]) {
            return a[i] < b[i] ? -1 : 1;
        }
    }
    return a.length - b.length;
}

function tag(scope: string, payload: string): string {
    // The scope is hashed with a separator no scope contains, so (scope, payload) pairs cannot collide.
    return createHmac("sha256", TOKEN_KEY).update(`${scope}\n${payload}`).digest().subarray(0, TAG_BYTES).toString("base64url");
}

function parseKey(payload: string): ListKey | undefined {
    try {
        const parsed: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
        return Array.isArray(parsed) && parsed.every((part) => typeof part === "string") ? parsed : undefined;
    } catch {
        return undefined;
    }
}

function firstAtOrAfter<T>(items: readonly T[], key: ListKey, keyOf: (item: T) => ListKey): number {
    const index = items.findIndex((item) => compareKeys(keyOf(item), key) >= 0);
    return index === -1 ? items.length : index;
}
