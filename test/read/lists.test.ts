// The list data sources in process, against the FC stand-in through the real SDKs: every page is
// followed with ⌈n / page size⌉ requests, the order is stable whatever FC's page order, a page that
// fails after its retries fails the whole read, and FC's answers are checked page by page.

import * as assert from "node:assert/strict";
import { asyncInvokeConfigs } from "../../provider/dataSources/asyncInvokeConfigs";
import { functionAsyncInvokeConfigs } from "../../provider/dataSources/functionAsyncInvokeConfigs";
import { FcError } from "../../provider/errors";
import { readDataSource } from "../../provider/core/read";
import { type FcEmulator } from "../../provider/emulator";
import { rejection } from "../support/rejection";
import { SERVICE, useStandInProvider } from "../support/standInProvider";
import { testClock } from "../support/clock";
import { standInDeployment } from "../support/deployment";

/** The list requests the stand-in answered, with their query. */
function listRequests(fc: FcEmulator): Array<Record<string, string>> {
    return fc.requests.filter((r) => r.path.endsWith("/async-invoke-configs")).map((r) => r.query);
}

describe("getFunctionAsyncInvokeConfigs (FC 2.0 ListFunctionAsyncInvokeConfigs) in process", () => {
    const provider = useStandInProvider();

    for (const n of [1, 20, 21, 50]) {
        it(`reads ${n} qualifiers at page size 20 in exactly ${Math.ceil(n / 20)} request(s), each page once`, async () => {
            const fc = await provider.start({ seed: false });
            fc.store.putFunctionWithQualifiers(SERVICE, "many", n, { kind: "version", config: (_q, i) => ({ maxAsyncRetryAttempts: i % 9 }) });
            const out = await readDataSource(standInDeployment(fc, { "fcAsyncInvokeConfig:pageSize": "20" }), functionAsyncInvokeConfigs, {
                serviceName: SERVICE,
                functionName: "many",
                endpoint: fc.endpoint,
            });
            assert.equal(out.configs.length, n);
            assert.deepEqual(
                out.configs.map((c) => c.qualifier),
                Array.from({ length: n }, (_, i) => String(i + 1)),
            );
            const pages = listRequests(fc);
            assert.equal(pages.length, Math.ceil(n / 20));
            assert.ok(
                pages.every((q) => q.limit === "20"),
                JSON.stringify(pages),
            );
            assert.equal(pages[0].nextToken, undefined, "the first page carries no token");
            assert.equal(new Set(pages.map((q) => q.nextToken)).size, pages.length, "no page is asked for twice");
        });
    }

    it("reports LATEST first, then versions by number, then aliases by name, whatever order FC pages in", async () => {
        const fc = await provider.start({ seed: false });
        fc.store.putFunction(SERVICE, "f");
        for (const v of ["1", "2", "10"]) {
            fc.store.putVersion(SERVICE, v);
        }
        for (const alias of ["zeta", "Alpha", "beta"]) {
            fc.store.putAlias(SERVICE, alias, "1");
        }
        for (const q of ["zeta", "10", "LATEST", "beta", "2", "Alpha", "1"]) {
            fc.store.putAsyncConfig(SERVICE, "f", q, { maxAsyncRetryAttempts: 1 });
        }
        const out = await readDataSource(standInDeployment(fc, { "fcAsyncInvokeConfig:pageSize": "2" }), functionAsyncInvokeConfigs, {
            serviceName: SERVICE,
            functionName: "f",
            endpoint: fc.endpoint,
        });
        assert.deepEqual(
            out.configs.map((c) => c.qualifier),
            ["LATEST", "1", "2", "10", "Alpha", "beta", "zeta"],
        );
        assert.equal(listRequests(fc).length, 4);
    });

    it("maps every entry with the single read's typed fields, keeping 0 and false and dropping null destinations", async () => {
        const fc = await provider.start();
        const out = await readDataSource(standInDeployment(fc), functionAsyncInvokeConfigs, {
            serviceName: SERVICE,
            functionName: "hello",
            endpoint: fc.endpoint,
        });
        assert.equal(out.serviceName, SERVICE);
        assert.equal(out.functionName, "hello");
        const [latest, prod] = out.configs;
        assert.equal(latest.qualifier, "LATEST");
        assert.equal(latest.maxAsyncRetryAttempts, 3);
        assert.equal(latest.statefulInvocation, true);
        assert.equal(prod.qualifier, "prod");
        assert.equal(prod.statefulInvocation, false);
        assert.equal(prod.destinationConfig.onSuccess, undefined);
        assert.ok(prod.destinationConfig.onFailure?.destination.startsWith("acs:mns:"));
        assert.equal(typeof latest.createdTime, "string");
    });

    it("a function without configs is an empty list, read in one request", async () => {
        const fc = await provider.start();
        const out = await readDataSource(standInDeployment(fc), functionAsyncInvokeConfigs, {
            serviceName: SERVICE,
            functionName: "worker",
            endpoint: fc.endpoint,
        });
        assert.deepEqual(out.configs, []);
        assert.equal(listRequests(fc).length, 1);
    });

    it("a page that fails mid-way, after its retries, fails the whole read: no partial list", async () => {
        const fc = await provider.start({ seed: false });
        fc.store.putFunctionWithQualifiers(SERVICE, "many", 5);
        fc.addFault({ fault: { kind: "status", status: 500, errorCode: "InternalServerError" }, queryHas: "nextToken", pathIncludes: "/many/" });
        const deployment = standInDeployment(fc, { "fcAsyncInvokeConfig:pageSize": "2", "fcAsyncInvokeConfig:maxAttempts": "2" });
        deployment.retryEnvironment = testClock();
        const err = await rejection(
            readDataSource(deployment, functionAsyncInvokeConfigs, { serviceName: SERVICE, functionName: "many", endpoint: fc.endpoint }),
            FcError,
        );
        assert.equal(err.code, "InternalServerError");
        assert.equal(err.attempts, 2);
        assert.match(err.message, /page 2: a list is read whole or not at all/);
        // Page 1 once, page 2 twice (its retry), and nothing after the failed page.
        assert.equal(listRequests(fc).length, 3);
    });

    it("a page that fails once is retried on its own; the list is whole", async () => {
        const fc = await provider.start({ seed: false });
        fc.store.putFunctionWithQualifiers(SERVICE, "many", 5);
        fc.addFault({ fault: { kind: "reset" }, queryHas: "nextToken", times: 1 });
        const deployment = standInDeployment(fc, { "fcAsyncInvokeConfig:pageSize": "2" });
        deployment.retryEnvironment = testClock();
        const out = await readDataSource(deployment, functionAsyncInvokeConfigs, { serviceName: SERVICE, functionName: "many", endpoint: fc.endpoint });
        assert.equal(out.configs.length, 5);
        // Pages 1, 2 (reset), 2 again, 3: the first page is not asked for again.
        assert.deepEqual(
            listRequests(fc).map((q) => q.nextToken === undefined),
            [true, false, false, false],
        );
    });

    it("a missing service or function is not-found; a 404 that names no FC object is not", async () => {
        const fc = await provider.start();
        const missing = await rejection(
            readDataSource(standInDeployment(fc), functionAsyncInvokeConfigs, { serviceName: SERVICE, functionName: "nope", endpoint: fc.endpoint }),
            FcError,
        );
        assert.equal(missing.kind, "not-found");
        assert.equal(missing.code, "FunctionNotFound");
        assert.match(missing.message, /function "nope" does not exist in service "demo-service"/);
        fc.addFault({ fault: { kind: "status", status: 404, errorCode: "AsyncConfigNotExists" } });
        const odd = await rejection(
            readDataSource(standInDeployment(fc), functionAsyncInvokeConfigs, { serviceName: SERVICE, functionName: "hello", endpoint: fc.endpoint }),
            FcError,
        );
        assert.equal(odd.kind, "rejected", "a list has no config to be missing");
    });

    it("a page that is not a page is MalformedResponse, never an empty list", async () => {
        const fc = await provider.start();
        for (const body of ["{}", '{"configs":{}}', '{"configs":[null]}', '{"configs":[{"maxAsyncRetryAttempts":1}]}', '{"configs":[],"nextToken":7}']) {
            fc.addFault({ fault: { kind: "answer", status: 200, headers: { "content-type": "application/json" }, body }, times: 1 });
            const err = await rejection(
                readDataSource(standInDeployment(fc), functionAsyncInvokeConfigs, { serviceName: SERVICE, functionName: "hello", endpoint: fc.endpoint }),
                FcError,
            );
            assert.equal(err.code, "MalformedResponse", body);
            assert.equal(err.attempts, 1, "not retried");
            assert.ok(!err.message.includes(body), "the body is not echoed");
        }
    });

    it("identical lists of a deployment share one walk through the pages", async () => {
        const fc = await provider.start({ seed: false });
        fc.store.putFunctionWithQualifiers(SERVICE, "many", 30);
        const deployment = standInDeployment(fc, { "fcAsyncInvokeConfig:pageSize": "20" });
        const args = { serviceName: SERVICE, functionName: "many", endpoint: fc.endpoint };
        const [a, b] = await Promise.all([
            readDataSource(deployment, functionAsyncInvokeConfigs, args),
            readDataSource(deployment, functionAsyncInvokeConfigs, args),
        ]);
        assert.deepEqual(a, b);
        assert.equal(listRequests(fc).length, 2);
    });
});

