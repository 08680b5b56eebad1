// What the figures were measured on, so a reader can tell whether two RESULTS.md are comparable.

import * as fs from "node:fs";
import * as os from "node:os";
import { pulumiCli } from "../test/support/engine";

export interface MachineInfo {
    cpuModel: string;
    cores: number;
    ramGiB: number;
    os: string;
    node: string;
    pulumiCli: string;
    pulumiSdk: string;
    command: string;
    date: string;
    /** 1/5/15-minute load averages when the bench started: other work on the machine skews timings. */
    loadAvgStart: number[];
    /** The same when it finished (set by runBench). */
    loadAvgEnd?: number[];
}

/** Collects the machine's description; finds (or builds, once) the pulumi CLI to ask its version. */
export async function describeMachine(command: string): Promise<MachineInfo> {
    const cpus = os.cpus();
    const cli = await pulumiCli();
    const sdk = (JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8")) as { version: string }).version;
    return {
        cpuModel: cpus[0]?.model.trim() ?? "unknown",
        cores: os.availableParallelism?.() ?? cpus.length,
        ramGiB: os.totalmem() / 1024 ** 3,
        os: `${os.type()} ${os.release()} ${os.arch()}`,
        node: process.version,
        pulumiCli: cli.version?.toString() ?? "unknown",
        pulumiSdk: sdk,
        command,
        date: new Date().toISOString(),
        loadAvgStart: os.loadavg(),
    };
}
