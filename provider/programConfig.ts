// The deployment of the invoke forms: they read in the program's own process, with the same stack
// config the provider host gets (`alicloud:*`, `fcAsyncInvokeConfig:*`), read through `pulumi.Config`.
// One program run is one deployment: its invoke reads share answers, credentials, the request cap and
// the throttling pause, as the resource forms' reads do in the provider host.

import * as pulumi from "@pulumi/pulumi";
import { createLookupContext, type LookupContext } from "./lookup";
import { type ConfigSource, readStackSettings } from "./stackSettings";

let context: LookupContext | undefined;

/** The program's deployment, created on the first invoke read. */
export function programContext(): LookupContext {
    context ??= createLookupContext(readStackSettings(programConfig));
    return context;
}

/** `namespace:key` through `pulumi.Config`, secrets included (they stay in memory, as in the provider host). */
const programConfig: ConfigSource = {
    get(fullKey) {
        const at = fullKey.indexOf(":");
        return new pulumi.Config(fullKey.slice(0, at)).get(fullKey.slice(at + 1));
    },
};
