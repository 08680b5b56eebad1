// Stacks configured the way @pulumi/alicloud's users configure them, in the real Pulumi engine: the
// `pulumi` CLI, the Automation API running examples/basic, the real dynamic-provider host (a child of
// the CLI, given the STS stand-in's test CA through NODE_EXTRA_CA_CERTS), the FC stand-in over loopback
// HTTP and the STS stand-in over loopback HTTPS. Structured keys are set with `--path`, as users do.

import * as assert from "node:assert/strict";
import { basicExample } from "../../examples/basic/program";
import { createEngineStack, type EngineStack, readStateFile, recordEvents, type StackConfig, useEngineSuite } from "../support/engine";
import { READER_ROLE, ROLE_ACCOUNT_ID, type StandIns, startStandIns } from "../support/standIns";

const DATA_SOURCE_TYPE = "pulumi-nodejs:dynamic/fc:FunctionAsyncInvokeConfig";

describe("stacks configured like @pulumi/alicloud stacks", function () {
    // The first run may have to build the CLI (minutes); every later run reuses the cache.
    this.timeout(15 * 60_000);

    let s: StandIns;
    const stacks: EngineStack[] = [];
    useEngineSuite();
    beforeEach(async () => {
        s = await startStandIns();
    });
    afterEach(async () => {
        await Promise.all(stacks.splice(0).map((stack) => stack.dispose()));
        await s.close();
    });

    /** examples/basic with `config`, pointed at the FC stand-in by the program's own `example:endpoint`. */
    async function exampleStack(
        projectName: string,
        config: StackConfig,
        pathConfig: StackConfig = {},
        envVars: Record<string, string> = {},
    ): Promise<EngineStack> {
        const stack = await createEngineStack({
            projectName,
            program: basicExample,
            config: { "example:endpoint": { value: s.fc.endpoint }, ...config },
            // The provider host trusts the STS stand-in's certificate; nothing else of this process's TLS changes.
            envVars: { NODE_EXTRA_CA_CERTS: s.certificate.caFile, ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", HOME: s.home, ...envVars },
        });
        stacks.push(stack);
        if (Object.keys(pathConfig).length > 0) {
            await stack.stack.setAllConfig(pathConfig, true);
        }
        return stack;
    }

    /** `alicloud:region`, `alicloud:accessKey` and the secret `alicloud:secretKey`: what @pulumi/alicloud's docs show, no account id. */
    const minimal = (): StackConfig => ({
        "alicloud:region": { value: "cn-hangzhou" },
        "alicloud:accessKey": { value: s.fc.accessKeyId },
        "alicloud:secretKey": { value: s.fc.accessKeySecret, secret: true },
    });

    it("a minimal @pulumi/alicloud stack (region, accessKey, secret secretKey, no account id) previews FC's values; the account comes from one GetCallerIdentity", async () => {
        // STS at the stand-in through Terraform's STS_ENDPOINT variable, so that the stack config stays exactly minimal.
        const stack = await exampleStack("fcaic-minimal", minimal(), {}, { STS_ENDPOINT: s.sts.host });
        const events = recordEvents();
        await stack.stack.preview({ onEvent: events.onEvent });
        const outputs = events.outputs();
        assert.equal(outputs.functionId, "demo-service:hello:LATEST");
        assert.equal(outputs.maxAsyncRetryAttempts, 3);
        assert.equal(outputs.statefulInvocation, true);
        assert.equal(outputs.onFailure, `acs:mns:cn-hangzhou:${s.fc.accountId}:/queues/failed-events/messages`);
        assert.deepEqual(
            s.sts.requests.map((r) => [r.action, r.accessKeyId, r.status]),
            [["GetCallerIdentity", s.fc.accessKeyId, 200]],
        );
        assert.deepEqual(
            s.fc.requests.map((r) => [r.method, r.accessKeyId, r.accountId, r.status]),
            [["GET", s.fc.accessKeyId, s.fc.accountId, 200]],
        );
    });

    it("a stack with alicloud:assumeRole reads through the role (FC saw the role's token), and the state file holds no temporary credential", async () => {
        const stack = await exampleStack("fcaic-assume-role", minimal(), {
            "alicloud:assumeRole.roleArn": { value: READER_ROLE },
            "alicloud:endpoints[0].sts": { value: s.sts.host },
        });
        const up = await stack.stack.up();
        assert.equal(up.summary.result, "succeeded");
        assert.equal(up.outputs.maxAsyncRetryAttempts.value, 3);

        assert.deepEqual(
            s.sts.requests.map((r) => `${r.action} ${r.status}`),
            ["AssumeRole 200", "GetCallerIdentity 200"],
        );
        assert.equal(s.sts.requests[0].params.RoleArn, READER_ROLE);
        const [read] = s.fc.requests;
        const issued = s.sts.issued.find((c) => c.accessKeyId === read.accessKeyId);
        assert.ok(issued !== undefined, `FC was read with ${read.accessKeyId}, not a key STS issued`);
        assert.equal(read.securityToken, issued.securityToken, "the role's token was on the FC request");
        assert.equal(read.accountId, ROLE_ACCOUNT_ID, "as the role's account, found by GetCallerIdentity");
        assert.equal(read.status, 200);

        const state = readStateFile(stack, "fcaic-assume-role");
        assert.ok(state.includes(DATA_SOURCE_TYPE), "the data source is in the state file");
        for (const credential of s.sts.issued) {
            for (const value of [credential.accessKeyId, credential.accessKeySecret, credential.securityToken]) {
                assert.ok(!state.includes(value), "a temporary credential is in the state file");
            }
        }
        assert.ok(!state.includes(s.fc.accessKeySecret), "the user's secret is in the state file");
    });
});
