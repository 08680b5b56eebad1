// The provider end to end in-process: `configure` + `read` of provider/implementation.ts (also through
// the public provider object, and through the serialized loader, which runs the compiled bin/ copy)
// driving the real @alicloud/fc-open20210406 SDK over loopback HTTP against the FC stand-in in
// test/fc-emulator.
//
// Every test starts its own stand-in (free port, sample seed) and closes it afterwards. Assertions on the
// stand-in's request log come after `fc.close()`, which resolves only once every exchange (aborted ones
// included) has been recorded, so no test waits on a timer to synchronise. Each stand-in's log is kept
// for the suite's last test, which checks that the provider never sent anything but GET.
//
// The environment is hermetic: HOME is a temp dir, the credential chain's ECS metadata and CLI profile
// lookups are off, and every ALIBABA_CLOUD_* / ALICLOUD_* variable is removed for the suite.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";

import { functionAsyncInvokeConfigProvider } from "../provider";
import { ConfigurationError, FcError, InvalidLookupError } from "../provider/errors";
import * as implementation from "../provider/host/provider";
import { loaderFor } from "../provider/program/loader";
import type { FunctionAsyncInvokeConfigOutputs } from "../provider/dataSources/functionAsyncInvokeConfig";
import {
    DEFAULT_ACCOUNT_ID,
    DEFAULT_REGION,
    type EmulatorCredential,
    type Fault,
    type FcEmulator,
    type FcEmulatorOptions,
    type RecordedRequest,
    SEED_TIME,
    startFcEmulator,
} from "./fc-emulator";
import { assertBuiltFromSources } from "./support/freshBuild";

/** The compiled implementation the host serves (bin/ is a separate module instance from provider/). */
function implementationOfBin(): typeof implementation {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("pulumi-fc-async-invoke-config/bin/provider/implementation") as typeof implementation;
}

/** The key of the FC 2.0 single read, as its resources carry it into the provider host. */
const FC2_GET = "fc:FunctionAsyncInvokeConfig";
import { closedLog, type Lookup, type Settings, standInSettings, useHermeticEnvironment } from "./support/standInProvider";

// ---------------------------------------------------------------------------------------------------
// Fixtures

const SERVICE = "demo-service";
const HELLO_ON_SUCCESS = `acs:fc:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:services/demo-service/functions/on-success`;
const FAILED_QUEUE = `acs:mns:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:/queues/failed-events/messages`;

/** Secrets used anywhere in this suite; none may ever show up in an output or an error. */
const SECRETS = {
    wrong: "wrong-secret-9f2c1e7a-never-valid",
    env: "env-secret-3b8d0c55-from-environment",
    envAlt: "env-alt-secret-77aa01d2-terraform-names",
    stack: "stack-secret-5c1d9e20-from-config",
    sts: "sts-secret-0a9e44f1-temporary",
    stsToken: "sts-token-CAIS-e1f0b2c3d4-temporary",
    profile: "profile-secret-61c0ffee-in-a-broken-config-file",
};

/** Every secret in play, the stand-in's default one included. */
function allSecrets(fc?: FcEmulator): string[] {
    return [...Object.values(SECRETS), ...(fc ? [fc.accessKeySecret] : []), "emulator-secret-do-not-use-in-production"];
}

// ---------------------------------------------------------------------------------------------------
// Environment, stand-ins and configuration

/** Sets `vars` in process.env for the duration of `body`, then puts back what was there. */
async function withEnv<T>(vars: Record<string, string>, body: () => Promise<T>): Promise<T> {
    const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
    Object.assign(process.env, vars);
    try {
        return await body();
    } finally {
        for (const [k, v] of Object.entries(saved)) {
            if (v === undefined) {
                delete process.env[k];
            } else {
                process.env[k] = v;
            }
        }
    }
}

/** Stand-ins started by the current test; closed after it. */
const running: FcEmulator[] = [];
/** Every request any stand-in of this suite saw, for the read-only check. */
const suiteLog: RecordedRequest[] = [];
/** Every error any read of this suite raised, for the no-secret check. */
const suiteErrors: Error[] = [];
/** Every result any read of this suite returned, for the no-secret check. */
const suiteResults: unknown[] = [];

async function start(options: FcEmulatorOptions = {}): Promise<FcEmulator> {
    const fc = await startFcEmulator(options);
    running.push(fc);
    return fc;
}

/** Closes the stand-in and returns its complete log. */
const logOf = closedLog;

function source(settings: Settings): { get(key: string): string | undefined } {
    return { get: (key) => settings[key] };
}

/** Starts a fresh deployment of the in-process implementation. */
async function configure(fc: FcEmulator, overrides: Settings = {}): Promise<void> {
    await implementation.configure(source(standInSettings(fc, overrides)));
}

/** `read` as the engine calls it for a lookup: the derived id plus the lookup's inputs, endpoint = the stand-in. */
async function read(fc: FcEmulator, lookup: Lookup): Promise<{ id: string; props: FunctionAsyncInvokeConfigOutputs }> {
    const props: Record<string, unknown> = { serviceName: SERVICE, endpoint: fc.endpoint, ...lookup };
    const id = `${String(props.serviceName)}:${String(props.functionName)}:${lookup.qualifier ?? "LATEST"}`;
    const result = await implementation.read(FC2_GET, id, props);
    suiteResults.push(result);
    assert.ok(result.id !== undefined, "read returned no id");
    return { id: result.id, props: propsOf(result) };
}

/** The outputs of a read result; `props` is optional in Pulumi's type but always set by this provider. */
function propsOf(result: { props?: Record<string, unknown> }): FunctionAsyncInvokeConfigOutputs {
    assert.ok(result.props !== undefined, "read returned no props");
    return result.props as unknown as FunctionAsyncInvokeConfigOutputs;
}

/** Awaits a rejection of the given class and returns it; records it for the suite's secret check. */
async function failure<E extends Error>(promise: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
    try {
        await promise;
    } catch (err) {
        assert.ok(err instanceof Error, `expected an Error, got ${String(err)}`);
        suiteErrors.push(err);
        assert.ok(err instanceof type, `expected ${type.name}, got ${err.name}: ${err.message}`);
        return err;
    }
    return assert.fail(`expected ${type.name}, but the read succeeded`);
}

/** The error's message, stack and own fields: everything a user could ever see of it. */
function visible(err: Error): string {
    return `${err.message}\n${err.stack ?? ""}\n${JSON.stringify(err)}`;
}

function assertNoSecret(text: string, fc?: FcEmulator): void {
    for (const secret of allSecrets(fc)) {
        assert.ok(!text.includes(secret), `a secret leaked: ${text.slice(0, 300)}`);
    }
}

/** A loopback port nothing listens on (it was free a moment ago), so connecting to it is refused at once. */
async function closedPort(): Promise<number> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
}

/** What the data source outputs for the seed's hello@prod, read through `endpoint`. */
function helloProd(endpoint: string): Record<string, unknown> {
    return {
        serviceName: SERVICE,
        functionName: "hello",
        qualifier: "prod",
        endpoint,
        createdTime: SEED_TIME,
        lastModifiedTime: SEED_TIME,
        destinationConfig: { onFailure: { destination: FAILED_QUEUE } },
        maxAsyncEventAgeInSeconds: 3600,
        maxAsyncRetryAttempts: 1,
        statefulInvocation: false,
    };
}

