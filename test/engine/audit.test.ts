// examples/audit in the real Pulumi engine, against the FC stand-in: the program lists every async invoke
// config of demo-service/hello and fails when a qualifier retries more often than audit:maxRetryAttempts.

import * as assert from "node:assert/strict";
import { auditExample } from "../../examples/audit/program";
import { type StackConfig } from "../support/engine";
import { assertNotInStateFile, assertOnlyGets, useStandInEngine } from "../support/engineStandIn";

describe("examples/audit in the real Pulumi engine", function () {
    // The first run may have to build the CLI (minutes); every later run reuses the cache.
    this.timeout(15 * 60_000);
    const engine = useStandInEngine();

    /** The audit of demo-service/hello (seeded: LATEST 3 retries, prod 1) with `config` on top. */
    const auditStack = (config: StackConfig = {}) =>
        engine.stack("fcaic-audit", auditExample, {
            "audit:serviceName": { value: "demo-service" },
            "audit:functionName": { value: "hello" },
            ...config,
        });

    it("passes at the limit and exports a summary of every qualifier; nothing is kept in state", async () => {
        const s = await auditStack({ "audit:maxRetryAttempts": { value: "3" } });
        const up = await s.stack.up();

        assert.equal(up.summary.result, "succeeded");
        assert.equal(up.outputs.function.value, "demo-service/hello");
        assert.equal(up.outputs.maxRetryAttempts.value, 3);
        assert.equal(up.outputs.highestRetryAttempts.value, 3);
        assert.deepEqual(up.outputs.qualifiers.value, [
            { qualifier: "LATEST", maxAsyncRetryAttempts: 3 },
            { qualifier: "prod", maxAsyncRetryAttempts: 1 },
        ]);
        assertNotInStateFile(s, "fcaic-audit", ["pulumi-nodejs:dynamic/fc:FunctionAsyncInvokeConfigs"]);
        assertOnlyGets(engine.fc);
    });

    it("fails preview naming each qualifier over the limit, its value and the limit, and not the ones within it", async () => {
        engine.fc.store.putAsyncConfig("demo-service", "hello", "2", { maxAsyncRetryAttempts: 5 });
        const s = await auditStack({ "audit:maxRetryAttempts": { value: "2" } });
        const failed = await s.stack.preview().then(
            () => assert.fail("the audit passed with qualifiers over the limit"),
            (err: Error) => err,
        );
        assert.match(failed.message, /audit of function "hello" in service "demo-service" failed \(audit:maxRetryAttempts = 2\)/);
        assert.match(failed.message, /qualifier "LATEST": maxAsyncRetryAttempts 3 is above the limit 2/);
        assert.match(failed.message, /qualifier "2": maxAsyncRetryAttempts 5 is above the limit 2/);
        assert.doesNotMatch(failed.message, /qualifier "prod"/, "prod (1 retry) is within the limit");
        assertOnlyGets(engine.fc);
    });

    it("applies the documented default limit, 3, when audit:maxRetryAttempts is not set", async () => {
        engine.fc.store.putAsyncConfig("demo-service", "hello", "prod", { maxAsyncRetryAttempts: 4 });
        const s = await auditStack();
        const failed = await s.stack.preview().then(
            () => assert.fail("the audit passed with a qualifier over the default limit"),
            (err: Error) => err,
        );
        assert.match(failed.message, /qualifier "prod": maxAsyncRetryAttempts 4 is above the limit 3/);
        assert.doesNotMatch(failed.message, /qualifier "LATEST"/, "LATEST (3 retries) is at the limit, not above it");
    });
});
