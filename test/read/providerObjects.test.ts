// The provider end to end in process, through test/support/providerSuite.ts: `configure` + `read` of
// provider/host/provider.ts driving the real @alicloud/fc-open20210406 SDK over loopback HTTP against
// the FC stand-in. Every test starts its own stand-in and closes it afterwards; the file ends with the
// suite's checks that no secret reached an output or an error and that only GETs were sent.
//
// The provider through its public object and through the serialized loader state holds (the compiled bin/ copy), 0.1.0's loader included.

import * as assert from "node:assert/strict";
import { functionAsyncInvokeConfigProvider } from "../../provider";
import { FcError } from "../../provider/errors";
import { loaderFor } from "../../provider/program/loader";
import type { FunctionAsyncInvokeConfigOutputs } from "../../provider/dataSources/functionAsyncInvokeConfig";
import { assertBuiltFromSources } from "../support/freshBuild";
import {
    assertNoSecret,
    checkSecretsAndWrites,
    FAILED_QUEUE,
    failure,
    FC2_GET,
    HELLO_ON_SUCCESS,
    helloProd,
    implementationOfBin,
    logOf,
    start,
    suiteResults,
    useProviderSuite,
} from "../support/providerSuite";
import { SERVICE, type Settings, standInSettings } from "../support/standInProvider";

describe("FC 2.0 single read: the public provider object and the serialized loader", () => {
    useProviderSuite();

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

    checkSecretsAndWrites();
});
