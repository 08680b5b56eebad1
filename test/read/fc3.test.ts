// FC 3.0's single read (GetAsyncInvokeConfig) in process, against the FC stand-in through the real
// `@alicloud/fc20230330` SDK: FC 3.0's field names, its paths, its POP-style errors and not-found codes,
// its RAM action, and the same checks before any request as FC 2.0's read.

import * as assert from "node:assert/strict";
import { asyncInvokeConfig } from "../../provider/dataSources/asyncInvokeConfig";
import { asyncInvokeConfigs } from "../../provider/dataSources/asyncInvokeConfigs";
import { FcError, InvalidLookupError } from "../../provider/errors";
import { readDataSource } from "../../provider/core/read";
import { rejection } from "../support/rejection";
import { useStandInProvider } from "../support/standInProvider";
import { testClock } from "../support/clock";
import { standInDeployment } from "../support/deployment";

/** Retries without waiting: the backoff is not what these tests are about. */
const NO_WAITING = { clock: testClock() };

describe("getV3AsyncInvokeConfig (FC 3.0 GetAsyncInvokeConfig) in process", () => {
    const provider = useStandInProvider();

    it("reads FC 3.0's fields under FC 3.0's names, with one signed GET to FC 3.0's path", async () => {
        const fc = await provider.start();
        const out = await readDataSource(standInDeployment(fc, {}, NO_WAITING), asyncInvokeConfig, { functionName: "fc3-hello", endpoint: fc.endpoint });
        assert.equal(out.functionName, "fc3-hello");
        assert.equal(out.qualifier, "LATEST");
        assert.equal(out.asyncTask, true);
        assert.equal(out.maxAsyncRetryAttempts, 3);
        assert.equal(out.maxAsyncEventAgeInSeconds, 300);
        assert.equal(out.functionArn, `acs:fc:${fc.region}:${fc.accountId}:functions/fc3-hello`);
        assert.ok(out.destinationConfig.onFailure?.destination.startsWith("acs:mns:"));
        assert.ok(!("statefulInvocation" in out), "FC 2.0's name is not used");
        const [request] = fc.requests;
        assert.equal(request.method, "GET");
        assert.equal(request.path, "/2023-03-30/functions/fc3-hello/async-invoke-config");
        assert.deepEqual(request.query, { qualifier: "LATEST" });
        assert.equal(request.status, 200);
        assert.equal(fc.requests.length, 1);
    });

    it("keeps 0 and false, and leaves out what FC left out", async () => {
        const fc = await provider.start();
        const out = await readDataSource(standInDeployment(fc, {}, NO_WAITING), asyncInvokeConfig, { functionName: "fc3-zero", endpoint: fc.endpoint });
        assert.equal(out.maxAsyncRetryAttempts, 0);
        assert.equal(out.asyncTask, false);
        assert.deepEqual(out.destinationConfig, {});
    });

    it("reads an alias's config", async () => {
        const fc = await provider.start();
        const out = await readDataSource(standInDeployment(fc, {}, NO_WAITING), asyncInvokeConfig, {
            functionName: "fc3-hello",
            qualifier: "prod",
            endpoint: fc.endpoint,
        });
        assert.equal(out.qualifier, "prod");
        assert.equal(out.maxAsyncRetryAttempts, 1);
        assert.equal(out.destinationConfig.onSuccess, undefined);
    });

    for (const [functionName, qualifier, code, says] of [
        ["nope", "LATEST", "FunctionNotFound", 'function "nope" does not exist'],
        ["fc3-hello", "9", "VersionNotFound", 'version "9" of function "fc3-hello" does not exist'],
        ["fc3-hello", "staging", "AliasNotFound", 'alias "staging" of function "fc3-hello" does not exist'],
        ["fc3-idle", "LATEST", "AsyncConfigNotExists", 'function "fc3-idle" exists but has no async invoke config for qualifier "LATEST"'],
        // FC 2.0's functions are not FC 3.0's.
        ["hello", "LATEST", "FunctionNotFound", 'function "hello" does not exist'],
    ]) {
        it(`${code} (${functionName}:${qualifier}) is not-found, read from FC 3.0's POP-style body, and not retried`, async () => {
            const fc = await provider.start();
            const err = await rejection(
                readDataSource(standInDeployment(fc, {}, NO_WAITING), asyncInvokeConfig, { functionName, qualifier, endpoint: fc.endpoint }),
                FcError,
            );
            assert.equal(err.kind, "not-found");
            assert.equal(err.code, code);
            assert.equal(err.status, 404);
            assert.ok(err.message.includes(says), err.message);
            assert.match(err.message, /\(FC 3\.0; account \d+, region cn-hangzhou/);
            assert.equal(err.requestId, fc.requests[0].requestId);
            assert.equal(err.attempts, 1);
        });
    }

    it("reads an error body in FC's documented lower-case style too, and a POP gateway's X-Acs-Request-Id", async () => {
        const fc = await provider.start();
        const body = JSON.stringify({ errorCode: "FunctionNotFound", errorMessage: "function 'gone' does not exist" });
        fc.addFault({
            fault: {
                kind: "answer",
                status: 404,
                headers: { "content-type": "application/json", "x-fc-request-id": "", "x-acs-request-id": "acs-req-1" },
                body,
            },
        });
        const err = await rejection(
            readDataSource(standInDeployment(fc, {}, NO_WAITING), asyncInvokeConfig, { functionName: "gone", endpoint: fc.endpoint }),
            FcError,
        );
        assert.equal(err.kind, "not-found");
        assert.equal(err.code, "FunctionNotFound");
        assert.equal(err.fcMessage, "function 'gone' does not exist");
        assert.equal(err.requestId, "acs-req-1");
    });

    it("a refusal names the RAM action FC 3.0's reference lists (FC 2.0's name) on all resources, for the single read and the list", async () => {
        const fc = await provider.start();
        fc.addFault({ fault: { kind: "status", status: 403, errorCode: "AccessDenied", message: "denied" } });
        const err = await rejection(
            readDataSource(standInDeployment(fc, {}, NO_WAITING), asyncInvokeConfig, { functionName: "fc3-hello", endpoint: fc.endpoint }),
            FcError,
        );
        assert.equal(err.kind, "denied");
        assert.ok(
            err.message.includes("reading needs the RAM action fc:GetFunctionAsyncInvokeConfig on * (FC 3.0 grants this action on all resources"),
            err.message,
        );
        fc.addFault({ fault: { kind: "status", status: 403, errorCode: "AccessDenied", message: "denied" } });
        const listed = await rejection(
            readDataSource(standInDeployment(fc, {}, NO_WAITING), asyncInvokeConfigs, { functionName: "fc3-hello", endpoint: fc.endpoint }),
            FcError,
        );
        assert.ok(listed.message.includes("reading needs the RAM action fc:ListFunctionAsyncInvokeConfigs on * ("), listed.message);
    });

    it("a wrong secret is about the key, as FC 3.0's SignatureNotMatch says", async () => {
        const fc = await provider.start();
        const err = await rejection(
            readDataSource(standInDeployment(fc, { "alicloud:secretKey": "not-the-secret" }, NO_WAITING), asyncInvokeConfig, {
                functionName: "fc3-hello",
                endpoint: fc.endpoint,
            }),
            FcError,
        );
        assert.equal(err.code, "SignatureNotMatch");
        assert.match(err.message, /the secret does not match the key/);
        assert.ok(!err.message.includes("not-the-secret"));
    });

    it("throttling and server errors are retried; the read succeeds once FC answers", async () => {
        const fc = await provider.start();
        fc.addFault({ fault: { kind: "status", status: 429, errorCode: "ResourceExhausted" }, times: 1 });
        fc.addFault({ fault: { kind: "status", status: 500, errorCode: "InternalServerError" }, times: 1 });
        const out = await readDataSource(standInDeployment(fc, {}, NO_WAITING), asyncInvokeConfig, { functionName: "fc3-hello", endpoint: fc.endpoint });
        assert.equal(out.maxAsyncRetryAttempts, 3);
        assert.deepEqual(
            fc.requests.map((r) => r.status),
            [429, 500, 200],
        );
    });

    it("checks its arguments before any request, naming the field and the rule", async () => {
        const fc = await provider.start();
        const badName = await rejection(
            readDataSource(standInDeployment(fc, {}, NO_WAITING), asyncInvokeConfig, { functionName: "../x", endpoint: fc.endpoint }),
            InvalidLookupError,
        );
        assert.equal(badName.field, "functionName");
        const badQualifier = await rejection(
            readDataSource(standInDeployment(fc, {}, NO_WAITING), asyncInvokeConfig, { functionName: "fc3-hello", qualifier: "a b", endpoint: fc.endpoint }),
            InvalidLookupError,
        );
        assert.equal(badQualifier.field, "qualifier");
        const missing = await rejection(
            readDataSource(standInDeployment(fc, {}, NO_WAITING), asyncInvokeConfig, { endpoint: fc.endpoint }),
            InvalidLookupError,
        );
        assert.equal(missing.field, "functionName");
        assert.equal(fc.requests.length, 0);
    });

    it("ids: functionName:qualifier, and a bare function name reads LATEST, as @pulumi/alicloud's ids name it", () => {
        assert.equal(asyncInvokeConfig.formatId({ functionName: "f", qualifier: "prod" }), "f:prod");
        assert.deepEqual(asyncInvokeConfig.parseId("f"), { functionName: "f", qualifier: "LATEST" });
        assert.deepEqual(asyncInvokeConfig.parseId("f:3"), { functionName: "f", qualifier: "3" });
        assert.throws(() => asyncInvokeConfig.parseId("a:b:c"), InvalidLookupError);
    });
});
