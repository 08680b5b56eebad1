// RESULTS.md: the machine, the goals judged, then each section's figures (each section renders its own,
// beside its measurement), and the raw values of every timed figure.

import { concurrencyGoals, renderConcurrency } from "./concurrency";
import { engineGoals, renderEngine, renderEngineConcurrency } from "./engine";
import { overheadGoals, renderOverhead } from "./overhead";
import type { BenchResults, GoalResult } from "./results";
import type { Summary } from "./stats";

/** Every goal line of a run, in the order of the sections. */
export function judgeGoals(r: BenchResults): GoalResult[] {
    const all = [
        ...(r.overhead === undefined ? [] : overheadGoals(r.overhead)),
        ...(r.family === undefined ? [] : overheadGoals(r.family)),
        ...(r.concurrency === undefined ? [] : concurrencyGoals(r.concurrency)),
        ...engineGoals(r.engine, r.engineThrottle),
    ];
    const order = ["provider overhead", "engine floor", "concurrency under throttling", "memory"];
    return all.sort((a, b) => order.indexOf(a.goal) - order.indexOf(b.goal));
}

export function renderReport(results: BenchResults, goals: readonly GoalResult[]): string {
    const m = results.machine;
    const p = results.profile;
    const load = (l: number[] | undefined): string => (l === undefined ? "-" : l.map((x) => x.toFixed(2)).join(" / "));
    const out = [
        "# Benchmark results",
        "",
        `Written by \`bench/run.ts\` (${p.name} profile, ${p.runs} measured run(s) per engine figure, ${p.inProcessRuns} per in-process figure, ` +
            `${p.overhead.runs} per provider-overhead figure). Benchmarks, not tests: nothing here fails a build. Timed figures are ` +
            "**median (min-max)** over the runs; ratios are ratios of medians. FC is the local stand-in of `provider/emulator`, in its own process.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        `| CPU | ${m.cpuModel} |`,
        `| cores | ${m.cores} |`,
        `| RAM | ${m.ramGiB.toFixed(1)} GiB |`,
        `| OS | ${m.os} |`,
        `| Node | ${m.node} |`,
        `| Pulumi CLI | ${m.pulumiCli} |`,
        `| @pulumi/pulumi | ${m.pulumiSdk} |`,
        `| command | \`${m.command}\` |`,
        `| date | ${m.date} |`,
        `| bench duration | ${(results.durationMs / 60000).toFixed(1)} min |`,
        `| load average (1/5/15 min) at start, end | ${load(m.loadAvgStart)}; ${load(m.loadAvgEnd)} (the bench itself keeps about 1-2 cores busy) |`,
        "",
        "## Goals",
        "",
        "| goal | what | figure | target | met |",
        "|---|---|---|---|---|",
        ...goals.map((g) => `| ${g.goal} | ${g.name} | ${g.figure} | ${g.target} | ${g.met === undefined ? "n/a" : g.met ? "met" : "**not met**"} |`),
        "",
        ...(results.overhead === undefined ? [] : renderOverhead(results.overhead, "Provider overhead in process: the FC 2.0 single read")),
        ...(results.family === undefined ? [] : renderOverhead(results.family, "Provider overhead in process: the FC 2.0 list and FC 3.0")),
        ...(results.engine === undefined || results.engine.length === 0 ? [] : renderEngine(results.engine)),
    ];
    if (results.concurrency !== undefined || results.engineThrottle !== undefined) {
        out.push("## Concurrency under throttling", "");
        out.push(...(results.concurrency === undefined ? [] : renderConcurrency(results.concurrency)));
        out.push(...renderEngineConcurrency(results.engine, results.engineThrottle));
    }
    out.push("## Raw runs", "", "```", ...rawLines(results), "```", "");
    return out.join("\n");
}

/** Every summary's raw values, one per line, named by where they sit in the results. */
function rawLines(results: BenchResults): string[] {
    const lines: string[] = [];
    const visit = (value: unknown, name: string): void => {
        if (value === null || typeof value !== "object") {
            return;
        }
        if ("values" in value && "median" in value && Array.isArray((value as Summary).values)) {
            lines.push(`${name}: ${(value as Summary).values.map((v) => (Number.isInteger(v) ? String(v) : v.toFixed(1))).join(", ")}`);
        } else if (Array.isArray(value)) {
            value.forEach((item, i) => visit(item, `${name}[${labelOf(item) ?? i}]`));
        } else {
            for (const [key, inner] of Object.entries(value)) {
                if (key !== "machine" && key !== "profile") {
                    visit(inner, name === "" ? key : `${name}.${key}`);
                }
            }
        }
    };
    visit(results, "");
    return lines;
}

function labelOf(item: unknown): string | undefined {
    const r = (item ?? {}) as { kind?: unknown; size?: unknown; label?: unknown; cap?: unknown };
    if (typeof r.kind === "string" && typeof r.size === "number") {
        return `${r.kind} N=${r.size}`;
    }
    return typeof r.label === "string" ? r.label : typeof r.cap === "number" ? `cap ${r.cap}` : undefined;
}
