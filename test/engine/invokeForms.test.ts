// The invoke forms (`getXOutput` / `listXOutput`) of FC 2.0 and FC 3.0 in the real Pulumi engine: they
// read in the program's own process, with the stack's config, on every preview and every up, and keep
// nothing in state. The Automation API runs the program inline, in this process, once per operation.

import * as assert from "node:assert/strict";
import {
    getV3AsyncInvokeConfigOutput,
    getFunctionAsyncInvokeConfigOutput,
    getV3AsyncInvokeConfigsOutput,
    getFunctionAsyncInvokeConfigsOutput,
} from "../../provider";
import { assertNotInStateFile, assertOnlyGets, previewed, useStandInEngine } from "../support/engineStandIn";

/** The resource types of the four data sources: the invoke forms must add none of them to state. */
const DATA_SOURCE_TYPES = ["FunctionAsyncInvokeConfig", "FunctionAsyncInvokeConfigs"]
    .map((name) => `pulumi-nodejs:dynamic/fc:${name}`)
    .concat(["AsyncInvokeConfig", "AsyncInvokeConfigs"].map((name) => `pulumi-nodejs:dynamic/fc3:${name}`));

/** What each run must ask FC, once per form. */
const READS = [
    "/2021-04-06/services/demo-service/functions/hello/async-invoke-config LATEST",
    "/2021-04-06/services/demo-service/functions/hello/async-invoke-configs -",
    "/2023-03-30/functions/fc3-hello/async-invoke-config prod",
    "/2023-03-30/async-invoke-configs -",
].sort();

/** One read of each invoke form; the FC 3.0 list names no function, so it lists every function's configs. */
async function invokeForms(): Promise<Record<string, unknown>> {
    const fc2Single = getFunctionAsyncInvokeConfigOutput({ serviceName: "demo-service", functionName: "hello" });
    const fc2List = getFunctionAsyncInvokeConfigsOutput({ serviceName: "demo-service", functionName: "hello" });
    const fc3Single = getV3AsyncInvokeConfigOutput({ functionName: "fc3-hello", qualifier: "prod" });
    const fc3List = getV3AsyncInvokeConfigsOutput({});
    return {
        fc2Id: fc2Single.id,
        fc2Retries: fc2Single.maxAsyncRetryAttempts,
        fc2Qualifiers: fc2List.configs.apply((configs) => configs.map((c) => c.qualifier)),
        fc3Id: fc3Single.id,
        fc3Retries: fc3Single.maxAsyncRetryAttempts,
        fc3OnFailure: fc3Single.destinationConfig.apply((d) => d.onFailure?.destination),
        fc3ListId: fc3List.id,
        fc3Arns: fc3List.configs.apply((configs) => configs.map((c) => c.functionArn?.split(":").pop())),
        fc3ListRetries: fc3List.configs.apply((configs) => configs.map((c) => c.maxAsyncRetryAttempts)),
    };
}

describe("the invoke forms (Output) in the real Pulumi engine", function () {
    // The first run may have to build the CLI (minutes); every later run reuses the cache.
    this.timeout(15 * 60_000);
    const engine = useStandInEngine();

    /** The reads the stand-in saw, as `path qualifier` (`-` for a list), sorted. */
    const reads = (): string[] => engine.fc.requests.map((r) => `${r.path} ${r.path.endsWith("-configs") ? "-" : (r.query.qualifier ?? "LATEST")}`).sort();

    it("preview shows FC's values from all four forms, FC 2.0 and FC 3.0, with one read each and no resource", async () => {
        const s = await engine.stack("fcaic-invoke", invokeForms);
        const events = await previewed(s);

        assert.deepEqual(events.outputs(), {
            fc2Id: "demo-service:hello:LATEST",
            fc2Retries: 3,
            fc2Qualifiers: ["LATEST", "prod"],
            fc3Id: "fc3-hello:prod",
            fc3Retries: 1,
            fc3OnFailure: `acs:mns:${engine.fc.region}:${engine.fc.accountId}:/queues/failed-events/messages`,
            fc3ListId: "*",
            // Sorted by function ARN; fc3-hello's two configs (LATEST, prod) share one.
            fc3Arns: ["functions/fc3-hello", "functions/fc3-hello", "functions/fc3-zero"],
            fc3ListRetries: [1, 3, 0],
        });
        assert.deepEqual(new Set(events.steps().map((step) => step.type)), new Set(["pulumi:pulumi:Stack"]), "no step but the stack's");
        assert.deepEqual(reads(), READS);
        assertOnlyGets(engine.fc);
    });

    it("each preview and up reads FC again, sees a change made meanwhile, and up adds no data source to state", async () => {
        const s = await engine.stack("fcaic-invoke-runs", invokeForms);
        await s.stack.preview();
        assert.deepEqual(reads(), READS, "the preview's reads");

        // A change outside the stack between the runs: the next run must show it.
        engine.fc.store.putAsyncConfig("demo-service", "hello", "LATEST", { maxAsyncRetryAttempts: 6 });
        engine.fc.store.fc3.putAsyncConfig("fc3-hello", "prod", { maxAsyncRetryAttempts: 7 });
        const up = await s.stack.up();
        assert.equal(up.summary.result, "succeeded");
        assert.equal(up.outputs.fc2Retries.value, 6);
        assert.equal(up.outputs.fc3Retries.value, 7);
        assert.deepEqual(reads(), [...READS, ...READS].sort(), "the up read everything again");

        const again = await s.stack.up();
        assert.equal(again.summary.resourceChanges?.same, 1, "only the stack, unchanged");
        assert.deepEqual(reads(), [...READS, ...READS, ...READS].sort(), "the second up read everything again");
        assertNotInStateFile(s, "fcaic-invoke-runs", DATA_SOURCE_TYPES);
        assertOnlyGets(engine.fc);
    });
});
