// Errors this package raises in a user's program print as the engine prints its own: the message once,
// without stack frames, a dump of the error's fields or colour codes. Run through the plain CLI and the
// Node.js language host (the path `pulumi preview` takes for a user), whose handler prints a
// `pulumi.RunError` as its message alone and anything else as "failed with an unhandled exception" and a
// stack. The program is test/engine/fixtures/programErrors/index.ts; the package resolves through the
// repository's self-link to bin/.

import * as assert from "node:assert/strict";
import * as path from "node:path";
import { setConfig, useCliProject } from "../support/plainCli";

const PROJECT = path.join(__dirname, "fixtures", "programErrors");

/** Lines that are stack frames: `    at fn (file:line:col)` or `    at file:line:col`. */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

describe("errors raised in a program, through the plain CLI", function () {
    this.timeout(10 * 60_000);

    const project = useCliProject(PROJECT, `errors-${process.pid}`);

    before(async () => {
        const { fc, cli } = project;
        await setConfig(cli, {
            "programErrors:endpoint": { value: fc.endpoint },
            "alicloud:accountId": { value: fc.accountId },
            "alicloud:region": { value: fc.region },
            "alicloud:accessKey": { value: fc.accessKeyId },
            "alicloud:secretKey": { value: fc.accessKeySecret, secret: true },
        });
    });

    /** Previews with `programErrors:mode` set to `mode`; resolves with everything the CLI printed. */
    async function failedPreview(mode: string): Promise<string> {
        await setConfig(project.cli, { "programErrors:mode": { value: mode } });
        const preview = await project.cli.run(["preview", "--non-interactive"]);
        const printed = `${preview.stdout}${preview.stderr}`;
        assert.notEqual(preview.code, 0, printed);
        return printed;
    }

    /**
     * The checks every failure shares: the stack's diagnostics hold one error, `message`, and nothing
     * prints what an unhandled exception prints. (The live view shows the same diagnostic as it arrives,
     * as it does for the engine's own errors.)
     */
    function assertPrintedLikeTheEngine(printed: string, message: string): void {
        const diagnostics = printed.slice(printed.indexOf("Diagnostics:"));
        const errors = diagnostics.split("\n").filter((line) => /^\s+error: /.test(line));
        assert.equal(errors.length, 1, `one error in the diagnostics:\n${printed}`);
        assert.ok(errors[0].includes(message), `the error is "${message}":\n${printed}`);
        assert.doesNotMatch(printed, STACK_FRAME, "no stack frame");
        assert.doesNotMatch(printed, /unhandled exception/, "not reported as an unhandled exception");
        assert.ok(!printed.includes("\u001b["), "no raw colour codes");
        assert.doesNotMatch(printed, /requestId:|retryable:|\[cause\]/, "no dump of the error's fields");
        assert.ok(!printed.includes(project.fc.accessKeySecret), "no secret");
    }

    it("a bad plain argument: the InvalidLookupError's message, once", async () => {
        const printed = await failedPreview("bad-argument");
        assertPrintedLikeTheEngine(printed, 'invalid serviceName "demo/service"');
    });

    it("the promise form's not-found: the FcError's message, once", async () => {
        const printed = await failedPreview("promise");
        assertPrintedLikeTheEngine(printed, 'function "missing" does not exist in service "demo-service"');
    });

    it("the Output form's not-found: the FcError's message, once", async () => {
        const printed = await failedPreview("output");
        assertPrintedLikeTheEngine(printed, 'function "missing" does not exist in service "demo-service"');
    });
});
