// The one-shot command in process, against the FC stand-in: a read through the same core as a stack's,
// with settings from the environment alone; `check` against a saved read; and each failure's exit code
// and one-line message.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../provider/cli/main";
import { type FcEmulator, startFcEmulator } from "../../provider/emulator";
import { consolePut } from "../support/fcConsole";
import { useHermeticEnvironment } from "../support/hermeticEnvironment";

describe("the one-shot command (provider/cli), in process", () => {
    useHermeticEnvironment();
    let fc: FcEmulator;
    let env: NodeJS.ProcessEnv;
    let dir: string;

    before(async () => {
        fc = await startFcEmulator();
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "fcaic-cli-"));
        env = {
            ...process.env,
            ALIBABA_CLOUD_ACCESS_KEY_ID: fc.accessKeyId,
            ALIBABA_CLOUD_ACCESS_KEY_SECRET: fc.accessKeySecret,
            ALIBABA_CLOUD_ACCOUNT_ID: fc.accountId,
            ALIBABA_CLOUD_REGION: fc.region,
            FC_ENDPOINT: fc.endpoint,
        };
    });

    after(async () => {
        await fc?.close();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    /** Runs the command line; resolves with its exit code and what it printed. */
    async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
        let [out, err] = ["", ""];
        const code = await run(argv, { out: (text) => void (out += text), err: (text) => void (err += text) }, env);
        return { code, out, err };
    }

    it("reads each data source from the environment's settings", async () => {
        const get = await cli("get", "--service", "demo-service", "--function", "hello", "--qualifier", "prod", "--json");
        assert.equal(get.code, 0, get.err);
        assert.deepEqual(JSON.parse(get.out), {
            createdTime: "2024-01-01T00:00:00Z",
            destinationConfig: { onFailure: { destination: "acs:mns:cn-hangzhou:1234567890123456:/queues/failed-events/messages" } },
            functionName: "hello",
            lastModifiedTime: "2024-01-01T00:00:00Z",
            maxAsyncEventAgeInSeconds: 3600,
            maxAsyncRetryAttempts: 1,
            qualifier: "prod",
            serviceName: "demo-service",
            statefulInvocation: false,
        });
        const list = await cli("list", "--service", "demo-service", "--function", "hello");
        assert.match(list.out, /^configs\[0\]\.qualifier +LATEST$/m);
        assert.match(list.out, /^configs\[1\]\.qualifier +prod$/m);
        const v3 = await cli("list-v3", "--json");
        assert.ok((JSON.parse(v3.out) as { configs: unknown[] }).configs.length >= 2);
        assert.ok(
            fc.requests.every((r) => r.method === "GET"),
            "reads only",
        );
    });

    it("check exits 0 while FC says what the saved read says, and 1 naming each field once it does not", async () => {
        const saved = path.join(dir, "worker.json");
        await consolePut(fc, "demo-service", "worker", "LATEST", { maxAsyncRetryAttempts: 2 });
        fs.writeFileSync(saved, (await cli("get", "--service", "demo-service", "--function", "worker", "--json")).out);
        const same = await cli("check", saved, "get", "--service", "demo-service", "--function", "worker");
        assert.deepEqual([same.code, same.out], [0, `no drift: FC says what ${saved} says\n`]);

        await consolePut(fc, "demo-service", "worker", "LATEST", {
            maxAsyncRetryAttempts: 0,
            onFailure: "acs:mns:cn-hangzhou:1234567890123456:/queues/q/messages",
        });
        const drift = await cli("check", saved, "get", "--service", "demo-service", "--function", "worker");
        assert.equal(drift.code, 1);
        assert.match(drift.out, /^ {2}maxAsyncRetryAttempts: 2 -> 0$/m);
        assert.match(drift.out, /^ {2}destinationConfig\.onFailure\.destination: absent -> acs:mns:/m);
    });

    it("fails as a stack would, one line on stderr: not found 1, a bad name 2, a bad command line 2", async () => {
        const missing = await cli("get-v3", "--function", "nope");
        assert.equal(missing.code, 1);
        assert.match(missing.err, /^error: FunctionNotFound \(HTTP 404\)/);
        const badName = await cli("get", "--service", "demo-service", "--function", "a/b");
        assert.deepEqual([badName.code, badName.err.split("\n").length], [2, 2]);
        assert.match(badName.err, /^error: invalid functionName "a\/b"/);
        const unreadable = await cli("check", path.join(dir, "absent.json"), "get", "--service", "s", "--function", "f");
        assert.equal(unreadable.code, 2);
        assert.match(unreadable.err, /^usage error: cannot read .*absent\.json: ENOENT/);
        fs.writeFileSync(path.join(dir, "text.json"), "not json");
        const notJson = await cli("check", path.join(dir, "text.json"), "get", "--service", "s", "--function", "f");
        assert.match(notJson.err, /is not JSON: save it with the same read and --json/);
        assert.ok(![missing, badName, unreadable, notJson].some((r) => r.err.includes(fc.accessKeySecret)));
    });

    it("prints its usage and version", async () => {
        const help = await cli("--help");
        assert.equal(help.code, 0);
        assert.match(help.out, /^Usage: pulumi-fc-async-invoke-config <command>/);
        const version = await cli("--version");
        assert.equal(
            version.out,
            `${(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version}\n`,
        );
    });
});
