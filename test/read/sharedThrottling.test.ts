// The throttle gate a deployment's lookups share (provider/core/throttle.ts, provider/core/read.ts): one
// throttled answer pauses them all, but a Retry-After, however long, never keeps a lookup past its own
// retry budget, and a lookup that waits at the gate holds no concurrency slot while it waits.

import * as assert from "node:assert/strict";

import { ConcurrencyLimiter } from "../../provider/core/concurrency";
import { FcError } from "../../provider/errors";
import { functionAsyncInvokeConfig } from "../../provider/dataSources/functionAsyncInvokeConfig";
import { readDataSource } from "../../provider/core/read";
import { type Deployment } from "../../provider/core/deployment";
import { createSecretSet } from "../../provider/credentials/redaction";
import { MIN_RETRY_MS } from "../../provider/settings/tuning";
import { readStackSettings } from "../../provider/settings/stackSettings";
import { ThrottleGate } from "../../provider/core/throttle";
import { closedLog, SERVICE, useStandInProvider } from "../support/standInProvider";
import { rejection } from "../support/rejection";
import { testClock } from "../support/clock";

/** Lets every pending promise callback and I/O callback run once (not a timed wait). */
async function settle(): Promise<void> {
    for (let i = 0; i < 5; i++) {
        await new Promise<void>((resolve) => setImmediate(resolve));
    }
}

describe("shared throttling", () => {
    const fcs = useStandInProvider();

    describe("the gate", () => {
        it("refuses at once, without sleeping, when it reopens too late for the deadline", async () => {
            const clock = testClock({ sleep: "parked" });
            const gate = new ThrottleGate(clock);
            gate.throttled(86_400_000);
            let slept = false;
            const sleep = clock.sleep;
            clock.sleep = (ms) => ((slept = true), sleep(ms));
            assert.equal(await gate.pass(clock.now() + 60_000), false);
            assert.equal(slept, false);
            assert.equal(gate.isOpen(), false);
        });

        it("waits for the pause when it ends before the deadline, and leaves MIN_RETRY_MS for the request", async () => {
            const clock = testClock({ sleep: "parked" });
            const gate = new ThrottleGate(clock);
            gate.throttled(5_000);
            const reopensAt = gate.reopensAt;
            assert.equal(await gate.pass(reopensAt + MIN_RETRY_MS - 1), false, "a request would have less than MIN_RETRY_MS");
            const asleep = clock.sleeping();
            const passing = gate.pass(reopensAt + MIN_RETRY_MS);
            assert.equal(await asleep, 5_000);
            clock.advance(5_000);
            assert.equal(await passing, true);
            assert.ok(gate.isOpen());
        });

        it("gives up a wait already under way when a longer pause arrives that ends past the deadline", async () => {
            const clock = testClock({ sleep: "parked" });
            const gate = new ThrottleGate(clock);
            gate.throttled(5_000);
            const asleep = clock.sleeping();
            const passing = gate.pass(clock.now() + 60_000);
            await asleep;
            // Another lookup is told to wait a day while this one waits.
            gate.throttled(86_400_000);
            clock.advance(5_000);
            assert.equal(await passing, false);
        });
    });

    it("a Retry-After of a day ends the lookup told it at once, and every other lookup within its own budget, having sent nothing", async function () {
        // Without the bound, the second lookup slept at the gate for the whole day: end it well before mocha would.
        this.timeout(15_000);
        const fc = await fcs.start();
        fc.addFault({
            fault: { kind: "status", status: 429, errorCode: "ResourceExhausted", retryAfterSeconds: 86_400 },
            times: 1,
            pathIncludes: "/functions/hello/",
        });
        await fcs.configure(fc, { "fcAsyncInvokeConfig:retryBudgetSeconds": "3" });

        const started = Date.now();
        const told = await rejection(fcs.read(fc, { functionName: "hello" }), FcError);
        const other = await rejection(fcs.read(fc, { functionName: "zero" }), FcError);
        const elapsed = Date.now() - started;

        assert.equal(told.code, "ResourceExhausted");
        assert.equal(told.attempts, 1);
        assert.ok(told.message.includes("FC throttled the request and asked for a pause of 86400 s (Retry-After)"), told.message);
        assert.equal(other.kind, "throttled");
        assert.equal(other.code, "Throttled");
        assert.equal(other.attempts, 0);
        assert.equal(other.status, undefined);
        assert.ok(
            other.message.startsWith('Throttled (no HTTP answer) while reading the async invoke config of function "zero"') &&
                /paused for another 8640\d s \(the Retry-After or backoff of throttled answers\), past the end of this lookup's retry budget \(fcAsyncInvokeConfig:retryBudgetSeconds 3\); it gave up without waiting, after 0 requests of its own/.test(
                    other.message,
                ),
            other.message,
        );
        assert.ok(elapsed < 3000, `both ended within a 3 s budget: ${elapsed} ms`);
        assert.deepEqual(
            (await closedLog(fc)).map((r) => r.path.split("/")[5]),
            ["hello"],
            "the other lookup sent nothing",
        );
    });

    it("a lookup waiting at the gate holds no concurrency slot", async () => {
        const fc = await fcs.start();
        const clock = testClock({ sleep: "parked" });
        const limiter = new ConcurrencyLimiter(1);
        const gate = new ThrottleGate(clock);
        const ctx: Deployment = {
            stack: readStackSettings({
                get: (key) => ({ "alicloud:accessKey": fc.accessKeyId, "alicloud:secretKey": fc.accessKeySecret, "alicloud:accountId": fc.accountId })[key],
            }),
            env: {},
            limiter,
            answers: new Map(),
            routes: new Map(),
            accounts: new Map(),
            secrets: createSecretSet(),
            retryEnvironment: clock,
            gate,
        };
        gate.throttled(5_000);
        const asleep = clock.sleeping();
        const lookup = readDataSource(ctx, functionAsyncInvokeConfig, { serviceName: SERVICE, functionName: "hello", endpoint: fc.endpoint });
        assert.equal(await asleep, 5_000, "the lookup waits out the pause");

        let ran = false;
        const other = limiter.run(async () => {
            ran = true;
        });
        await settle();
        assert.ok(ran, "the only slot was free while the lookup waited at the gate");
        await other;

        clock.advance(5_000);
        assert.equal((await lookup).maxAsyncRetryAttempts, 3, "once the gate opens the lookup takes the slot and reads");
        assert.equal((await closedLog(fc)).length, 1);
    });
});
