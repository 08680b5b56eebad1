// Requests to FC per deployment equal the distinct reads, through the real engine: one provider host
// serves a whole operation and shares FC's answers within it, so a stack of many data sources naming
// few configs costs one GET per config named, in preview and again in up (each operation starts a
// fresh host). The same holds in process (test/read/sharingAndPacing.test.ts); here the engine's own
// scheduling of reads (all at once, one provider object per resource) is what could break it.

import * as assert from "node:assert/strict";
import { FunctionAsyncInvokeConfig, FunctionAsyncInvokeConfigs, V3AsyncInvokeConfig } from "../../provider";
import { previewed, useStandInEngine } from "../support/engineStandIn";

/** Reads named by the stack: 3 distinct ones, each by 4 data sources. */
const COPIES = 4;

/** The program: 4 copies each of FC 2.0 hello@LATEST, FC 2.0 hello's list and FC 3.0 fc3-hello@prod. */
async function repeatedReads(): Promise<Record<string, unknown>> {
    const retries: unknown[] = [];
    for (let i = 0; i < COPIES; i++) {
        retries.push(new FunctionAsyncInvokeConfig(`hello-${i}`, { serviceName: "demo-service", functionName: "hello" }).maxAsyncRetryAttempts);
        retries.push(
            new FunctionAsyncInvokeConfigs(`hello-configs-${i}`, { serviceName: "demo-service", functionName: "hello" }).configs.apply((c) => c.length),
        );
        retries.push(new V3AsyncInvokeConfig(`fc3-hello-prod-${i}`, { functionName: "fc3-hello", qualifier: "prod" }).maxAsyncRetryAttempts);
    }
    return { retries };
}

/** The GETs the stand-in answered since `from`, by path and query. */
function readsSince(requests: ReadonlyArray<{ method: string; path: string; query: Record<string, string> }>, from: number): string[] {
    return requests.slice(from).map((r) => `${r.method} ${r.path}?${new URLSearchParams(r.query).toString()}`);
}

describe("requests to FC per deployment through the real engine", function () {
    this.timeout(15 * 60_000);
    const engine = useStandInEngine();

    it("preview and up of 12 data sources naming 3 configs each send exactly 3 GETs, one per config named", async () => {
        const s = await engine.stack("fcaic-shared", repeatedReads);
        const { fc } = engine;

        const events = await previewed(s);
        assert.equal(events.steps().filter((step) => step.op === "read").length, 3 * COPIES, "every data source was read by the engine");
        const preview = readsSince(fc.requests, 0);
        assert.equal(preview.length, 3, preview.join("\n"));
        assert.equal(new Set(preview).size, 3, "three distinct reads");

        const up = await s.stack.up();
        assert.equal(up.summary.result, "succeeded");
        const upReads = readsSince(fc.requests, preview.length);
        assert.deepEqual(upReads.sort(), [...preview].sort(), "up reads the same three configs once each, in a fresh host");
    });
});
