// The root project with the plain CLI, as for a user who has Pulumi installed: `pulumi preview` in the
// repository root runs examples/basic (TypeScript) through the Node.js language host against the FC
// stand-in. The language host (`pulumi-language-nodejs`) is not part of the `pulumi` binary; where it
// cannot be had (see README, "Testing"), this test is reported as pending, never as passed.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FcEmulator, startFcEmulator } from "./fc-emulator";
import { pulumiCli, REPO_ROOT, runPulumiIn, TEST_PASSPHRASE } from "./support/engine";
import { withoutAlibabaEnv } from "./support/env";

function findOnPath(name: string): string | undefined {
    for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
        const candidate = path.join(dir, name);
        if (dir !== "" && fs.existsSync(candidate)) {
            return candidate;
        }
    }
    return undefined;
}

describe("@engine the root Pulumi.yaml with the plain pulumi CLI", function () {
    this.timeout(10 * 60_000);

    let fc: FcEmulator;
    let home: string;
    let restoreEnv: () => void;
    const stackName = `cli-test-${process.pid}`;

    before(async function () {
        await pulumiCli();
        if (findOnPath("pulumi-language-nodejs") === undefined) {
            console.log("      pending: pulumi-language-nodejs is not installed and the Go module proxy here does not serve it");
            this.skip();
        }
        restoreEnv = withoutAlibabaEnv();
        fc = await startFcEmulator();
        home = fs.mkdtempSync(path.join(os.tmpdir(), "fcaic-cli-"));
    });

    after(async () => {
        if (fc !== undefined) {
            await fc.close();
            restoreEnv();
            fs.rmSync(home, { recursive: true, force: true });
            fs.rmSync(path.join(REPO_ROOT, `Pulumi.${stackName}.yaml`), { force: true });
        }
    });

    it("pulumi preview in the repository root shows FC's values", async () => {
        const env = { ...process.env, PULUMI_HOME: path.join(home, "home"), PULUMI_CONFIG_PASSPHRASE: TEST_PASSPHRASE, PULUMI_SKIP_UPDATE_CHECK: "true" };
        const steps: string[][] = [
            ["login", `file://${home}`],
            ["stack", "init", stackName],
            ["config", "set", "--stack", stackName, "example:endpoint", fc.endpoint],
            ["config", "set", "--stack", stackName, "alicloud:accountId", fc.accountId],
            ["config", "set", "--stack", stackName, "alicloud:accessKey", fc.accessKeyId],
            ["config", "set", "--stack", stackName, "--secret", "alicloud:secretKey", fc.accessKeySecret],
        ];
        for (const args of steps) {
            const result = await runPulumiIn(REPO_ROOT, env, args);
            assert.equal(result.code, 0, `pulumi ${args.slice(0, 3).join(" ")} failed:\n${result.stdout}${result.stderr}`);
        }
        const preview = await runPulumiIn(REPO_ROOT, env, ["preview", "--stack", stackName, "--diff"]);
        const output = `${preview.stdout}${preview.stderr}`;
        assert.equal(preview.code, 0, output);
        assert.match(output, /maxAsyncRetryAttempts\s*: 3/);
        assert.match(output, /acs:mns:cn-hangzhou:1234567890123456:\/queues\/failed-events\/messages/);
        assert.ok(!output.includes(fc.accessKeySecret));
        assert.deepEqual(fc.requests.map((r) => r.method), ["GET"]);
    });
});
