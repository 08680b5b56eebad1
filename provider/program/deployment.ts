// The deployment of the invoke forms: they read in the program's own process, with the same stack
// config the provider host gets (`alicloud:*`, `fcAsyncInvokeConfig:*`), read through `pulumi.Config`.
// One program run is one deployment: its invoke reads share answers, credentials, the request cap and
// the throttling pause, as the resource forms' reads do in the provider host, and the next run starts
// afresh. A process may run several (the Automation API runs inline programs in its own process), so
// each run's deployment is kept under the run's stack resource, which every run creates anew.

import * as pulumi from "@pulumi/pulumi";
import { type ListDataSource, type SingleDataSource } from "../core/dataSource";
import { readDataSource } from "../core/read";
import { createDeployment, type Deployment } from "../core/deployment";
import { readStackSettings } from "../settings/stackSettings";
import { type ConfigSource } from "../settings/configKeys";
import { type Scope } from "../types";
import { currentRun } from "./run";

const deployments = new WeakMap<object, Deployment>();

/** The deployment of the program run in progress, created on its first invoke read. */
export function programDeployment(): Deployment {
    const run = currentRun();
    let deployment = deployments.get(run);
    if (deployment === undefined) {
        deployment = createDeployment(readStackSettings(programConfig));
        deployments.set(run, deployment);
    }
    return deployment;
}

/** Reads a data source in the program run in progress, as the invoke forms do. */
export function readInProgram<Args extends Scope, Answer, Outputs>(
    source: SingleDataSource<Args, Answer, Outputs> | ListDataSource<Args, Answer, Outputs>,
    args: Record<string, unknown>,
): Promise<Outputs> {
    return readDataSource(programDeployment(), source, args);
}

/** `namespace:key` through `pulumi.Config`, secrets included (they stay in memory, as in the provider host). */
const programConfig: ConfigSource = {
    get(fullKey) {
        const at = fullKey.indexOf(":");
        return new pulumi.Config(fullKey.slice(0, at)).get(fullKey.slice(at + 1));
    },
};
