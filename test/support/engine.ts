// Drives the real Pulumi engine (the `pulumi` CLI plus the Automation API) for the engine tests, the demo
// and the benchmarks: a throwaway project with an inline program, a local file backend in a temp dir and
// passphrase secrets, so nothing touches a Pulumi Cloud account or the user's own ~/.pulumi.

import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
    type EngineEvent,
    type InlineProgramArgs,
    LocalWorkspace,
    type LocalWorkspaceOptions,
    PulumiCommand,
    type PulumiFn,
    type Stack,
} from "@pulumi/pulumi/automation";
import { withoutAlibabaEnv } from "./hermeticEnvironment";

/** The repository root: engine work dirs live under it so the provider host resolves this package. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** The passphrase of every throwaway stack; it protects only fake test secrets. */
export const TEST_PASSPHRASE = "engine-tests-only";

let cliReady: Promise<PulumiCommand> | undefined;

/**
 * Makes sure a `pulumi` CLI of the SDK's version is available (building it on first use, see
 * scripts/ensure-pulumi-cli.sh), puts it and the dynamic-provider host on this process's PATH, and
 * returns the Automation API's handle on it. Runs the script once per process.
 */
export function pulumiCli(): Promise<PulumiCommand> {
    cliReady ??= (async () => {
        const binDir = execFileSync("bash", [path.join(REPO_ROOT, "scripts", "ensure-pulumi-cli.sh")], {
            encoding: "utf8",
            stdio: ["ignore", "pipe", "inherit"],
        }).trim();
        // The CLI starts `pulumi-resource-pulumi-nodejs` (the dynamic-provider host) from PATH.
        process.env.PATH = `${binDir}${path.delimiter}${process.env.PATH ?? ""}`;
        return PulumiCommand.get({ root: undefined });
    })();
    return cliReady;
}

/**
 * Registers the hooks of an engine suite: no ALIBABA_CLOUD_* / ALICLOUD_* variable in this process or in
 * the CLI and provider host it starts (only what a test gives may reach the provider), and the CLI ready.
 */
export function useEngineSuite(): void {
    let restoreEnv: (() => void) | undefined;
    before(async () => {
        restoreEnv = withoutAlibabaEnv();
        await pulumiCli();
    });
    after(() => restoreEnv?.());
}

/** A throwaway stack and where it lives. */
export interface EngineStack {
    stack: Stack;
    /** The project directory (under the repo, so the provider host can `require` this package). */
    workDir: string;
    /** The file backend's directory. */
    backendDir: string;
    /** The environment the CLI gets on top of this process's. */
    envVars: Record<string, string>;
    /** Removes the stack's files. */
    dispose(): Promise<void>;
}

/** What {@link createEngineStack} needs. */
export interface EngineStackOptions {
    /** Project name; also the namespace of config keys without one. */
    projectName: string;
    program: PulumiFn;
    /** Stack config; values with `secret: true` are encrypted with {@link TEST_PASSPHRASE}. */
    config?: StackConfig;
    /** Extra environment for the CLI and the provider host. */
    envVars?: Record<string, string>;
}

/** Stack config values, as `pulumi config set` takes them. */
export type StackConfig = Record<string, { value: string; secret?: boolean }>;

/** Where a stand-in listens and the key it accepts. */
export interface StandInAccess {
    endpoint: string;
    region: string;
    accountId: string;
    accessKeyId: string;
    accessKeySecret: string;
}

/**
 * The stack config that points examples/basic at an FC stand-in, set the way a user would: the
 * endpoint for the example, the `alicloud:*` keys, and the secret key as a secret.
 */
export function standInConfig(fc: StandInAccess): StackConfig {
    return {
        "example:endpoint": { value: fc.endpoint },
        "alicloud:region": { value: fc.region },
        "alicloud:accountId": { value: fc.accountId },
        "alicloud:accessKey": { value: fc.accessKeyId },
        "alicloud:secretKey": { value: fc.accessKeySecret, secret: true },
    };
}

