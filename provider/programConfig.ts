// The deployment of the invoke forms: they read in the program's own process, with the same stack
// config the provider host gets (`alicloud:*`, `fcAsyncInvokeConfig:*`), read through `pulumi.Config`.
// One program run is one deployment: its invoke reads share answers, credentials, the request cap and
// the throttling pause, as the resource forms' reads do in the provider host.

import * as pulumi from "@pulumi/pulumi";
import { createLookupContext, type LookupContext } from "./lookup";
import { type ConfigSource, readStackSettings } from "./stackSettings";

/**
 * Deployments by the program run they belong to, keyed by the run's stack resource (a new object each
 * run). A process may run programs many times: the Automation API runs an inline program in its own
 * process for every preview and up, of any stack. Each run reads its own stack's config and asks FC
 * afresh, instead of answering from what an earlier run read.
 */
const contexts = new WeakMap<object, LookupContext>();
/** The deployment of reads made outside any program run (no stack resource, e.g. under mocks). */
let outsideRun: LookupContext | undefined;

/** The deployment of the current program run, created on its first invoke read. */
export function programContext(): LookupContext {
    const run = pulumi.runtime.getStackResource();
    if (run === undefined) {
        outsideRun ??= createLookupContext(readStackSettings(programConfig));
        return outsideRun;
    }
    let context = contexts.get(run);
    if (context === undefined) {
        context = createLookupContext(readStackSettings(programConfig));
        contexts.set(run, context);
    }
    return context;
}

/** `namespace:key` through `pulumi.Config`, secrets included (they stay in memory, as in the provider host). */
const programConfig: ConfigSource = {
    get(fullKey) {
        const at = fullKey.indexOf(":");
        return new pulumi.Config(fullKey.slice(0, at)).get(fullKey.slice(at + 1));
    },
};
