// Issue #11: the account id found by STS GetCallerIdentity costs one call per deployment, whatever the
// number of lookups. A stack of N data sources (distinct functions), configured like a minimal
// @pulumi/alicloud stack (region, key, secret; no account id), is previewed and deployed through the
// real engine; the STS stand-in counts GetCallerIdentity calls and the FC stand-in counts GETs during each
// operation. The same stack with `alicloud:accountId` set is timed beside it, so the cost of discovery
// shows. Both stand-ins run in this process; the provider host (a child of the CLI) trusts the STS
// stand-in's test certificate through NODE_EXTRA_CA_CERTS and finds it through STS_ENDPOINT.

import { createEngineStack } from "../test/support/engine";
import { type StandIns, startStandIns } from "../test/support/standIns";
import { functionNames, SERVICE } from "./fixtures";
import { dataSourceProgram } from "./programs";
import { summarize, type Summary, timed } from "./stats";

export interface DiscoveryOptions {
    /** Data sources per stack, each a distinct function. */
    sources: number;
    runs: number;
    log: (line: string) => void;
}

/** One operation's figures over the runs. */
export interface DiscoveryOperation {
    /** GetCallerIdentity calls STS saw during the operation. */
    discoveryCalls: Summary;
    /** GETs FC saw. */
    gets: Summary;
    /** Wall time of the operation. */
    ms: Summary;
    /** The same operation of the same stack with alicloud:accountId set: no discovery. */
    msWithAccountId: Summary;
}

export interface DiscoveryResult {
    sources: number;
    preview: DiscoveryOperation;
    up: DiscoveryOperation;
}

type Op = "preview" | "up";

export async function measureAccountDiscovery(options: DiscoveryOptions): Promise<DiscoveryResult> {
    const figures = { preview: newFigures(), up: newFigures() };
    for (let run = 0; run < options.runs; run++) {
        const standIns = await startStandIns();
        try {
            for (const name of functionNames(options.sources)) {
                standIns.fc.store.putFunction(SERVICE, name);
                standIns.fc.store.putAsyncConfig(SERVICE, name, "LATEST", { maxAsyncRetryAttempts: 3 });
            }
            // Discovery and the known account alternate which goes first, so neither always runs on a warmer machine.
            const kinds: Array<"discovery" | "accountId"> = run % 2 === 0 ? ["discovery", "accountId"] : ["accountId", "discovery"];
            for (const kind of kinds) {
                for (const [op, measure] of Object.entries(await lifecycle(standIns, options.sources, kind === "accountId")) as Array<[Op, OpMeasure]>) {
                    if (kind === "discovery") {
                        figures[op].discoveryCalls.push(measure.discoveryCalls);
                        figures[op].gets.push(measure.gets);
                        figures[op].ms.push(measure.ms);
                    } else {
                        figures[op].msWithAccountId.push(measure.ms);
                    }
                    options.log(
                        `  run ${run + 1}/${options.runs} ${kind} ${op}: ${measure.discoveryCalls} GetCallerIdentity, ${measure.gets} GETs, ${measure.ms.toFixed(0)} ms`,
                    );
                }
            }
        } finally {
            await standIns.close();
        }
    }
    return { sources: options.sources, preview: summarizeFigures(figures.preview), up: summarizeFigures(figures.up) };
}

interface OpMeasure {
    discoveryCalls: number;
    gets: number;
    ms: number;
}

/** A fresh stack: preview, then up; each operation a fresh provider host, so a fresh deployment. */
async function lifecycle(standIns: StandIns, sources: number, withAccountId: boolean): Promise<Record<Op, OpMeasure>> {
    const { fc, sts } = standIns;
    const engine = await createEngineStack({
        projectName: `bench-discovery-${sources}`,
        program: dataSourceProgram(sources, sources, fc.endpoint),
        config: {
            "alicloud:region": { value: fc.region },
            "alicloud:accessKey": { value: fc.accessKeyId },
            "alicloud:secretKey": { value: fc.accessKeySecret, secret: true },
            ...(withAccountId ? { "alicloud:accountId": { value: fc.accountId } } : {}),
        },
        envVars: { NODE_EXTRA_CA_CERTS: standIns.certificate.caFile, STS_ENDPOINT: sts.host, ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", HOME: standIns.home },
    });
    try {
        const result = {} as Record<Op, OpMeasure>;
        for (const op of ["preview", "up"] as const) {
            fc.resetLog();
            sts.requests.length = 0;
            const { ms } = await timed(async () => {
                await (op === "preview" ? engine.stack.preview() : engine.stack.up());
            });
            const gets = fc.requests.filter((r) => r.method === "GET" && r.status === 200).length;
            if (gets !== sources) {
                throw new Error(`${op}: FC answered ${gets} GETs with 200, expected ${sources}`);
            }
            result[op] = { discoveryCalls: sts.requests.filter((r) => r.action === "GetCallerIdentity").length, gets, ms };
        }
        return result;
    } finally {
        await engine.dispose();
    }
}

function newFigures(): { discoveryCalls: number[]; gets: number[]; ms: number[]; msWithAccountId: number[] } {
    return { discoveryCalls: [], gets: [], ms: [], msWithAccountId: [] };
}

function summarizeFigures(f: ReturnType<typeof newFigures>): DiscoveryOperation {
    return { discoveryCalls: summarize(f.discoveryCalls), gets: summarize(f.gets), ms: summarize(f.ms), msWithAccountId: summarize(f.msWithAccountId) };
}

/** The report's section. */
export function renderAccountDiscovery(d: DiscoveryResult, runs: number): string[] {
    const row = (op: Op): string => {
        const o = d[op];
        const calls =
            o.discoveryCalls.min === o.discoveryCalls.max ? `${o.discoveryCalls.min} in every run` : `${o.discoveryCalls.min}-${o.discoveryCalls.max}`;
        const time = (s: Summary): string => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}-${s.max.toFixed(0)})`;
        return `| ${op} | ${d.sources} | ${calls} | ${o.gets.median} | ${time(o.ms)} | ${time(o.msWithAccountId)} |`;
    };
    return [
        "## Account discovery (issue #11)",
        "",
        `A stack of ${d.sources} data sources, each a distinct function, configured like a minimal \`@pulumi/alicloud\` stack (\`alicloud:region\`, \`alicloud:accessKey\`, secret \`alicloud:secretKey\`, no account id), ` +
            `previewed and then deployed through the real engine, ${runs} fresh stack${runs === 1 ? "" : "s"}; each operation is a fresh provider host, i.e. a fresh deployment. ` +
            "The account id comes from STS `GetCallerIdentity` (the STS stand-in of `test/sts-emulator`, over TLS on loopback, in the bench process); the STS stand-in counts the calls and the FC stand-in the GETs of each operation. " +
            "The same stack with `alicloud:accountId` set, which asks STS nothing, is timed beside it.",
        "",
        "| operation | data sources | GetCallerIdentity calls | GETs to FC | time, discovery | time, account id set |",
        "|---|---|---|---|---|---|",
        row("preview"),
        row("up"),
        "",
    ];
}