/** Creates a fresh stack `dev` of an inline program with a file backend in a temp dir. */
export async function createEngineStack(options: EngineStackOptions): Promise<EngineStack> {
    const pulumiCommand = await pulumiCli();
    const workRoot = path.join(REPO_ROOT, ".work");
    fs.mkdirSync(workRoot, { recursive: true });
    const workDir = fs.mkdtempSync(path.join(workRoot, `${options.projectName}-`));
    const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "fcaic-backend-"));
    const pulumiHome = path.join(backendDir, "home");
    fs.mkdirSync(pulumiHome);

    const args: InlineProgramArgs = { stackName: "dev", projectName: options.projectName, program: options.program };
    const envVars: Record<string, string> = {
        PULUMI_CONFIG_PASSPHRASE: TEST_PASSPHRASE,
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
        PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
        PULUMI_HOME: pulumiHome,
        ...options.envVars,
    };
    const workspace: LocalWorkspaceOptions = {
        workDir,
        pulumiHome,
        pulumiCommand,
        projectSettings: { name: options.projectName, runtime: "nodejs", backend: { url: `file://${backendDir}` } },
        envVars,
    };
    const stack = await LocalWorkspace.createStack(args, workspace);
    if (options.config) {
        await stack.setAllConfig(options.config);
    }
    return {
        stack,
        workDir,
        backendDir,
        envVars,
        async dispose() {
            fs.rmSync(workDir, { recursive: true, force: true });
            fs.rmSync(backendDir, { recursive: true, force: true });
        },
    };
}

/** What the engine reported while an operation ran. */
export interface EngineRecord {
    events: EngineEvent[];
    /** The stack's outputs as the engine registered them (also during preview). */
    outputs(): Record<string, unknown>;
    /** Every step's operation per resource URN suffix (`fc:FunctionAsyncInvokeConfig::name` → `read`). */
    steps(): Array<{ op: string; type: string; name: string; diffs?: string[]; outputs?: Record<string, unknown> }>;
    /** The text of every diagnostic (errors, warnings, program output). */
    diagnostics(): string;
}

/** An `onEvent` callback and accessors over what it collected. */
export function recordEvents(): EngineRecord & { onEvent: (event: EngineEvent) => void } {
    const events: EngineEvent[] = [];
    return {
        events,
        onEvent: (event) => events.push(event),
        outputs() {
            for (const event of [...events].reverse()) {
                const meta = event.resOutputsEvent?.metadata;
                if (meta?.type === "pulumi:pulumi:Stack") {
                    return (meta.new?.outputs ?? {}) as Record<string, unknown>;
                }
            }
            return {};
        },
        steps() {
            return events
                .map((e) => e.resOutputsEvent?.metadata)
                .filter((m): m is NonNullable<typeof m> => m !== undefined)
                .map((m) => ({
                    op: m.op,
                    type: m.type,
                    name: m.urn.split("::").pop() ?? m.urn,
                    diffs: m.diffs,
                    outputs: (m.new?.outputs ?? undefined) as Record<string, unknown> | undefined,
                }));
        },
        diagnostics() {
            return events
                .map((e) => e.diagnosticEvent?.message)
                .filter((m): m is string => m !== undefined)
                .join("");
        },
    };
}

/** What a CLI command printed and how it exited. */
export interface CliResult {
    code: number;
    stdout: string;
    stderr: string;
}

/**
 * Runs the `pulumi` CLI itself in the stack's project directory, as a user would type it (for options
 * the Automation API does not expose, such as `refresh --diff`). Resolves whatever the exit code.
 */
export function runPulumi(s: EngineStack, args: string[]): Promise<CliResult> {
    return runPulumiIn(s.workDir, { ...process.env, ...s.envVars }, [...args, "--stack", "dev"]);
}

/** Runs `pulumi ARGS --non-interactive --color never` in `cwd`; resolves whatever the exit code. */
export function runPulumiIn(cwd: string, env: NodeJS.ProcessEnv, args: string[]): Promise<CliResult> {
    return runCommand("pulumi", [...args, "--non-interactive", "--color", "never"], cwd, env);
}

/** Runs a command in `cwd` (with this process's environment unless `env` is given); resolves whatever the exit code. */
export function runCommand(command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<CliResult> {
    return new Promise((resolve) => {
        execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
            resolve({ code, stdout, stderr });
        });
    });
}

/**
 * The state file exactly as the backend stores it (secrets encrypted), unlike `exportStack()`,
 * which decrypts them.
 */
export function readStateFile(s: EngineStack, projectName: string): string {
    return fs.readFileSync(path.join(s.backendDir, ".pulumi", "stacks", projectName, "dev.json"), "utf8");
}
