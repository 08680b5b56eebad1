// FC 2.0's list data source (FunctionAsyncInvokeConfigs, resource form) in the real Pulumi engine: the
// `pulumi` CLI, the Automation API running an inline program, the real dynamic-provider host, a file
// backend, and the FC stand-in over loopback HTTP, its list paged by FC's opaque tokens.

import * as assert from "node:assert/strict";
import { FunctionAsyncInvokeConfigs } from "../../provider";
import { consoleDelete, consolePut } from "../support/fcConsole";
import { assertOnlyGets, destroyReadOnly, driftAndRefresh, onlyOfType, previewed, upWithoutDrift, useStandInEngine } from "../support/engineStandIn";

const LIST_TYPE = "pulumi-nodejs:dynamic/fc:FunctionAsyncInvokeConfigs";
const LIST_PATH = "/2021-04-06/services/demo-service/functions/hello/async-invoke-configs";

/** A recorded entry, as far as these tests look. */
type Entry = { qualifier: string; maxAsyncRetryAttempts?: number };

/** The list of `demo-service/hello`, and what the stack exports of it. */
async function helloList(): Promise<Record<string, unknown>> {
    const all = new FunctionAsyncInvokeConfigs("hello-configs", { serviceName: "demo-service", functionName: "hello" });
    return {
        id: all.id,
        qualifiers: all.configs.apply((configs) => configs.map((c) => c.qualifier)),
        retries: all.configs.apply((configs) => configs.map((c) => c.maxAsyncRetryAttempts)),
    };
}

describe("FC 2.0 list (FunctionAsyncInvokeConfigs) in the real Pulumi engine", function () {
    // The first run may have to build the CLI (minutes); every later run reuses the cache.
    this.timeout(15 * 60_000);
    const engine = useStandInEngine();

    beforeEach(() => {
        // Versions 2 and 10 besides the seed's LATEST and prod: FC lists them as "10", "2" (string order),
        // the data source as 2, 10. With two configs a page, the list takes two pages.
        const { store } = engine.fc;
        store.putVersion("demo-service", "10");
        store.putAsyncConfig("demo-service", "hello", "10", { maxAsyncRetryAttempts: 5 });
        store.putAsyncConfig("demo-service", "hello", "2", { maxAsyncRetryAttempts: 2 });
    });

    const stack = () => engine.stack("fcaic-list", helloList, { "fcAsyncInvokeConfig:pageSize": { value: "2" } });

    it("preview of a fresh stack shows every qualifier's config, every page, sorted", async () => {
        const s = await stack();
        const events = await previewed(s);

        const outputs = events.outputs();
        assert.equal(outputs.id, "demo-service:hello");
        assert.deepEqual(outputs.qualifiers, ["LATEST", "2", "10", "prod"]);
        assert.deepEqual(outputs.retries, [3, 2, 5, 1]);
        assert.equal(events.steps().find((step) => step.type === LIST_TYPE)?.op, "read", "the engine reads the list by id");
        const pages = engine.fc.requests.filter((r) => r.path === LIST_PATH);
        assert.deepEqual(
            pages.map((r) => [r.status, r.query.limit, r.query.nextToken === undefined]),
            [
                [200, "2", true],
                [200, "2", false],
            ],
            "two pages of two, the second asked for with FC's token",
        );
        assertOnlyGets(engine.fc);
    });

    it("refresh: no diff while nothing changed (FC's order is not the output's); drift when a qualifier's config changes, is removed or is added", async () => {
        const s = await stack();
        await upWithoutDrift(s);
        const { fc } = engine;
        const recorded = async () => ((await onlyOfType(s, LIST_TYPE)).outputs?.configs as Entry[]).map((c) => [c.qualifier, c.maxAsyncRetryAttempts]);

        // The engine diffs arrays by position: a change made at the end of the list shows as exactly that.
        const changed = await driftAndRefresh(s, () => consolePut(fc, "demo-service", "hello", "LATEST", { maxAsyncRetryAttempts: 7 }));
        assert.match(changed, /~ \[0\]: \{[^\]]*~ maxAsyncRetryAttempts\s*: 3 => 7/, changed);
        assert.deepEqual(await recorded(), [
            ["LATEST", 7],
            ["2", 2],
            ["10", 5],
            ["prod", 1],
        ]);

        const removed = await driftAndRefresh(s, () => consoleDelete(fc, "demo-service", "hello", "prod"));
        assert.match(removed, /- \[3\]: \{[^\]]*qualifier\s*: "prod"/, removed);
        assert.deepEqual(await recorded(), [
            ["LATEST", 7],
            ["2", 2],
            ["10", 5],
        ]);

        fc.store.putAlias("demo-service", "staging", "2");
        const added = await driftAndRefresh(s, () => consolePut(fc, "demo-service", "hello", "staging", { maxAsyncRetryAttempts: 6 }));
        assert.match(added, /\+ \[3\]: \{[^\]]*qualifier\s*: "staging"/, added);
        assert.deepEqual(await recorded(), [
            ["LATEST", 7],
            ["2", 2],
            ["10", 5],
            ["staging", 6],
        ]);

        assert.deepEqual(
            fc.requests.filter((r) => r.method !== "GET").map((r) => r.method),
            ["PUT", "DELETE", "PUT"],
            "the only writes are the three console changes",
        );
    });

    it("destroy sends no write and leaves every config as it was", async () => {
        const s = await stack();
        await s.stack.up();
        const before = engine.fc.store.listAsyncConfigs("demo-service", "hello");

        await destroyReadOnly(engine.fc, s);
        assert.deepEqual(engine.fc.store.listAsyncConfigs("demo-service", "hello"), before);
    });
});
