// The provider end to end in process, through test/support/providerSuite.ts: `configure` + `read` of
// provider/host/provider.ts driving the real @alicloud/fc-open20210406 SDK over loopback HTTP against
// the FC stand-in. Every test starts its own stand-in and closes it afterwards; the file ends with the
// suite's checks that no secret reached an output or an error and that only GETs were sent.
//
// What a 404 and a 403 mean: not found only for FC's own codes, in either error style; a denial names the RAM action and resource; neither is retried.

import * as assert from "node:assert/strict";
import { FcError } from "../../provider/errors";
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from "../../provider/emulator";
import { assertNoSecret, checkSecretsAndWrites, configure, failure, logOf, read, SECRETS, start, useProviderSuite } from "../support/providerSuite";
import { type Lookup, visibleText } from "../support/standInProvider";

describe("FC 2.0 single read: not found and denied", () => {
    useProviderSuite();

    for (const errorStyle of ["fc", "pop"] as const) {
        describe(`not found, with ${errorStyle}-style error bodies`, () => {
            const cases: Array<{ code: string; lookup: Lookup; names: string[] }> = [
                {
                    code: "ServiceNotFound",
                    lookup: { serviceName: "no-such-service", functionName: "hello" },
                    names: ['service "no-such-service" does not exist', ": check its name, and the account and region the stack reads"],
                },
                {
                    code: "FunctionNotFound",
                    lookup: { functionName: "no-such-function" },
                    names: ['function "no-such-function" does not exist in service "demo-service"', "or deploy the function first"],
                },
                {
                    code: "AsyncConfigNotExists",
                    lookup: { functionName: "worker" },
                    names: [
                        '"demo-service/worker" exists but has no async invoke config for qualifier "LATEST"',
                        "give it one (@pulumi/alicloud's fc.FunctionAsyncInvokeConfig)",
                    ],
                },
                {
                    code: "VersionNotFound",
                    lookup: { functionName: "hello", qualifier: "99" },
                    names: ['version "99" of service "demo-service" does not exist: read a published version, an alias or LATEST'],
                },
                {
                    code: "AliasNotFound",
                    lookup: { functionName: "hello", qualifier: "staging" },
                    names: ['alias "staging" of service "demo-service" does not exist: create it, or read LATEST or a published version'],
                },
            ];
            for (const { code, lookup, names } of cases) {
                it(`${code}: kind not-found, names the missing part and what to do, the code, HTTP 404 and the logged request id; not retried`, async () => {
                    const fc = await start({ errorStyle });
                    await configure(fc);
                    const err = await failure(read(fc, lookup), FcError);
                    const log = await logOf(fc);
                    assert.equal(log.length, 1, "a 404 is final: exactly one request");
                    assert.equal(log[0].errorCode, code);
                    assert.equal(err.kind, "not-found");
                    assert.equal(err.code, code);
                    assert.equal(err.status, 404);
                    assert.equal(err.attempts, 1);
                    assert.equal(err.requestId, log[0].requestId);
                    assert.ok(err.message.startsWith(`${code} (HTTP 404) while reading the async invoke config of function`), err.message);
                    assert.ok(err.message.includes(`request id: ${log[0].requestId}`), err.message);
                    for (const name of names) {
                        assert.ok(err.message.includes(name), `message should say ${name}: ${err.message}`);
                    }
                    assert.ok(!err.message.includes("attempts:"), "a single attempt is not reported as a retry count");
                    // One sentence of what is missing and what to do: FC's own message, which says the same less precisely, is kept aside.
                    assert.ok(!err.message.includes("FC said"), err.message);
                    assert.ok(err.fcMessage !== undefined, "FC's message is kept on the error");
                });
            }
        });
    }

    describe("access denied (403), never retried", () => {
        it("a wrong secret is SignatureNotMatch, kind denied, saying the secret does not match the key from alicloud:accessKey, not blaming permissions; the secret is nowhere in the error", async () => {
            const fc = await start();
            await configure(fc, { "alicloud:secretKey": SECRETS.wrong });
            const err = await failure(read(fc, { functionName: "hello" }), FcError);
            const log = await logOf(fc);
            assert.equal(log.length, 1);
            assert.equal(err.kind, "denied");
            assert.equal(err.code, "SignatureNotMatch");
            assert.equal(err.status, 403);
            assert.equal(err.requestId, log[0].requestId);
            assert.ok(
                err.message.includes(`the secret does not match the key: check the secret of access key ${fc.accessKeyId} from alicloud:accessKey`),
                err.message,
            );
            assert.ok(!err.message.includes("fc:GetFunctionAsyncInvokeConfig"), `a wrong secret is not a permission problem: ${err.message}`);
            assertNoSecret(visibleText(err), fc);
        });

        it("an unknown access key id is InvalidAccessKeyID, kind denied, naming the key and where it came from", async () => {
            const fc = await start();
            await configure(fc, { "alicloud:accessKey": "LTAI5tNoSuchKey" });
            const err = await failure(read(fc, { functionName: "hello" }), FcError);
            const log = await logOf(fc);
            assert.equal(log.length, 1);
            assert.equal(log[0].accessKeyId, "LTAI5tNoSuchKey");
            assert.equal(err.kind, "denied");
            assert.equal(err.code, "InvalidAccessKeyID");
            assert.ok(err.message.includes("the access key id is unknown or disabled: access key LTAI5tNoSuchKey from alicloud:accessKey"), err.message);
            assertNoSecret(visibleText(err), fc);
        });

        it("AccessDenied says the caller needs fc:GetFunctionAsyncInvokeConfig on the function's ARN", async () => {
            const fc = await start();
            fc.addFault({ fault: { kind: "status", status: 403, errorCode: "AccessDenied", message: "the caller is not authorized" } });
            await configure(fc);
            const err = await failure(read(fc, { functionName: "hello", qualifier: "prod" }), FcError);
            const log = await logOf(fc);
            assert.equal(log.length, 1);
            assert.equal(err.kind, "denied");
            assert.equal(err.code, "AccessDenied");
            assert.ok(err.message.includes("FC said: the caller is not authorized"), err.message);
            assert.ok(
                err.message.includes(
                    `access key ${fc.accessKeyId} from alicloud:accessKey may not read it; reading needs the RAM action fc:GetFunctionAsyncInvokeConfig on acs:fc:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:services/demo-service.prod/functions/hello`,
                ),
                err.message,
            );
            assertNoSecret(visibleText(err), fc);
        });
    });

    checkSecretsAndWrites();
});
