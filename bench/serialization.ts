// Goal 4's second half: what it costs to serialize the provider into `__provider`, as
// pulumi.dynamic.Resource does (node_modules/@pulumi/pulumi/dynamic/index.js:
// `serializeFunction(() => provider, { allowSecrets: true })`, cached per provider object, so once per
// program run however many data sources it registers).
//
// Cold: a fresh `node` per run loads @pulumi/pulumi and the built package, then serializes once; this
// is what a JavaScript program pays on its first data source (it includes loading the closure
// serializer). Warm: repeated serializations in the bench process, for this provider and for the
// trivial floor provider, which isolates the cost of what the provider object reaches.

import { execFileSync } from "node:child_process";
import * as pulumi from "@pulumi/pulumi";
import { builtPackage } from "./built-package";
import { REPO_ROOT } from "../test/support/engine";
import { summarize, Summary, timed } from "./stats";
import { trivialProvider } from "./trivial-resource";

export interface SerializationResult {
    /** First serialization in a fresh node process, ms. */
    coldMs: Summary;
    /** Loading @pulumi/pulumi and the package in that process, ms (for scale; paid by any program). */
    coldLoadMs: Summary;
    /** Repeat serializations in a warm process, ms. */
    warmMs: Summary;
    /** The same for the trivial provider. */
    trivialWarmMs: Summary;
    /** Length of the serialized text, characters. */
    bytes: number;
    trivialBytes: number;
}

/** Plain JavaScript for `node -e`: prints `{loadMs, serializeMs, bytes}`. */
const COLD_SCRIPT = `
const { performance } = require("node:perf_hooks");
const t0 = performance.now();
const pulumi = require("@pulumi/pulumi");
const provider = require("pulumi-fc-async-invoke-config").functionAsyncInvokeConfigProvider;
const t1 = performance.now();
pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true }).then((sf) => {
    const t2 = performance.now();
    process.stdout.write(JSON.stringify({ loadMs: t1 - t0, serializeMs: t2 - t1, bytes: sf.text.length }));
});
`;

interface ColdSample {
    loadMs: number;
    serializeMs: number;
    bytes: number;
}

export async function measureSerialization(runs: number): Promise<SerializationResult> {
    const cold: ColdSample[] = [];
    for (let r = 0; r < runs; r++) {
        const out = execFileSync(process.execPath, ["--no-deprecation", "--no-warnings", "-e", COLD_SCRIPT], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
        cold.push(JSON.parse(out) as ColdSample);
    }
    const provider = builtPackage().functionAsyncInvokeConfigProvider;
    const serialize = (p: pulumi.dynamic.ResourceProvider) => pulumi.runtime.serializeFunction(() => p, { allowSecrets: true });
    // One unmeasured call each loads the serializer's own modules in this process.
    const bytes = (await serialize(provider)).text.length;
    const trivialBytes = (await serialize(trivialProvider)).text.length;
    const warm: number[] = [];
    const trivialWarm: number[] = [];
    for (let r = 0; r < runs; r++) {
        warm.push((await timed(() => serialize(provider))).ms);
        trivialWarm.push((await timed(() => serialize(trivialProvider))).ms);
    }
    return {
        coldMs: summarize(cold.map((c) => c.serializeMs)),
        coldLoadMs: summarize(cold.map((c) => c.loadMs)),
        warmMs: summarize(warm),
        trivialWarmMs: summarize(trivialWarm),
        bytes,
        trivialBytes,
    };
}
