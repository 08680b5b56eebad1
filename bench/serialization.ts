// Goal 4's second half: what it costs to serialize the provider into `__provider`. pulumi.dynamic.Resource
// does it (node_modules/@pulumi/pulumi/dynamic/index.js) as `serializeFunction(() => provider,
// { allowSecrets: true })`, cached per provider object, so once per program run however many data
// sources the program registers.
//
// Measured through a real registration, so it follows whatever object the package hands to
// pulumi.dynamic.Resource: a fresh `node` (plain JavaScript, like a JS program) loads @pulumi/pulumi,
// and the built package, wraps the serializer's `serializeFunction` to time it
// and keep its argument, sets mocks, and registers one data source. Its first serialization is the cold
// figure; serializing the kept argument again gives the warm figure. A second data source shows the
// per-object cache (no second serialization). The trivial floor provider is measured warm in this process.

import { execFileSync } from "node:child_process";
import * as pulumi from "@pulumi/pulumi";
import { REPO_ROOT } from "../test/support/engine";
import { summarize, type Summary, timed } from "./stats";
import { trivialProvider } from "./trivial-resource";

export interface SerializationResult {
    /** Loading @pulumi/pulumi and the built package in a fresh process, ms (paid by any program). */
    loadMs: Summary;
    /** The first serialization in that process, ms (includes the serializer's lazily loaded dependencies). */
    coldMs: Summary;
    /** Repeat serializations of the same provider, ms (medians of each process's repeats). */
    warmMs: Summary;
    /** Serializations seen while registering two data sources: 1 when the per-object cache works. */
    serializationsForTwo: number;
    /** Length of `__provider` as registered, bytes. */
    bytes: number;
    /** Warm serialization of the trivial provider in the bench process, ms. */
    trivialWarmMs: Summary;
    trivialBytes: number;
}

/** Plain JavaScript for `node -e`; prints one JSON ColdSample. */
const CHILD_SCRIPT = `
const { performance } = require("node:perf_hooks");
const t0 = performance.now();
const pulumi = require("@pulumi/pulumi");
const pkg = require("pulumi-fc-async-invoke-config");
const t1 = performance.now();
const closure = require("@pulumi/pulumi/runtime/closure/serializeClosure");
const original = closure.serializeFunction;
const calls = [];
closure.serializeFunction = (fn, args) => {
    const started = performance.now();
    const done = original(fn, args);
    calls.push({ fn, args, done: done.then((sf) => ({ ms: performance.now() - started, text: sf.text })) });
    return done;
};
const registered = [];
pulumi.runtime.setMocks({
    newResource: (a) => { registered.push(a.inputs); return { id: a.id || a.name, state: a.inputs }; },
    call: () => ({}),
}, "bench", "dev", true);
pkg.getFunctionAsyncInvokeConfig("one", { serviceName: "bench", functionName: "fn-0000", endpoint: "http://127.0.0.1:9" });
pkg.getFunctionAsyncInvokeConfig("two", { serviceName: "bench", functionName: "fn-0001", endpoint: "http://127.0.0.1:9" });
(async () => {
    if (calls.length === 0) throw new Error("registering a data source serialized nothing");
    const first = await calls[0].done;
    const warm = [];
    for (let i = 0; i < 5; i++) {
        const s = performance.now();
        await original(calls[0].fn, calls[0].args);
        warm.push(performance.now() - s);
    }
    warm.sort((a, b) => a - b);
    for (let i = 0; i < 100 && registered.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    const provider = registered.map((inputs) => inputs.__provider).find((p) => typeof p === "string") || first.text;
    process.stdout.write(JSON.stringify({ loadMs: t1 - t0, coldMs: first.ms, warmMs: warm[2], calls: calls.length, bytes: Buffer.byteLength(provider) }));
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

interface ChildSample {
    loadMs: number;
    coldMs: number;
    warmMs: number;
    calls: number;
    bytes: number;
}

export async function measureSerialization(runs: number): Promise<SerializationResult> {
    const samples: ChildSample[] = [];
    for (let r = 0; r < runs; r++) {
        const out = execFileSync(process.execPath, ["--no-deprecation", "--no-warnings", "-e", CHILD_SCRIPT], {
            cwd: REPO_ROOT,
            encoding: "utf8",
            // Not the bench's NODE_OPTIONS (mocha may preload ts-node, which loads TypeScript early).
            env: { ...process.env, NODE_OPTIONS: "" },
        });
        samples.push(JSON.parse(out) as ChildSample);
    }
    const serialize = (p: pulumi.dynamic.ResourceProvider) => pulumi.runtime.serializeFunction(() => p, { allowSecrets: true });
    const trivialBytes = (await serialize(trivialProvider)).text.length;
    const trivialWarm: number[] = [];
    for (let r = 0; r < runs; r++) {
        trivialWarm.push((await timed(() => serialize(trivialProvider))).ms);
    }
    return {
        loadMs: summarize(samples.map((s) => s.loadMs)),
        coldMs: summarize(samples.map((s) => s.coldMs)),
        warmMs: summarize(samples.map((s) => s.warmMs)),
        serializationsForTwo: Math.max(...samples.map((s) => s.calls)),
        bytes: samples[0].bytes,
        trivialWarmMs: summarize(trivialWarm),
        trivialBytes,
    };
}
