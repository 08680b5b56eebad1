// What the provider host prints of a failed read (provider/host/hostOutput.ts): the host writes every error a
// method throws as `${err}: ${err.stack}` before the engine reports it again. The provider's verdicts are
// dropped from that print, once per rejection; anything else (a bug) is still printed with its stack.

import * as assert from "node:assert/strict";
import { ConfigurationError, FcError } from "../../../provider/errors";
import { installQuietVerdicts, quietVerdicts } from "../../../provider/host/hostOutput";

/** The host's own template (`@pulumi/pulumi`'s cmd/dynamic-provider). */
const hostPrint = (err: Error): string => `${String(err)}: ${err.stack}`;

describe("the provider host's print of failed reads", () => {
    const original = console.error;
    const printed: unknown[][] = [];

    before(() => {
        console.error = (...args: unknown[]) => void printed.push(args);
        installQuietVerdicts();
        installQuietVerdicts(); // a second install must not wrap twice
    });
    after(() => {
        console.error = original;
    });
    beforeEach(() => (printed.length = 0));

    it("skips the host's print of a verdict, once for each read it rejected", async () => {
        const verdict = new FcError({ kind: "not-found", code: "FunctionNotFound", status: 404, reading: "the async invoke config of x", attempts: 1 });
        // Two data sources sharing one lookup are rejected with the same error object.
        await assert.rejects(quietVerdicts(Promise.reject(verdict)));
        await assert.rejects(quietVerdicts(Promise.reject(verdict)));
        console.error(hostPrint(verdict));
        console.error(hostPrint(verdict));
        assert.deepEqual(printed, []);
        // A third print of the same text has no rejection left to account for: it is shown.
        console.error(hostPrint(verdict));
        assert.deepEqual(printed, [[hostPrint(verdict)]]);
    });

    it("prints an unexpected error (a bug) with its stack, and other output untouched", async () => {
        const bug = new TypeError("cannot read properties of undefined");
        await assert.rejects(quietVerdicts(Promise.reject(bug)));
        console.error(hostPrint(bug));
        console.error("a line", 2);
        assert.deepEqual(printed, [[hostPrint(bug)], ["a line", 2]]);
    });

    it("leaves a verdict's own later prints alone once its rejection was accounted for", async () => {
        const verdict = new ConfigurationError("alicloud:region", "missing region");
        await assert.rejects(quietVerdicts(Promise.reject(verdict)));
        console.error(hostPrint(verdict));
        console.error(`${String(verdict)}: something else`);
        assert.deepEqual(printed, [[`${String(verdict)}: something else`]]);
    });
});