describe("getV3AsyncInvokeConfigs (FC 3.0 ListAsyncInvokeConfigs) in process", () => {
    const provider = useStandInProvider();

    it("lists one function's configs, or every function's, sorted by function ARN, following every page", async () => {
        const fc = await provider.start();
        fc.store.fc3.putFunctionWithQualifiers("fc3-many", 45, { config: (_q, i) => ({ maxAsyncEventAgeInSeconds: 100 + i }) });
        const deployment = standInDeployment(fc, { "fcAsyncInvokeConfig:pageSize": "20" });
        const one = await readDataSource(deployment, asyncInvokeConfigs, { functionName: "fc3-many", endpoint: fc.endpoint });
        assert.equal(one.configs.length, 45);
        assert.equal(listRequests(fc).length, 3);
        assert.ok(one.configs.every((c) => c.functionArn === `acs:fc:${fc.region}:${fc.accountId}:functions/fc3-many`));
        const every = await readDataSource(deployment, asyncInvokeConfigs, { endpoint: fc.endpoint });
        const arns = every.configs.map((c) => c.functionArn);
        assert.deepEqual(arns, [...arns].sort(), "sorted by ARN");
        assert.ok(arns.some((arn) => arn?.endsWith("functions/fc3-hello")));
        assert.equal(every.functionName, undefined);
        assert.ok(
            listRequests(fc)
                .slice(3)
                .every((q) => q.functionName === undefined),
        );
    });

    it("keeps an entry without functionArn (sorted first) rather than dropping it from the list", async () => {
        const fc = await provider.start();
        const page = JSON.stringify({ configs: [{ functionArn: "acs:fc:cn-hangzhou:1:functions/b", maxAsyncRetryAttempts: 1 }, { maxAsyncRetryAttempts: 2 }] });
        fc.addFault({ fault: { kind: "answer", status: 200, headers: { "content-type": "application/json" }, body: page } });
        const out = await readDataSource(standInDeployment(fc), asyncInvokeConfigs, { endpoint: fc.endpoint });
        assert.deepEqual(
            out.configs.map((c) => [c.functionArn, c.maxAsyncRetryAttempts]),
            [
                [undefined, 2],
                ["acs:fc:cn-hangzhou:1:functions/b", 1],
            ],
        );
    });

    it("reports the same order whatever page size FC is read with", async () => {
        const fc = await provider.start();
        fc.store.fc3.putFunctionWithQualifiers("fc3-many", 7, { config: (_q, i) => ({ maxAsyncEventAgeInSeconds: 100 + ((i * 3) % 7) }) });
        const read = (pageSize: string) =>
            readDataSource(standInDeployment(fc, { "fcAsyncInvokeConfig:pageSize": pageSize }), asyncInvokeConfigs, { endpoint: fc.endpoint });
        assert.deepEqual((await read("1")).configs, (await read("100")).configs);
    });

    it("FC 3.0's views are its own: an FC 2.0 function is not found, with FC 3.0's POP error", async () => {
        const fc = await provider.start();
        const err = await rejection(readDataSource(standInDeployment(fc), asyncInvokeConfigs, { functionName: "hello", endpoint: fc.endpoint }), FcError);
        assert.equal(err.kind, "not-found");
        assert.equal(err.code, "FunctionNotFound");
        assert.match(err.message, /function "hello" does not exist/);
        assert.match(err.message, /\(FC 3\.0; /);
    });
});
