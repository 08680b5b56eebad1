// The checks a list read runs on each page as it arrives, and what it keeps: one item per entry (the
// same entry on two pages is one config read twice, as pages shift when configs change during a read),
// and a walk that ends whatever FC answers: no token handed out twice, at most `maxPages` pages, and
// `retryBudgetSeconds` for the whole walk.

import { type ListDataSource, type Page } from "./dataSource";
import { seconds } from "../errors";
import { type Scope } from "../types";
import { type Tuning } from "../settings/tuning";
import { PageRefused } from "../wire/mapping";

/** What a list read has taken so far, and the checks each new page must pass. */
export class PageWalk {
    /** Each entry's item, the page it came on and its content as text. */
    private readonly entries = new Map<string, { item: unknown; page: number; content: string }>();
    /** The items of a list whose items do not say which entry they are: every one is kept. */
    private readonly unnamed: unknown[] = [];
    /** The page that handed out each token. */
    private readonly tokens = new Map<string, number>();
    /** When the walk's time is up, in the retry environment's milliseconds. */
    readonly endsAt: number;

    constructor(
        private readonly source: ListDataSource<Scope, unknown, unknown>,
        private readonly tuning: Tuning,
        private readonly startedAt: number,
    ) {
        this.endsAt = startedAt + tuning.retryBudgetSeconds * 1000;
    }

    /** Takes page `page`'s items; returns the token of the next page, or undefined on the last. Throws PageRefused. */
    take(page: number, got: Page<unknown>, now: number): string | undefined {
        for (const item of got.items) {
            if (this.source.entryOf === undefined) {
                this.unnamed.push(item);
                continue;
            }
            const entry = this.source.entryOf(item);
            const content = JSON.stringify(item);
            const earlier = this.entries.get(entry);
            if (earlier === undefined) {
                this.entries.set(entry, { item, page, content });
            } else if (earlier.content !== content) {
                throw new PageRefused(
                    "MalformedResponse",
                    `${entry} came twice with different settings, on page ${earlier.page} and on page ${page}: its config changed while the pages were read. ` +
                        "Nothing was recorded; run again",
                );
            }
        }
        const token = got.nextToken === "" ? undefined : got.nextToken;
        if (token === undefined) {
            return undefined;
        }
        // A token handed out twice would walk the same pages forever.
        const before = this.tokens.get(token);
        if (before !== undefined) {
            throw new PageRefused(
                "MalformedResponse",
                `page ${page} handed out the same nextToken as page ${before}, so following it would read the same pages forever. ` +
                    "Nothing was recorded; check what stands between this provider and FC (a proxy or gateway that rewrites nextToken), " +
                    "or quote the request id to Alibaba Cloud support",
            );
        }
        this.tokens.set(token, page);
        const { maxPages, pageSize, retryBudgetSeconds } = this.tuning;
        if (page >= maxPages) {
            throw new PageRefused(
                "ListTooLong",
                `FC still handed out a nextToken after ${page} pages (fcAsyncInvokeConfig:maxPages ${maxPages}, ${this.count()} config${this.count() === 1 ? "" : "s"} so far), ` +
                    `more than any function has. Nothing was recorded; if the list really holds more than ${maxPages * pageSize} configs, raise ` +
                    "fcAsyncInvokeConfig:maxPages, else check what stands between this provider and FC",
            );
        }
        if (now >= this.endsAt) {
            throw new PageRefused(
                "ListTooLong",
                `the list had not ended after ${page} pages and ${seconds(now - this.startedAt)} (fcAsyncInvokeConfig:retryBudgetSeconds ${retryBudgetSeconds} bounds a whole list read). ` +
                    "Nothing was recorded; raise fcAsyncInvokeConfig:retryBudgetSeconds for a list this long on a link this slow",
            );
        }
        return token;
    }

    /** Every item taken, one per entry. */
    items(): unknown[] {
        return [...this.unnamed, ...[...this.entries.values()].map((entry) => entry.item)];
    }

    /** The configs taken so far. */
    count(): number {
        return this.unnamed.length + this.entries.size;
    }
}
