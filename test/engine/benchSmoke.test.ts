// A smoke run of the benchmark harness: one run of tiny sizes, so that CI knows `npm run bench` still
// works end to end. It asserts that every section runs and every goal is reported; timings are a
// benchmark's business, not a test's, and exact counts are asserted by the tests of test/read/ and test/engine/.

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
        assert.deepEqual(
            [...new Set(outcome.goals.map((g) => g.goal))],
            ["provider overhead", "engine floor", "concurrency under throttling", "memory"],
            "every goal is reported, in order",
        );
        // The family's section ran: three read paths against the raw SDKs.
        assert.deepEqual(
            outcome.results.family?.paths.map((p) => p.label.split(",")[0]),
            ["ListFunctionAsyncInvokeConfigs (FC 2.0)", "GetAsyncInvokeConfig (FC 3.0)", "ListAsyncInvokeConfigs (FC 3.0)"],
        );
        assert.ok(
            outcome.results.engine?.some((c) => c.kind === "trivial"),
            "the engine's floor was measured",
        );
        const after = fs.existsSync(RESULTS_FILE) ? fs.statSync(RESULTS_FILE).mtimeMs : undefined;
        assert.equal(after, before, "a smoke run must not overwrite the full run's results");
    });
});
