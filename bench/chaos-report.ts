// The fault-injection section of RESULTS.md: the figures of `npm run chaos`, judged against the goals of
// the fault-injection brief, with how they were measured and every run's raw figures.

import type { ChaosResult, FailureSummary } from "./chaos";
import { onlyEngineRewrites, STEADY_FAULTS, wallTimes } from "./chaos";
import type { MachineInfo } from "./machine";
import { summarize } from "./stats";

export function renderChaosSection(result: ChaosResult, machine: MachineInfo, durationMs: number): string {
    const d = result.defaults;
    const cap = d.maxConcurrentRequests;
    const ok = result.faulted.filter((r) => r.succeeded).length;
    const peak = Math.max(...result.faulted.map((r) => r.fc.maxInFlight));
    const medians = result.faulted.map((r) => r.perSource.median);
    const maxes = result.faulted.map((r) => r.perSource.max);
    const wall = wallTimes(result);
    const o = result.outage;
    const b = result.overBudget;
    const out: string[] = [];
    out.push("## Fault injection (`npm run chaos`)");
    out.push("");
    out.push(
        `Written by \`bench/chaos-run.ts\` (\`${machine.command}\`) on ${machine.date}, ${(durationMs / 60000).toFixed(1)} min; same machine as above ` +
            `(${machine.cores} cores, Node ${machine.node}, Pulumi CLI ${machine.pulumiCli}); load average at start ${machine.loadAvgStart.map((x) => x.toFixed(2)).join(" / ")}. ` +
            `Each run is a \`pulumi up\` of a fresh stack of ${result.sources} data sources, each reading its own function, through the real engine and provider host, ` +
            `with the provider's default settings (cap ${cap}, timeout ${d.timeoutSeconds} s, ${d.maxAttempts} attempts, ${d.retryBudgetSeconds} s retry budget). ` +
            `The FC stand-in runs in its own process with a ${result.latencyMs} ms simulated round trip; for every request it draws a fault at fixed rates ` +
            `from a generator seeded with ${result.seed} + the run's number: ${describeMix(STEADY_FAULTS)}. ` +
            `A stall sends the headers and the start of a body, then nothing: only the client's read timeout ends it. ` +
            `Each faulted run is paired with an unfaulted \`up\` of the same shape (the order alternates per run). A failed read fails the \`up\`.`,
    );
    out.push("");
    out.push("| what | figure | target | met |");
    out.push("|---|---|---|---|");
    out.push(
        `| \`up\`s that succeeded under steady faults | ${ok}/${result.runs} | ${result.runs}/${result.runs} | ${ok === result.runs ? "met" : "**not met**"} |`,
    );
    out.push(`| GETs per data source, median (per run) | ${medians.join(", ")} | informational | n/a |`);
    out.push(
        `| GETs per data source, max (per run) | ${maxes.join(", ")} (max ${Math.max(...maxes)}) | informational (the bound is ${d.maxAttempts} counted attempts plus throttled ones) | n/a |`,
    );
    out.push(
        `| wall time, faulted / unfaulted (medians) | ${wall.ratio.toFixed(2)} (${ms(wall.faulted.median)} vs ${ms(wall.unfaulted.median)}) | informational | n/a |`,
    );
    out.push(`| peak requests in flight at the stand-in (all faulted runs) | ${peak} | <= cap ${cap} | ${peak <= cap ? "met" : "**not met**"} |`);
    const engineOnly = onlyEngineRewrites(o.stateChanges);
    out.push(
        `| full outage during \`refresh\` of ${o.sources}: refresh fails, state file byte-identical | refresh ${o.refreshFailed ? "failed" : "**passed**"}; state file ` +
            `${o.stateIdentical ? `byte-identical (${o.stateBytes} bytes)` : `not byte-identical: ${o.stateChanges.length} value(s) differ, ${engineOnly ? "all of them the engine's own rewrite (below); every data-source entry byte-identical" : `**${o.stateChanges.slice(0, 5).join(", ")}**`}`} ` +
            `| fails; byte-identical | ${o.refreshFailed && o.stateIdentical ? "met" : o.refreshFailed && engineOnly ? "**not met** as stated (the engine's rewrite); met for every data source" : "**not met**"} |`,
    );
    const bound = result.readBoundSeconds;
    out.push(
        `| fault rate above the budget, \`up\` of ${b.sources}: fails with a summary, no hang | ${b.succeeded ? "**succeeded**" : "failed"} in ${ms(b.ms)}${b.hung ? " (**hung**, cancelled)" : ""}; ` +
            `${summaryText(b.failures)}; slowest read ${b.slowestReadSeconds} s | fails; every read within ${bound} s | ` +
            `${!b.succeeded && !b.hung && b.failures.failed > 0 && b.slowestReadSeconds <= bound + 1 ? "met" : "**not met**"} |`,
    );
    out.push(
        `| slowest read of any data source (engine events, 1 s resolution): steady faults / outage / above the budget | ` +
            `${Math.max(...result.faulted.map((r) => r.slowestReadSeconds))} s / ${o.slowestReadSeconds} s / ${b.slowestReadSeconds} s | <= ${bound} s (retry budget + one timeout) | ` +
            `${Math.max(...result.faulted.map((r) => r.slowestReadSeconds), o.slowestReadSeconds, b.slowestReadSeconds) <= bound + 1 ? "met" : "**not met**"} |`,
    );
    out.push("");
    out.push("Every run:");
    out.push("");
    out.push(
        "| run | unfaulted up | faulted up | succeeded | GETs | faults drawn | answers by status (0 = none) | GETs per data source, median / max | peak in flight |",
    );
    out.push("|---|---|---|---|---|---|---|---|---|");
    result.faulted.forEach((run, i) => {
        const clean = result.unfaulted[i];
        out.push(
            `| ${i + 1} | ${ms(clean.ms)} (${clean.fc.gets} GETs) | ${ms(run.ms)} | ${run.succeeded ? "yes" : `**no**: ${summaryText(run.failures)}`} | ${run.fc.gets} | ${counts(run.fc.byFault)} | ${counts(run.fc.byStatus)} | ${run.perSource.median} / ${run.perSource.max} | ${run.fc.maxInFlight} |`,
        );
    });
    out.push("");
    const gets = summarize(result.faulted.map((r) => r.fc.gets));
    out.push(
        `In all, the faulted runs sent ${gets.median} GETs (median; ${gets.min}-${gets.max}) for ${result.sources} data sources, ` +
            `${(gets.median / result.sources).toFixed(2)} per data source. The stand-in's peak counts a stalled request until it sees the client's connection close.`,
    );
    out.push("");
    out.push(
        `**Full outage during refresh.** \`pulumi up\` of ${o.sources} data sources (no faults), then every request answered \`503 ServiceUnavailable\`, then \`pulumi refresh\`: ` +
            `it ${o.refreshFailed ? "failed" : "**passed**"} after ${ms(o.ms)} and ${o.gets} GETs; ${summaryText(o.failures)}; the slowest read took ${o.slowestReadSeconds} s. ` +
            "The engine runs 8 resource operations at a time by default (`--parallel`), so the refresh takes about (data sources / 8) x one read's retries, each read within its own budget. " +
            `The stack's state file (\`.pulumi/stacks/<project>/dev.json\` of the file backend) was compared byte for byte before and after: ${o.stateIdentical ? "identical" : "**different**"}` +
            (o.stateIdentical
                ? "."
                : `, at ${o.stateChanges.map((p) => `\`${p}\``).join(", ")}. The engine writes the checkpoint again at the end of every \`refresh\`, failed or not: a new \`manifest.time\`, ` +
                  "and every secret of the stack (here the provider's `alicloud:secretKey` config) encrypted afresh with a new nonce. " +
                  "A provider cannot prevent that write; what it controls, the data sources' entries (inputs, outputs, ids), " +
                  `${engineOnly ? "is byte-identical" : "**changed**"}. (A refresh that succeeds changes more: it stamps each resource's \`modified\`.)`),
    );
    out.push("");
    out.push(
        `**Above the budget.** \`pulumi up --continue-on-error\` of ${b.sources} data sources with ${describeMix(b.mix.faults)} (seed ${b.mix.seed}), so that about one lookup in four ` +
            `runs out of attempts: ${b.succeeded ? "**succeeded**" : "failed"} after ${ms(b.ms)}; the slowest read took ${b.slowestReadSeconds} s (bound ${bound} s: retry budget + one timeout; ` +
            `a watchdog, far beyond any bound, would have cancelled the \`up\` after ${ms(b.watchdogMs)}). ${summaryText(b.failures)}. ` +
            "The summary counts the engine's error diagnostics per data source by the FcError code each message opens with; " +
            `the provider reports each lookup on its own (it cannot know when the deployment ends).${b.failures.example ? ` One of them: \`${b.failures.example.slice(0, 400)}\`` : ""}`,
    );
    out.push("");
    out.push("Raw wall times (ms):");
    out.push("");
    out.push("```");
    out.push(`chaos.faulted.ms: ${result.faulted.map((r) => r.ms.toFixed(0)).join(", ")}`);
    out.push(`chaos.unfaulted.ms: ${result.unfaulted.map((r) => r.ms.toFixed(0)).join(", ")}`);
    out.push(`chaos.faulted.getsPerSource: ${result.faulted.map((r) => JSON.stringify(r.fc.getsPerPath)).join(" ")}`);
    out.push("```");
    return out.join("\n");
}

