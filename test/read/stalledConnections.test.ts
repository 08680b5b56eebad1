// Connections that go quiet: an answer whose headers arrive and whose body then stalls, or trickles in
// slower than the timeout, ends in our own read timeout, and is reported as that (which attempt, after
// how long, and that the server had answered and then went silent), not as a reset by the server. A
// connection the server really breaks after its headers stays a reset. Read through the in-process
// provider and the real SDK over loopback.

import * as assert from "node:assert/strict";
import * as http from "node:http";
import type { AddressInfo } from "node:net";

import { FcError } from "../../provider/errors";
import type { Fault } from "../../provider/emulator";
import { closedLog, useStandInProvider } from "../support/standInProvider";
import { rejection } from "../support/rejection";

describe("stalled connections", () => {
    const fcs = useStandInProvider();

    const stalls: Array<{ name: string; fault: Fault }> = [
        { name: "a body that stalls after the headers", fault: { kind: "stall" } },
        { name: "a body that trickles in a byte every 50 ms", fault: { kind: "stall", trickleMs: 50 } },
    ];
    for (const { name, fault } of stalls) {
        it(`${name} is a Timeout after timeoutSeconds, naming the attempt and that the server answered 200 then went silent`, async () => {
            const fc = await fcs.start();
            fc.addFault({ fault });
            await fcs.configure(fc, { "fcAsyncInvokeConfig:timeoutSeconds": "0.4", "fcAsyncInvokeConfig:maxAttempts": "2" });
            const started = Date.now();
            const err = await rejection(fcs.read(fc, { functionName: "hello" }), FcError);
            const elapsed = Date.now() - started;
            const log = await closedLog(fc);
            assert.deepEqual(
                log.map((r) => r.fault),
                ["stall", "stall"],
            );
            assert.equal(err.kind, "network");
            assert.equal(err.code, "Timeout");
            assert.equal(err.status, 200);
            assert.equal(err.attempts, 2);
            assert.equal(err.requestId, log[1].requestId, "the headers' request id is kept");
            assert.ok(err.retryable);
            assert.ok(err.message.startsWith('Timeout (HTTP 200) while reading the async invoke config of function "hello"'), err.message);
            assert.ok(
                err.message.includes(
                    `the read timed out on attempt 2: ${fc.endpoint} answered HTTP 200 and then went silent, the body still incomplete after 0.4 s (fcAsyncInvokeConfig:timeoutSeconds)`,
                ),
                err.message,
            );
            assert.ok(!/ECONNRESET|aborted/.test(err.message), err.message);
            assert.ok(elapsed >= 2 * 400, `both attempts waited out their timeout: ${elapsed} ms`);
        });
    }

    it("a stall is retried like any timeout: the next attempt's answer is read", async () => {
        const fc = await fcs.start();
        fc.addFault({ fault: { kind: "stall", trickleMs: 20 }, times: 1 });
        await fcs.configure(fc, { "fcAsyncInvokeConfig:timeoutSeconds": "0.3" });
        assert.equal((await fcs.read(fc, { functionName: "hello" })).maxAsyncRetryAttempts, 3);
        assert.deepEqual(
            (await closedLog(fc)).map((r) => [r.fault, r.status]),
            [
                ["stall", 0],
                [undefined, 200],
            ],
        );
    });

    it("no answer at all within the timeout is a Timeout with no HTTP status, naming the attempt", async () => {
        const fc = await fcs.start();
        fc.addFault({ fault: { kind: "delay", ms: 5000 } });
        await fcs.configure(fc, { "fcAsyncInvokeConfig:timeoutSeconds": "0.3", "fcAsyncInvokeConfig:maxAttempts": "1" });
        const err = await rejection(fcs.read(fc, { functionName: "hello" }), FcError);
        assert.equal(err.code, "Timeout");
        assert.equal(err.status, undefined);
        assert.ok(
            err.message.includes(`(no HTTP answer)`) &&
                err.message.includes(`attempt 1 timed out: no answer from ${fc.endpoint} within 0.3 s (fcAsyncInvokeConfig:timeoutSeconds)`),
            err.message,
        );
    });

    it("a retry whose timeout was cut to the rest of the budget says so", async () => {
        const fc = await fcs.start();
        fc.addFault({ fault: { kind: "stall" } });
        // After the first 2 s timeout, 1.5 s of budget are left and the first backoff is at most 1 s: the
        // retry runs with 0.5-1.5 s, less than its 2 s.
        await fcs.configure(fc, {
            "fcAsyncInvokeConfig:timeoutSeconds": "2",
            "fcAsyncInvokeConfig:maxAttempts": "5",
            "fcAsyncInvokeConfig:retryBudgetSeconds": "3.5",
        });
        const err = await rejection(fcs.read(fc, { functionName: "hello" }), FcError);
        assert.equal(err.code, "Timeout");
        assert.ok(err.attempts >= 2, `${err.attempts} attempts`);
        assert.match(
            err.message,
            /the body still incomplete after (0\.\d+|1(\.\d+)?) s \(fcAsyncInvokeConfig:timeoutSeconds, cut to what was left of fcAsyncInvokeConfig:retryBudgetSeconds\)/,
        );
    });

    it("a server that breaks the connection after its headers is a reset, not our timeout", async () => {
        // Headers, the start of a body, then the socket destroyed: the server's doing, well before any timeout.
        const server = http.createServer((_req, res) => {
            res.writeHead(200, { "Content-Type": "application/json", "X-Fc-Request-Id": "cut-off-1" });
            res.write('{"createdTime":', () => res.socket?.destroy());
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        try {
            const fc = await fcs.start();
            await fcs.configure(fc, { "fcAsyncInvokeConfig:timeoutSeconds": "5", "fcAsyncInvokeConfig:maxAttempts": "1" });
            const started = Date.now();
            const err = await rejection(fcs.read(fc, { functionName: "hello", endpoint }), FcError);
            assert.ok(Date.now() - started < 5000, "ended by the reset, not by the timeout");
            assert.equal(err.code, "ECONNRESET");
            assert.equal(err.status, 200);
            assert.equal(err.requestId, "cut-off-1");
            assert.ok(err.message.includes(`${endpoint} answered HTTP 200, then the connection broke before the body was complete (attempt 1: `), err.message);
        } finally {
            server.closeAllConnections();
            await new Promise<void>((resolve) => server.close(() => resolve()));
        }
    });
});
