// The FC stand-in in the foreground with the sample data, for a first run and manual testing: what
// `npx pulumi-fc-async-invoke-config emulator` and `npm run emulator` run. It prints how to point the
// one-shot command and a Pulumi program at it, logs a line per request unless quiet, and stops cleanly
// on Ctrl-C (SIGINT) or SIGTERM.

import { startFcEmulator } from "./index";

/** How to run the stand-in in the foreground. */
export interface ForegroundOptions {
    /** The port; 0 picks a free one. */
    port: number;
    /** No line per request. */
    quiet: boolean;
    /** Where the banner goes. */
    write(text: string): void;
}

/** Starts the stand-in, prints how to use it, and resolves with the exit code once a signal stopped it. */
export async function serveInForeground(options: ForegroundOptions): Promise<number> {
    const fc = await startFcEmulator({ port: options.port, quiet: options.quiet });
    // The key printed here is a fixed, public fake that only this local process accepts, so showing it
    // is safe and saves the user from looking it up. It must never be mistaken for a real credential.
    const lines = [
        "FC emulator: a LOCAL FAKE of Alibaba Cloud Function Compute 2.0 (API 2021-04-06) and 3.0 (API 2023-03-30), async-invoke configs only.",
        "It is not a cloud endpoint; the credentials below are public fakes that work only here.",
        "",
        `  endpoint     ${fc.endpoint}    (SDK Config: endpoint "${fc.host}", protocol "http")`,
        `  account id   ${fc.accountId}`,
        `  region       ${fc.region}`,
        `  access key   ${fc.accessKeyId}`,
        `  secret       ${fc.accessKeySecret}`,
        "",
        "  FC 2.0 data  service demo-service: functions hello, worker, zero, copy-target; versions 1, 2; alias prod -> 1",
        "  FC 3.0 data  functions fc3-hello (versions 1, 2; alias prod -> 1), fc3-zero, fc3-idle",
        "",
        "Point the one-shot command (or any tool using the Alibaba Cloud environment) at it:",
        `  export ALIBABA_CLOUD_ACCESS_KEY_ID=${fc.accessKeyId}`,
        `  export ALIBABA_CLOUD_ACCESS_KEY_SECRET=${fc.accessKeySecret}`,
        `  export ALIBABA_CLOUD_ACCOUNT_ID=${fc.accountId}`,
        `  export ALIBABA_CLOUD_REGION=${fc.region}`,
        `  export FC_ENDPOINT=${fc.endpoint}`,
        "",
        "Point a Pulumi program's stack at it:",
        `  pulumi config set alicloud:region ${fc.region}`,
        `  pulumi config set alicloud:accountId ${fc.accountId}`,
        `  pulumi config set alicloud:accessKey ${fc.accessKeyId}`,
        `  pulumi config set --secret alicloud:secretKey ${fc.accessKeySecret}`,
        `  pulumi config set --path 'alicloud:endpoints[0].fc' ${fc.endpoint}`,
        "",
        options.quiet ? "Request log off (--quiet). Ctrl-C to stop." : "Logging one line per request. Ctrl-C to stop.",
    ];
    options.write(`${lines.join("\n")}\n`);
    return new Promise((resolve) => {
        const stop = (signal: NodeJS.Signals): void => {
            process.off("SIGINT", stop);
            process.off("SIGTERM", stop);
            options.write(`\nfc-emulator: ${signal}, stopping\n`);
            fc.close().then(
                () => resolve(0),
                (error: unknown) => {
                    process.stderr.write(`fc-emulator: error while stopping: ${String(error)}\n`);
                    resolve(1);
                },
            );
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
    });
}

/** `npm run emulator`: PORT picks the port (default 9000; 0 = any free port); `--quiet` or FC_EMULATOR_QUIET=1 turns off the request log. */
if (require.main === module) {
    const raw = process.env.PORT?.trim() || "9000";
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        process.stderr.write(`fc-emulator: PORT must be an integer from 0 to 65535, got '${raw}'\n`);
        process.exit(2);
    }
    const quiet = process.argv.includes("--quiet") || process.env.FC_EMULATOR_QUIET === "1";
    serveInForeground({ port, quiet, write: (text) => void process.stdout.write(text) }).then(
        (code) => process.exit(code),
        (error: unknown) => {
            process.stderr.write(`fc-emulator: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
            process.exit(1);
        },
    );
}
