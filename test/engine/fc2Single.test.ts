// The data source in the real Pulumi engine: the `pulumi` CLI (built by scripts/ensure-pulumi-cli.sh),
// the Automation API running examples/basic as an inline program, the real dynamic-provider host, a
// file backend in a temp dir, passphrase secrets, and the FC stand-in over loopback HTTP.

import * as assert from "node:assert/strict";
import { basicExample } from "../../examples/basic/program";
import { RunbookEntry } from "../../examples/basic/runbookEntry";
import { FunctionAsyncInvokeConfig } from "../../provider";
import { type FcEmulator, startFcEmulator } from "../../provider/emulator";
import {
    createEngineStack,
    type EngineStack,
    readStateFile,
    recordEvents,
    runPulumi,
    type StackConfig,
    standInConfig,
    useEngineSuite,
} from "../support/engine";
import { consoleDelete, consolePut } from "../support/fcConsole";

const DATA_SOURCE_TYPE = "pulumi-nodejs:dynamic/fc:FunctionAsyncInvokeConfig";
const RUNBOOK_TYPE = "pulumi-nodejs:dynamic/examples:RunbookEntry";

interface StateResource {
    type: string;
    urn: string;
    id?: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
}

describe("the data source in the real Pulumi engine", function () {
    // The first run may have to build the CLI (minutes); every later run reuses the cache.
    this.timeout(15 * 60_000);

    let fc: FcEmulator;
    const stacks: EngineStack[] = [];
    // Only stack config may reach the provider.
    useEngineSuite();

    beforeEach(async () => {
        fc = await startFcEmulator();
    });
    afterEach(async () => {
        await fc.close();
        await Promise.all(stacks.splice(0).map((s) => s.dispose()));
    });

    /** A stack of examples/basic pointed at the stand-in, configured the way a user would. */
    async function exampleStack(extra: StackConfig = {}): Promise<EngineStack> {
        const s = await createEngineStack({
            projectName: "fcaic-example",
            program: basicExample,
            config: {
                ...standInConfig(fc),
                // An outage must fail in seconds here (3 attempts, waits of at most 1 s and 2 s), not after a minute.
                "fcAsyncInvokeConfig:maxAttempts": { value: "3" },
                "fcAsyncInvokeConfig:retryBudgetSeconds": { value: "10" },
                "fcAsyncInvokeConfig:timeoutSeconds": { value: "2" },
                ...extra,
            },
        });
        stacks.push(s);
        return s;
    }

    async function stateResources(s: EngineStack): Promise<StateResource[]> {
        const exported = await s.stack.exportStack();
        return (exported.deployment as { resources?: StateResource[] }).resources ?? [];
    }

    async function dataSourceState(s: EngineStack): Promise<StateResource> {
        const found = (await stateResources(s)).filter((r) => r.type === DATA_SOURCE_TYPE);
        assert.equal(found.length, 1, "one data source in state");
        return found[0];
    }

    function assertOnlyGets(): void {
        const writes = fc.requests.filter((r) => r.method !== "GET");
        assert.deepEqual(writes, [], "the provider sent a request that is not a GET");
    }

    const failureQueue = "acs:mns:cn-hangzhou:1234567890123456:/queues/failed-events/messages";
    const successFunction = "acs:fc:cn-hangzhou:1234567890123456:services/demo-service/functions/on-success";

    it("1. preview of a fresh stack shows FC's values in the stack outputs, not unknowns", async () => {
        const s = await exampleStack();
        const events = recordEvents();
        await s.stack.preview({ onEvent: events.onEvent });

        const outputs = events.outputs();
        assert.equal(outputs.functionId, "demo-service:hello:LATEST");
        assert.equal(outputs.onSuccess, successFunction);
        assert.equal(outputs.onFailure, failureQueue);
        assert.equal(outputs.maxAsyncEventAgeInSeconds, 300);
        assert.equal(outputs.maxAsyncRetryAttempts, 3);
        assert.equal(outputs.statefulInvocation, true);
        assert.equal(outputs.lastModifiedTime, "2024-01-01T00:00:00Z");
        const read = events.steps().find((step) => step.type === DATA_SOURCE_TYPE);
        assert.equal(read?.op, "read", "the engine reads the data source by id");
        assert.equal(fc.requests.length, 1, "one lookup, one request");
        assertOnlyGets();
    });

    it("2. outputs feed another resource: after up its recorded inputs equal what FC holds", async () => {
        const s = await exampleStack();
        const up = await s.stack.up();
        assert.equal(up.summary.result, "succeeded");

        const runbook = (await stateResources(s)).find((r) => r.type === RUNBOOK_TYPE);
        const held = fc.store.getAsyncConfig("demo-service", "hello", "LATEST");
        assert.ok(held && runbook?.inputs);
        assert.equal(runbook.inputs.failureDestination, held.destinationConfig?.onFailure?.destination);
        assert.equal(runbook.inputs.retryAttempts, held.maxAsyncRetryAttempts);
        assert.equal(up.outputs.runbookFailureDestination.value, failureQueue);
        assert.equal(up.outputs.runbookRetryAttempts.value, 3);
        assertOnlyGets();
    });

    it("3. refresh finds drift made in FC, records it, and reports a deleted config clearly", async () => {
        const s = await exampleStack();
        await s.stack.up();

        // Nothing changed: the check a drift-detection job runs passes.
        const driftCheck = ["refresh", "--preview-only", "--expect-no-changes", "--diff"];
        const clean = await runPulumi(s, driftCheck);
        assert.equal(clean.code, 0, `no drift yet, but: ${clean.stdout}${clean.stderr}`);

        // Someone raises the retry count in the console.
        await consolePut(fc, "demo-service", "hello", "LATEST", {
            onFailure: failureQueue,
            onSuccess: successFunction,
            maxAsyncEventAgeInSeconds: 300,
            maxAsyncRetryAttempts: 7,
            statefulInvocation: true,
        });
        const drift = await runPulumi(s, driftCheck);
        assert.notEqual(drift.code, 0, "the drift check passed despite drift");
        assert.match(drift.stdout, /~ maxAsyncRetryAttempts\s*: 3 => 7/, "the output names the changed field");
        assert.match(drift.stderr, /no changes were expected/);
        assert.equal((await dataSourceState(s)).outputs?.maxAsyncRetryAttempts, 3, "a preview-only refresh records nothing");

        // A real refresh records the new value.
        await s.stack.refresh();
        const refreshed = await dataSourceState(s);
        assert.equal(refreshed.outputs?.maxAsyncRetryAttempts, 7);
        assert.notEqual(refreshed.outputs?.lastModifiedTime, "2024-01-01T00:00:00Z");

        // The config is deleted in the console: refresh fails, says what is missing, and keeps the state.
        await consoleDelete(fc, "demo-service", "hello", "LATEST");
        const gone = await s.stack.refresh().then(
            () => assert.fail("refresh passed although the async config was deleted"),
            (err: Error) => err,
        );
        assert.match(gone.message, /AsyncConfigNotExists \(HTTP 404\)/);
        assert.match(gone.message, /function "demo-service\/hello" exists but has no async invoke config for qualifier "LATEST"/);
        assert.match(gone.message, /request id: [0-9a-f-]{36}/);
        assert.equal((await dataSourceState(s)).outputs?.maxAsyncRetryAttempts, 7);

        assert.deepEqual(
            fc.requests.filter((r) => r.method !== "GET").map((r) => r.method),
            ["PUT", "DELETE"],
            "the only writes are the two console changes",
        );
    });

    it("4. destroy sends no write to FC and leaves the config intact", async () => {
        const s = await exampleStack();
        await s.stack.up();
        const before = fc.store.getAsyncConfig("demo-service", "hello", "LATEST");
        fc.resetLog();

        const destroyed = await s.stack.destroy();
        assert.equal(destroyed.summary.result, "succeeded");
        assertOnlyGets();
        assert.deepEqual(fc.store.getAsyncConfig("demo-service", "hello", "LATEST"), before);
        assert.deepEqual(await stateResources(s), []);
    });

    it("5. the state holds no access key secret; each data source adds a few KB at most", async () => {
        const one = await exampleStack();
        await one.stack.up();
        // The file the backend keeps (exportStack() would decrypt the secrets for us).
        const text = readStateFile(one, "fcaic-example");
        assert.ok(!text.includes(fc.accessKeySecret), "the access key secret is in the state");
        assert.match(text, /"alicloud:secretKey":\s*\{\s*"4dabf18193072939515e22adb298388d"/, "the secret config is stored as an encrypted secret");

        // Bytes one more data source adds: a stack of 1 versus a stack of 11 distinct lookups.
        const sizes: number[] = [];
        for (const count of [1, 11]) {
            const s = await manyLookups(count);
            await s.stack.up();
            const stored = readStateFile(s, `fcaic-many-${count}`);
            assert.ok(!stored.includes(fc.accessKeySecret));
            sizes.push(Buffer.byteLength(stored));
        }
        const perDataSource = (sizes[1] - sizes[0]) / 10;
        const record = (await stateResources(one)).find((r) => r.type === DATA_SOURCE_TYPE);
        const provider = record?.inputs?.__provider;
        const providerBytes = typeof provider === "string" ? provider.length : 0;
        console.log(`      state bytes per data source: ${perDataSource.toFixed(0)} (serialized provider ${providerBytes} B, stored in inputs and outputs)`);
        assert.ok(perDataSource <= 4096, `a data source adds ${perDataSource} bytes to the state`);
    });

    async function manyLookups(count: number): Promise<EngineStack> {
        for (let i = 0; i < count; i++) {
            fc.store.putFunction("demo-service", `fn-${i}`);
            fc.store.putAsyncConfig("demo-service", `fn-${i}`, "LATEST", { maxAsyncRetryAttempts: i % 3, statefulInvocation: i % 2 === 0 });
        }
        const endpoint = fc.endpoint;
        const s = await createEngineStack({
            projectName: `fcaic-many-${count}`,
            program: async () => {
                for (let i = 0; i < count; i++) {
                    new FunctionAsyncInvokeConfig(`fn-${i}`, { serviceName: "demo-service", functionName: `fn-${i}`, endpoint });
                }
            },
            config: {
                "alicloud:accountId": { value: fc.accountId },
                "alicloud:accessKey": { value: fc.accessKeyId },
                "alicloud:secretKey": { value: fc.accessKeySecret, secret: true },
            },
        });
        stacks.push(s);
        return s;
    }

    it("6. an FC outage longer than the retry budget fails refresh clearly and keeps the recorded state", async () => {
        const s = await exampleStack();
        await s.stack.up();
        const recorded = await dataSourceState(s);

        fc.addFault({ fault: { kind: "status", status: 503, errorCode: "ServiceUnavailable", message: "the service is temporarily unavailable" } });
        const failed = await s.stack.refresh().then(
            () => assert.fail("refresh passed during an outage"),
            (err: Error) => err,
        );
        assert.match(failed.message, /ServiceUnavailable \(HTTP 503\) while reading the async invoke config of function "hello" in service "demo-service"/);
        assert.match(failed.message, /attempts: 3/);
        assert.doesNotMatch(failed.message, /not found|NotExists|does not exist/i, "an outage must never read as not-found");
        assert.deepEqual(await dataSourceState(s), recorded, "the data source's state is unchanged");
        assert.equal(fc.requests.length, 1 + 3, "one read at up, then three attempts");
        assertOnlyGets();
    });

    it("7. a lookup of a missing function fails preview with the not-found message", async () => {
        const s = await exampleStack({ "example:functionName": { value: "no-such-function" } });
        const failed = await s.stack.preview().then(
            () => assert.fail("preview passed for a missing function"),
            (err: Error) => err,
        );
        assert.match(failed.message, /FunctionNotFound \(HTTP 404\)/);
        assert.match(failed.message, /function "no-such-function" does not exist in service "demo-service"/);
        assert.equal(fc.requests.length, 1, "not-found is not retried");
    });

    it("8. stack config reaches the provider through configure, with no environment variables", async () => {
        await fc.close();
        // A key of another account that only stack config names.
        fc = await startFcEmulator({
            accountId: "5555555555555555",
            credentials: [{ accessKeyId: "LTAI5tStackConfigOnly", accessKeySecret: "stack-config-secret-value" }],
        });
        for (const name of Object.keys(process.env)) {
            assert.ok(!/^(ALIBABA_CLOUD|ALICLOUD)_/.test(name), `${name} is set in the test environment`);
        }
        const s = await exampleStack({
            "alicloud:region": { value: "cn-shanghai" },
            "alicloud:accountId": { value: "5555555555555555" },
            "alicloud:accessKey": { value: "LTAI5tStackConfigOnly" },
            "alicloud:secretKey": { value: "stack-config-secret-value", secret: true },
            "example:functionName": { value: "worker" },
        });
        // worker has no async config: the error shows the account and region the provider used.
        const failed = await s.stack.preview().then(
            () => assert.fail("preview passed for a function without async config"),
            (err: Error) => err,
        );
        assert.match(failed.message, /account 5555555555555555, region cn-shanghai/);
        const [request] = fc.requests;
        assert.equal(request.accessKeyId, "LTAI5tStackConfigOnly", "signed with the key from stack config");
        assert.equal(request.accountId, "5555555555555555", "X-Fc-Account-Id from stack config");
        assert.equal(request.status, 404, "the signature made with the secret from config was accepted");
        assert.ok(!failed.message.includes("stack-config-secret-value"));
    });

    it("9. an argument unknown during preview defers the read to up, instead of reading from the configured default", async () => {
        const endpoint = fc.endpoint;
        const s = await createEngineStack({
            projectName: "fcaic-unknown-input",
            program: async () => {
                // The id of a resource still to be created is unknown in preview; so is the endpoint here.
                const gate = new RunbookEntry("gate", { function: "gate", failureDestination: "", retryAttempts: 0 });
                const cfg = new FunctionAsyncInvokeConfig("hello", {
                    serviceName: "demo-service",
                    functionName: "hello",
                    endpoint: gate.id.apply(() => endpoint),
                });
                return { retries: cfg.maxAsyncRetryAttempts };
            },
            config: { ...standInConfig(fc), "fcAsyncInvokeConfig:maxAttempts": { value: "1" } },
        });
        stacks.push(s);
        const preview = recordEvents();
        await s.stack.preview({ onEvent: preview.onEvent });
        assert.equal(fc.requests.length, 0, "preview sent a request although the endpoint was not known yet");
        assert.notEqual(preview.outputs().retries, 3);

        const up = await s.stack.up();
        assert.equal(up.outputs.retries.value, 3);
        assert.deepEqual(
            fc.requests.map((r) => `${r.method} ${r.status}`),
            ["GET 200"],
        );
    });
});
