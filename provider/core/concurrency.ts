// A counting semaphore: caps the requests in flight to FC across every lookup of a deployment, since
// the engine reads many resources at once and an unbounded burst only earns throttling.

/** Runs tasks with at most `limit` of them in flight; the rest wait in arrival order. */
export class ConcurrencyLimiter {
    private active = 0;
    private readonly waiting: Array<() => void> = [];

    constructor(readonly limit: number) {
        if (!Number.isInteger(limit) || limit < 1) {
            throw new RangeError(`concurrency limit must be a positive integer, got ${limit}`);
        }
    }

    /** Runs `task` once a slot is free and frees the slot when it settles. */
    async run<T>(task: () => Promise<T>): Promise<T> {
        if (this.active >= this.limit) {
            await new Promise<void>((resolve) => this.waiting.push(resolve));
        } else {
            this.active++;
        }
        try {
            return await task();
        } finally {
            const next = this.waiting.shift();
            if (next) {
                // Hand the slot over directly, so a newcomer cannot jump the queue.
                next();
            } else {
                this.active--;
            }
        }
    }
}
