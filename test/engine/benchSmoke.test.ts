// A smoke run of the benchmark harness (issue #4): one run of tiny sizes, so that CI knows `npm run
// bench` still works end to end. It asserts what the harness reports exists and that its exact
// counts hold (requests per distinct lookup, state size); timings are a benchmark's business, not a test's.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { RESULTS_FILE, runBench } from "../../bench/bench";

describe("benchmark harness (smoke)", function () {
    this.timeout(10 * 60_000);

    it("runs every section once and reports each goal, without touching bench/RESULTS.md", async () => {
        const before = fs.existsSync(RESULTS_FILE) ? fs.statSync(RESULTS_FILE).mtimeMs : undefined;
        const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fcaic-bench-")), "smoke.md");
        const lines: string[] = [];
        const outcome = await runBench({ smoke: true, outFile, log: (line) => lines.push(line) });

        assert.equal(outcome.outFile, outFile);
        assert.ok(fs.readFileSync(outFile, "utf8").includes("## Goals"));
        assert.deepEqual([...new Set(outcome.goals.map((g) => g.goal))].sort(), [1, 2, 3, 4, 5, 6], "every goal of issue #4 is reported");
        // The family's sections ran: three read paths against the raw SDKs, and both lists at 1 and 50 configs.
        assert.deepEqual(
            outcome.results.family?.paths.map((p) => p.label.split(",")[0]),
            ["ListFunctionAsyncInvokeConfigs (FC 2.0)", "GetAsyncInvokeConfig (FC 3.0)", "ListAsyncInvokeConfigs (FC 3.0)"],
        );
        assert.deepEqual(
            outcome.results.lists?.counts.map((c) => `${c.size}:${c.expected}`),
            ["1:1", "50:3", "1:1", "50:3"],
        );
        // Exact counts are not timings: they hold in a smoke run as in a full one.
        for (const goal of outcome.goals.filter((g) => (g.goal === 3 || g.goal === 4) && g.met !== undefined)) {
            assert.equal(goal.met, true, `${goal.name}: ${goal.figure} (target ${goal.target})`);
        }
        const after = fs.existsSync(RESULTS_FILE) ? fs.statSync(RESULTS_FILE).mtimeMs : undefined;
        assert.equal(after, before, "a smoke run must not overwrite the full run's results");
    });
});
