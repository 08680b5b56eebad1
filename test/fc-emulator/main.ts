// `npm run emulator`: runs the FC emulator (FC 2.0 and FC 3.0 views) in the foreground with the sample data, for demos and manual
// testing. PORT picks the port (default 9000; 0 = any free port); `--quiet` or FC_EMULATOR_QUIET=1 turns
// off the per-request log. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.

import { startFcEmulator } from "./index";

/** Reads the port from PORT; exits with a message when it is not a port number. */
function portFromEnv(raw: string | undefined): number {
    if (raw === undefined || raw.trim() === "") {
        return 9000;
    }
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        process.stderr.write(`fc-emulator: PORT must be an integer from 0 to 65535, got '${raw}'\n`);
        process.exit(2);
    }
    return port;
}

/** Starts the emulator, prints how to use it, and waits for a signal. */
async function main(): Promise<void> {
    const quiet = process.argv.includes("--quiet") || process.env.FC_EMULATOR_QUIET === "1";
    const fc = await startFcEmulator({ port: portFromEnv(process.env.PORT), quiet });
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
        "Paste into a shell to point tools at it:",
        `  export ALIBABA_CLOUD_ACCESS_KEY_ID=${fc.accessKeyId}`,
        `  export ALIBABA_CLOUD_ACCESS_KEY_SECRET=${fc.accessKeySecret}`,
        `  export ALIBABA_CLOUD_ACCOUNT_ID=${fc.accountId}`,
        `  export ALIBABA_CLOUD_REGION=${fc.region}`,
        `and give lookups the endpoint ${fc.endpoint}.`,
        "",
        quiet ? "Request log off (--quiet). Ctrl-C to stop." : "Logging one line per request. Ctrl-C to stop.",
    ];
    process.stdout.write(`${lines.join("\n")}\n`);

    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
        if (stopping) {
            return;
        }
        stopping = true;
        process.stdout.write(`\nfc-emulator: ${signal}, stopping\n`);
        fc.close().then(
            () => process.exit(0),
            (error: unknown) => {
                process.stderr.write(`fc-emulator: error while stopping: ${String(error)}\n`);
                process.exit(1);
            },
        );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
    process.stderr.write(`fc-emulator: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
});
