// The one-shot command's arguments: which read, with which lookup arguments, and how to print it. Every
// flag is checked here, before anything is read; the lookup's own values are checked by the data source's
// argument rules, as in a program.

/** The reads, by subcommand: the data source's key and its flags (flag → lookup argument). */
export const READS = {
    get: {
        key: "fc:FunctionAsyncInvokeConfig",
        flags: { service: "serviceName", function: "functionName", qualifier: "qualifier" },
        required: ["service", "function"],
    },
    list: { key: "fc:FunctionAsyncInvokeConfigs", flags: { service: "serviceName", function: "functionName" }, required: ["service", "function"] },
    "get-v3": { key: "fc3:AsyncInvokeConfig", flags: { function: "functionName", qualifier: "qualifier" }, required: ["function"] },
    "list-v3": { key: "fc3:AsyncInvokeConfigs", flags: { function: "functionName" }, required: [] },
} as const;

/** Flags every read takes, as the data sources' scope arguments. */
const SCOPE_FLAGS = { region: "region", "account-id": "accountId", endpoint: "endpoint" } as const;

export type ReadName = keyof typeof READS;

/** A read: the subcommand, the lookup's arguments, and whether to print JSON. */
export interface ReadCommand {
    kind: "read";
    name: ReadName;
    args: Record<string, string>;
    json: boolean;
}

/** What the command line asks for. */
export type Command =
    | ReadCommand
    | { kind: "check"; file: string; read: ReadCommand }
    | { kind: "emulator"; port: number; quiet: boolean }
    | { kind: "help" }
    | { kind: "version" };

/** A command line that cannot be run: the message names the flag or word at fault. Exit code 2. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}

export const USAGE = `Usage: pulumi-fc-async-invoke-config <command> [flags]

Reads Alibaba Cloud Function Compute async invoke configs, read-only, with the credentials of the
environment (ALIBABA_CLOUD_* variables, the aliyun CLI profile, an ECS role, OIDC), as a Pulumi stack
would without stack config.

Commands:
  get      --service S --function F [--qualifier Q]   one FC 2.0 config (GetFunctionAsyncInvokeConfig)
  list     --service S --function F                   every FC 2.0 config of a function
  get-v3   --function F [--qualifier Q]               one FC 3.0 config (GetAsyncInvokeConfig)
  list-v3  [--function F]                             FC 3.0 configs of a function, or of every function
  check    FILE <read command and its flags>          read, compare with FILE (saved with --json); exit 1 on drift
  emulator [--port N] [--quiet]                       the local FC stand-in with sample data (default port 9000)

Flags of every read:
  --region R, --account-id A, --endpoint URL          where to read (default: the environment, as a stack's default)
  --json                                              print the outputs as JSON (what check compares)

Exit codes: 0 done (no drift), 1 the read failed or check found drift, 2 a usage error.`;

/** Parses `argv` (without node and the script). Throws {@link UsageError}. */
export function parseCommand(argv: readonly string[]): Command {
    const [name, ...rest] = argv;
    if (name === undefined || name === "help" || name === "--help" || name === "-h") {
        return { kind: "help" };
    }
    if (name === "--version" || name === "version") {
        return { kind: "version" };
    }
    if (name === "check") {
        const [file, ...read] = rest;
        if (file === undefined || file.startsWith("--")) {
            throw new UsageError("check needs the saved JSON file first: check FILE get --service S --function F");
        }
        const command = parseCommand(read);
        if (command.kind !== "read") {
            throw new UsageError(`check compares a read: give get, list, get-v3 or list-v3 after ${file}`);
        }
        return { kind: "check", file, read: command };
    }
    const flags = parseFlags(name, rest);
    if (name === "emulator") {
        const port = Number(take(flags, "port") ?? "9000");
        const quiet = take(flags, "quiet") !== undefined;
        rejectUnknown(name, flags);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
            throw new UsageError(`--port must be a whole number from 0 to 65535`);
        }
        return { kind: "emulator", port, quiet };
    }
    if (!(name in READS)) {
        throw new UsageError(`unknown command "${name}"; the commands are ${[...Object.keys(READS), "check", "emulator"].join(", ")}`);
    }
    const read = READS[name as ReadName];
    const args: Record<string, string> = {};
    for (const [flag, arg] of Object.entries({ ...read.flags, ...SCOPE_FLAGS })) {
        const value = take(flags, flag);
        if (value === "") {
            throw new UsageError(`--${flag} needs a value`);
        }
        if (value !== undefined) {
            args[arg] = value;
        }
    }
    const json = take(flags, "json") !== undefined;
    rejectUnknown(name, flags);
    const missing = read.required.filter((flag: string) => args[(read.flags as Record<string, string>)[flag]] === undefined);
    if (missing.length > 0) {
        throw new UsageError(`${name} needs ${missing.map((flag) => `--${flag}`).join(" and ")}`);
    }
    return { kind: "read", name: name as ReadName, args, json };
}

/** `--flag value`, `--flag=value` and bare `--flag` (value `"true"`), by flag name. */
function parseFlags(command: string, words: readonly string[]): Map<string, string> {
    const flags = new Map<string, string>();
    const bare = new Set(["json", "quiet"]);
    for (let i = 0; i < words.length; i++) {
        const word = words[i];
        if (!word.startsWith("--")) {
            throw new UsageError(`${command}: unexpected "${word}"; flags start with --`);
        }
        const [flag, inline] = word.slice(2).split(/=(.*)/s, 2);
        if (flags.has(flag)) {
            throw new UsageError(`--${flag} is given twice`);
        }
        const value = inline ?? (bare.has(flag) ? "true" : words[++i]);
        if (value === undefined) {
            throw new UsageError(`--${flag} needs a value`);
        }
        flags.set(flag, value);
    }
    return flags;
}

function take(flags: Map<string, string>, flag: string): string | undefined {
    const value = flags.get(flag);
    flags.delete(flag);
    return value;
}

function rejectUnknown(command: string, flags: Map<string, string>): void {
    const [unknown] = flags.keys();
    if (unknown !== undefined) {
        throw new UsageError(`${command} has no flag --${unknown}; see --help`);
    }
}
