// The reads' work, visible as the engine shows its own (wire/workLog.ts): with `--debug`, a debug line per
// request attempt from the program (an invoke form) and from the provider host (a resource form), with
// FC's status and request id and no secret; none without it; progress on a list longer than one page;
// and a warning for a mistyped `fcAsyncInvokeConfig:*` key.

import * as assert from "node:assert/strict";
import { FunctionAsyncInvokeConfig, FunctionAsyncInvokeConfigs, getV3AsyncInvokeConfigOutput } from "../../provider";
import { recordEvents } from "../support/engine";
import { useStandInEngine } from "../support/engineStandIn";

/** A resource form of each kind, and an invoke form: the host's reads and the program's. */
async function program(): Promise<Record<string, unknown>> {
    const single = new FunctionAsyncInvokeConfig("hello-async", { serviceName: "demo-service", functionName: "hello" });
    const list = new FunctionAsyncInvokeConfigs("hello-configs", { serviceName: "demo-service", functionName: "hello" });
    const v3 = getV3AsyncInvokeConfigOutput({ functionName: "fc3-hello" });
    return { retries: single.maxAsyncRetryAttempts, qualifiers: list.configs.apply((c) => c.length), v3Retries: v3.maxAsyncRetryAttempts };
}

describe("the reads' work through the real engine", function () {
    this.timeout(10 * 60_000);
    const engine = useStandInEngine();

    it("shows a debug line per attempt from the program and from the provider host with --debug, and none without", async () => {
        // One config per page, so that the two-config list is a long list.
        const s = await engine.stack("fcaic-work", program, { "fcAsyncInvokeConfig:pageSize": { value: "1" } });
        // The engine streams every diagnostic to the Automation API; the CLI prints debug ones only with --debug.
        const plain = await s.stack.preview();
        const debug = recordEvents();
        const debugged = await s.stack.preview({ onEvent: debug.onEvent, debug: true });
        assert.doesNotMatch(plain.stdout, /fc-async-invoke-config: .*: GET \//, `no request line printed without --debug:\n${plain.stdout}`);
        // Progress on the long list is shown either way, as the engine's status of the step.
        assert.match(
            plain.stdout,
            /fc-async-invoke-config: reading the async invoke configs of function "hello" in service "demo-service": page 1 read, 1 config so far/,
        );
        assert.match(debugged.stdout, /fc-async-invoke-config: GetFunctionAsyncInvokeConfig \(FC 2\.0\): GET /, "printed with --debug");

        const shown = debug.events.flatMap((e) =>
            (e.diagnosticEvent?.severity as string | undefined) === "debug" && e.diagnosticEvent?.message.includes("fc-async-invoke-config: ")
                ? [e.diagnosticEvent.message]
                : [],
        );
        const program3 = shown.find((l) =>
            l.includes("GetAsyncInvokeConfig (FC 3.0): GET /2023-03-30/functions/fc3-hello/async-invoke-config?qualifier=LATEST attempt 1 -> 200"),
        );
        const host2 = shown.find((l) =>
            l.includes(
                "GetFunctionAsyncInvokeConfig (FC 2.0): GET /2021-04-06/services/demo-service/functions/hello/async-invoke-config?qualifier=LATEST attempt 1 -> 200",
            ),
        );
        assert.ok(program3 !== undefined, `the program's read:\n${shown.join("")}`);
        assert.ok(host2 !== undefined, `the provider host's read:\n${shown.join("")}`);
        const requestIds = new Set(engine.fc.requests.map((r) => r.requestId));
        for (const line of [program3, host2]) {
            assert.ok(requestIds.has(/request id: ([\w-]+)\)/.exec(line)?.[1] ?? "none"), `names FC's request id: ${line}`);
        }
        const listPages = shown.filter((l) => l.includes("ListFunctionAsyncInvokeConfigs (FC 2.0): GET"));
        assert.equal(listPages.length, 2, "one line per page of the two-page list");
        const all = debug.events.map((e) => JSON.stringify(e)).join("\n");
        assert.ok(!all.includes(engine.fc.accessKeySecret), "no secret in any event");
        assert.match(
            debug.events.map((e) => e.diagnosticEvent?.message ?? "").join(""),
            /reading the async invoke configs of function "hello" in service "demo-service": page 1 read, 1 config so far/,
        );
    });

    it("warns about a mistyped fcAsyncInvokeConfig key, naming the key it most likely meant", async () => {
        const s = await engine.stack("fcaic-typo", program, { "fcAsyncInvokeConfig:timeoutSecond": { value: "5" } });
        const events = recordEvents();
        await s.stack.preview({ onEvent: events.onEvent });
        const warnings = events.events.flatMap((e) => (e.diagnosticEvent?.severity === "warning" ? [e.diagnosticEvent.message] : []));
        assert.ok(
            warnings.some((w) =>
                w.includes(
                    "fcAsyncInvokeConfig:timeoutSecond is not a setting of pulumi-fc-async-invoke-config and is ignored; did you mean fcAsyncInvokeConfig:timeoutSeconds?",
                ),
            ),
            warnings.join("\n"),
        );
    });
});
