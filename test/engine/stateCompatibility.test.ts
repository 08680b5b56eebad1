// State written by earlier versions still refreshes with this one, through the real engine: the loader
// each resource carries in its state (`__provider`) requires `bin/provider/host` by package path, so
// what it finds there must serve the calls it makes. The fixtures are `pulumi stack export`s of stacks
// that earlier versions' packed packages deployed through the plain CLI against the FC stand-in:
// 0.1.0 (one data source, a loader that passes no data-source key) and the last version before the
// layout by folders (commit feffc01: all four data sources, keyed loaders). Each is imported into a
// fresh stack that serves this checkout, then refreshed: every read must succeed and change nothing.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { useStandInEngine } from "../support/engineStandIn";

/** A fixture's resources as `pulumi stack export` writes them. */
interface ExportedState {
    version: number;
    deployment: { resources: Array<{ urn: string; type: string; outputs?: Record<string, unknown> }> };
}

/** The stand-in address the fixtures were written against, replaced by the running stand-in's. */
const FIXTURE_HOST = "127.0.0.1:9000";

const FIXTURES = [
    { written: "0.1.0", file: "state-0.1.0.json", dataSources: 1 },
    { written: "the last version before the layout by folders (feffc01)", file: "state-feffc01.json", dataSources: 4 },
];

describe("state written by earlier versions, refreshed through the real engine", function () {
    this.timeout(5 * 60_000);
    const engine = useStandInEngine();

    for (const fixture of FIXTURES) {
        it(`refreshes state written by ${fixture.written}: every data source read again, nothing changed`, async () => {
            const { fc } = engine;
            const text = fs.readFileSync(path.join(__dirname, "fixtures", fixture.file), "utf8").replaceAll(FIXTURE_HOST, fc.host);
            const state = JSON.parse(text) as ExportedState;
            const dataSources = state.deployment.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"));
            assert.equal(dataSources.length, fixture.dataSources);
            // The URNs name the project the fixtures were deployed as; refresh runs no program.
            const s = await engine.stack("compat", async () => undefined, { "compat:endpoint": { value: fc.endpoint } });
            await s.stack.importStack(state);

            const refreshed = await s.stack.refresh();
            assert.equal(refreshed.summary.result, "succeeded", refreshed.stderr);
            assert.deepEqual(
                Object.keys(refreshed.summary.resourceChanges ?? {}).filter((op) => op !== "same"),
                [],
                `refresh changed something: ${JSON.stringify(refreshed.summary.resourceChanges)}`,
            );
            const after: Pick<ExportedState, "deployment"> = await s.stack.exportStack();
            for (const before of dataSources) {
                const now = after.deployment.resources.find((r) => r.urn === before.urn);
                assert.deepEqual(now?.outputs, before.outputs, `${before.urn}: outputs after the refresh`);
            }
            // Every data source was read again, with GETs only.
            const paths = new Set(fc.requests.map((r) => `${r.method} ${r.path}`));
            assert.equal(
                [...paths].every((p) => p.startsWith("GET ")),
                true,
                [...paths].join(", "),
            );
            assert.ok(fc.requests.length >= fixture.dataSources, `${fc.requests.length} requests for ${fixture.dataSources} data sources`);
        });
    }
});
