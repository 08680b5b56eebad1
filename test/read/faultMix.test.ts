// The FC stand-in's steady fault load (`setFaultMix`): faults drawn at fixed rates from a seeded
// generator, the same sequence for the same seed. And a small run of the provider under such a load,
// in process: the seconds-long smoke of what `npm run chaos` measures through the engine at scale.

import * as assert from "node:assert/strict";

import { FaultDraw } from "../../provider/emulator/faults";
import type { FaultMix } from "../../provider/emulator";
import { closedLog, SERVICE, useStandInProvider } from "../support/standInProvider";

const MIX: FaultMix = {
    seed: 1234,
    faults: [
        { fault: { kind: "status", status: 503, errorCode: "ServiceUnavailable" }, rate: 0.1 },
        { fault: { kind: "reset" }, rate: 0.03 },
        { fault: { kind: "stall" }, rate: 0.02 },
        { fault: { kind: "status", status: 429, retryAfterSeconds: 1 }, rate: 0.02 },
    ],
};

/** The kinds `count` draws of a fresh generator give, `-` for none. */
function draws(mix: FaultMix, count: number): string[] {
    const draw = new FaultDraw(mix);
    return Array.from({ length: count }, () => {
        const fault = draw.next();
        return fault === undefined ? "-" : fault.kind === "status" ? String(fault.status) : fault.kind;
    });
}

describe("fault mix", () => {
    const fcs = useStandInProvider();

    it("draws each fault at its rate, and the same sequence for the same seed", () => {
        const many = draws(MIX, 100_000);
        const share = (kind: string): number => many.filter((k) => k === kind).length / many.length;
        for (const [kind, rate] of [
            ["503", 0.1],
            ["reset", 0.03],
            ["stall", 0.02],
            ["429", 0.02],
            ["-", 0.83],
        ] as const) {
            assert.ok(Math.abs(share(kind) - rate) < 0.005, `${kind}: ${share(kind)} against ${rate}`);
        }
        assert.deepEqual(draws(MIX, 500), many.slice(0, 500), "same seed, same draws");
        assert.notDeepEqual(draws({ ...MIX, seed: 4321 }, 500), many.slice(0, 500), "another seed, other draws");
    });

    it("refuses rates that are not probabilities or add up to more than 1", () => {
        assert.throws(() => new FaultDraw({ seed: 1, faults: [{ fault: { kind: "reset" }, rate: 1.5 }] }), /rate must be a number from 0 to 1/);
        assert.throws(
            () =>
                new FaultDraw({
                    seed: 1,
                    faults: [
                        { fault: { kind: "reset" }, rate: 0.6 },
                        { fault: { kind: "stall" }, rate: 0.6 },
                    ],
                }),
            /add up to 1\.2/,
        );
        assert.throws(() => new FaultDraw({ seed: 0.5, faults: [] }), /seed must be an integer/);
    });

    it("fires after a delay rule (the simulated round trip), and records which fault each request got", async () => {
        const fc = await fcs.start();
        fc.addFault({ fault: { kind: "delay", ms: 1 } });
        fc.setFaultMix({ seed: 7, faults: [{ fault: { kind: "status", status: 503, errorCode: "ServiceUnavailable" }, rate: 1 }] });
        await fcs.configure(fc, { "fcAsyncInvokeConfig:maxAttempts": "1" });
        await assert.rejects(fcs.read(fc, { functionName: "hello" }), /ServiceUnavailable \(HTTP 503\)/);
        fc.setFaultMix(undefined);
        await fcs.configure(fc);
        await fcs.read(fc, { functionName: "hello" });
        assert.deepEqual(
            (await closedLog(fc)).map((r) => [r.status, r.fault]),
            [
                [503, "status"],
                [200, undefined],
            ],
        );
    });

    it("24 lookups under 10% 503, 3% resets, 2% stalls and 2% 429 all succeed, with at most the cap in flight", async function () {
        this.timeout(30_000);
        const fc = await fcs.start();
        for (let i = 0; i < 24; i++) {
            fc.store.putFunction(SERVICE, `mixed-${i}`);
            fc.store.putAsyncConfig(SERVICE, `mixed-${i}`, "LATEST", { maxAsyncRetryAttempts: i % 9 });
        }
        // A 2 ms round trip, so that requests overlap and the cap can show.
        fc.addFault({ fault: { kind: "delay", ms: 2 } });
        fc.setFaultMix(MIX);
        // Attempts enough that no lookup runs out (each fails with p = 0.15 at most): the point is the pacing.
        await fcs.configure(fc, {
            "fcAsyncInvokeConfig:timeoutSeconds": "0.5",
            "fcAsyncInvokeConfig:maxAttempts": "12",
            "fcAsyncInvokeConfig:maxConcurrentRequests": "4",
        });
        const results = await Promise.all(Array.from({ length: 24 }, (_, i) => fcs.read(fc, { functionName: `mixed-${i}` })));
        assert.deepEqual(
            results.map((r) => r.maxAsyncRetryAttempts),
            Array.from({ length: 24 }, (_, i) => i % 9),
        );
        const log = await closedLog(fc);
        assert.equal(log.filter((r) => r.status === 200).length, 24);
        assert.ok(fc.maxInFlight() <= 4, `peak in flight ${fc.maxInFlight()}`);
        assert.ok(log.every((r) => r.method === "GET"));
    });
});