/** A loopback HTTP proxy in front of a stand-in that rewrites the JSON body of every 200 answer. */
async function rewritingProxy(target: FcEmulator, rewrite: (body: Record<string, unknown>) => unknown): Promise<{ endpoint: string; close(): Promise<void> }> {
    const server = http.createServer((req, res) => {
        // The Host header is forwarded unchanged, so the SDK's signature still verifies at the stand-in.
        const [hostname, port] = target.host.split(":");
        const upstream = http.request({ host: hostname, port: Number(port), method: req.method, path: req.url, headers: req.headers }, (answer) => {
            const chunks: Buffer[] = [];
            answer.on("data", (chunk: Buffer) => chunks.push(chunk));
            answer.on("end", () => {
                let body = Buffer.concat(chunks).toString("utf8");
                if (answer.statusCode === 200) {
                    body = JSON.stringify(rewrite(JSON.parse(body) as Record<string, unknown>));
                }
                const headers = { ...answer.headers };
                delete headers["content-length"];
                res.writeHead(answer.statusCode ?? 502, headers);
                res.end(body);
            });
        });
        upstream.on("error", () => res.destroy());
        req.pipe(upstream);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
        endpoint: `http://127.0.0.1:${port}`,
        close: () =>
            new Promise<void>((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            }),
    };
}

/** Configures the provider, reads "hello" through a {@link rewritingProxy}, and closes the proxy. */
async function readRewritten(fc: FcEmulator, rewrite: (body: Record<string, unknown>) => unknown): Promise<{ props: unknown; endpoint: string }> {
    const proxy = await rewritingProxy(fc, rewrite);
    try {
        await configure(fc);
        const { props } = await read(fc, { functionName: "hello", endpoint: proxy.endpoint });
        return { props, endpoint: proxy.endpoint };
    } finally {
        await proxy.close();
    }
}

// ---------------------------------------------------------------------------------------------------

describe("provider against the FC stand-in (real SDK over loopback HTTP)", () => {
    const homeDir = useHermeticEnvironment();

    afterEach(async () => {
        for (const fc of running.splice(0)) {
            await fc.close();
            suiteLog.push(...fc.requests);
        }
    });

    describe("values of FC's answer", () => {
        it("reads hello@LATEST with both destinations, 300 s, 3 retries and stateful on, id service:function:LATEST", async () => {
            const fc = await start();
            await configure(fc);
            const result = await read(fc, { functionName: "hello" });
            assert.equal(result.id, "demo-service:hello:LATEST");
            assert.deepEqual(result.props, {
                serviceName: SERVICE,
                functionName: "hello",
                qualifier: "LATEST",
                endpoint: fc.endpoint,
                createdTime: SEED_TIME,
                lastModifiedTime: SEED_TIME,
                destinationConfig: { onSuccess: { destination: HELLO_ON_SUCCESS }, onFailure: { destination: FAILED_QUEUE } },
                maxAsyncEventAgeInSeconds: 300,
                maxAsyncRetryAttempts: 3,
                statefulInvocation: true,
            });
            const log = await logOf(fc);
            assert.equal(log.length, 1);
            assert.equal(log[0].path, "/2021-04-06/services/demo-service/functions/hello/async-invoke-config");
            assert.deepEqual(log[0].query, { qualifier: "LATEST" }, "the default qualifier LATEST is sent explicitly");
            assert.equal(log[0].accountId, DEFAULT_ACCOUNT_ID);
        });

        it("reads hello@prod with onFailure only: onSuccess is absent, not empty; 3600 s, 1 retry, stateful false", async () => {
            const fc = await start();
            await configure(fc);
            const result = await read(fc, { functionName: "hello", qualifier: "prod" });
            assert.equal(result.id, "demo-service:hello:prod");
            assert.deepEqual(result.props, helloProd(fc.endpoint));
            assert.ok(!("onSuccess" in result.props.destinationConfig), "onSuccess must be absent");
        });

        it("reads zero@LATEST: no destinations is {}, and 0 retries and stateful false survive", async () => {
            const fc = await start();
            await configure(fc);
            const { props } = await read(fc, { functionName: "zero" });
            assert.deepEqual(props.destinationConfig, {});
            assert.strictEqual(props.maxAsyncRetryAttempts, 0);
            assert.strictEqual(props.statefulInvocation, false);
            assert.strictEqual(props.maxAsyncEventAgeInSeconds, 60);
            assert.equal(props.createdTime, SEED_TIME);
            assert.equal(props.lastModifiedTime, SEED_TIME);
        });

        it("reads the config of a published version (qualifier 1)", async () => {
            const fc = await start();
            fc.store.putAsyncConfig(
                SERVICE,
                "hello",
                "1",
                { destinationConfig: { onSuccess: { destination: HELLO_ON_SUCCESS } }, maxAsyncRetryAttempts: 2 },
                { time: "2024-02-03T04:05:06Z" },
            );
            await configure(fc);
            const result = await read(fc, { functionName: "hello", qualifier: "1" });
            assert.equal(result.id, "demo-service:hello:1");
            assert.deepEqual(result.props, {
                serviceName: SERVICE,
                functionName: "hello",
                qualifier: "1",
                endpoint: fc.endpoint,
                createdTime: "2024-02-03T04:05:06Z",
                lastModifiedTime: "2024-02-03T04:05:06Z",
                destinationConfig: { onSuccess: { destination: HELLO_ON_SUCCESS } },
                maxAsyncRetryAttempts: 2,
            });
            assert.deepEqual((await logOf(fc))[0].query, { qualifier: "1" });
        });

        it("ignores fields FC's answer has that the data source does not define, at any depth", async () => {
            const fc = await start();
            const { props, endpoint } = await readRewritten(fc, (body) => ({
                ...body,
                someFutureField: { nested: [1, 2, 3] },
                invocationTimeoutHint: 7,
                destinationConfig: {
                    ...(body.destinationConfig as Record<string, unknown>),
                    onTimeout: { destination: "acs:mns:cn-hangzhou:1:/queues/t/messages" },
                    onFailure: { destination: FAILED_QUEUE, priority: "high" },
                },
            }));
            assert.deepEqual(props, {
                serviceName: SERVICE,
                functionName: "hello",
                qualifier: "LATEST",
                endpoint,
                createdTime: SEED_TIME,
                lastModifiedTime: SEED_TIME,
                destinationConfig: { onSuccess: { destination: HELLO_ON_SUCCESS }, onFailure: { destination: FAILED_QUEUE } },
                maxAsyncEventAgeInSeconds: 300,
                maxAsyncRetryAttempts: 3,
                statefulInvocation: true,
            });
            assert.equal((await logOf(fc)).length, 1, "the answer went through the proxy from the stand-in");
        });

        it("reads null fields and null or empty destinations as absent, keeping 0 and false", async () => {
            const fc = await start();
            const { props, endpoint } = await readRewritten(fc, (body) => ({
                ...body,
                maxAsyncEventAgeInSeconds: null,
                maxAsyncRetryAttempts: 0,
                statefulInvocation: false,
                destinationConfig: { onSuccess: null, onFailure: { destination: "" } },
            }));
            assert.deepEqual(props, {
                serviceName: SERVICE,
                functionName: "hello",
                qualifier: "LATEST",
                endpoint,
                createdTime: SEED_TIME,
                lastModifiedTime: SEED_TIME,
                destinationConfig: {},
                maxAsyncRetryAttempts: 0,
                statefulInvocation: false,
            });
        });

        it("gives every data source naming the same function its own outputs object, the shared answer frozen", async () => {
            const fc = await start();
            await configure(fc);
            const [first, second] = await Promise.all([read(fc, { functionName: "hello" }), read(fc, { functionName: "hello" })]);
            assert.equal((await logOf(fc)).length, 1);
            assert.notStrictEqual(first.props, second.props);
            assert.deepEqual(first.props, second.props);
            assert.ok(Object.isFrozen(first.props.destinationConfig) && Object.isFrozen(first.props.destinationConfig.onSuccess));
            assert.throws(() => {
                (first.props.destinationConfig as { onSuccess?: unknown }).onSuccess = undefined;
            }, TypeError);
        });
    });

    describe("lookup by id", () => {
        it("parses service:function:qualifier when the props name no function (FunctionAsyncInvokeConfig.get)", async () => {
            const fc = await start();
            await configure(fc);
            const result = await implementation.read(FC2_GET, "demo-service:hello:prod", { endpoint: fc.endpoint });
            assert.equal(result.id, "demo-service:hello:prod");
            const props = propsOf(result);
            assert.equal(props.serviceName, SERVICE);
            assert.equal(props.functionName, "hello");
            assert.equal(props.qualifier, "prod");
            assert.equal(props.maxAsyncEventAgeInSeconds, 3600);
            assert.deepEqual(props.destinationConfig, { onFailure: { destination: FAILED_QUEUE } });
        });

        it("reads LATEST for Terraform's two-part id service:function", async () => {
            const fc = await start();
            await configure(fc);
            const result = await implementation.read(FC2_GET, "demo-service:zero", { endpoint: fc.endpoint });
            assert.equal(result.id, "demo-service:zero:LATEST");
            assert.strictEqual(propsOf(result).maxAsyncRetryAttempts, 0);
            assert.deepEqual((await logOf(fc))[0].query, { qualifier: "LATEST" });
        });

        it("refuses a malformed id before any request", async () => {
            const fc = await start();
            await configure(fc);
            const err = await failure(implementation.read(FC2_GET, "demo-service", { endpoint: fc.endpoint }), InvalidLookupError);
            assert.equal(err.field, "id");
            assert.deepEqual(await logOf(fc), []);
        });
    });

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
            assertNoSecret(visible(err), fc);
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
            assertNoSecret(visible(err), fc);
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
            assertNoSecret(visible(err), fc);
        });
    });

    describe("transient failures are retried", () => {
        const transient: Array<{ name: string; fault: Fault; times: number; answered: number }> = [
            { name: "429 ResourceExhausted", fault: { kind: "status", status: 429 }, times: 2, answered: 429 },
            { name: "500 InternalServerError", fault: { kind: "status", status: 500 }, times: 2, answered: 500 },
            { name: "502 BadGateway", fault: { kind: "status", status: 502 }, times: 2, answered: 502 },
            { name: "an HTML 502 page from a gateway", fault: { kind: "status", status: 502, style: "html" }, times: 1, answered: 502 },
            { name: "503 ResourceThrottled", fault: { kind: "status", status: 503 }, times: 2, answered: 503 },
            { name: "a reset connection", fault: { kind: "reset" }, times: 2, answered: 0 },
            { name: "an answer slower than timeoutSeconds", fault: { kind: "delay", ms: 2000 }, times: 2, answered: 0 },
        ];
        for (const { name, fault, times, answered } of transient) {
            it(`${name}, ${times} time(s), then success: the read succeeds after ${times + 1} requests`, async () => {
                const fc = await start();
                fc.addFault({ fault, times });
                await configure(fc, { "fcAsyncInvokeConfig:timeoutSeconds": "0.3", "fcAsyncInvokeConfig:maxAttempts": "5" });
                const { props } = await read(fc, { functionName: "hello" });
                assert.equal(props.maxAsyncRetryAttempts, 3);
                const log = await logOf(fc);
                assert.deepEqual(
                    log.map((r) => r.status),
                    [...Array<number>(times).fill(answered), 200],
                );
                assert.equal(new Set(log.map((r) => r.traceId)).size, times + 1, "each attempt carries its own trace id");
            });
        }

        it("waits at least Retry-After between attempts, measured at the stand-in", async () => {
            const fc = await start();
            fc.addFault({ fault: { kind: "status", status: 429, retryAfterSeconds: 1 }, times: 1 });
            await configure(fc);
            await read(fc, { functionName: "hello" });
            const log = await logOf(fc);
            assert.deepEqual(
                log.map((r) => r.status),
                [429, 200],
            );
            const gap = log[1].at - log[0].at;
            assert.ok(gap >= 1000, `the retry came ${gap} ms after a Retry-After of 1 s`);
        });

        it("does not count throttled answers against maxAttempts: with maxAttempts 1, two 429s then success still succeeds", async () => {
            const fc = await start();
            fc.addFault({ fault: { kind: "status", status: 429 }, times: 2 });
            await configure(fc, { "fcAsyncInvokeConfig:maxAttempts": "1" });
            const result = await read(fc, { functionName: "hello" });
            assert.equal(result.props.maxAsyncRetryAttempts, 3);
            assert.deepEqual(
                (await logOf(fc)).map((r) => r.status),
                [429, 429, 200],
            );
        });

        it("pauses every lookup of the deployment when FC throttles one, instead of each retrying on its own", async () => {
            const fc = await start();
            for (let i = 0; i < 40; i++) {
                fc.store.putFunction(SERVICE, `gated-${i}`);
                fc.store.putAsyncConfig(SERVICE, `gated-${i}`, "LATEST", { maxAsyncRetryAttempts: 1 });
            }
            fc.setRateLimit({ requestsPerSecond: 20, burst: 4 });
            await configure(fc);
            const results = await Promise.all(Array.from({ length: 40 }, (_, i) => read(fc, { functionName: `gated-${i}` })));
            assert.equal(results.length, 40);
            const log = await logOf(fc);
            const throttled = log.filter((r) => r.status === 429).length;
            assert.equal(log.filter((r) => r.status === 200).length, 40);
            // Without the shared pause, every lookup over the burst keeps retrying on its own schedule and
            // draws a 429 each time (54-57 throttled answers here); with it, one throttled burst holds
            // everyone back (37-43).
            assert.ok(throttled <= 50, `${throttled} throttled answers for 40 lookups`);
        });

        const exhausted: Array<{ name: string; fault: Fault; kind: FcError["kind"]; code: string; status?: number }> = [
            { name: "429", fault: { kind: "status", status: 429 }, kind: "throttled", code: "ResourceExhausted", status: 429 },
            { name: "503 ResourceThrottled", fault: { kind: "status", status: 503 }, kind: "throttled", code: "ResourceThrottled", status: 503 },
            { name: "500", fault: { kind: "status", status: 500 }, kind: "server", code: "InternalServerError", status: 500 },
            { name: "502 from a gateway (HTML)", fault: { kind: "status", status: 502, style: "html" }, kind: "server", code: "HTTP502", status: 502 },
            { name: "reset", fault: { kind: "reset" }, kind: "network", code: "ECONNRESET" },
            { name: "timeout", fault: { kind: "delay", ms: 2000 }, kind: "network", code: "Timeout" },
        ];
        for (const { name, fault, kind, code, status } of exhausted) {
            // Throttled answers do not use up attempts (being over FC's rate says nothing about the request):
            // only the retry budget ends them.
            const bound = kind === "throttled" ? "retryBudgetSeconds" : "maxAttempts";
            it(`gives up on persistent ${name} after ${bound} with kind ${kind} and the attempt count`, async () => {
                const fc = await start();
                fc.addFault({ fault });
                const budget = kind === "throttled" ? "2.5" : "10";
                await configure(fc, {
                    "fcAsyncInvokeConfig:timeoutSeconds": "0.3",
                    "fcAsyncInvokeConfig:maxAttempts": "3",
                    "fcAsyncInvokeConfig:retryBudgetSeconds": budget,
                });
                const started = Date.now();
                const err = await failure(read(fc, { functionName: "hello" }), FcError);
                const elapsed = Date.now() - started;
                const log = await logOf(fc);
                if (kind === "throttled") {
                    assert.ok(log.length >= 2, `${log.length} attempts`);
                    assert.ok(elapsed < 2500 + 400, `took ${elapsed} ms with a 2.5 s budget`);
                } else {
                    assert.equal(log.length, 3);
                }
                assert.equal(err.kind, kind);
                assert.notEqual(err.kind, "not-found");
                assert.equal(err.code, code);
                assert.equal(err.status, status);
                assert.equal(err.attempts, log.length);
                assert.ok(err.retryable);
                assert.ok(err.message.includes(`attempts: ${log.length}`), err.message);
                if (status === undefined) {
                    assert.ok(err.message.includes("(no HTTP answer)"), err.message);
                    assert.ok(err.message.includes("request id: none"), err.message);
                } else {
                    assert.ok(err.message.includes(`(HTTP ${status})`), err.message);
                    assert.equal(err.requestId, log[log.length - 1].requestId, "the request id is the last answer's");
                }
            });
        }

        it("gives up at once when Retry-After is longer than the retry budget", async () => {
            const fc = await start();
            fc.addFault({ fault: { kind: "status", status: 429, retryAfterSeconds: 3 } });
            await configure(fc, { "fcAsyncInvokeConfig:maxAttempts": "5", "fcAsyncInvokeConfig:retryBudgetSeconds": "1" });
            const started = Date.now();
            const err = await failure(read(fc, { functionName: "hello" }), FcError);
            const elapsed = Date.now() - started;
            assert.equal(err.kind, "throttled");
            assert.equal(err.attempts, 1);
            assert.ok(elapsed < 1000, `waited ${elapsed} ms although the wait could never fit the budget`);
            assert.equal((await logOf(fc)).length, 1);
        });

        it("stops retrying within retryBudgetSeconds even when maxAttempts allows more", async () => {
            const fc = await start();
            fc.addFault({ fault: { kind: "status", status: 500 } });
            await configure(fc, { "fcAsyncInvokeConfig:maxAttempts": "20", "fcAsyncInvokeConfig:retryBudgetSeconds": "3" });
            const started = Date.now();
            const err = await failure(read(fc, { functionName: "hello" }), FcError);
            const elapsed = Date.now() - started;
            const log = await logOf(fc);
            assert.equal(err.kind, "server");
            assert.equal(err.attempts, log.length);
            // The first wait is at most 1 s, so a 3 s budget always allows a retry.
            assert.ok(log.length >= 2 && log.length < 20, `${log.length} attempts`);
            // Waits never add up past the budget; what is left is round trips and timer slack. Without the
            // budget, 19 retries backing off from 1 s towards 20 s would take minutes.
            assert.ok(elapsed < 3000 + 300, `took ${elapsed} ms with a 3 s budget`);
            assert.ok(log[log.length - 1].at - log[0].at < 3000, "an attempt started after the budget was spent");
        });

        it("cuts a retry's timeout to what is left of the budget, so a hanging FC costs the budget, not a full extra timeout", async () => {
            const fc = await start();
            fc.addFault({ fault: { kind: "delay", ms: 10_000 } });
            // After the first 2 s timeout, 1.5 s of budget are left: more than the longest first wait (1 s)
            // plus MIN_RETRY_MS, so a retry always starts, and it cannot run its full 2 s.
            await configure(fc, {
                "fcAsyncInvokeConfig:timeoutSeconds": "2",
                "fcAsyncInvokeConfig:maxAttempts": "5",
                "fcAsyncInvokeConfig:retryBudgetSeconds": "3.5",
            });
            const started = Date.now();
            const err = await failure(read(fc, { functionName: "hello" }), FcError);
            const elapsed = Date.now() - started;
            assert.equal(err.kind, "network");
            assert.equal(err.code, "Timeout");
            assert.ok(err.attempts >= 2, `${err.attempts} attempts`);
            // Uncut, the retry would run its full 2 s after the first attempt's 2 s: 4 s at the very least.
            assert.ok(elapsed < 3500 + 400, `took ${elapsed} ms with a 3.5 s budget and 2 s timeouts`);
        });
    });

    describe("failures that are final", () => {
        it("a 400 with an FC code is kind rejected and sent once", async () => {
            const fc = await start();
            fc.addFault({ fault: { kind: "status", status: 400, errorCode: "InvalidArgument", message: "qualifier is bad" } });
            await configure(fc);
            const err = await failure(read(fc, { functionName: "hello" }), FcError);
            assert.equal((await logOf(fc)).length, 1);
            assert.equal(err.kind, "rejected");
            assert.equal(err.code, "InvalidArgument");
            assert.equal(err.status, 400);
            assert.ok(!err.retryable);
            assert.ok(err.message.includes("InvalidArgument (HTTP 400)") && err.message.includes("FC said: qualifier is bad"), err.message);
        });

        it("a 404 whose code is not a not-found code (PathNotSupported) is rejected, not not-found, and hints at the endpoint", async () => {
            const fc = await start();
            fc.addFault({ fault: { kind: "status", status: 404, errorCode: "PathNotSupported" } });
            await configure(fc);
            const err = await failure(read(fc, { functionName: "hello" }), FcError);
            assert.equal((await logOf(fc)).length, 1);
            assert.equal(err.kind, "rejected");
            assert.ok(err.message.includes("check the endpoint"), err.message);
        });

        it("a 200 with a cut-off body is MalformedResponse with a clear message, sent once", async () => {
            const fc = await start();
            fc.addFault({ fault: { kind: "brokenBody" } });
            await configure(fc);
            const err = await failure(read(fc, { functionName: "hello" }), FcError);
            const log = await logOf(fc);
            assert.equal(log.length, 1);
            assert.equal(err.kind, "malformed-response");
            assert.equal(err.code, "MalformedResponse");
            assert.equal(err.status, 200);
            assert.equal(err.requestId, log[0].requestId);
            assert.ok(!err.retryable);
            assert.ok(err.message.startsWith("MalformedResponse (HTTP 200) while reading the async invoke config"), err.message);
            assert.ok(err.message.includes("FC answered 200 but the body is not an async invoke config"), err.message);
        });

        it("a 200 whose fields have the wrong shape is MalformedResponse", async () => {
            const fc = await start();
            const proxy = await rewritingProxy(fc, (body) => ({ ...body, destinationConfig: "acs:mns:somewhere" }));
            try {
                await configure(fc);
                const err = await failure(read(fc, { functionName: "hello", endpoint: proxy.endpoint }), FcError);
                assert.equal(err.kind, "malformed-response");
                assert.ok(err.message.includes("destinationConfig"), err.message);
            } finally {
                await proxy.close();
            }
            assert.equal((await logOf(fc)).length, 1);
        });

        const wrongTypes: Array<{ field: string; rewrite: (body: Record<string, unknown>) => unknown; says: string }> = [
            {
                field: "maxAsyncRetryAttempts",
                rewrite: (body) => ({ ...body, maxAsyncRetryAttempts: "3" }),
                says: "maxAsyncRetryAttempts must be a number, got a string",
            },
            {
                field: "statefulInvocation",
                rewrite: (body) => ({ ...body, statefulInvocation: 1 }),
                says: "statefulInvocation must be a boolean, got a number",
            },
            {
                field: "lastModifiedTime",
                rewrite: (body) => ({ ...body, lastModifiedTime: 1700000000 }),
                says: "lastModifiedTime must be a string, got a number",
            },
            {
                field: "maxAsyncEventAgeInSeconds",
                rewrite: (body) => ({ ...body, maxAsyncEventAgeInSeconds: { seconds: 300 } }),
                says: "maxAsyncEventAgeInSeconds must be a number, got an object",
            },
            {
                field: "destinationConfig.onFailure.destination",
                rewrite: (body) => ({ ...body, destinationConfig: { onFailure: { destination: ["acs:mns:x"] } } }),
                says: "destinationConfig.onFailure.destination must be a string, got an array",
            },
        ];
        for (const { field, rewrite, says } of wrongTypes) {
            it(`a 200 with ${field} of the wrong type is MalformedResponse naming it, not retried, the value not echoed`, async () => {
                const fc = await start();
                const proxy = await rewritingProxy(fc, rewrite);
                try {
                    await configure(fc);
                    const err = await failure(read(fc, { functionName: "hello", endpoint: proxy.endpoint }), FcError);
                    assert.equal(err.kind, "malformed-response");
                    assert.equal(err.status, 200);
                    assert.ok(err.message.includes(`not an async invoke config (${says})`), err.message);
                    assert.ok(!err.message.includes("acs:mns:x") && !err.message.includes("1700000000"), err.message);
                } finally {
                    await proxy.close();
                }
                assert.equal((await logOf(fc)).length, 1, "not retried");
            });
        }

        it("a 200 JSON object with none of the documented fields is MalformedResponse, not empty settings", async () => {
            const fc = await start();
            const proxy = await rewritingProxy(fc, () => ({ ok: true }));
            try {
                await configure(fc);
                const err = await failure(read(fc, { functionName: "hello", endpoint: proxy.endpoint }), FcError);
                assert.equal(err.kind, "malformed-response");
                assert.equal(err.status, 200);
                assert.ok(err.message.includes("the body has none of the documented fields (destinationConfig, createdTime, lastModifiedTime,"), err.message);
            } finally {
                await proxy.close();
            }
            assert.equal((await logOf(fc)).length, 1, "not retried");
        });
    });

    describe("validation before any request", () => {
        const bad: Array<{ name: string; lookup: Lookup; field: string; rule: RegExp }> = [
            {
                name: "a service name with a slash",
                lookup: { serviceName: "a/b", functionName: "hello" },
                field: "serviceName",
                rule: /1-128 characters of letters, digits, '_' or '-'/,
            },
            { name: "a service name '..'", lookup: { serviceName: "..", functionName: "hello" }, field: "serviceName", rule: /starting with a letter or '_'/ },
            { name: "an empty service name", lookup: { serviceName: "", functionName: "hello" }, field: "serviceName", rule: /1-128 characters/ },
            {
                name: "a 129-character service name",
                lookup: { serviceName: "a".repeat(129), functionName: "hello" },
                field: "serviceName",
                rule: /1-128 characters/,
            },
            {
                name: "a service name starting with a digit",
                lookup: { serviceName: "1service", functionName: "hello" },
                field: "serviceName",
                rule: /starting with a letter or '_'/,
            },
            { name: "a function name '..'", lookup: { functionName: ".." }, field: "functionName", rule: /1-128 characters/ },
            {
                name: "a qualifier with a space",
                lookup: { functionName: "hello", qualifier: "v 1" },
                field: "qualifier",
                rule: /must be LATEST, a version number such as 3, or an alias name/,
            },
            {
                name: "a qualifier with a slash",
                lookup: { functionName: "hello", qualifier: "latest/" },
                field: "qualifier",
                rule: /must be LATEST, a version number/,
            },
            {
                name: "a version 0",
                lookup: { functionName: "hello", qualifier: "0" },
                field: "qualifier",
                rule: /^invalid qualifier "0": is not a version FC can have: versions are numbered from 1 .*; read LATEST for the code not yet published$/,
            },
            {
                name: "an endpoint without scheme (host:port)",
                lookup: { functionName: "hello", endpoint: "HOST" },
                field: "endpoint",
                rule: /must be a URL with scheme and host only/,
            },
            {
                name: "an endpoint without scheme (name:port)",
                lookup: { functionName: "hello", endpoint: "localhost:9000" },
                field: "endpoint",
                rule: /must be a URL with scheme and host only/,
            },
            {
                name: "an endpoint with a path",
                lookup: { functionName: "hello", endpoint: "ENDPOINT/2021-04-06" },
                field: "endpoint",
                rule: /scheme and host only/,
            },
            {
                name: "a region that is not a region id",
                lookup: { functionName: "hello", region: "Hangzhou" },
                field: "region",
                rule: /region id such as cn-hangzhou/,
            },
            {
                name: "an account id with letters",
                lookup: { functionName: "hello", accountId: "12ab" },
                field: "accountId",
                rule: /numeric Alibaba Cloud account id/,
            },
        ];
        for (const { name, lookup, field, rule } of bad) {
            it(`refuses ${name} with InvalidLookupError naming ${field} and the rule; nothing is sent`, async () => {
                const fc = await start();
                await configure(fc);
                const endpoint = lookup.endpoint?.replace("HOST", fc.host).replace("ENDPOINT", fc.endpoint);
                const err = await failure(read(fc, { ...lookup, ...(endpoint === undefined ? {} : { endpoint }) }), InvalidLookupError);
                assert.equal(err.field, field);
                assert.ok(err.message.startsWith(`invalid ${field} `), err.message);
                assert.match(err.message, rule);
                assert.deepEqual(await logOf(fc), []);
            });
        }

        it("accepts 'latest-' as an alias name (FC allows '-' anywhere after the first character) and FC answers AliasNotFound", async () => {
            const fc = await start();
            await configure(fc);
            const err = await failure(read(fc, { functionName: "hello", qualifier: "latest-" }), FcError);
            assert.equal(err.code, "AliasNotFound");
            assert.deepEqual(
                (await logOf(fc)).map((r) => r.query),
                [{ qualifier: "latest-" }],
            );
        });

        it("reads 'latest' as the alias it could be, and when FC has no such alias asks whether LATEST was meant", async () => {
            const fc = await start();
            await configure(fc);
            const err = await failure(read(fc, { functionName: "hello", qualifier: "latest" }), FcError);
            assert.equal(err.code, "AliasNotFound");
            assert.equal(err.kind, "not-found");
            assert.match(err.message, /alias "latest" of service "[^"]+" does not exist: did you mean LATEST\? Qualifiers are case-sensitive/);
            assert.ok(!err.message.includes("FC said"), `FC's message is not repeated after ours: ${err.message}`);
            assert.ok(err.fcMessage !== undefined && err.fcMessage.length > 0, "FC's own text is kept on the error");
        });
    });

    describe("sharing and pacing requests", () => {
        it("answers 20 concurrent reads of the same lookup with one request", async () => {
            const fc = await start();
            await configure(fc);
            const results = await Promise.all(Array.from({ length: 20 }, () => read(fc, { functionName: "hello", qualifier: "prod" })));
            for (const result of results) {
                assert.deepEqual(result, results[0]);
            }
            assert.equal(results[0].props.maxAsyncEventAgeInSeconds, 3600);
            assert.equal((await logOf(fc)).length, 1);
        });

        it("sends one request per distinct qualifier, and shares a failure the same way", async () => {
            const fc = await start();
            fc.store.putAsyncConfig(SERVICE, "hello", "1", { maxAsyncRetryAttempts: 5 });
            await configure(fc);
            const qualifiers = ["LATEST", "prod", "1", "2"];
            const reads = qualifiers.flatMap((qualifier) =>
                Array.from({ length: 5 }, () =>
                    read(fc, { functionName: "hello", qualifier }).then(
                        (r) => r.props.maxAsyncRetryAttempts,
                        (e: Error) => e,
                    ),
                ),
            );
            const outcomes = await Promise.all(reads);
            assert.deepEqual(outcomes.slice(0, 15), [...Array<number>(5).fill(3), ...Array<number>(5).fill(1), ...Array<number>(5).fill(5)]);
            for (const outcome of outcomes.slice(15)) {
                assert.ok(outcome instanceof FcError && outcome.code === "AsyncConfigNotExists", String(outcome));
                assert.equal(outcome, outcomes[15], "concurrent reads share the one failure");
            }
            const log = await logOf(fc);
            assert.deepEqual(log.map((r) => r.query.qualifier).sort(), ["1", "2", "LATEST", "prod"]);
        });

        it("asks again after a failure, but not after a success", async () => {
            const fc = await start();
            fc.addFault({ fault: { kind: "status", status: 500 }, times: 1 });
            await configure(fc, { "fcAsyncInvokeConfig:maxAttempts": "1" });
            const err = await failure(read(fc, { functionName: "hello" }), FcError);
            assert.equal(err.kind, "server");
            assert.equal((await read(fc, { functionName: "hello" })).props.maxAsyncRetryAttempts, 3);
            assert.equal((await read(fc, { functionName: "hello" })).props.maxAsyncRetryAttempts, 3);
            assert.deepEqual(
                (await logOf(fc)).map((r) => r.status),
                [500, 200],
            );
        });

        for (const cap of [3, 8]) {
            it(`keeps at most maxConcurrentRequests=${cap} requests in flight across 30 distinct lookups`, async () => {
                const fc = await start();
                for (let i = 0; i < 30; i++) {
                    fc.store.putFunction(SERVICE, `fn-${i}`);
                    fc.store.putAsyncConfig(SERVICE, `fn-${i}`, "LATEST", { maxAsyncRetryAttempts: i % 9, maxAsyncEventAgeInSeconds: 100 + i });
                }
                // Slow answers, so that requests overlap whenever the provider lets them.
                fc.addFault({ fault: { kind: "delay", ms: 60 }, pathIncludes: "/functions/fn-" });
                await configure(fc, { "fcAsyncInvokeConfig:maxConcurrentRequests": String(cap) });
                const results = await Promise.all(Array.from({ length: 30 }, (_, i) => read(fc, { functionName: `fn-${i}` })));
                results.forEach((result, i) => {
                    assert.equal(result.props.maxAsyncRetryAttempts, i % 9);
                    assert.equal(result.props.maxAsyncEventAgeInSeconds, 100 + i);
                });
                const peak = fc.maxInFlight();
                assert.equal((await logOf(fc)).length, 30);
                assert.ok(peak <= cap, `${peak} requests in flight at once with a cap of ${cap}`);
                assert.ok(peak > (cap === 3 ? 1 : 3), `only ${peak} in flight: the requests did not overlap`);
            });
        }
    });

    describe("configuration", () => {
        it("without an endpoint, a missing region is a ConfigurationError naming alicloud:region", async () => {
            const fc = await start();
            await configure(fc, { "alicloud:region": undefined });
            const err = await failure(
                implementation.read(FC2_GET, "demo-service:hello:LATEST", { serviceName: SERVICE, functionName: "hello" }),
                ConfigurationError,
            );
            assert.equal(err.setting, "alicloud:region");
            assert.ok(err.message.includes("alicloud:region"), err.message);
        });

        it("without an account id, a failed discovery is a ConfigurationError naming STS GetCallerIdentity and alicloud:accountId; nothing is sent to FC", async () => {
            const fc = await start();
            // STS on a loopback port nothing listens on: discovery fails at once, and never leaves the machine.
            const sts = `127.0.0.1:${await closedPort()}`;
            await configure(fc, { "alicloud:accountId": undefined, "alicloud:endpoints": JSON.stringify([{ sts }]) });
            const err = await failure(
                implementation.read(FC2_GET, "demo-service:hello:LATEST", { serviceName: SERVICE, functionName: "hello" }),
                ConfigurationError,
            );
            assert.equal(err.setting, "alicloud:accountId");
            assert.equal(err.code, "ECONNREFUSED");
            assert.ok(err.message.startsWith(`could not find the account id: STS GetCallerIdentity at ${sts} failed`), err.message);
            assert.ok(err.message.includes("`pulumi config set alicloud:accountId <id>`"), err.message);
            assert.deepEqual(await logOf(fc), []);
        });

        it("an access key without its secret (or the reverse) is a ConfigurationError naming both keys; nothing is sent", async () => {
            const fc = await start();
            await configure(fc, { "alicloud:secretKey": undefined });
            const noSecret = await failure(read(fc, { functionName: "hello" }), ConfigurationError);
            assert.equal(noSecret.setting, "alicloud:secretKey");
            assert.ok(noSecret.message.includes("alicloud:accessKey") && noSecret.message.includes("alicloud:secretKey"), noSecret.message);
            await configure(fc, { "alicloud:accessKey": undefined });
            const noKey = await failure(read(fc, { functionName: "hello" }), ConfigurationError);
            assert.equal(noKey.setting, "alicloud:accessKey");
            assert.ok(noKey.message.includes("alicloud:accessKey") && noKey.message.includes("alicloud:secretKey"), noKey.message);
            assertNoSecret(visible(noKey), fc);
            assert.deepEqual(await logOf(fc), []);
        });

        it("no credentials anywhere is a ConfigurationError 'no credentials found; tried: …' that says to set alicloud:accessKey; nothing is sent", async () => {
            const fc = await start();
            await configure(fc, { "alicloud:accessKey": undefined, "alicloud:secretKey": undefined });
            const err = await failure(read(fc, { functionName: "hello" }), ConfigurationError);
            assert.equal(err.setting, "alicloud:accessKey");
            assert.ok(err.message.startsWith("no credentials found; tried: an access key (alicloud:accessKey"), err.message);
            assert.ok(
                err.message.includes("a credentials URI (alicloud:credentialsUri, ALICLOUD_CREDENTIALS_URI or ALIBABA_CLOUD_CREDENTIALS_URI): not set"),
                err.message,
            );
            assert.ok(err.message.includes("the ECS instance metadata service: off (ALIBABA_CLOUD_ECS_METADATA_DISABLED)"), err.message);
            assert.ok(!/ENOTFOUND|undefined/.test(err.message), err.message);
            assert.deepEqual(await logOf(fc), []);
        });

        it("a lookup that failed for want of credentials is not remembered: once they are there, the next lookup of the deployment reads", async () => {
            const fc = await start({ credentials: [{ accessKeyId: "LTAI5tFromEnvironment", accessKeySecret: SECRETS.env }] });
            await configure(fc, { "alicloud:accessKey": undefined, "alicloud:secretKey": undefined });
            const refused = await closedPort();
            await withEnv({ ALIBABA_CLOUD_CREDENTIALS_URI: `http://127.0.0.1:${refused}/` }, () =>
                failure(read(fc, { functionName: "hello" }), ConfigurationError),
            );
            // Same deployment (no configure), same target: the route is kept, its failed client is not.
            await withEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI5tFromEnvironment", ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRETS.env }, async () => {
                assert.equal((await read(fc, { functionName: "hello" })).props.maxAsyncRetryAttempts, 3);
            });
            assert.deepEqual(
                (await logOf(fc)).map((r) => [r.accessKeyId, r.status]),
                [["LTAI5tFromEnvironment", 200]],
            );
        });

        it("a broken aliyun CLI config file is a ConfigurationError that does not quote the secrets in it", async () => {
            const fc = await start();
            await configure(fc, { "alicloud:accessKey": undefined, "alicloud:secretKey": undefined, "alicloud:profile": "default" });
            // @alicloud/credentials puts the whole unparseable file into its error message.
            const home = homeDir();
            fs.mkdirSync(path.join(home, ".aliyun"), { recursive: true });
            fs.writeFileSync(
                path.join(home, ".aliyun", "config.json"),
                `{"current":"default","profiles":[{"name":"default","mode":"AK","access_key_id":"LTAI5tProfileKey","access_key_secret":"${SECRETS.profile}",}]}`,
            );
            try {
                const err = await withEnv({ ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "false" }, () =>
                    failure(read(fc, { functionName: "hello" }), ConfigurationError),
                );
                assert.equal(err.setting, "alicloud:profile");
                assert.ok(err.message.includes('aliyun CLI profile "default"'), err.message);
                assert.ok(err.message.includes("parse aliyun cli config"), `the cause is kept: ${err.message}`);
                assert.ok(!err.message.includes(SECRETS.profile) && !String(err.stack).includes(SECRETS.profile), err.message);
            } finally {
                fs.rmSync(path.join(home, ".aliyun"), { recursive: true, force: true });
            }
            assert.deepEqual(await logOf(fc), []);
        });

        it("a bad tuning value fails every read of the deployment, instead of reading with defaults", async () => {
            const fc = await start();
            await configure(fc, { "fcAsyncInvokeConfig:maxConcurrentRequests": "2.5" });
            for (let i = 0; i < 2; i++) {
                const err = await failure(read(fc, { functionName: "hello" }), ConfigurationError);
                assert.equal(err.setting, "fcAsyncInvokeConfig:maxConcurrentRequests");
            }
            await configure(fc);
            assert.equal((await read(fc, { functionName: "hello" })).props.maxAsyncRetryAttempts, 3, "a good configure recovers");
            assert.equal((await logOf(fc)).length, 1, "only the read after the good configure was sent");
        });

        for (const [idVar, secretVar] of [
            ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"],
            ["ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY"],
        ] as const) {
            it(`uses ${idVar} / ${secretVar} when stack config has no key`, async () => {
                const secret = idVar.startsWith("ALIBABA") ? SECRETS.env : SECRETS.envAlt;
                const fc = await start({ credentials: [{ accessKeyId: "LTAI5tFromEnvironment", accessKeySecret: secret }] });
                await withEnv({ [idVar]: "LTAI5tFromEnvironment", [secretVar]: secret }, async () => {
                    await configure(fc, { "alicloud:accessKey": undefined, "alicloud:secretKey": undefined });
                    assert.equal((await read(fc, { functionName: "hello" })).props.maxAsyncRetryAttempts, 3);
                });
                assert.deepEqual(
                    (await logOf(fc)).map((r) => r.accessKeyId),
                    ["LTAI5tFromEnvironment"],
                );
            });
        }

        it("prefers the stack config's key to the environment's", async () => {
            const credentials: EmulatorCredential[] = [
                { accessKeyId: "LTAI5tFromStack", accessKeySecret: SECRETS.stack },
                { accessKeyId: "LTAI5tFromEnvironment", accessKeySecret: SECRETS.env },
            ];
            const fc = await start({ credentials });
            await withEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI5tFromEnvironment", ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRETS.env }, async () => {
                await configure(fc, { "alicloud:accessKey": "LTAI5tFromStack", "alicloud:secretKey": SECRETS.stack });
                await read(fc, { functionName: "hello" });
            });
            assert.deepEqual(
                (await logOf(fc)).map((r) => r.accessKeyId),
                ["LTAI5tFromStack"],
            );
        });

        it("sends the account id from the lookup over stack config over the environment (X-Fc-Account-Id)", async () => {
            const owner = "1111111111111111";
            const fc = await start({ accountId: owner });
            await withEnv({ ALIBABA_CLOUD_ACCOUNT_ID: "3333333333333333" }, async () => {
                await configure(fc, { "alicloud:accountId": "2222222222222222" });
                const fromLookup = await read(fc, { functionName: "hello", accountId: owner });
                assert.equal(fromLookup.props.accountId, owner, "the lookup's own argument is an output");
                await configure(fc, { "alicloud:accountId": owner });
                await read(fc, { functionName: "zero" });
            });
            await withEnv({ ALIBABA_CLOUD_ACCOUNT_ID: owner }, async () => {
                await configure(fc, { "alicloud:accountId": undefined });
                await read(fc, { functionName: "hello", qualifier: "prod" });
            });
            const log = await logOf(fc);
            assert.deepEqual(
                log.map((r) => [r.path.split("/")[5], r.accountId, r.status]),
                [
                    ["hello", owner, 200],
                    ["zero", owner, 200],
                    ["hello", owner, 200],
                ],
            );
        });

        it("resolves the region from the lookup over stack config over the environment", async () => {
            const fc = await start();
            const regionIn = async (lookup: Lookup): Promise<string> => {
                const err = await failure(read(fc, { functionName: "worker", ...lookup }), FcError);
                const region = /region ([a-z0-9-]+)/.exec(err.message);
                assert.ok(region, err.message);
                return region[1];
            };
            await withEnv({ ALIBABA_CLOUD_REGION: "cn-beijing" }, async () => {
                await configure(fc, { "alicloud:region": "cn-shanghai" });
                assert.equal(await regionIn({ region: "ap-southeast-1" }), "ap-southeast-1");
                await configure(fc, { "alicloud:region": "cn-shanghai" });
                assert.equal(await regionIn({}), "cn-shanghai");
                await configure(fc, { "alicloud:region": undefined });
                assert.equal(await regionIn({}), "cn-beijing");
            });
        });

        it("signs with an STS token from alicloud:securityToken; without it the stand-in refuses the key", async () => {
            const fc = await start({ credentials: [{ accessKeyId: "STS.NTestKey", accessKeySecret: SECRETS.sts, securityToken: SECRETS.stsToken }] });
            await configure(fc, { "alicloud:accessKey": "STS.NTestKey", "alicloud:secretKey": SECRETS.sts, "alicloud:securityToken": SECRETS.stsToken });
            const { props } = await read(fc, { functionName: "hello" });
            assert.equal(props.maxAsyncRetryAttempts, 3);
            assertNoSecret(JSON.stringify(props), fc);
            await configure(fc, { "alicloud:accessKey": "STS.NTestKey", "alicloud:secretKey": SECRETS.sts });
            const err = await failure(read(fc, { functionName: "hello" }), FcError);
            assert.equal(err.code, "InvalidSecurityToken");
            assert.equal(err.kind, "denied");
            assertNoSecret(visible(err), fc);
            assert.deepEqual(
                (await logOf(fc)).map((r) => [r.accessKeyId, r.status]),
                [
                    ["STS.NTestKey", 200],
                    ["STS.NTestKey", 403],
                ],
            );
        });
    });

    describe("remembered answers", () => {
        it("serves a deployment's repeated lookup from memory; configure (a new deployment) asks FC again", async () => {
            const fc = await start();
            await configure(fc);
            assert.equal((await read(fc, { functionName: "hello" })).props.maxAsyncEventAgeInSeconds, 300);
            fc.store.putAsyncConfig(SERVICE, "hello", "LATEST", { maxAsyncEventAgeInSeconds: 900, maxAsyncRetryAttempts: 0 }, { time: "2025-05-05T05:05:05Z" });
            // Same deployment: by design the remembered answer is returned, without a request.
            const cached = (await read(fc, { functionName: "hello" })).props;
            assert.equal(cached.maxAsyncEventAgeInSeconds, 300);
            assert.equal(cached.lastModifiedTime, SEED_TIME);
            await configure(fc);
            const fresh = (await read(fc, { functionName: "hello" })).props;
            assert.equal(fresh.maxAsyncEventAgeInSeconds, 900);
            assert.strictEqual(fresh.maxAsyncRetryAttempts, 0);
            assert.deepEqual(fresh.destinationConfig, {});
            assert.equal(fresh.createdTime, SEED_TIME);
            assert.equal(fresh.lastModifiedTime, "2025-05-05T05:05:05Z");
            assert.equal((await logOf(fc)).length, 2);
        });
    });

    describe("the public provider object (functionAsyncInvokeConfigProvider)", () => {
        const configureProvider = (settings: Settings): Promise<void> =>
            (functionAsyncInvokeConfigProvider.configure as NonNullable<typeof functionAsyncInvokeConfigProvider.configure>)({
                config: { get: (key) => settings[key], require: (key) => settings[key] ?? assert.fail(`config ${key} is not set`) },
            });
        const readProvider = (id: string, props?: Partial<FunctionAsyncInvokeConfigOutputs>) =>
            (functionAsyncInvokeConfigProvider.read as NonNullable<typeof functionAsyncInvokeConfigProvider.read>)(
                id,
                props as FunctionAsyncInvokeConfigOutputs,
            );

        it("configure + read return the lookup's outputs and the id", async () => {
            const fc = await start();
            await configureProvider(standInSettings(fc));
            const result = await readProvider("demo-service:hello:prod", {
                serviceName: SERVICE,
                functionName: "hello",
                qualifier: "prod",
                endpoint: fc.endpoint,
            });
            suiteResults.push(result);
            assert.equal(result.id, "demo-service:hello:prod");
            assert.deepEqual(result.props, helloProd(fc.endpoint));
            assertNoSecret(JSON.stringify(result), fc);
            assert.equal((await logOf(fc)).length, 1);
        });

        it("reads by id alone, and reports a not-found as FcError with the request id", async () => {
            const fc = await start();
            await configureProvider(standInSettings(fc));
            const byId = await readProvider("demo-service:zero:LATEST", { endpoint: fc.endpoint });
            assert.strictEqual(byId.props?.maxAsyncRetryAttempts, 0);
            const err = await failure(readProvider("demo-service:worker:LATEST", { endpoint: fc.endpoint }), FcError);
            const log = await logOf(fc);
            assert.equal(err.kind, "not-found");
            assert.equal(err.code, "AsyncConfigNotExists");
            assert.ok(err.message.includes(`request id: ${log[1].requestId}`), err.message);
        });

        it("refuses to create: the data source is read-only", async () => {
            const create = functionAsyncInvokeConfigProvider.create;
            await assert.rejects(create({} as FunctionAsyncInvokeConfigOutputs), /read-only data source and cannot be created/);
        });
    });

    describe("the serialized loader (what state holds; runs the compiled bin/ copy)", () => {
        before(assertBuiltFromSources);

        it("configure + read through bin/ return the same outputs; errors are bin's FcError", async () => {
            const fc = await start();
            const settings = standInSettings(fc);
            const loader = loaderFor(FC2_GET) as Required<ReturnType<typeof loaderFor>>;
            await loader.configure({ config: { get: (key) => settings[key], require: (key) => settings[key] ?? assert.fail(`config ${key} is not set`) } });
            const result = await loader.read("demo-service:hello:LATEST", {
                serviceName: SERVICE,
                functionName: "hello",
                endpoint: fc.endpoint,
            });
            suiteResults.push(result);
            assert.equal(result.id, "demo-service:hello:LATEST");
            assert.deepEqual(result.props?.destinationConfig, { onSuccess: { destination: HELLO_ON_SUCCESS }, onFailure: { destination: FAILED_QUEUE } });
            assert.equal(result.props?.maxAsyncRetryAttempts, 3);
            // bin/ is a separate module instance: its errors are FcError by name and shape, not by class.
            const err = await failure(loader.read("demo-service:worker:LATEST", { endpoint: fc.endpoint }), Error);
            assert.equal(err.name, "FcError");
            assert.ok(!(err instanceof FcError), "expected the bin/ copy's class");
            assert.equal((err as FcError).kind, "not-found");
            assert.ok(err.message.includes(`request id: ${(await logOf(fc))[1].requestId}`), err.message);
            await assert.rejects(loader.create({}), /read-only data source and cannot be created/);
        });

        it("the loader 0.1.0 wrote into state, which names no data source, still reads the FC 2.0 config", async () => {
            const fc = await start();
            // What that loader's methods call: the host by package path, read(id, props) and create().
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const host = require("pulumi-fc-async-invoke-config/bin/provider/host") as {
                read(id: string, props: Record<string, unknown>): Promise<{ id?: string; props?: Record<string, unknown> }>;
                create(): Promise<never>;
            };
            await implementationOfBin().configure({ get: (key: string) => standInSettings(fc)[key] });
            const result = await host.read("demo-service:hello:prod", {
                serviceName: SERVICE,
                functionName: "hello",
                qualifier: "prod",
                endpoint: fc.endpoint,
            });
            assert.equal(result.id, "demo-service:hello:prod");
            assert.equal(result.props?.maxAsyncRetryAttempts, 1);
            await assert.rejects(host.create(), /FunctionAsyncInvokeConfig is a read-only data source/);
        });
    });

    describe("secrets and writes", () => {
        it("never put a secret in any output or any error, in this test and every test above", async () => {
            const fc = await start();
            await configure(fc, { "alicloud:secretKey": SECRETS.wrong });
            await failure(read(fc, { functionName: "hello" }), FcError);
            await configure(fc);
            await read(fc, { functionName: "hello" });
            for (const output of suiteResults) {
                assertNoSecret(JSON.stringify(output), fc);
            }
            for (const err of suiteErrors) {
                assertNoSecret(visible(err), fc);
            }
        });

        it("sent only GET requests, in this test and every test above", async () => {
            const fc = await start();
            await configure(fc);
            await read(fc, { functionName: "zero" });
            const log = [...suiteLog, ...(await logOf(fc))];
            const methods = new Set(log.map((r) => r.method));
            assert.deepEqual([...methods], ["GET"], `methods seen: ${[...methods].join(", ")}`);
            const paths = new Set(log.map((r) => r.path.replace(/\/functions\/[^/]+\//, "/functions/F/").replace(/\/services\/[^/]+\//, "/services/S/")));
            assert.deepEqual([...paths], ["/2021-04-06/services/S/functions/F/async-invoke-config"]);
        });
    });
});
