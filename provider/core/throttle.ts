// When FC throttles one request, the whole deployment is over FC's rate, not just that lookup. So a 429
// closes a gate that every lookup of the deployment passes before its next request: they back off
// together instead of each hammering FC on its own schedule (which, with hundreds of lookups, keeps the
// offered rate far above FC's and burns every lookup's attempts).
//
// The gate honours Retry-After however long it is, but it never holds anyone past their own budget:
// a lookup whose deadline comes before the gate reopens is told so at once, and gives up. And a lookup
// waits at the gate before it takes a concurrency slot (read.ts), so waiting holds no slot.

import { type RetryEnvironment } from "./retry";
import { MIN_RETRY_MS, THROTTLE_BACKOFF } from "../settings/tuning";

/** One per deployment (Deployment); requests pass it before they are sent. */
export class ThrottleGate {
    private openAt = 0;
    private streak = 0;

    constructor(
        private readonly env: RetryEnvironment,
        private readonly baseDelayMs: number = THROTTLE_BACKOFF.baseDelayMs,
        private readonly maxDelayMs: number = THROTTLE_BACKOFF.maxDelayMs,
    ) {}

    /** When the gate reopens, in the environment's milliseconds; in the past while it is open. */
    get reopensAt(): number {
        return this.openAt;
    }

    /** Whether a request may be sent now. */
    isOpen(): boolean {
        return this.openAt <= this.env.now();
    }

    /**
     * Resolves to true once no throttling backoff is pending, or to false, without waiting, as soon as
     * the gate will not reopen at least {@link MIN_RETRY_MS} before `deadline`: a request sent later
     * could only time out against the budget.
     */
    async pass(deadline: number): Promise<boolean> {
        for (let wait = this.openAt - this.env.now(); wait > 0; wait = this.openAt - this.env.now()) {
            if (this.openAt + MIN_RETRY_MS > deadline) {
                return false;
            }
            await this.env.sleep(wait);
        }
        return true;
    }

    /**
     * FC throttled a request: close the gate for a backoff that doubles with each throttled answer in a
     * row, at least Retry-After. Half fixed, half jittered, so the gate never reopens at once.
     */
    throttled(retryAfterMs?: number): void {
        const now = this.env.now();
        if (now < this.openAt) {
            // Already closed by a request refused in the same burst: one burst is one backoff step,
            // but a Retry-After still counts from this answer.
            this.openAt = Math.max(this.openAt, now + (retryAfterMs ?? 0));
            return;
        }
        this.streak++;
        const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.min(this.streak - 1, 16));
        const wait = Math.max(ceiling / 2 + this.env.random() * (ceiling / 2), retryAfterMs ?? 0);
        this.openAt = now + wait;
    }

    /** A request got through: the next throttling starts from the base delay again. */
    succeeded(): void {
        this.streak = 0;
    }
}