function describeMix(
    faults: ReadonlyArray<{ fault: { kind: string; status?: number; errorCode?: string; retryAfterSeconds?: number }; rate: number }>,
): string {
    return faults
        .map(({ fault, rate }) => {
            const what =
                fault.kind === "status"
                    ? `${fault.status}${fault.errorCode ? ` ${fault.errorCode}` : ""}${fault.retryAfterSeconds !== undefined ? ` with Retry-After: ${fault.retryAfterSeconds}` : ""}`
                    : fault.kind === "reset"
                      ? "connection resets"
                      : fault.kind === "stall"
                        ? "stalls past the timeout"
                        : fault.kind;
            return `${Math.round(rate * 1000) / 10}% ${what}`;
        })
        .join(", ");
}

function summaryText(f: FailureSummary): string {
    if (f.failed === 0) {
        return "no data source reported an error";
    }
    const codes = Object.entries(f.byCode)
        .sort((a, b) => b[1] - a[1])
        .map(([code, n]) => `${n} ${code}`)
        .join(", ");
    return `${f.failed} data source${f.failed === 1 ? "" : "s"} failed: ${codes}`;
}

function counts(record: Record<string, number>): string {
    const entries = Object.entries(record).sort((a, b) => b[1] - a[1]);
    return entries.length === 0 ? "-" : entries.map(([k, n]) => `${k}: ${n}`).join(", ");
}

function ms(value: number): string {
    return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`;
}
