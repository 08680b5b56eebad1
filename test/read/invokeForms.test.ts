// The invoke forms in a program, under `pulumi.runtime.setMocks` and against the FC stand-in: the
// promise form and the Output form read in the program's own process with the stack config that
// `pulumi.Config` gives it, register no resource, and read nothing while an argument is unknown.
// (test/engine/invokeForms.test.ts shows the same through the real engine: values in preview, nothing in state.)
//
// setMocks and setAllConfig change process-global runtime state: set once for this file, undone in after().

import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import {
    FunctionAsyncInvokeConfig,
    getV3AsyncInvokeConfig,
    getFunctionAsyncInvokeConfig,
    getFunctionAsyncInvokeConfigOutput,
    getV3AsyncInvokeConfigsOutput,
    getFunctionAsyncInvokeConfigs,
} from "../../provider";
import { type FcEmulator, startFcEmulator } from "../../provider/emulator";
import { SERVICE, standInSettings } from "../support/standInProvider";
import { useHermeticEnvironment } from "../support/hermeticEnvironment";

describe("the invoke forms in a program (setMocks, FC stand-in)", () => {
    useHermeticEnvironment();
    /** Every resource the mocked engine was asked to register. */
    const registered: string[] = [];
    let fc: FcEmulator;
    let savedConfig: Record<string, string>;

    before(async () => {
        fc = await startFcEmulator();
        savedConfig = pulumi.runtime.allConfig();
        // Stack config as `pulumi config set` leaves it; the invoke forms read it through pulumi.Config.
        const settings = standInSettings(fc);
        pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(settings).filter((entry): entry is [string, string] => entry[1] !== undefined)), [
            "alicloud:secretKey",
        ]);
        await pulumi.runtime.setMocks(
            {
                newResource: (args) => {
                    registered.push(args.type);
                    return { id: args.id ?? `${args.name}-id`, state: args.inputs as Record<string, unknown> };
                },
                call: (args) => assert.fail(`no provider calls expected, got ${args.token}`),
            },
            "project",
            "stack",
            true,
        );
    });

    after(async () => {
        pulumi.runtime.resetOptions("", "", -1, "", "", false, "");
        pulumi.runtime.setAllConfig(savedConfig);
        await fc.close();
    });

    /** The GETs the stand-in served so far. */
    const gets = (): number => fc.requests.filter((r) => r.method === "GET").length;

    it("the promise form reads in the program with the stack config, returning the outputs and the id", async () => {
        const before = gets();
        const result = await getFunctionAsyncInvokeConfig({ serviceName: SERVICE, functionName: "hello", qualifier: "prod", endpoint: fc.endpoint });
        assert.equal(result.id, "demo-service:hello:prod");
        assert.equal(result.maxAsyncRetryAttempts, 1);
        assert.equal(result.statefulInvocation, false);
        assert.equal(gets(), before + 1);
        assert.deepEqual(registered, [], "no resource registered");
        assert.equal(fc.requests.at(-1)?.accessKeyId, fc.accessKeyId, "signed with alicloud:accessKey from stack config");
    });

    it("the promise form of a list and of FC 3.0 read the same way", async () => {
        const list = await getFunctionAsyncInvokeConfigs({ serviceName: SERVICE, functionName: "hello", endpoint: fc.endpoint });
        assert.equal(list.id, "demo-service:hello");
        assert.deepEqual(
            list.configs.map((c) => c.qualifier),
            ["LATEST", "prod"],
        );
        const fc3 = await getV3AsyncInvokeConfig({ functionName: "fc3-hello", endpoint: fc.endpoint });
        assert.equal(fc3.id, "fc3-hello:LATEST");
        assert.equal(fc3.asyncTask, true);
        assert.deepEqual(registered, []);
    });

    it("the Output form is known in a preview when its arguments are, and registers nothing", async () => {
        const output = getFunctionAsyncInvokeConfigOutput({ serviceName: pulumi.output(SERVICE), functionName: "zero", endpoint: fc.endpoint });
        const value = await new Promise<unknown>((resolve) => output.apply(resolve));
        assert.equal((value as { maxAsyncRetryAttempts: number }).maxAsyncRetryAttempts, 0);
        assert.equal(await (output as unknown as { isKnown: Promise<boolean> }).isKnown, true);
        const all = getV3AsyncInvokeConfigsOutput({ endpoint: fc.endpoint });
        const configs = await new Promise<unknown[]>((resolve) => all.apply((r) => resolve(r.configs)));
        assert.ok(configs.length >= 3);
        assert.deepEqual(registered, []);
    });

    it("the Output form reads nothing while an argument is unknown, and its result is unknown", async () => {
        const before = gets();
        const unknown = pulumi.unknown as unknown as pulumi.Output<string>;
        const output = getFunctionAsyncInvokeConfigOutput({ serviceName: SERVICE, functionName: pulumi.output(unknown), endpoint: fc.endpoint });
        assert.equal(await (output as unknown as { isKnown: Promise<boolean> }).isKnown, false);
        assert.equal(gets(), before);
    });

    it("the Output form reads once the resources of dependsOn are registered", async () => {
        const order: string[] = [];
        const dependency = new (class extends pulumi.CustomResource {})("test:index:Dependency", "dependency", {});
        void dependency.urn.apply(() => order.push("registered"));
        const output = getFunctionAsyncInvokeConfigOutput({ serviceName: SERVICE, functionName: "hello", endpoint: fc.endpoint }, { dependsOn: [dependency] });
        const value = await new Promise<{ maxAsyncRetryAttempts?: number }>((resolve) =>
            output.apply((v) => {
                order.push("read");
                resolve(v);
            }),
        );
        assert.equal(value.maxAsyncRetryAttempts, 3);
        assert.deepEqual(order, ["registered", "read"]);
        assert.deepEqual(registered.splice(0), ["test:index:Dependency"], "the Output form registers nothing of its own");
    });

    it("a bad argument fails the read before any request, naming the field", async () => {
        const before = gets();
        await assert.rejects(getFunctionAsyncInvokeConfig({ serviceName: "9bad", functionName: "hello", endpoint: fc.endpoint }), /invalid serviceName "9bad"/);
        assert.equal(gets(), before);
    });

    it("with a name first, the same function is the resource form", () => {
        const resource = new FunctionAsyncInvokeConfig("hello-async", { serviceName: SERVICE, functionName: "hello", endpoint: fc.endpoint });
        assert.ok(resource instanceof FunctionAsyncInvokeConfig);
        assert.ok(resource instanceof pulumi.dynamic.Resource);
    });
});
