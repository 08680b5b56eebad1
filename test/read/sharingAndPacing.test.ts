// The provider end to end in process, through test/support/providerSuite.ts: `configure` + `read` of
// provider/host/provider.ts driving the real @alicloud/fc-open20210406 SDK over loopback HTTP against
// the FC stand-in. Every test starts its own stand-in and closes it afterwards; the file ends with the
// suite's checks that no secret reached an output or an error and that only GETs were sent.
//
// Identical reads of a deployment share one request, and the request cap holds across distinct ones.

import * as assert from "node:assert/strict";
import { FcError } from "../../provider/errors";
import { checkSecretsAndWrites, configure, failure, logOf, read, start, useProviderSuite } from "../support/providerSuite";
import { SERVICE } from "../support/standInProvider";

describe("FC 2.0 single read: sharing and pacing requests", () => {
    useProviderSuite();

    describe("sharing and pacing requests", () => {
        it("answers 20 concurrent reads of the same lookup with one request", async () => {
            const fc = await start();
            await configure(fc);
            const results = await Promise.all(Array.from({ length: 20 }, () => read(fc, { functionName: "hello", qualifier: "prod" })));
            for (const result of results) {
                assert.deepEqual(result, results[0]);
            }
            assert.equal(results[0].props.maxAsyncEventAgeInSeconds, 3600);
            assert.equal((await logOf(fc)).length, 1);
        });

        it("sends one request per distinct qualifier, and shares a failure the same way", async () => {
            const fc = await start();
            fc.store.putAsyncConfig(SERVICE, "hello", "1", { maxAsyncRetryAttempts: 5 });
            await configure(fc);
            const qualifiers = ["LATEST", "prod", "1", "2"];
            const reads = qualifiers.flatMap((qualifier) =>
                Array.from({ length: 5 }, () =>
                    read(fc, { functionName: "hello", qualifier }).then(
                        (r) => r.props.maxAsyncRetryAttempts,
                        (e: Error) => e,
                    ),
                ),
            );
            const outcomes = await Promise.all(reads);
            assert.deepEqual(outcomes.slice(0, 15), [...Array<number>(5).fill(3), ...Array<number>(5).fill(1), ...Array<number>(5).fill(5)]);
            for (const outcome of outcomes.slice(15)) {
                assert.ok(outcome instanceof FcError && outcome.code === "AsyncConfigNotExists", String(outcome));
                assert.equal(outcome, outcomes[15], "concurrent reads share the one failure");
            }
            const log = await logOf(fc);
            assert.deepEqual(log.map((r) => r.query.qualifier).sort(), ["1", "2", "LATEST", "prod"]);
        });

        it("asks again after a failure, but not after a success", async () => {
            const fc = await start();
            fc.addFault({ fault: { kind: "status", status: 500 }, times: 1 });
            await configure(fc, { "fcAsyncInvokeConfig:maxAttempts": "1" });
            const err = await failure(read(fc, { functionName: "hello" }), FcError);
            assert.equal(err.kind, "server");
            assert.equal((await read(fc, { functionName: "hello" })).props.maxAsyncRetryAttempts, 3);
            assert.equal((await read(fc, { functionName: "hello" })).props.maxAsyncRetryAttempts, 3);
            assert.deepEqual(
                (await logOf(fc)).map((r) => r.status),
                [500, 200],
            );
        });

        for (const cap of [3, 8]) {
            it(`keeps at most maxConcurrentRequests=${cap} requests in flight across 30 distinct lookups`, async () => {
                const fc = await start();
                for (let i = 0; i < 30; i++) {
                    fc.store.putFunction(SERVICE, `fn-${i}`);
                    fc.store.putAsyncConfig(SERVICE, `fn-${i}`, "LATEST", { maxAsyncRetryAttempts: i % 9, maxAsyncEventAgeInSeconds: 100 + i });
                }
                // Slow answers, so that requests overlap whenever the provider lets them.
                fc.addFault({ fault: { kind: "delay", ms: 60 }, pathIncludes: "/functions/fn-" });
                await configure(fc, { "fcAsyncInvokeConfig:maxConcurrentRequests": String(cap) });
                const results = await Promise.all(Array.from({ length: 30 }, (_, i) => read(fc, { functionName: `fn-${i}` })));
                results.forEach((result, i) => {
                    assert.equal(result.props.maxAsyncRetryAttempts, i % 9);
                    assert.equal(result.props.maxAsyncEventAgeInSeconds, 100 + i);
                });
                const peak = fc.maxInFlight();
                assert.equal((await logOf(fc)).length, 30);
                assert.ok(peak <= cap, `${peak} requests in flight at once with a cap of ${cap}`);
                assert.ok(peak > (cap === 3 ? 1 : 3), `only ${peak} in flight: the requests did not overlap`);
            });
        }
    });

    checkSecretsAndWrites();
});
