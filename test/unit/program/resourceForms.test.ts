// The data source as a Pulumi program sees it, under `pulumi.runtime.setMocks`: what reaches the engine
// (a read of a dynamic resource by id, with the lookup as inputs and the serialized provider as
// `__provider`), and how the mocked engine's answer comes back as typed outputs.
//
// How __provider gets here: `pulumi.dynamic.Resource` (node_modules/@pulumi/pulumi/dynamic/index.js)
// sets `props.__provider = serializeProvider(provider)`, an Output of the closure-serialized provider
// text (cached per provider object). It is an ordinary input, so the mock's newResource receives it,
// resolved, as a plain string: exactly the text the engine would store in state.
//
// setMocks changes process-global runtime state. It is set once for this file and undone in after()
// with pulumi.runtime.resetOptions (what setMocks itself calls first), and the stack config is restored.

import * as assert from "node:assert/strict";
import * as vm from "node:vm";

import * as pulumi from "@pulumi/pulumi";

import {
    type DataSourceOptions,
    FunctionAsyncInvokeConfig,
    type FunctionAsyncInvokeConfigArgs,
    getFunctionAsyncInvokeConfig,
    InvalidLookupError,
} from "../../../provider";
import { assertBuiltFromSources } from "../../support/freshBuild";
import { countStackTraces } from "../../support/stackTraces";

const SECRET = "mock-stack-secret-4e7d21a9-never-in-state";
const FAILED_QUEUE = "acs:mns:cn-hangzhou:1234567890123456:/queues/failed-events/messages";

/** Resolves an output's value (the mocks are never a preview, so every value is known). */
function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply((value) => resolve(value)));
}

