// RESULTS.md: the machine, the goals judged, then each goal's figures with how they were measured:
// provider overhead, the engine against its floor, concurrency under throttling, memory.
// Every timed figure is "median (min-max)" over the measured runs; the raw values close the file.

import { renderFamilyOverhead } from "./family-overhead";
import { cell } from "./goals";
import type { BenchResults, GoalResult } from "./results";
import type { OperationFigures } from "./engine-stacks";
import { formatCount, formatMs, formatRatioSpread, pairedRatios, type Summary } from "./stats";

export function renderReport(results: BenchResults, goals: readonly GoalResult[]): string {
    const m = results.machine;
    const p = results.profile;
    const out: string[] = [];
    out.push("# Benchmark results");
    out.push("");
    out.push(
        `Written by \`bench/run.ts\` (${p.name} profile, ${p.runs} measured run${p.runs === 1 ? "" : "s"} per engine figure, ` +
            `${p.inProcessRuns} per in-process figure, ${p.overhead.runs} per provider-overhead figure). ` +
            "These are benchmarks, not tests: nothing here fails a build. Timed figures are **median (min-max)** over the runs; " +
            "ratios are ratios of medians. FC is the local stand-in of `test/fc-emulator`, run in its own process.",
    );
    out.push("");
    out.push("## Machine");
    out.push("");
    out.push("| | |");
    out.push("|---|---|");
    out.push(`| CPU | ${m.cpuModel} |`);
    out.push(`| cores | ${m.cores} |`);
    out.push(`| RAM | ${m.ramGiB.toFixed(1)} GiB |`);
    out.push(`| OS | ${m.os} |`);
    out.push(`| Node | ${m.node} |`);
    out.push(`| Pulumi CLI | ${m.pulumiCli} |`);
    out.push(`| @pulumi/pulumi | ${m.pulumiSdk} |`);
    out.push(`| command | \`${m.command}\` |`);
    out.push(`| date | ${m.date} |`);
    out.push(`| bench duration | ${(results.durationMs / 60000).toFixed(1)} min |`);
    const load = (l: number[] | undefined): string => (l === undefined ? "-" : l.map((x) => x.toFixed(2)).join(" / "));
    out.push(`| load average (1/5/15 min) at start, end | ${load(m.loadAvgStart)}; ${load(m.loadAvgEnd)} (the bench itself keeps about 1-2 cores busy) |`);
    out.push("");
    out.push("## Goals");
    out.push("");
    out.push("| # | what | figure | target | met |");
    out.push("|---|---|---|---|---|");
    for (const g of goals) {
        out.push(`| ${g.goal} | ${g.name} | ${g.figure} | ${g.target} | ${g.met === undefined ? "n/a" : g.met ? "met" : "**not met**"} |`);
    }
    out.push("");

    const o = results.overhead;
    if (o !== undefined) {
        out.push("## Provider overhead in process");
        out.push("");
        out.push(
            `${o.lookups} distinct lookups per run (one function each, all with a config). A provider run is \`configure\` (fresh settings, fresh SDK client, empty answers cache) ` +
                `followed by \`read(id, props)\` of the public \`functionAsyncInvokeConfigProvider\` from \`bin/\`, as the provider host calls it; a raw run is a fresh ` +
                "`new FC(...)` and `getFunctionAsyncInvokeConfigWithOptions` with `X-Fc-Account-Id`. Both share the SDK's keep-alive agent and were warmed up " +
                `(${p.warmups} unmeasured round${p.warmups === 1 ? "" : "s"} of every variant); the variants of a round run in rotating order` +
                (o.collectedBeforeRuns ? ", each after a full garbage collection so that none pays for another's garbage. " : ". ") +
                "The provider sends the same request through the SDK client's generic `callApi` and checks the body itself (no model cast); the raw run uses the generated method, as a program would. " +
                `Every run was checked: the stand-in saw exactly ${o.lookups} GETs answered 200.`,
        );
        out.push("");
        out.push(
            `Fairness at ${o.width} at a time: the provider caps requests in flight (default ${results.defaults.maxConcurrentRequests}). The goal compares the provider with cap ${o.width} against ${o.width} raw calls in flight, ` +
                "i.e. the same concurrency, so the ratio is the cost of the provider's code. The default cap with the same callers is shown beside it: that ratio is mostly the cap's doing.",
        );
        out.push("");
        out.push("| variant | wall time per run | per lookup | peak in flight at FC |");
        out.push("|---|---|---|---|");
        for (const v of Object.values(o.variants)) {
            out.push(`| ${v.label} | ${formatMs(v.ms)} | ${((v.ms.median / o.lookups) * 1000).toFixed(0)} µs | ${v.maxInFlight} |`);
        }
        out.push("");
        out.push(
            `Ratios (provider / raw): sequential **${o.sequentialRatio.toFixed(3)}**, ${o.width} at a time with cap ${o.width} **${o.concurrentRatio.toFixed(3)}**, ` +
                `${o.width} at a time with the default cap ${results.defaults.maxConcurrentRequests} ${o.concurrentDefaultCapRatio.toFixed(3)}; with a ${o.latencyMs} ms simulated FC round trip, ${o.width} at a time with cap ${o.width}: ${o.concurrentLatencyRatio.toFixed(3)}.`,
        );
        out.push("");
        out.push(
            `Per-round ratios (both variants of a ratio run in the same round, a few seconds apart at most, so a slow stretch of the machine slows both): sequential ${formatRatioSpread(o.pairedSequential)}, ` +
                `${o.width} at a time with cap ${o.width} ${formatRatioSpread(o.pairedConcurrent)}. Informational: the goal is judged on the ratio of medians above.`,
        );
        out.push("");
        out.push(
            "On loopback with no delay, a lookup is pure CPU on both sides (SDK signing, HTTP, JSON), so the ratio is the provider's CPU per lookup over the SDK's; " +
                "with a round trip of the order of real FC's, the same code is compared as a deployment sees it.",
        );
        out.push("");
    }

    if (results.family !== undefined) {
        out.push(...renderFamilyOverhead(results.family));
    }

    const engine = results.engine;
    if (engine !== undefined && engine.length > 0) {
        out.push("## The engine against its floor");
        out.push("");
        out.push(
            "Wall time of `stack.preview()` and `stack.up()` (Automation API, real `pulumi` CLI, file backend, inline program in the bench process). " +
                "Each run uses a fresh stack: `preview` first, then `up` of the same still-empty stack, so every operation starts its own provider host with an empty cache. " +
                "Data sources read distinct functions of the stand-in; the floor is a `pulumi.dynamic.Resource` read by id (`opts.id`) whose provider's `read` returns constant props " +
                "of the same shape (bench/trivial-resource.ts). Kinds run in rotating order per round.",
        );
        out.push("");
        out.push("| N | stack | preview | up | GETs preview / up | hosts per op |");
        out.push("|---|---|---|---|---|---|");
        for (const c of engine) {
            out.push(
                `| ${c.size} | ${c.label} | ${formatMs(c.preview.ms)} | ${formatMs(c.up.ms)} | ${c.preview.gets.median} / ${c.up.gets.median} | ${c.preview.hosts.median} / ${c.up.hosts.median} |`,
            );
        }
        out.push("");
        const sizes = [...new Set(engine.map((c) => c.size))];
        out.push(
            "| N | preview: data sources / floor | per round (median, min-max) | up: data sources / floor | per round (median, min-max) | extra per data source (preview / up) |",
        );
        out.push("|---|---|---|---|---|---|");
        for (const size of sizes) {
            const ds = cell(engine, "dataSource", size);
            const floor = cell(engine, "trivial", size);
            if (ds !== undefined && floor !== undefined) {
                const extra = (op: "preview" | "up"): string => `${((ds[op].ms.median - floor[op].ms.median) / size).toFixed(1)} ms`;
                const ratio = (op: "preview" | "up"): string => (ds[op].ms.median / floor[op].ms.median).toFixed(3);
                const rounds = (op: "preview" | "up"): string => formatRatioSpread(pairedRatios(ds[op].ms, floor[op].ms));
                out.push(`| ${size} | ${ratio("preview")} | ${rounds("preview")} | ${ratio("up")} | ${rounds("up")} | ${extra("preview")} / ${extra("up")} |`);
            }
        }
        out.push("");
        out.push(
            "Where the extra time goes: CPU per data source beyond the floor's, by process (medians). The program is the inline program in the bench process " +
                "(registering and serializing its resources, handling their results); the provider host reads FC; the stand-in is FC's own work, " +
                "which real FC would not put on this machine. On 2 cores all of them, and the CLI, compete for the same cores, so any of them lengthens the wall time.",
        );
        out.push("");
        out.push("| N | op | wall | program CPU | provider host CPU | stand-in CPU |");
        out.push("|---|---|---|---|---|---|");
        for (const size of sizes) {
            const ds = cell(engine, "dataSource", size);
            const floor = cell(engine, "trivial", size);
            if (ds !== undefined && floor !== undefined) {
                for (const op of ["preview", "up"] as const) {
                    const per = (pick: (f: OperationFigures) => Summary): string => `${((pick(ds[op]).median - pick(floor[op]).median) / size).toFixed(2)} ms`;
                    out.push(
                        `| ${size} | ${op} | ${per((f) => f.ms)} | ${per((f) => f.programCpuMs)} | ${per((f) => f.hostCpuMs)} | ${per((f) => f.standInCpuMs)} |`,
                    );
                }
            }
        }
        out.push("");
    }
    const c = results.concurrency;
    const et = results.engineThrottle;
    const d = results.defaults;
    if (c !== undefined || et !== undefined) {
        out.push("## Concurrency under throttling");
        out.push("");
        if (c !== undefined) {
            out.push(
                `In process: ${c.lookups} lookups started at once (as the engine issues reads) against a fresh provider with its default settings ` +
                    `(cap ${d.maxConcurrentRequests}, ${d.maxAttempts} attempts, ${d.retryBudgetSeconds} s retry budget). The stand-in delays each answer by the round trip shown (a simulated FC latency: on loopback without it requests ` +
                    "never overlap, so no cap could show). Its token bucket starts full each run. Floor = (lookups - burst) / rate: no client can finish sooner.",
            );
            out.push("");
            out.push("| throttling | round trip | wall time | floor | lookups ok (worst run) | 429 answers | GETs | peak in flight (cap) |");
            out.push("|---|---|---|---|---|---|---|---|");
            for (const t of c.throttled) {
                out.push(
                    `| ${t.label} | ${t.latencyMs} ms | ${formatMs(t.ms)} | ${t.floorMs.toFixed(0)} ms | ${t.succeeded.min}/${t.lookups} | ${formatCount(t.throttledAnswers)} | ${formatCount(t.requests)} | ${formatCount(t.maxInFlight)} (${t.cap}) |`,
                );
            }
            out.push("");
            for (const t of c.throttled.filter((x) => x.firstError !== undefined)) {
                out.push(`First failure with ${t.label}: \`${t.firstError}\``);
                out.push("");
            }
            out.push("Unthrottled, same lookups, default cap against a wide one:");
            out.push("");
            out.push("| round trip | cap | wall time | peak in flight |");
            out.push("|---|---|---|---|");
            for (const u of c.unthrottled) {
                out.push(`| ${u.latencyMs} ms | ${u.cap} | ${formatMs(u.ms)} | ${formatCount(u.maxInFlight)} |`);
            }
            out.push("");
        }
        if (et !== undefined) {
            out.push(
                `Through the engine: \`pulumi up\` of ${et.sources} data sources, ${et.latencyMs} ms round trip, stand-in at ${et.limit.requestsPerSecond} req/s, burst ${et.limit.burst ?? "-"}` +
                    `${et.limit.retryAfterSeconds === undefined ? "" : `, Retry-After ${et.limit.retryAfterSeconds} s`}; default settings (cap ${d.maxConcurrentRequests}). A failed read fails the \`up\`.`,
            );
            out.push("");
            out.push("| runs succeeded | wall time | 429 answers | GETs | peak in flight | hosts |");
            out.push("|---|---|---|---|---|---|");
            out.push(
                `| ${et.succeededRuns}/${et.runs} | ${formatMs(et.ms)} | ${formatCount(et.throttledAnswers)} | ${formatCount(et.gets)} | ${formatCount(et.maxInFlight)} | ${formatCount(et.hosts)} |`,
            );
            out.push("");
            if (et.firstError !== undefined) {
                out.push("First failure:");
                out.push("");
                out.push("```");
                out.push(et.firstError);
                out.push("```");
                out.push("");
            }
        }
        const largest = engine === undefined || engine.length === 0 ? undefined : Math.max(...engine.map((x) => x.size));
        const wide = engine?.find((x) => x.size === largest && /^dataSourceCap/.test(x.kind));
        const def = engine?.find((x) => x.size === largest && /^dataSource@/.test(x.kind));
        if (wide !== undefined && def !== undefined) {
            out.push(
                `Through the engine, unthrottled, ${largest} data sources (the engine table has the runs): ${def.label} preview ${formatMs(def.preview.ms)}, up ${formatMs(def.up.ms)}; ${wide.label} preview ${formatMs(wide.preview.ms)}, up ${formatMs(wide.up.ms)}.`,
            );
            out.push("");
        }
    }

    if (engine !== undefined && engine.length > 0) {
        out.push("## Memory of the provider host");
        out.push("");
        out.push(
            "Peak RSS (`process.resourceUsage().maxRSS`) and CPU time of the provider host (`node .../cmd/dynamic-provider`), reported by bench/rss-probe.js, which the stacks' " +
                "environment preloads through `NODE_OPTIONS=--require` (the bench process's own environment is untouched, so the inline program is not probed).",
        );
        out.push("");
        out.push("| N | stack | host peak RSS, preview | host peak RSS, up | host CPU, preview | host CPU, up | stand-in CPU, preview / up |");
        out.push("|---|---|---|---|---|---|---|");
        for (const x of engine) {
            out.push(
                `| ${x.size} | ${x.label} | ${mib(x.preview.hostRssMiB)} | ${mib(x.up.hostRssMiB)} | ${formatMs(x.preview.hostCpuMs)} | ${formatMs(x.up.hostCpuMs)} | ${x.preview.standInCpuMs.median.toFixed(0)} / ${x.up.standInCpuMs.median.toFixed(0)} ms |`,
            );
        }
        out.push("");
        out.push(
            "The stand-in's CPU is FC's work: on this machine it competes with the CLI, the program and the host for the same cores, " +
                "so it is charged to the data-source stacks' wall time, while a real deployment would not pay it locally.",
        );
        out.push("");
        const others = [...new Set(engine.flatMap((x) => x.otherProcesses))];
        out.push(
            others.length === 0
                ? "The probe saw no node process other than the host."
                : `Other node processes the probe saw (not the host, not counted): ${others.map((x) => `\`${x}\``).join(", ")}.`,
        );
        out.push("");
    }

    out.push("## Raw runs");
    out.push("");
    out.push("```");
    out.push(...rawLines(results));
    out.push("```");
    out.push("");
    return out.join("\n");
}

