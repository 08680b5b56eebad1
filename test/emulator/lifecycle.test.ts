// Tests of the FC emulator, driven through the real SDK (@alicloud/fc-open20210406 on
// @alicloud/openapi-client), so the emulator is held to what the SDK sends and expects. Raw node:http
// requests are used where the SDK hides the wire (headers it drops, bodies it cannot parse, tampering).
//
// FC-style error bodies ({ErrorCode, ErrorMessage}) are not understood by the SDK: it throws with
// err.code "undefined" and puts the body (plus statusCode) in err.data. The assertions read err.data.
//
// This file: concurrency and lifecycle, and the CLI (npm run emulator).

import * as assert from "node:assert/strict";
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import * as path from "node:path";

import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, DEFAULT_ACCOUNT_ID, DEFAULT_REGION, startFcEmulator } from "../../provider/emulator";
import { rejection } from "../support/rejection";
import { defaultKeys, get, sdkAt, type SdkError, useEmulator } from "./testClients";

describe("fc-emulator", () => {
    const emulator = useEmulator();
    describe("concurrency and lifecycle", () => {
        it("maxInFlight counts concurrent requests", async () => {
            await get(emulator.client, "hello");
            await get(emulator.client, "zero");
            assert.equal(emulator.fc.maxInFlight(), 1, "sequential requests never overlap");
            emulator.fc.resetLog();
            // Each request is held for 500 ms, far longer than it takes to send all five.
            emulator.fc.addFault({ fault: { kind: "delay", ms: 500 }, times: 5 });
            const results = await Promise.all([1, 2, 3, 4, 5].map(() => get(emulator.client, "hello")));
            assert.deepEqual(
                results.map((r) => r.statusCode),
                [200, 200, 200, 200, 200],
            );
            assert.equal(emulator.fc.maxInFlight(), 5);
            assert.equal(emulator.fc.requests.length, 5);
        });

        it("close() ends keep-alive connections, so it resolves at once and later calls are refused", async () => {
            // The SDK pools keep-alive sockets; without destroying them close() would wait for their timeout.
            await get(emulator.client, "hello");
            const started = performance.now();
            await emulator.fc.close();
            assert.ok(performance.now() - started < 1000, "close() waited for idle connections");
            // Refused, or reset when the SDK's pool still held the socket the emulator just destroyed.
            const error = (await rejection(get(emulator.client, "hello"), Error)) as SdkError;
            assert.ok(error.code === "ECONNREFUSED" || error.code === "ECONNRESET", `${String(error.code)} ${error.message}`);
            assert.equal(emulator.fc.requests.length, 1, "nothing may be answered after close()");
            await emulator.fc.close(); // idempotent
        });

        it("refuses an empty credential list", async () => {
            await assert.rejects(startFcEmulator({ credentials: [] }), /credentials must not be empty/);
        });

        it("exposes the documented identity", () => {
            assert.equal(emulator.fc.accountId, DEFAULT_ACCOUNT_ID);
            assert.equal(emulator.fc.region, DEFAULT_REGION);
            assert.equal(emulator.fc.accessKeyId, DEFAULT_ACCESS_KEY_ID);
            assert.equal(emulator.fc.accessKeySecret, DEFAULT_ACCESS_KEY_SECRET);
            assert.match(emulator.fc.host, /^127\.0\.0\.1:\d+$/);
            assert.equal(emulator.fc.endpoint, `http://${emulator.fc.host}`);
        });
    });
});

describe("fc-emulator CLI (npm run emulator)", () => {
    let child: ChildProcessWithoutNullStreams | undefined;

    afterEach(() => {
        if (child !== undefined && child.exitCode === null && child.signalCode === null) {
            child.kill("SIGKILL");
        }
        child = undefined;
    });

    it("prints how to connect, logs each request without the secret, and stops on SIGTERM", async () => {
        const root = path.resolve(__dirname, "..", "..");
        const proc = spawn(process.execPath, [require.resolve("ts-node/dist/bin.js"), "provider/emulator/main.ts"], {
            cwd: root,
            env: { ...process.env, PORT: "0" },
        });
        child = proc;
        let out = "";
        let err = "";
        const waiters: Array<{ pattern: RegExp; resolve: (m: RegExpMatchArray) => void }> = [];
        const check = (): void => {
            for (const waiter of [...waiters]) {
                const match = out.match(waiter.pattern);
                if (match !== null) {
                    waiters.splice(waiters.indexOf(waiter), 1);
                    waiter.resolve(match);
                }
            }
        };
        proc.stdout.on("data", (chunk: Buffer) => {
            out += chunk.toString("utf8");
            check();
        });
        proc.stderr.on("data", (chunk: Buffer) => {
            err += chunk.toString("utf8");
        });
        const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
        const waitFor = (pattern: RegExp): Promise<RegExpMatchArray> =>
            Promise.race([
                new Promise<RegExpMatchArray>((resolve) => {
                    waiters.push({ pattern, resolve });
                    check();
                }),
                exited.then((code) => assert.fail(`the CLI exited (${String(code)}) before printing ${pattern}: ${out}\n${err}`)),
            ]);

        const endpoint = (await waitFor(/endpoint\s+http:\/\/(127\.0\.0\.1:\d+)/))[1];
        assert.match(out, /LOCAL FAKE/);
        assert.ok(out.includes(`export ALIBABA_CLOUD_ACCESS_KEY_ID=${DEFAULT_ACCESS_KEY_ID}`));
        assert.ok(out.includes(`export ALIBABA_CLOUD_ACCESS_KEY_SECRET=${DEFAULT_ACCESS_KEY_SECRET}`));
        assert.ok(out.includes(DEFAULT_ACCOUNT_ID) && out.includes(DEFAULT_REGION));
        const banner = out;

        const res = await get(sdkAt(endpoint, defaultKeys()), "hello", { qualifier: "prod" });
        assert.equal(res.statusCode, 200);
        const line = (await waitFor(/GET \/2021-04-06\/services\/demo-service\/functions\/hello\/async-invoke-config\?qualifier=prod -> 200 .*\n/))[0];
        assert.ok(line.includes(String(res.headers["x-fc-request-id"])));
        assert.ok(!out.slice(banner.length).includes(DEFAULT_ACCESS_KEY_SECRET), "the request log must not contain the secret");

        proc.kill("SIGTERM");
        assert.equal(await exited, 0, err);
    });
});
