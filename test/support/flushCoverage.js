// Preloaded (NODE_OPTIONS=--require) into every Node process of a coverage run (`npm test` under c8).
// The pulumi CLI ends its plugin processes, such as the dynamic-provider host, with a signal, and V8 writes
// the coverage that NODE_V8_COVERAGE asks for only at a normal exit: so on those signals, write it first.
// Plain JavaScript, so that it loads before ts-node in any process.
"use strict";
const v8 = require("node:v8");

if (process.env.NODE_V8_COVERAGE) {
    for (const signal of ["SIGINT", "SIGTERM"]) {
        process.once(signal, () => {
            v8.takeCoverage();
            process.kill(process.pid, signal);
        });
    }
}
