import * as assert from "node:assert/strict";
import { ConcurrencyLimiter } from "../../../provider/core/concurrency";
import { parseRetryAfter } from "../../../provider/wire/responseCapture";
import { backoffMs, type RetryPolicy, withRetries } from "../../../provider/core/retry";
import { testClock } from "../../support/clock";

const policy: RetryPolicy = { maxAttempts: 5, budgetMs: 60_000, baseDelayMs: 200, maxDelayMs: 10_000 };
const transient = { retryable: true };

describe("retry schedule", () => {
    it("backs off exponentially with full jitter up to the cap", () => {
        assert.deepEqual(
            [1, 2, 3, 4, 8].map((n) => backoffMs(policy, n, () => 1)),
            [200, 400, 800, 1600, 10_000],
        );
        assert.equal(
            backoffMs(policy, 3, () => 0),
            0,
        );
        assert.equal(
            backoffMs(policy, 3, () => 0.5),
            400,
        );
    });

    it("waits at least as long as Retry-After asks", () => {
        assert.equal(
            backoffMs(policy, 1, () => 0, 3000),
            3000,
        );
        assert.equal(
            backoffMs(policy, 5, () => 1, 100),
            3200,
        );
    });

    it("retries transient failures and returns the first success", async () => {
        const clock = testClock({ start: 0, random: () => 1 });
        let calls = 0;
        const value = await withRetries(
            async () => (++calls < 3 ? Promise.reject(new Error("busy")) : "ok"),
            () => transient,
            policy,
            clock,
        );
        assert.equal(value, "ok");
        assert.equal(calls, 3);
        assert.deepEqual(clock.sleeps, [200, 400]);
    });

    it("stops after maxAttempts and rethrows the last failure", async () => {
        const clock = testClock({ start: 0, random: () => 1 });
        let calls = 0;
        await assert.rejects(
            withRetries(
                async () => Promise.reject(new Error(`fail ${++calls}`)),
                () => transient,
                policy,
                clock,
            ),
            /fail 5/,
        );
        assert.equal(calls, 5);
    });

    it("never retries a failure that is not transient", async () => {
        let calls = 0;
        await assert.rejects(
            withRetries(
                async () => Promise.reject(new Error(`nf ${++calls}`)),
                () => ({ retryable: false }),
                policy,
                testClock({ start: 0, random: () => 1 }),
            ),
            /nf 1/,
        );
        assert.equal(calls, 1);
    });

    it("gives up rather than wait past the time budget", async () => {
        const clock = testClock({ start: 0, random: () => 1 });
        let calls = 0;
        await assert.rejects(
            withRetries(
                async () => Promise.reject(new Error(`slow ${++calls}`)),
                () => ({ retryable: true, retryAfterMs: 4000 }),
                { ...policy, budgetMs: 9000 },
                clock,
            ),
            /slow 3/,
        );
        assert.deepEqual(clock.sleeps, [4000, 4000]);
    });
});

describe("Retry-After parsing", () => {
    it("reads seconds and HTTP dates and ignores garbage", () => {
        assert.equal(parseRetryAfter("2"), 2000);
        assert.equal(parseRetryAfter("0.5"), 500);
        assert.equal(parseRetryAfter(new Date(10_000).toUTCString(), 4000), 6000);
        assert.equal(parseRetryAfter("soon"), undefined);
        assert.equal(parseRetryAfter(undefined), undefined);
    });
});

describe("concurrency limiter", () => {
    it("never runs more than the limit at once and runs waiting tasks in order", async () => {
        const limiter = new ConcurrencyLimiter(2);
        let active = 0;
        let peak = 0;
        const order: number[] = [];
        const gates: Array<() => void> = [];
        const tasks = [0, 1, 2, 3, 4].map((i) =>
            limiter.run(async () => {
                active++;
                peak = Math.max(peak, active);
                order.push(i);
                await new Promise<void>((resolve) => gates.push(resolve));
                active--;
                return i;
            }),
        );
        // Release tasks one at a time as they start; each release lets exactly one waiting task in.
        while (gates.length < 5 || gates.some(Boolean)) {
            await new Promise<void>((resolve) => setImmediate(resolve));
            const gate = gates.find(Boolean);
            if (!gate) {
                break;
            }
            gates[gates.indexOf(gate)] = undefined as unknown as () => void;
            gate();
        }
        assert.deepEqual(await Promise.all(tasks), [0, 1, 2, 3, 4]);
        assert.equal(peak, 2);
        assert.deepEqual(order, [0, 1, 2, 3, 4]);
    });

    it("frees the slot when a task fails", async () => {
        const limiter = new ConcurrencyLimiter(1);
        await assert.rejects(limiter.run(async () => Promise.reject(new Error("x"))));
        assert.equal(await limiter.run(async () => "next"), "next");
    });
});
