// How a failed STS call is read (provider/credentials/stsClient.ts): STS's code, status and request id when it
// answered; the transport's code when it did not; never a secret, whatever the text quotes.

import * as assert from "node:assert/strict";
import { stsFailure } from "../../../provider/credentials/stsClient";

const SECRET = "sts-secret-value-0123";

describe("reading a failed STS call", () => {
    it("an answer: STS's code, status, the body's request id and message, redacted", () => {
        const err = Object.assign(new Error("code: 400, ignored"), {
            code: "SignatureDoesNotMatch",
            statusCode: 400,
            requestId: "header-id",
            data: { Message: `Specified signature is not matched with our calculation (secret ${SECRET})`, RequestId: "body-id" },
        });
        assert.deepEqual(stsFailure(err, [SECRET]), {
            code: "SignatureDoesNotMatch",
            status: 400,
            requestId: "body-id",
            said: "Specified signature is not matched with our calculation (secret ***)",
        });
    });

    it("an answer without a body: the SDK's request id and message; a missing code reads as the status", () => {
        const err = Object.assign(new Error("upstream failed"), { code: "undefined", statusCode: 502, requestId: "sdk-id" });
        assert.deepEqual(stsFailure(err, []), { code: "HTTP502", status: 502, requestId: "sdk-id", said: "upstream failed" });
    });

    it("no answer: the transport's code, or NetworkError when it has none", () => {
        assert.deepEqual(stsFailure(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }), []), {
            code: "ECONNREFUSED",
            said: "connect ECONNREFUSED 127.0.0.1:1",
        });
        assert.deepEqual(stsFailure(Object.assign(new Error("socket hang up"), { code: "not-a-code" }), []), { code: "NetworkError", said: "socket hang up" });
        assert.deepEqual(stsFailure(`refused, token ${SECRET}`, [SECRET]), { code: "NetworkError", said: "refused, token ***" });
    });

    it("the SDK's cause and request, glued together with a final stop, read as one clause that a sentence can go on from", () => {
        const err = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1POST https://127.0.0.1:1/ failed."), { code: "ECONNREFUSED" });
        const { said } = stsFailure(err, []);
        assert.equal(said, "connect ECONNREFUSED 127.0.0.1:1; POST https://127.0.0.1:1/ failed");
        assert.doesNotMatch(`could not find the account id: STS GetCallerIdentity failed: ${said}. The account id names FC's endpoint`, /\.\.|:1POST/);
    });
});
