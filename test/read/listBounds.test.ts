// The edges of a list read, in process against the FC stand-in: a list always ends (at most
// `fcAsyncInvokeConfig:maxPages` pages, and `retryBudgetSeconds` for the whole walk), a token handed out
// twice is refused, and one entry is kept per FC 2.0 qualifier whatever the paging (FC 3.0's entries
// name none, so every one is kept). Every refusal fails the whole read with the page's HTTP status and
// request id, and nothing partial is kept.

import * as assert from "node:assert/strict";
import { asyncInvokeConfigs } from "../../provider/dataSources/asyncInvokeConfigs";
import { functionAsyncInvokeConfigs } from "../../provider/dataSources/functionAsyncInvokeConfigs";
import { FcError } from "../../provider/errors";
import { type Deployment } from "../../provider/core/deployment";
import { readDataSource } from "../../provider/core/read";
import { readStackSettings } from "../../provider/settings/stackSettings";
import { DEFAULT_TUNING } from "../../provider/settings/tuning";
import { type FcEmulator, type RecordedRequest } from "../../provider/emulator";
import { rejection } from "../support/rejection";
import { SERVICE, useStandInProvider } from "../support/standInProvider";
import { testClock } from "../support/clock";
import { standInDeployment } from "../support/deployment";

/** The list requests the stand-in answered. */
function listRequests(fc: FcEmulator): RecordedRequest[] {
    return fc.requests.filter((r) => r.path.endsWith("/async-invoke-configs"));
}

const JSON_HEADERS = { "content-type": "application/json" };

/** Arms the stand-in to answer the first page with `first` and every later page (one with a nextToken) with `later`. */
function pages(fc: FcEmulator, first: object, later: object): void {
    fc.addFault({ fault: { kind: "answer", status: 200, headers: JSON_HEADERS, body: JSON.stringify(later) }, queryHas: "nextToken" });
    fc.addFault({ fault: { kind: "answer", status: 200, headers: JSON_HEADERS, body: JSON.stringify(first) } });
}

const readHello = (ctx: Deployment, fc: FcEmulator): Promise<unknown> =>
    readDataSource(ctx, functionAsyncInvokeConfigs, { serviceName: SERVICE, functionName: "hello", endpoint: fc.endpoint });

/** The failure's status and request id are those of the page that was refused: the last request. */
function assertNamesLastPage(err: FcError, fc: FcEmulator): void {
    const last = listRequests(fc).at(-1);
    assert.equal(err.status, 200);
    assert.equal(err.requestId, last?.requestId);
    assert.ok(!err.message.includes("no HTTP answer") && !err.message.includes("request id: none"), err.message);
    assert.equal(err.kind, "malformed-response");
    assert.equal(err.attempts, 1, "not retried: the same pages would come again");
}

