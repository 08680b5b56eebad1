// The provider end to end in process, through test/support/providerSuite.ts: `configure` + `read` of
// provider/host/provider.ts driving the real @alicloud/fc-open20210406 SDK over loopback HTTP against
// the FC stand-in. Every test starts its own stand-in and closes it afterwards; the file ends with the
// suite's checks that no secret reached an output or an error and that only GETs were sent.
//
// What the FC 2.0 single read outputs from FC's answer: values, ids, and answers remembered within a deployment.

import * as assert from "node:assert/strict";
import { InvalidLookupError } from "../../provider/errors";
import * as implementation from "../../provider/host/provider";
import { DEFAULT_ACCOUNT_ID, SEED_TIME } from "../../provider/emulator";
import {
    checkSecretsAndWrites,
    configure,
    FAILED_QUEUE,
    failure,
    FC2_GET,
    HELLO_ON_SUCCESS,
    helloProd,
    logOf,
    propsOf,
    read,
    readRewritten,
    start,
    useProviderSuite,
} from "../support/providerSuite";
import { SERVICE } from "../support/standInProvider";

describe("FC 2.0 single read: values of FC's answer", () => {
    useProviderSuite();

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

    checkSecretsAndWrites();
});