function mib(s: Summary): string {
    return s.runs === 1 ? `${s.median.toFixed(1)} MiB` : `${s.median.toFixed(1)} MiB (${s.min.toFixed(1)}-${s.max.toFixed(1)})`;
}

/** Every summary's raw values, one per line, named by where they sit in the results. */
function rawLines(results: BenchResults): string[] {
    const lines: string[] = [];
    const visit = (value: unknown, name: string): void => {
        if (value === null || typeof value !== "object") {
            return;
        }
        if (isSummary(value)) {
            lines.push(`${name}: ${value.values.map((v) => (Number.isInteger(v) ? String(v) : v.toFixed(1))).join(", ")}`);
            return;
        }
        if (Array.isArray(value)) {
            value.forEach((item, i) => visit(item, `${name}[${labelOf(item) ?? i}]`));
            return;
        }
        for (const [key, inner] of Object.entries(value)) {
            if (key !== "deployment" && key !== "machine" && key !== "profile") {
                visit(inner, name === "" ? key : `${name}.${key}`);
            }
        }
    };
    visit(results, "");
    return lines;
}

function isSummary(value: object): value is Summary {
    return "values" in value && "median" in value && Array.isArray((value as Summary).values);
}

function labelOf(item: unknown): string | undefined {
    if (typeof item !== "object" || item === null) {
        return undefined;
    }
    const r = item as { kind?: unknown; size?: unknown; label?: unknown; cap?: unknown };
    if (typeof r.kind === "string" && typeof r.size === "number") {
        return `${r.kind} N=${r.size}`;
    }
    if (typeof r.label === "string") {
        return r.label;
    }
    return typeof r.cap === "number" ? `cap ${r.cap}` : undefined;
}
