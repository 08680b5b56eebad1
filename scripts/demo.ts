// `npm run demo`: the first run. Starts the FC stand-in with sample data and drives the root example
// (examples/basic) through the real Pulumi engine: preview shows FC's values, up records them, a change
// made "in the console" shows up as drift on refresh, and the next up carries it into the resource that
// uses the values. Nothing leaves this machine; the stack lives in a temp dir and is removed at the end.

import { basicExample } from "../examples/basic/program";
import { startFcEmulator } from "../provider/emulator";
import { createEngineStack, pulumiCli, recordEvents, runPulumi, standInConfig } from "../test/support/engine";
import { consolePut } from "../test/support/fcConsole";

const bold = (text: string): string => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const step = (n: number, title: string): void => console.log(`\n${bold(`${n}. ${title}`)}`);
const show = (values: Record<string, unknown>, keys: string[]): void => {
    for (const key of keys) {
        console.log(`     ${key.padEnd(27)} ${JSON.stringify(values[key]) ?? "(absent)"}`);
    }
};
const FIELDS = ["functionId", "onSuccess", "onFailure", "maxAsyncEventAgeInSeconds", "maxAsyncRetryAttempts", "statefulInvocation", "lastModifiedTime"];

async function main(): Promise<void> {
    console.log(bold("pulumi-fc-async-invoke-config demo"));
    console.log("Reads a Function Compute function's async invoke settings into a Pulumi stack, against a local FC stand-in.");

    step(1, "Prepare the Pulumi CLI (built from the Go module proxy on the first run, cached afterwards)");
    await pulumiCli();

    const fc = await startFcEmulator();
    console.log(`   FC stand-in listening on ${fc.endpoint} (account ${fc.accountId}, sample service "demo-service")`);
    const demo = await createEngineStack({
        projectName: "fc-async-invoke-config-demo",
        program: basicExample,
        config: standInConfig(fc),
    });
    const { stack } = demo;
    try {
        step(2, "pulumi preview: the values are read from FC before anything is deployed");
        const preview = recordEvents();
        await stack.preview({ onEvent: preview.onEvent });
        show(preview.outputs(), FIELDS);

        step(3, "pulumi up: the values feed another resource (a RunbookEntry) and are recorded in state");
        const up = await stack.up();
        console.log(`     runbookFailureDestination   ${JSON.stringify(up.outputs.runbookFailureDestination.value)}`);
        console.log(`     runbookRetryAttempts        ${JSON.stringify(up.outputs.runbookRetryAttempts.value)}`);

        step(4, "Someone changes the settings in the FC console (a PUT the stack did not make)");
        const newQueue = `acs:mns:${fc.region}:${fc.accountId}:/queues/dead-letters/messages`;
        await consolePut(fc, "demo-service", "hello", "LATEST", {
            onSuccess: `acs:fc:${fc.region}:${fc.accountId}:services/demo-service/functions/on-success`,
            onFailure: newQueue,
            maxAsyncEventAgeInSeconds: 300,
            maxAsyncRetryAttempts: 5,
            statefulInvocation: true,
        });
        console.log(`     onFailure              ${JSON.stringify(up.outputs.runbookFailureDestination.value)} -> ${JSON.stringify(newQueue)}`);
        console.log(`     maxAsyncRetryAttempts  ${JSON.stringify(up.outputs.runbookRetryAttempts.value)} -> 5`);

        step(5, "pulumi refresh --preview-only --expect-no-changes --diff: the drift check a CI job would run");
        const drift = await runPulumi(demo, ["refresh", "--preview-only", "--expect-no-changes", "--diff"]);
        for (const line of drift.stdout.split("\n")) {
            if (/^\s*[~+-] /.test(line) && !/^\s*[~+-] \d+ to /.test(line)) {
                console.log(`   ${line}`);
            }
        }
        const verdict = drift.stderr.split("\n").find((line) => line.startsWith("error:")) ?? "";
        console.log(`   exit code ${drift.code}: ${verdict.replace(/^error: /, "") || "no drift"}`);

        step(6, "pulumi refresh, then pulumi up: the new values are recorded and flow into the RunbookEntry");
        await stack.refresh();
        const again = await stack.up();
        console.log(`     runbookFailureDestination   ${JSON.stringify(again.outputs.runbookFailureDestination.value)}`);
        console.log(`     runbookRetryAttempts        ${JSON.stringify(again.outputs.runbookRetryAttempts.value)}`);

        step(7, "pulumi destroy: the data source is forgotten; FC is never written to by the provider");
        await stack.destroy();
        // The provider marks its requests with an X-Fc-Trace-Id of its own; the console's PUT has none.
        const fromProvider = fc.requests.filter((r) => r.traceId?.startsWith("pulumi-fcaic-"));
        const methods = [...new Set(fromProvider.map((r) => r.method))].join(", ");
        const others = fc.requests.filter((r) => !fromProvider.includes(r)).map((r) => r.method);
        console.log(`     requests from the provider: ${fromProvider.length} (${methods}); other requests: ${others.join(", ") || "none"}`);
        console.log(`\n${bold("Done.")} Next: README.md shows how to point the example at your own account; \`npm test\` runs every test.`);
    } finally {
        await demo.dispose();
        await fc.close();
    }
}

main().catch((err: unknown) => {
    console.error(`\ndemo failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
});
