// The root example's journey with the plain CLI, as for a user who has Pulumi installed: in the repository
// root, whose Pulumi.yaml runs examples/basic through the Node.js language host, against the FC
// stand-in. Where no language host can be found these tests are pending, never passing.

import * as assert from "node:assert/strict";
import { type FcEmulator } from "../../provider/emulator";
import { REPO_ROOT } from "../support/engine";
import { consolePut } from "../support/fcConsole";
import { type CliSession, exportedOutputs, setConfig, useCliProject } from "../support/plainCli";

const QUEUE = "acs:mns:cn-hangzhou:1234567890123456:/queues/failed-events/messages";
const DEAD_LETTERS = "acs:mns:cn-hangzhou:1234567890123456:/queues/dead-letters/messages";

describe("the root example's journey with the plain pulumi CLI in the repository root", function () {
    this.timeout(10 * 60_000);

    const project = useCliProject(REPO_ROOT, `journey-${process.pid}`);
    let fc: FcEmulator;
    let cli: CliSession;
    before(() => {
        ({ fc, cli } = project);
    });

    const output = (r: { stdout: string; stderr: string }): string => `${r.stdout}${r.stderr}`;

    it("1. config set as Pulumi.yaml says", async () => {
        await setConfig(cli, {
            "example:endpoint": { value: fc.endpoint },
            "alicloud:accountId": { value: fc.accountId },
            "alicloud:accessKey": { value: fc.accessKeyId },
            "alicloud:secretKey": { value: fc.accessKeySecret, secret: true },
        });
    });

    it("2. preview shows FC's values, not unknowns, and no secret", async () => {
        const preview = await cli.ok(["preview", "--diff"]);
        assert.match(preview.stdout, /maxAsyncRetryAttempts\s*: 3/);
        assert.ok(preview.stdout.includes(QUEUE));
        assert.match(preview.stdout, /runbookRetryAttempts\s*: 3/, "the other resource's input is known in preview");
        assert.ok(!output(preview).includes(fc.accessKeySecret));
        assert.doesNotMatch(output(preview), /without --secret/, "the secret key was set with --secret");
    });

    it("3. up feeds the values into the other resource; 4. stack output shows them", async () => {
        await cli.ok(["up", "--yes"]);
        const outputs = JSON.parse((await cli.ok(["stack", "output", "--json"])).stdout) as Record<string, unknown>;
        assert.equal(outputs.functionId, "demo-service:hello:LATEST");
        assert.equal(outputs.maxAsyncRetryAttempts, 3);
        assert.equal(outputs.runbookRetryAttempts, 3);
        assert.equal(outputs.runbookFailureDestination, QUEUE);
    });

    it("5. a change made as the console would fails the drift check, which shows the diff", async () => {
        await consolePut(fc, "demo-service", "hello", "LATEST", {
            onSuccess: "acs:fc:cn-hangzhou:1234567890123456:services/demo-service/functions/on-success",
            onFailure: DEAD_LETTERS,
            maxAsyncEventAgeInSeconds: 300,
            maxAsyncRetryAttempts: 5,
            statefulInvocation: true,
        });
        const drift = await cli.run(["refresh", "--preview-only", "--expect-no-changes", "--diff"]);
        assert.notEqual(drift.code, 0, output(drift));
        assert.match(drift.stdout, /maxAsyncRetryAttempts\s*: 3 => 5/);
        assert.ok(drift.stdout.includes(DEAD_LETTERS), drift.stdout);
        assert.match(drift.stderr, /no changes were expected for refresh but changes were proposed/);
    });

    it("(the README's caveat) refresh --run-program shows the diff but does not fail --expect-no-changes on it", async () => {
        // Measured with this CLI: under --run-program the data source's read counts as unchanged. If an
        // upgrade of the CLI makes this fail, the README's drift check can become one command.
        const runProgram = await cli.run(["refresh", "--run-program", "--preview-only", "--expect-no-changes", "--diff"]);
        assert.match(runProgram.stdout, /maxAsyncRetryAttempts\s*: 3 => 5/);
        assert.equal(runProgram.code, 0, output(runProgram));
    });

    it("6. refresh records the new values, the next up carries them into the other resource, and the drift check passes", async () => {
        await cli.ok(["refresh", "--yes"]);
        const outputs = await exportedOutputs(cli);
        assert.equal(outputs["hello-async"]?.maxAsyncRetryAttempts, 5);
        assert.deepEqual(outputs["hello-async"]?.destinationConfig, {
            onSuccess: { destination: "acs:fc:cn-hangzhou:1234567890123456:services/demo-service/functions/on-success" },
            onFailure: { destination: DEAD_LETTERS },
        });
        await cli.ok(["up", "--yes"]);
        const after = JSON.parse((await cli.ok(["stack", "output", "--json"])).stdout) as Record<string, unknown>;
        assert.equal(after.runbookRetryAttempts, 5);
        assert.equal(after.runbookFailureDestination, DEAD_LETTERS);
        await cli.ok(["preview", "--expect-no-changes"]);
        await cli.ok(["refresh", "--preview-only", "--expect-no-changes"]);
    });

    it("a plain refresh reads with the config recorded in state; the drift check's preview notices a changed secret", async () => {
        const wrong = "rotated-secret-that-fc-does-not-know";
        // Set in plain text, as a hurried rotation might: the program warns about that too.
        await setConfig(cli, { "alicloud:secretKey": { value: wrong } });
        // The engine refreshes with the provider config of the last update: the old, still valid secret.
        const stale = await cli.run(["refresh", "--preview-only", "--expect-no-changes"]);
        assert.equal(stale.code, 0, output(stale));
        // The drift check's first command runs the program, so the provider reads with the current config.
        const current = await cli.run(["preview", "--expect-no-changes"]);
        assert.notEqual(current.code, 0);
        assert.match(output(current), /SignatureNotMatch \(HTTP 403\)/);
        assert.ok(!output(current).includes(wrong), "the secret is not printed");
        assert.match(
            output(current),
            /alicloud:secretKey is set in stack config without --secret, so the state file and Pulumi\.<stack>\.yaml hold it in plain text/,
        );
        await setConfig(cli, { "alicloud:secretKey": { value: fc.accessKeySecret, secret: true } });
        await cli.ok(["preview", "--expect-no-changes"]);
    });

    it("a failed read prints its message without stack frames, and not again in the stack's diagnostics", async () => {
        await setConfig(cli, { "example:functionName": { value: "nope" } });
        const failed = await cli.run(["preview"]);
        await setConfig(cli, { "example:functionName": { value: "hello" } });
        assert.notEqual(failed.code, 0);
        const text = output(failed);
        assert.match(text, /FunctionNotFound \(HTTP 404\) while reading the async invoke config of function "nope"/);
        assert.doesNotMatch(text, /^\s+at .*\(.*:\d+:\d+\)$/m, "no stack frames");
        assert.doesNotMatch(text, /FcError: FunctionNotFound/, "the host's own print (`${err}: ${err.stack}`) is gone");
        // The engine reports a resource's error twice: in the progress and in the Diagnostics summary.
        assert.equal(text.split("FunctionNotFound (HTTP 404)").length - 1, 2, text);
    });

    it("7. destroy touches nothing in FC: the stand-in saw only GETs from the provider", async () => {
        await cli.ok(["destroy", "--yes"]);
        const fromProvider = fc.requests.filter((r) => r.traceId?.startsWith("pulumi-fcaic-"));
        assert.ok(fromProvider.length >= 6, `${fromProvider.length} provider requests`);
        assert.deepEqual([...new Set(fromProvider.map((r) => r.method))], ["GET"]);
        assert.deepEqual(
            fc.requests.filter((r) => !fromProvider.includes(r)).map((r) => r.method),
            ["PUT"],
            "the only other request is the console's change",
        );
    });
});
