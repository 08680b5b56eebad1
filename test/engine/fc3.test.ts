// FC 3.0's data sources in their resource forms (AsyncInvokeConfig and AsyncInvokeConfigs) in the real
// Pulumi engine: the `pulumi` CLI, the Automation API running an inline program, the real dynamic-provider
// host, a file backend, and the FC stand-in's FC 3.0 view (API 2023-03-30) over loopback HTTP. Changes
// outside the stack go through the real FC 3.0 SDK, as a console user's would.

import * as assert from "node:assert/strict";
import * as $FC3 from "@alicloud/fc20230330";
import { V3AsyncInvokeConfig, V3AsyncInvokeConfigs } from "../../provider";
import { assertOnlyGets, destroyReadOnly, driftAndRefresh, onlyOfType, previewed, upWithoutDrift, useStandInEngine } from "../support/engineStandIn";
import { fc3Client, fc3Delete, fc3Put } from "../support/fc3Sdk";

const SINGLE_TYPE = "pulumi-nodejs:dynamic/fc3:AsyncInvokeConfig";
const LIST_TYPE = "pulumi-nodejs:dynamic/fc3:AsyncInvokeConfigs";

/** fc3-hello's LATEST config, read on its own, and every config of fc3-hello, as a stack exports them. */
async function fc3Hello(): Promise<Record<string, unknown>> {
    const latest = new V3AsyncInvokeConfig("fc3-hello-async", { functionName: "fc3-hello" });
    const all = new V3AsyncInvokeConfigs("fc3-hello-configs", { functionName: "fc3-hello" });
    return {
        id: latest.id,
        functionArn: latest.functionArn,
        asyncTask: latest.asyncTask,
        retries: latest.maxAsyncRetryAttempts,
        onFailure: latest.destinationConfig.apply((d) => d.onFailure?.destination),
        listId: all.id,
        listRetries: all.configs.apply((configs) => configs.map((c) => c.maxAsyncRetryAttempts)),
    };
}

/** The part of a `--diff` printout about the resource of `type`: from its header to the next resource's. */
function section(diff: string, type: string): string {
    const start = diff.indexOf(`${type}: (`);
    assert.notEqual(start, -1, `the diff shows no ${type}:\n${diff}`);
    const next = diff.slice(start + type.length).search(/pulumi-nodejs:dynamic\/[^:]+:[A-Za-z]+: \(/);
    return next === -1 ? diff.slice(start) : diff.slice(start, start + type.length + next);
}

describe("FC 3.0 single and list (AsyncInvokeConfig, AsyncInvokeConfigs) in the real Pulumi engine", function () {
    // The first run may have to build the CLI (minutes); every later run reuses the cache.
    this.timeout(15 * 60_000);
    const engine = useStandInEngine();
    const queue = (name: string): string => `acs:mns:${engine.fc.region}:${engine.fc.accountId}:/queues/${name}/messages`;
    const stack = () => engine.stack("fcaic-fc3", fc3Hello);

    it("preview of a fresh stack shows FC 3.0's values of both, read by id", async () => {
        const s = await stack();
        const events = await previewed(s);

        assert.deepEqual(events.outputs(), {
            id: "fc3-hello:LATEST",
            functionArn: `acs:fc:${engine.fc.region}:${engine.fc.accountId}:functions/fc3-hello`,
            asyncTask: true,
            retries: 3,
            onFailure: queue("failed-events"),
            listId: "fc3-hello",
            // One ARN for both configs: their content orders them (prod's asyncTask false first).
            listRetries: [1, 3],
        });
        const reads = events.steps().filter((step) => step.op === "read");
        assert.deepEqual(reads.map((step) => step.type).sort(), [SINGLE_TYPE, LIST_TYPE]);
        assert.deepEqual(
            engine.fc.requests.map((r) => r.path).sort(),
            ["/2023-03-30/async-invoke-configs", "/2023-03-30/functions/fc3-hello/async-invoke-config"],
            "one request each",
        );
        assertOnlyGets(engine.fc);
    });

    it("refresh: no diff while nothing changed; drift when a field changes, and when a qualifier's config is added or removed", async () => {
        const s = await stack();
        await upWithoutDrift(s);
        const client = fc3Client(engine.fc);
        const recorded = async (type: string) => (await onlyOfType(s, type)).outputs ?? {};
        const listRetries = async () => ((await recorded(LIST_TYPE)).configs as Array<{ maxAsyncRetryAttempts?: number }>).map((c) => c.maxAsyncRetryAttempts);

        // LATEST's retries and failure queue change: both data sources show it.
        const changed = await driftAndRefresh(s, () =>
            fc3Put(client, "fc3-hello", "LATEST", {
                asyncTask: true,
                maxAsyncEventAgeInSeconds: 300,
                maxAsyncRetryAttempts: 7,
                destinationConfig: new $FC3.DestinationConfig({ onFailure: new $FC3.Destination({ destination: queue("retried-events") }) }),
            }),
        );
        const single = section(changed, SINGLE_TYPE);
        assert.match(single, /~ maxAsyncRetryAttempts\s*: 3 => 7/, single);
        assert.match(single, /~ destination: "[^"]*failed-events[^"]*" => "[^"]*retried-events/, single);
        assert.match(section(changed, LIST_TYPE), /~ \[1\]: \{[^\]]*~ maxAsyncRetryAttempts\s*: 3 => 7/, changed);
        assert.equal((await recorded(SINGLE_TYPE)).maxAsyncRetryAttempts, 7);
        assert.deepEqual(await listRetries(), [1, 7]);

        // Version 2 gets a config (without asyncTask, so it orders last), then loses it: only the list changes.
        const added = await driftAndRefresh(s, () => fc3Put(client, "fc3-hello", "2", { maxAsyncRetryAttempts: 2 }));
        assert.match(section(added, LIST_TYPE), /\+ \[2\]: \{[^\]]*maxAsyncRetryAttempts\s*: 2/, added);
        assert.ok(!added.includes(`${SINGLE_TYPE}: (update)`), `the single read shows a change:\n${added}`);
        assert.deepEqual(await listRetries(), [1, 7, 2]);

        const removed = await driftAndRefresh(s, () => fc3Delete(client, "fc3-hello", "2"));
        assert.match(section(removed, LIST_TYPE), /- \[2\]: \{[^\]]*maxAsyncRetryAttempts\s*: 2/, removed);
        assert.deepEqual(await listRetries(), [1, 7]);

        assert.deepEqual(
            engine.fc.requests.filter((r) => r.method !== "GET").map((r) => r.method),
            ["PUT", "PUT", "DELETE"],
            "the only writes are the three console changes",
        );
    });

    it("destroy sends no write and leaves every config as it was", async () => {
        const s = await stack();
        await s.stack.up();
        const before = engine.fc.store.fc3.listAsyncConfigs();

        await destroyReadOnly(engine.fc, s);
        assert.deepEqual(engine.fc.store.fc3.listAsyncConfigs(), before);
    });
});