describe("the data source under pulumi.runtime.setMocks", () => {
    /** Every resource the mocked engine was asked for, in order. */
    const seen: pulumi.runtime.MockResourceArgs[] = [];
    let savedConfig: Record<string, string>;

    /** What the provider's read would return: the lookup plus FC's settings (those of hello@prod here). */
    function readState(args: pulumi.runtime.MockResourceArgs): Record<string, unknown> {
        const { __provider: _provider, ...lookup } = args.inputs as Record<string, unknown>;
        return {
            ...lookup,
            createdTime: "2024-01-01T00:00:00Z",
            lastModifiedTime: "2024-01-01T00:00:00Z",
            destinationConfig: { onFailure: { destination: FAILED_QUEUE } },
            maxAsyncEventAgeInSeconds: 3600,
            maxAsyncRetryAttempts: 0,
            statefulInvocation: false,
        };
    }

    before(async () => {
        savedConfig = pulumi.runtime.allConfig();
        pulumi.runtime.setAllConfig({ "alicloud:accessKey": "LTAI5tMockAccessKey", "alicloud:secretKey": SECRET, "alicloud:region": "cn-hangzhou" }, [
            "alicloud:secretKey",
        ]);
        await pulumi.runtime.setMocks(
            {
                newResource: (args) => {
                    seen.push(args);
                    return { id: args.id, state: readState(args) };
                },
                call: (args) => {
                    throw new Error(`the data source makes no provider calls, got ${args.token}`);
                },
            },
            "project",
            "stack",
            false,
        );
    });

    after(() => {
        pulumi.runtime.resetOptions("", "", -1, "", "", false, "");
        pulumi.runtime.setAllConfig(savedConfig, []);
    });

    /** The mock's record of the resource named `name`; the resource's id output resolving means it was read. */
    async function request(resource: FunctionAsyncInvokeConfig, name: string): Promise<pulumi.runtime.MockResourceArgs> {
        await valueOf(resource.id);
        const found = seen.filter((args) => args.name === name);
        assert.equal(found.length, 1, `expected one request for ${name}`);
        return found[0];
    }

    it("asks the engine to read a pulumi-nodejs:dynamic/fc:FunctionAsyncInvokeConfig by id service:function:LATEST", async () => {
        const cfg = new FunctionAsyncInvokeConfig("reads-by-id", { serviceName: "svc", functionName: "fn" });
        const args = await request(cfg, "reads-by-id");
        assert.equal(args.type, "pulumi-nodejs:dynamic/fc:FunctionAsyncInvokeConfig");
        assert.equal(args.custom, true);
        assert.equal(args.id, "svc:fn:LATEST", "a read, by the id derived from the arguments");
        const { __provider: provider, ...inputs } = args.inputs as Record<string, unknown>;
        assert.deepEqual(
            inputs,
            { serviceName: "svc", functionName: "fn", qualifier: "LATEST" },
            "the default qualifier is filled in; unset arguments are left out",
        );
        assert.equal(typeof provider, "string");
    });

    it("passes every argument through, resolving those that are outputs of other resources", async () => {
        const cfg = new FunctionAsyncInvokeConfig("all-args", {
            serviceName: pulumi.output("svc"),
            functionName: pulumi.output("fn").apply((name) => `${name}-2`),
            qualifier: "prod",
            region: "cn-shanghai",
            accountId: "1234567890123456",
            endpoint: "http://127.0.0.1:9000",
        });
        const args = await request(cfg, "all-args");
        assert.equal(args.id, "svc:fn-2:prod");
        const { __provider: _provider, ...inputs } = args.inputs as Record<string, unknown>;
        assert.deepEqual(inputs, {
            serviceName: "svc",
            functionName: "fn-2",
            qualifier: "prod",
            region: "cn-shanghai",
            accountId: "1234567890123456",
            endpoint: "http://127.0.0.1:9000",
        });
    });

    it("resolves the read's state into typed outputs, 0 and false included", async () => {
        const cfg = new FunctionAsyncInvokeConfig("typed-outputs", { serviceName: "svc", functionName: "fn", qualifier: "prod" });
        // Compile-time: the outputs carry the documented types.
        const retries: pulumi.Output<number | undefined> = cfg.maxAsyncRetryAttempts;
        const stateful: pulumi.Output<boolean | undefined> = cfg.statefulInvocation;
        const onFailure: pulumi.Output<string | undefined> = cfg.destinationConfig.apply((d) => d.onFailure?.destination);
        const onSuccess: pulumi.Output<string | undefined> = cfg.destinationConfig.apply((d) => d.onSuccess?.destination);
        assert.equal(await valueOf(cfg.id), "svc:fn:prod");
        assert.strictEqual(await valueOf(retries), 0);
        assert.strictEqual(await valueOf(stateful), false);
        assert.equal(await valueOf(cfg.maxAsyncEventAgeInSeconds), 3600);
        assert.equal(await valueOf(onFailure), FAILED_QUEUE);
        assert.equal(await valueOf(onSuccess), undefined);
        assert.equal(await valueOf(cfg.createdTime), "2024-01-01T00:00:00Z");
        assert.equal(await valueOf(cfg.lastModifiedTime), "2024-01-01T00:00:00Z");
        assert.equal(await valueOf(cfg.qualifier), "prod");
        assert.equal(await valueOf(cfg.serviceName), "svc");
        assert.equal(await valueOf(cfg.functionName), "fn");
    });

    it("gives arguments left out as outputs that resolve to undefined, and those given as what was read", async () => {
        const bare = new FunctionAsyncInvokeConfig("scope-absent", { serviceName: "svc", functionName: "fn" });
        const scoped = new FunctionAsyncInvokeConfig("scope-given", {
            serviceName: "svc",
            functionName: "fn",
            region: "cn-shanghai",
            endpoint: "http://127.0.0.1:9000",
        });
        // Compile-time: every scope argument is an output, given or not.
        const region: pulumi.Output<string | undefined> = bare.region;
        assert.deepEqual(await Promise.all([valueOf(region), valueOf(bare.accountId), valueOf(bare.endpoint)]), [undefined, undefined, undefined]);
        assert.deepEqual(await Promise.all([valueOf(scoped.region), valueOf(scoped.accountId), valueOf(scoped.endpoint)]), [
            "cn-shanghai",
            undefined,
            "http://127.0.0.1:9000",
        ]);
    });

    it("costs the program no more SDK work per data source than a bare dynamic resource with the same properties", async () => {
        // The SDK formats a stack trace for every promise it makes per registered property (source-mapped
        // under ts-node: the bulk of a preview's program CPU), so the count is the
        // program's work per resource. Registering arguments the program left out cost 8 more per data source.
        const floorProvider: pulumi.dynamic.ResourceProvider = {
            read: async (id: string, props: Record<string, unknown>) => ({ id, props }),
            create: async () => Promise.reject(new Error("read-only")),
        };
        class Floor extends pulumi.dynamic.Resource {}
        const outputs = { createdTime: undefined, lastModifiedTime: undefined, destinationConfig: undefined, maxAsyncEventAgeInSeconds: undefined };
        const floor = (name: string): pulumi.Output<string> =>
            new Floor(
                floorProvider,
                name,
                { serviceName: "svc", functionName: name, qualifier: "LATEST", ...outputs, maxAsyncRetryAttempts: undefined, statefulInvocation: undefined },
                { id: `svc:${name}:LATEST` },
                "fc",
                "Floor",
            ).id;
        const dataSource = (name: string): pulumi.Output<string> => new FunctionAsyncInvokeConfig(name, { serviceName: "svc", functionName: name }).id;
        const stackTraces = async (make: (name: string) => pulumi.Output<string>, prefix: string): Promise<number> =>
            (await countStackTraces(() => valueOf(pulumi.all(Array.from({ length: 10 }, (_, i) => make(`${prefix}-${i}`)))))).stackTraces;
        // Warm up both: the provider's one serialization is not per resource.
        await stackTraces(floor, "floor-warm");
        await stackTraces(dataSource, "ds-warm");
        const [ofFloor, ofDataSources] = [await stackTraces(floor, "floor"), await stackTraces(dataSource, "ds")];
        assert.ok(ofFloor > 0, "the SDK formats stack traces while registering (else this test measures nothing)");
        assert.ok(ofDataSources <= ofFloor, `10 data sources formatted ${ofDataSources} stack traces, 10 bare resources ${ofFloor}`);
    });

    it("stores a small, secret-free serialized provider in __provider that loads the package's implementation", async () => {
        const first = await request(new FunctionAsyncInvokeConfig("provider-a", { serviceName: "svc", functionName: "a" }), "provider-a");
        const second = await request(new FunctionAsyncInvokeConfig("provider-b", { serviceName: "svc", functionName: "b" }), "provider-b");
        const text = (first.inputs as Record<string, unknown>).__provider;
        assert.ok(typeof text === "string", "__provider reaches the engine as plain (not secret) text");
        const bytes = Buffer.byteLength(text, "utf8");
        console.log(`      serialized provider (__provider): ${bytes} bytes`);
        assert.ok(bytes < 4096, `__provider is ${bytes} bytes`);
        assert.equal((second.inputs as Record<string, unknown>).__provider, text, "one provider text, shared by every data source");
        assert.ok(!text.includes(SECRET), "the secret configured as alicloud:secretKey is in __provider");
        assert.ok(!text.includes("LTAI5tMockAccessKey"), "configuration is read by the provider host, never captured");
        assert.ok(text.includes('"pulumi-fc-async-invoke-config/bin/provider/host"'), "the provider loads its implementation by package path");

        // The text is self-contained: evaluated on its own, as the provider host does, it yields the
        // provider, whose methods reach the compiled implementation (create refuses, as a data source must).
        assertBuiltFromSources();
        const sandbox: { exports: { handler?: () => pulumi.dynamic.ResourceProvider }; require: NodeJS.Require } = { exports: {}, require };
        vm.runInNewContext(text, sandbox);
        const provider = sandbox.exports.handler?.();
        assert.ok(provider?.create && provider.read && provider.configure, "the serialized provider has configure, read and create");
        await assert.rejects(provider.create({}), /read-only data source and cannot be created/);
    });

    it("rejects a plain bad argument in the constructor with InvalidLookupError, before anything is registered", async () => {
        const bad: Array<[string, FunctionAsyncInvokeConfigArgs, string]> = [
            ["bad-service", { serviceName: "a/b", functionName: "fn" }, "serviceName"],
            ["bad-function", { serviceName: "svc", functionName: ".." }, "functionName"],
            ["bad-qualifier", { serviceName: "svc", functionName: "fn", qualifier: "v 1" }, "qualifier"],
            ["bad-endpoint", { serviceName: "svc", functionName: "fn", endpoint: "127.0.0.1:9000" }, "endpoint"],
            ["bad-region", { serviceName: "svc", functionName: "fn", region: "Hangzhou" }, "region"],
        ];
        for (const [name, args, field] of bad) {
            assert.throws(
                () => new FunctionAsyncInvokeConfig(name, args),
                (err: unknown) => err instanceof InvalidLookupError && err.field === field && err.message.startsWith(`invalid ${field} `),
                name,
            );
        }
        // Registration is asynchronous: once a later resource has been read, an earlier one would have been too.
        await request(new FunctionAsyncInvokeConfig("after-bad", { serviceName: "svc", functionName: "fn" }), "after-bad");
        assert.deepEqual(
            seen.filter((args) => args.name.startsWith("bad-")),
            [],
        );
    });

    it("refuses opts.id, in its type and at run time: the id is derived from the arguments", async () => {
        // `npm test`'s type-check fails on an unused @ts-expect-error, so this line proves the type refuses `id`.
        // @ts-expect-error id is not an option of a data source
        const typed: DataSourceOptions = { id: "svc:fn:LATEST" };
        // A CustomResourceOptions that carries an id is refused too.
        const general: pulumi.CustomResourceOptions = { id: "svc:fn:LATEST" };
        // @ts-expect-error CustomResourceOptions with an id is not assignable
        const widened: DataSourceOptions = general;
        assert.deepEqual([typed, widened], [general, general]);
        // Plain JavaScript (or a cast) gets past the type: the constructor refuses it.
        assert.throws(
            () => new FunctionAsyncInvokeConfig("with-id", { serviceName: "svc", functionName: "fn" }, general as DataSourceOptions),
            /invalid opts\.id "svc:fn:LATEST": do not pass it; the id of FunctionAsyncInvokeConfig "with-id" is serviceName:functionName:qualifier/,
        );
        await request(new FunctionAsyncInvokeConfig("after-with-id", { serviceName: "svc", functionName: "fn" }), "after-with-id");
        assert.deepEqual(
            seen.filter((args) => args.name === "with-id"),
            [],
        );
    });

    it("still builds 0.1.0's resource form, getFunctionAsyncInvokeConfig(name, args), and warns once that it is deprecated", async () => {
        const warnings: string[] = [];
        const warn = console.warn;
        console.warn = (...parts: unknown[]) => warnings.push(parts.join(" "));
        try {
            const first = getFunctionAsyncInvokeConfig("old-form-1", { serviceName: "svc", functionName: "fn" });
            const second = getFunctionAsyncInvokeConfig("old-form-2", { serviceName: "svc", functionName: "fn", qualifier: "prod" });
            assert.ok(first instanceof FunctionAsyncInvokeConfig && second instanceof FunctionAsyncInvokeConfig);
            assert.equal((await request(second, "old-form-2")).id, "svc:fn:prod");
        } finally {
            console.warn = warn;
        }
        const deprecations = warnings.filter((w) => w.includes("getFunctionAsyncInvokeConfig(name, args) is deprecated"));
        assert.equal(deprecations.length, 1, warnings.join("\n"));
        assert.match(deprecations[0], /write new FunctionAsyncInvokeConfig\(name, args\)/);
    });
});
