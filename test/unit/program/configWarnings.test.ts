// The keys of the `fcAsyncInvokeConfig` namespace this package does not read, each with the key it most
// likely meant: a mistyped setting would otherwise be ignored without a word.

import * as assert from "node:assert/strict";
import { unknownTuningKeys } from "../../../provider/program/configWarnings";
import { describeAttempt, describePage } from "../../../provider/wire/workLog";

describe("config warnings: unknown fcAsyncInvokeConfig keys", () => {
    it("names each unknown key with the nearest known one, and none when nothing is near", () => {
        const config = {
            "fcAsyncInvokeConfig:timeoutSecond": "5",
            "fcAsyncInvokeConfig:maxattempts": "3",
            "fcAsyncInvokeConfig:colour": "blue",
            "fcAsyncInvokeConfig:pageSize": "10",
            "alicloud:region": "cn-hangzhou",
            "alicloud:timeoutSecond": "1",
        };
        assert.deepEqual(unknownTuningKeys(config), [
            { key: "fcAsyncInvokeConfig:colour", meant: undefined },
            { key: "fcAsyncInvokeConfig:maxattempts", meant: "fcAsyncInvokeConfig:maxAttempts" },
            { key: "fcAsyncInvokeConfig:timeoutSecond", meant: "fcAsyncInvokeConfig:timeoutSeconds" },
        ]);
    });
});

describe("work log lines", () => {
    it("say the request, the attempt, FC's answer and its request id; and a list's progress", () => {
        assert.equal(
            describeAttempt({
                operation: "GetAsyncInvokeConfig (FC 3.0)",
                request: "/2023-03-30/functions/f/async-invoke-config?qualifier=LATEST",
                attempt: 2,
                status: 503,
                code: "ServiceUnavailable",
                requestId: "r-1",
                ms: 12.4,
            }),
            "fc-async-invoke-config: GetAsyncInvokeConfig (FC 3.0): GET /2023-03-30/functions/f/async-invoke-config?qualifier=LATEST attempt 2 -> 503 ServiceUnavailable in 12 ms (request id: r-1)",
        );
        assert.match(describeAttempt({ operation: "x", request: "/p", attempt: 1, ms: 0 }), /attempt 1 -> no answer in 0 ms \(request id: none\)$/);
        assert.equal(
            describePage({ subject: "the configs of f", page: 3, items: 1 }),
            "fc-async-invoke-config: reading the configs of f: page 3 read, 1 config so far",
        );
    });
});
