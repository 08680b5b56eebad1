// The plain `pulumi` CLI as a user types it, in a project folder of its own (the repository root, or a
// project made outside the repository), with a file backend and PULUMI_HOME in a temp dir. Unlike the
// Automation API's inline programs, this path runs the program through the Node.js language host,
// `pulumi-language-nodejs`, which scripts/ensure-pulumi-cli.sh links beside the CLI when it can find one.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type FcEmulator, startFcEmulator } from "../../provider/emulator";
import { type CliResult, pulumiCli, REPO_ROOT, runPulumiIn, TEST_PASSPHRASE } from "./engine";
import { withoutAlibabaEnv } from "./hermeticEnvironment";

/** Why the plain-CLI tests are pending where no language host can be found, and how to provide one. */
export const NO_LANGUAGE_HOST =
    "pending: the Node.js language host pulumi-language-nodejs was not found. A Pulumi install has it beside `pulumi`; " +
    "otherwise put it on PATH or set PULUMI_LANGUAGE_NODEJS=/path/to/pulumi-language-nodejs, then run `npm run pulumi-cli` " +
    "(CI takes it from ../shared/tools/pulumi-language-nodejs).";

/**
 * Provides the CLI and reports whether the language host is beside it. The plain-CLI tests call this in
 * `before` and skip (reported as pending, never as passing) when it is false.
 */
export async function languageHostReady(): Promise<boolean> {
    await pulumiCli();
    // The script links a host it found (PULUMI_LANGUAGE_NODEJS, beside the CLI, or on PATH) here.
    return fs.existsSync(path.join(REPO_ROOT, "node_modules", ".pulumi-cli", "pulumi-language-nodejs"));
}

/** A stack of a project folder, driven through the plain CLI. */
export interface CliSession {
    /** The project folder (holds Pulumi.yaml). */
    projectDir: string;
    stackName: string;
    /** The environment every command gets. */
    env: NodeJS.ProcessEnv;
    /** Runs `pulumi ARGS --stack <stack>` in the project folder; resolves whatever the exit code. */
    run(args: string[]): Promise<CliResult>;
    /** Like {@link run}, but fails with the command's output unless it exits 0. */
    ok(args: string[]): Promise<CliResult>;
    /** The state file exactly as the backend stores it (secrets encrypted). */
    stateFile(projectName: string): string;
    /** Removes the stack, its config file and the temp dirs. */
    dispose(): Promise<void>;
}

/** Logs in to a file backend in a temp dir and creates a stack of the project in `projectDir`. */
export async function newCliSession(projectDir: string, stackName: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<CliSession> {
    await pulumiCli();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "fcaic-cli-"));
    const env: NodeJS.ProcessEnv = {
        ...process.env,
        PULUMI_HOME: path.join(home, "pulumi-home"),
        PULUMI_BACKEND_URL: `file://${path.join(home, "backend")}`,
        PULUMI_CONFIG_PASSPHRASE: TEST_PASSPHRASE,
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
        ...extraEnv,
    };
    fs.mkdirSync(path.join(home, "backend"));
    const run = (args: string[]): Promise<CliResult> => runPulumiIn(projectDir, env, [...args, "--stack", stackName]);
    const ok = async (args: string[]): Promise<CliResult> => {
        const result = await run(args);
        if (result.code !== 0) {
            throw new Error(`pulumi ${args.join(" ")} exited ${result.code}:\n${result.stdout}${result.stderr}`);
        }
        return result;
    };
    const init = await runPulumiIn(projectDir, env, ["stack", "init", stackName]);
    if (init.code !== 0) {
        throw new Error(`pulumi stack init ${stackName} exited ${init.code}:\n${init.stdout}${init.stderr}`);
    }
    return {
        projectDir,
        stackName,
        env,
        run,
        ok,
        stateFile: (projectName) => fs.readFileSync(path.join(home, "backend", ".pulumi", "stacks", projectName, `${stackName}.json`), "utf8"),
        async dispose() {
            fs.rmSync(path.join(projectDir, `Pulumi.${stackName}.yaml`), { force: true });
            fs.rmSync(home, { recursive: true, force: true });
        },
    };
}

/** Sets stack config the way the README shows it: `pulumi config set [--secret] KEY VALUE`. */
export async function setConfig(session: CliSession, config: Record<string, { value: string; secret?: boolean }>): Promise<void> {
    for (const [key, { value, secret }] of Object.entries(config)) {
        await session.ok(["config", "set", ...(secret ? ["--secret"] : []), key, value]);
    }
}

/** The `outputs` of the resources named in a `pulumi stack export`, by resource name. */
export async function exportedOutputs(session: CliSession): Promise<Record<string, Record<string, unknown>>> {
    const exported = JSON.parse((await session.ok(["stack", "export"])).stdout) as {
        deployment: { resources?: Array<{ urn: string; outputs?: Record<string, unknown> }> };
    };
    return Object.fromEntries((exported.deployment.resources ?? []).map((r) => [r.urn.split("::").pop() ?? r.urn, r.outputs ?? {}]));
}

/** The stand-in and the CLI session of a suite over a project folder (see {@link useCliProject}). */
export interface CliProject {
    readonly fc: FcEmulator;
    readonly cli: CliSession;
}

/**
 * Registers the hooks of a plain-CLI suite (call it inside `describe`): pending without the language host,
 * no Alibaba variable, a fresh FC stand-in and a stack `stackName` of the project in `projectDir`; all
 * removed afterwards.
 */
export function useCliProject(projectDir: string, stackName: string): CliProject {
    let fc: FcEmulator | undefined;
    let cli: CliSession | undefined;
    let restoreEnv: (() => void) | undefined;
    before(async function () {
        if (!(await languageHostReady())) {
            console.log(`      ${NO_LANGUAGE_HOST}`);
            this.skip();
        }
        restoreEnv = withoutAlibabaEnv();
        fc = await startFcEmulator();
        cli = await newCliSession(projectDir, stackName);
    });
    after(async () => {
        await cli?.dispose();
        await fc?.close();
        restoreEnv?.();
    });
    return {
        get fc(): FcEmulator {
            return fc ?? assert.fail("the stand-in runs only inside the suite");
        },
        get cli(): CliSession {
            return cli ?? assert.fail("the session exists only inside the suite");
        },
    };
}