describe("list reads at their edges (in process)", () => {
    const provider = useStandInProvider();

    it("a list whose server hands out a fresh token on every page ends at fcAsyncInvokeConfig:maxPages, recording nothing", async () => {
        const fc = await provider.start();
        fc.addFault({ fault: { kind: "endlessPages" } });
        const ctx = standInDeployment(fc, { "fcAsyncInvokeConfig:maxPages": "7" });
        const err = await rejection(readHello(ctx, fc), FcError);
        assert.equal(err.code, "ListTooLong");
        assert.equal(listRequests(fc).length, 7);
        assertNamesLastPage(err, fc);
        assert.match(
            err.message,
            /^ListTooLong \(HTTP 200\) while reading the async invoke configs of function "hello" in service "[^"]+" \(page 7: a list is read whole or not at all\)/,
        );
        assert.match(err.message, /FC still handed out a nextToken after 7 pages \(fcAsyncInvokeConfig:maxPages 7, 1 config so far\)/);
        assert.match(err.message, /raise fcAsyncInvokeConfig:maxPages/);
        // Nothing was kept: the next read walks again.
        await rejection(readHello(ctx, fc), FcError);
        assert.equal(listRequests(fc).length, 14);
    });

    it("maxPages defaults to 1000 pages, 100,000 configs at the largest page size, and is checked like the other bounds", () => {
        assert.equal(DEFAULT_TUNING.maxPages, 1000);
        assert.equal(readStackSettings({ get: () => undefined }).tuning.maxPages, 1000);
        const bad = readStackSettings({ get: (key) => (key === "fcAsyncInvokeConfig:maxPages" ? "0" : undefined) });
        assert.ok(
            bad.problems.some((p) => p.setting === "fcAsyncInvokeConfig:maxPages"),
            JSON.stringify(bad.problems),
        );
    });

    it("a list still going when retryBudgetSeconds is spent ends there, however many pages maxPages allows", async () => {
        const fc = await provider.start();
        fc.addFault({ fault: { kind: "endlessPages" } });
        // A clock that moves a second every time it is read: the walk's time runs out after a few pages.
        const clock = testClock({ tickPerRead: 1000 });
        const err = await rejection(readHello(standInDeployment(fc, { "fcAsyncInvokeConfig:retryBudgetSeconds": "20" }, { clock }), fc), FcError);
        assert.equal(err.code, "ListTooLong");
        const sent = listRequests(fc).length;
        assert.ok(sent > 1 && sent < 20, `${sent} pages`);
        assertNamesLastPage(err, fc);
        assert.match(
            err.message,
            new RegExp(`the list had not ended after ${sent} pages and \\d+ s \\(fcAsyncInvokeConfig:retryBudgetSeconds 20 bounds a whole list read\\)`),
        );
    });

    it("a token handed out twice stops the read instead of walking the same pages forever, naming both pages", async () => {
        const fc = await provider.start();
        const page = { configs: [{ qualifier: "LATEST", maxAsyncRetryAttempts: 1 }], nextToken: "again" };
        pages(fc, page, page);
        const err = await rejection(readHello(standInDeployment(fc), fc), FcError);
        assert.equal(err.code, "MalformedResponse");
        assert.equal(listRequests(fc).length, 2);
        assertNamesLastPage(err, fc);
        assert.match(err.message, /page 2 handed out the same nextToken as page 1, so following it would read the same pages forever/);
        assert.match(err.message, /Nothing was recorded; check what stands between this provider and FC/);
    });

    it("the same qualifier twice with the same settings, across pages or on one page, is one entry", async () => {
        const fc = await provider.start();
        const prod = { qualifier: "prod", maxAsyncRetryAttempts: 2 };
        pages(fc, { configs: [{ qualifier: "LATEST" }, prod, prod], nextToken: "t1" }, { configs: [prod] });
        const out = (await readHello(standInDeployment(fc), fc)) as { configs: Array<{ qualifier: string }> };
        assert.deepEqual(
            out.configs.map((c) => c.qualifier),
            ["LATEST", "prod"],
        );
    });

    it("the same qualifier twice with different settings fails the read, naming it and both pages", async () => {
        const fc = await provider.start();
        pages(
            fc,
            { configs: [{ qualifier: "prod", maxAsyncRetryAttempts: 2 }], nextToken: "t1" },
            { configs: [{ qualifier: "prod", maxAsyncRetryAttempts: 3 }] },
        );
        const err = await rejection(readHello(standInDeployment(fc), fc), FcError);
        assert.equal(err.code, "MalformedResponse");
        assertNamesLastPage(err, fc);
        assert.match(
            err.message,
            /qualifier "prod" came twice with different settings, on page 1 and on page 2: its config changed while the pages were read\. Nothing was recorded; run again/,
        );
    });

    it("FC 3.0: entries do not say which qualifier they belong to, so identical ones may be two configs and all are kept", async () => {
        const fc = await provider.start();
        const arn = "acs:fc:cn-hangzhou:1234567890123456:functions/twin";
        const twin = { functionArn: arn, maxAsyncRetryAttempts: 1, createdTime: "2024-01-01T00:00:00Z" };
        const other = { ...twin, maxAsyncRetryAttempts: 2 };
        pages(fc, { configs: [twin, other, twin], nextToken: "t1" }, { configs: [twin] });
        const out = await readDataSource(standInDeployment(fc), asyncInvokeConfigs, { functionName: "twin", endpoint: fc.endpoint });
        assert.deepEqual(
            out.configs.map((c) => c.maxAsyncRetryAttempts),
            [1, 1, 1, 2],
        );
    });
});
