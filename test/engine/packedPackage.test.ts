// The package as npm delivers it: `npm pack`, installed from the tarball into a new Pulumi TypeScript
// project in a temp folder outside the repository (its own package.json, no link to this checkout), and
// run there through the plain CLI against the FC stand-in: the README's quickstart (its program and its
// settings) through preview, up, a drift check and destroy, and the package's own command from the tarball.
// This is the only test in which the serialized provider's `require("pulumi-fc-async-invoke-config/…")`
// resolves to an installed copy of the package rather than to the repository's self-link.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type FcEmulator, startFcEmulator } from "../../provider/emulator";
import { REPO_ROOT, runCommand } from "../support/engine";
import { withoutAlibabaEnv } from "../support/hermeticEnvironment";
import { consolePut } from "../support/fcConsole";
import { spawn } from "node:child_process";
import { type CliSession, exportedOutputs, languageHostReady, newCliSession, NO_LANGUAGE_HOST, setConfig } from "../support/plainCli";

const repoPackage = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
    name: string;
    devDependencies: Record<string, string>;
};

/** The program of the consumer's project: the README's quickstart, as a user pastes it after `npm install`. */
const PROGRAM = fs.readFileSync(path.join(REPO_ROOT, "examples", "quickstart", "index.ts"), "utf8");

/** `pulumi new typescript`'s compiler settings. */
const TSCONFIG = {
    compilerOptions: {
        strict: true,
        outDir: "bin",
        target: "es2020",
        module: "commonjs",
        moduleResolution: "node",
        sourceMap: true,
        experimentalDecorators: true,
        pretty: true,
        noFallthroughCasesInSwitch: true,
        noImplicitReturns: true,
        forceConsistentCasingInFileNames: true,
    },
    files: ["index.ts"],
};

