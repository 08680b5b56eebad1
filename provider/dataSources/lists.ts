// What the list data sources share: the query of a page, and the order they report configs in. The
// order must be total and independent of FC's page order, so that `pulumi refresh` shows a change
// only when a config was added, removed or changed.

import { type PageRequest } from "../core/dataSource";
import { DEFAULT_QUALIFIER } from "../types";

/** `limit`, `nextToken` when there is one, and `extra` (the list's own filters, when set). */
export function pageQuery(page: PageRequest, extra: Record<string, string | undefined> = {}): Record<string, string> {
    const query: Record<string, string> = { limit: String(page.limit) };
    for (const [key, value] of Object.entries({ ...extra, nextToken: page.nextToken })) {
        if (value !== undefined) {
            query[key] = value;
        }
    }
    return query;
}

/** `LATEST` first, then published versions by number, then aliases by name (code-unit order, locale-free). */
export function compareQualifiers(a: string, b: string): number {
    return rank(a) - rank(b) || (isVersion(a) && isVersion(b) ? Number(a) - Number(b) : compareText(a, b));
}

/** Plain code-unit order: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function rank(qualifier: string): number {
    return qualifier === DEFAULT_QUALIFIER ? 0 : isVersion(qualifier) ? 1 : 2;
}

function isVersion(qualifier: string): boolean {
    return /^[0-9]+$/.test(qualifier);
}
