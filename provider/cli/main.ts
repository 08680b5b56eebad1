#!/usr/bin/env node
// `npx pulumi-fc-async-invoke-config`: the data sources' reads without a Pulumi program. A read goes
// through the same core as a stack's (validation, the credential chain, retries, throttling, error
// messages), with a deployment built from the environment alone: no stack config exists here. It only
// reads; `emulator` runs the local stand-in in the foreground.

import * as fs from "node:fs";
import * as path from "node:path";
import { type Command, parseCommand, READS, type ReadCommand, USAGE, UsageError } from "./arguments";
import { differences, toJson, toText } from "./output";
import { createDeployment } from "../core/deployment";
import { readDataSource } from "../core/read";
import { dataSourceByKey } from "../dataSources";
import type * as Emulator from "../emulator/main";
import { InvalidLookupError } from "../errors";
import { readStackSettings } from "../settings/stackSettings";

/** Where the command writes; a test passes its own. */
export interface Streams {
    out(text: string): void;
    err(text: string): void;
}

/** Runs the command line `argv` and resolves with its exit code: 0 done, 1 failed or drift, 2 usage. */
export async function run(argv: readonly string[], streams: Streams, env: NodeJS.ProcessEnv = process.env): Promise<number> {
    let command: Command;
    try {
        command = parseCommand(argv);
    } catch (error) {
        return fail(error, streams);
    }
    try {
        switch (command.kind) {
            case "help":
                streams.out(`${USAGE}\n`);
                return 0;
            case "version":
                streams.out(`${packageVersion()}\n`);
                return 0;
            case "emulator": {
                // Loaded only here: a read never needs the stand-in.
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                const { serveInForeground } = require("../emulator/main") as typeof Emulator;
                return await serveInForeground({ port: command.port, quiet: command.quiet, write: (text) => streams.out(text) });
            }
            case "read": {
                const outputs = await read(command, env);
                streams.out(command.json ? toJson(outputs) : toText(outputs));
                return 0;
            }
            case "check": {
                const saved = readSaved(command.file);
                const drift = differences(saved, JSON.parse(toJson(await read(command.read, env))));
                if (drift.length === 0) {
                    streams.out(`no drift: FC says what ${command.file} says\n`);
                    return 0;
                }
                streams.out(`drift: ${drift.length} field(s) differ from ${command.file}\n${drift.map((line) => `  ${line}`).join("\n")}\n`);
                return 1;
            }
        }
    } catch (error) {
        return fail(error, streams);
    }
}

/** One read, with a fresh deployment from the environment. */
function read(command: ReadCommand, env: NodeJS.ProcessEnv): Promise<unknown> {
    const deployment = createDeployment(readStackSettings({ get: () => undefined }), env);
    return readDataSource(deployment, dataSourceByKey(READS[command.name].key), command.args);
}

function readSaved(file: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (error) {
        throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    try {
        return JSON.parse(text) as unknown;
    } catch {
        throw new UsageError(`${file} is not JSON: save it with the same read and --json`);
    }
}

/** Prints an error as the engine prints this package's: the message once, no stack. */
function fail(error: unknown, streams: Streams): number {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError) {
        streams.err(`usage error: ${message}\n`);
        return 2;
    }
    streams.err(`error: ${message}\n`);
    return error instanceof InvalidLookupError ? 2 : 1;
}

/** This package's version, from the nearest package.json of ours above this file (bin/ or the sources). */
function packageVersion(): string {
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        const manifest = path.join(dir, "package.json");
        if (fs.existsSync(manifest)) {
            const { name, version } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string; version: string };
            if (name === "pulumi-fc-async-invoke-config") {
                return version;
            }
        }
    }
    return "unknown";
}

if (require.main === module) {
    const streams: Streams = { out: (text) => void process.stdout.write(text), err: (text) => void process.stderr.write(text) };
    // Exit once the output is written: the SDK's keep-alive connections would otherwise hold the process open.
    const exit = (code: number): void => void process.stdout.write("", () => process.exit(code));
    run(process.argv.slice(2), streams).then(exit, (error: unknown) => {
        process.stderr.write(`error: ${String(error)}\n`);
        exit(1);
    });
}
