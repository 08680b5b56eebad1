// Preloaded into the node processes the pulumi CLI starts, by NODE_OPTIONS="--require <this file>" in the
// benchmark stacks' environment (see host-probe.ts). Plain JavaScript on purpose: it is loaded by bare
// `node` before anything else, where ts-node is not registered.
//
// It records the process's peak RSS and CPU time in `$BENCH_RSS_DIR/<pid>-<start ms>.json`: every 100 ms and at
// exit, because the CLI may end a plugin with a signal and an exit hook alone would then never run.
// It adds no handlers that change how the process behaves (no signal handlers) and its timer is
// unref'd, so it never keeps a process alive. Without BENCH_RSS_DIR it does nothing.
"use strict";

const dir = process.env.BENCH_RSS_DIR;
if (dir) {
    const fs = require("fs");
    const path = require("path");
    // The start time in the name keeps a reused pid from overwriting an earlier process's report.
    const file = path.join(dir, `${process.pid}-${Date.now()}.json`);
    const temp = `${file}.tmp`;
    const started = Date.now();
    const write = () => {
        try {
            const usage = process.resourceUsage();
            const sample = {
                pid: process.pid,
                ppid: process.ppid,
                argv: process.argv,
                // Kilobytes on Linux and macOS.
                maxRssKb: usage.maxRSS,
                userCpuUs: usage.userCPUTime,
                systemCpuUs: usage.systemCPUTime,
                aliveMs: Date.now() - started,
            };
            // Write then rename, so a reader never sees half a file.
            fs.writeFileSync(temp, JSON.stringify(sample));
            fs.renameSync(temp, file);
        } catch {
            // A full disk or a removed directory must not break the process being measured.
        }
    };
    write();
    setInterval(write, 100).unref();
    process.on("exit", write);
}