async function npm(args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
    const result = await runCommand("npm", args, cwd);
    assert.equal(result.code, 0, `npm ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
    return result;
}

describe("the packed package in a Pulumi project of its own, through the plain CLI", function () {
    this.timeout(10 * 60_000);

    let fc: FcEmulator;
    let cli: CliSession;
    let restoreEnv: () => void;
    let workDir: string;
    let projectDir: string;
    let tarball: string;
    let installOutput: string;

    before(async function () {
        if (!(await languageHostReady())) {
            console.log(`      ${NO_LANGUAGE_HOST}`);
            this.skip();
        }
        restoreEnv = withoutAlibabaEnv();
        workDir = fs.mkdtempSync(path.join(os.tmpdir(), "fcaic-consumer-"));
        const packed = await npm(["pack", "--json", "--pack-destination", workDir], REPO_ROOT);
        const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("["))) as Array<{ filename: string }>;
        tarball = path.join(workDir, info.filename);

        projectDir = path.join(workDir, "consumer");
        fs.mkdirSync(projectDir);
        const pin = (name: string): string => repoPackage.devDependencies[name];
        fs.writeFileSync(
            path.join(projectDir, "package.json"),
            JSON.stringify(
                {
                    name: "consumer",
                    main: "index.ts",
                    dependencies: { "@pulumi/pulumi": pin("@pulumi/pulumi"), [repoPackage.name]: `file:${tarball}` },
                    devDependencies: { "@types/node": pin("@types/node"), typescript: pin("typescript"), "ts-node": pin("ts-node") },
                },
                null,
                2,
            ),
        );
        fs.writeFileSync(path.join(projectDir, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
        fs.writeFileSync(path.join(projectDir, "Pulumi.yaml"), "name: consumer\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n");
        fs.writeFileSync(path.join(projectDir, "index.ts"), PROGRAM);
        const install = await npm(["install", "--no-audit", "--no-fund", "--prefer-offline"], projectDir);
        installOutput = `${install.stdout}${install.stderr}`;

        fc = await startFcEmulator();
        cli = await newCliSession(projectDir, "dev");
        // The README's quickstart settings, `alicloud:endpoints[0].fc` pointing the program at the stand-in.
        await setConfig(cli, {
            "alicloud:region": { value: fc.region },
            "alicloud:accountId": { value: fc.accountId },
            "alicloud:accessKey": { value: fc.accessKeyId },
            "alicloud:secretKey": { value: fc.accessKeySecret, secret: true },
        });
        await cli.ok(["config", "set", "--path", "alicloud:endpoints[0].fc", fc.endpoint]);
    });

    after(async () => {
        await cli?.dispose();
        await fc?.close();
        restoreEnv?.();
        if (workDir !== undefined) {
            fs.rmSync(workDir, { recursive: true, force: true });
        }
    });

    it("the tarball holds the compiled package with its source maps and declarations, README, CHANGELOG and LICENSE, and nothing else", async () => {
        const listing = await runCommand("tar", ["-tzf", tarball], workDir);
        const files = listing.stdout
            .trim()
            .split("\n")
            .map((f) => f.replace(/^package\//, ""))
            .sort();
        // Exactly the compiled provider/ (each module's .js, map and declarations) and the documents: no
        // module of an earlier layout, no test, no source.
        const modules = fs
            .readdirSync(path.join(REPO_ROOT, "provider"), { recursive: true, encoding: "utf8" })
            .filter((f) => f.endsWith(".ts"))
            .map((f) => `bin/provider/${f.split(path.sep).join("/").replace(/\.ts$/, "")}`);
        const expected = [...modules.flatMap((m) => [`${m}.js`, `${m}.js.map`, `${m}.d.ts`]), "package.json", "README.md", "LICENSE", "CHANGELOG.md"].sort();
        assert.deepEqual(files, expected);
        // Every compiled module of provider/ is there, with its declarations and a map that needs no other file.
        const installed = path.join(projectDir, "node_modules", repoPackage.name);
        assert.ok(!fs.lstatSync(installed).isSymbolicLink(), "installed as a copy, not a link to the repository");
        const sources = fs.readdirSync(path.join(REPO_ROOT, "provider"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
        for (const source of sources) {
            const base = path.join(installed, "bin", "provider", source.replace(/\.ts$/, ""));
            assert.ok(fs.existsSync(`${base}.d.ts`), `${base}.d.ts`);
            const reference = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(fs.readFileSync(`${base}.js`, "utf8"))?.[1];
            assert.equal(reference, `${path.basename(base)}.js.map`, `${base}.js refers to its map`);
            const map = JSON.parse(fs.readFileSync(`${base}.js.map`, "utf8")) as { sources: string[]; sourcesContent?: string[] };
            assert.equal(map.sourcesContent?.length, map.sources.length, `${base}.js.map carries its sources`);
        }
    });

    it("installing it runs no install script of its own (npm 11 warns consumers about those)", () => {
        assert.ok(!installOutput.includes(repoPackage.name), installOutput);
    });

    it("preview shows FC's values; up records them; state holds no secret and a measured size per data source", async () => {
        const preview = await cli.ok(["preview", "--diff"]);
        assert.match(preview.stdout, /retries\s*: 3/);
        assert.match(preview.stdout, /prodRetries\s*: 1/, "the prod alias points at version 1");
        await cli.ok(["up", "--yes"]);
        const outputs = JSON.parse((await cli.ok(["stack", "output", "--json"])).stdout) as Record<string, unknown>;
        assert.deepEqual(outputs, {
            retries: 3,
            prodRetries: 1,
            failureQueue: "acs:mns:cn-hangzhou:1234567890123456:/queues/failed-events/messages",
            stack: "dev",
        });

        const state = cli.stateFile("consumer");
        assert.ok(!state.includes(fc.accessKeySecret), "the secret key is not in the state file in plain text");
        const resources = (JSON.parse(state) as { checkpoint: { latest: { resources: Array<{ type: string; urn: string }> } } }).checkpoint.latest.resources;
        const dataSources = resources.filter((r) => r.type.endsWith("fc:FunctionAsyncInvokeConfig"));
        assert.equal(dataSources.length, 1, "the resource form is in state; the Output form keeps nothing");
        const sizes = dataSources.map((r) => Buffer.byteLength(JSON.stringify(r, null, 4)));
        assert.ok(
            state.includes('require(\\"pulumi-fc-async-invoke-config/bin/provider/host\\")'),
            "the serialized provider loads the installed package by name",
        );
        console.log(`      state bytes per data source, as the backend stores them: ${sizes.join(", ")}`);
    });

    it("a change made as the console would fails the drift check; destroy sends no write", async () => {
        await consolePut(fc, "demo-service", "hello", "LATEST", {
            onFailure: "acs:mns:cn-hangzhou:1234567890123456:/queues/other/messages",
            maxAsyncRetryAttempts: 1,
        });
        const drift = await cli.run(["refresh", "--preview-only", "--expect-no-changes", "--diff"]);
        assert.notEqual(drift.code, 0, `${drift.stdout}${drift.stderr}`);
        assert.match(drift.stdout, /maxAsyncRetryAttempts\s*: 3 => 1/);
        await cli.ok(["refresh", "--yes"]);
        assert.equal((await exportedOutputs(cli))["hello-async"]?.maxAsyncRetryAttempts, 1);
        await cli.ok(["destroy", "--yes"]);
        const fromProvider = fc.requests.filter((r) => r.traceId?.startsWith("pulumi-fcaic-"));
        assert.ok(fromProvider.length >= 4);
        assert.deepEqual([...new Set(fromProvider.map((r) => r.method))], ["GET"]);
    });

    it("its command, run from the installed tarball, starts the stand-in, reads, checks and fails as the README says", async () => {
        const bin = path.join(projectDir, "node_modules", ".bin", "pulumi-fc-async-invoke-config");
        const emulator = spawn(bin, ["emulator", "--port", "0", "--quiet"], { cwd: projectDir, env: process.env });
        const exited = new Promise<number | null>((resolve) => emulator.on("exit", resolve));
        try {
            // The banner's exports are the settings; the last of them is printed once it listens.
            let banner = "";
            await new Promise<void>((resolve, reject) => {
                emulator.stdout.on("data", (chunk: Buffer) => {
                    banner += chunk.toString("utf8");
                    if (/export FC_ENDPOINT=\S+\n/.test(banner)) {
                        resolve();
                    }
                });
                void exited.then((code) => reject(new Error(`the emulator exited (${String(code)}) before printing its settings:\n${banner}`)));
            });
            const exports = Object.fromEntries([...banner.matchAll(/^ {2}export (\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
            assert.deepEqual(Object.keys(exports).sort(), [
                "ALIBABA_CLOUD_ACCESS_KEY_ID",
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                "ALIBABA_CLOUD_ACCOUNT_ID",
                "ALIBABA_CLOUD_REGION",
                "FC_ENDPOINT",
            ]);
            assert.ok(banner.includes(`pulumi config set --path 'alicloud:endpoints[0].fc' ${exports.FC_ENDPOINT}`), banner);
            const env = { ...process.env, ...exports };
            const command = (...args: string[]): ReturnType<typeof runCommand> => runCommand(bin, args, projectDir, env);

            const get = await command("get", "--service", "demo-service", "--function", "hello", "--json");
            assert.equal(get.code, 0, get.stderr);
            const config = JSON.parse(get.stdout) as Record<string, unknown>;
            assert.equal(config.maxAsyncRetryAttempts, 3);
            assert.equal(config.qualifier, "LATEST");

            const v3 = await command("get-v3", "--function", "fc3-hello", "--qualifier", "prod");
            assert.equal(v3.code, 0, v3.stderr);
            assert.match(v3.stdout, /^maxAsyncRetryAttempts +1$/m);

            const saved = path.join(workDir, "hello-configs.json");
            const list = await command("list", "--service", "demo-service", "--function", "hello", "--json");
            assert.equal(list.code, 0, list.stderr);
            fs.writeFileSync(saved, list.stdout);
            const unchanged = await command("check", saved, "list", "--service", "demo-service", "--function", "hello");
            assert.equal(unchanged.code, 0, `${unchanged.stdout}${unchanged.stderr}`);

            const [host, accountId] = [exports.FC_ENDPOINT.replace("http://", ""), exports.ALIBABA_CLOUD_ACCOUNT_ID];
            const stand = { host, accountId, accessKeyId: exports.ALIBABA_CLOUD_ACCESS_KEY_ID, accessKeySecret: exports.ALIBABA_CLOUD_ACCESS_KEY_SECRET };
            await consolePut(stand, "demo-service", "hello", "prod", {
                onFailure: "acs:mns:cn-hangzhou:1234567890123456:/queues/dead-letters/messages",
                maxAsyncRetryAttempts: 2,
            });
            const drifted = await command("check", saved, "list", "--service", "demo-service", "--function", "hello");
            assert.equal(drifted.code, 1, `${drifted.stdout}${drifted.stderr}`);
            assert.match(drifted.stdout, /configs\[1\]\.maxAsyncRetryAttempts: 1 -> 2/);

            const missing = await command("get", "--service", "demo-service", "--function", "missing");
            assert.equal(missing.code, 1);
            assert.match(missing.stderr, /^error: FunctionNotFound \(HTTP 404\) .*function "missing" does not exist in service "demo-service"/);
            assert.doesNotMatch(missing.stderr, /^\s+at /m, "no stack trace");

            const usage = await command("get", "--service", "demo-service", "--fuction", "hello");
            assert.equal(usage.code, 2);
            assert.match(usage.stderr, /^usage error: get has no flag --fuction/);
        } finally {
            emulator.kill("SIGTERM");
        }
        assert.equal(await exited, 0, "the emulator stops cleanly on SIGTERM");
    });
});
