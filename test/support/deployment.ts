// The one way tests build a deployment: as the provider's `configure` builds one (createDeployment),
// from stack config as Pulumi hands it over, but with the environment and the clock the test gives,
// so that in-process tests of configuration stay hermetic and retries wait for nothing.

import { createDeployment, type Deployment } from "../../provider/core/deployment";
import { type RetryEnvironment } from "../../provider/core/retry";
import { type Environment } from "../../provider/settings/environment";
import { readStackSettings } from "../../provider/settings/stackSettings";
import { type FcEmulator } from "../../provider/emulator";
import { standInSettings, type Settings } from "./standInProvider";

/** What a test may give a deployment besides its stack config. */
export interface DeploymentOptions {
    /** The environment; default the process's (which the in-process suites keep hermetic). */
    env?: Environment;
    /** The retry environment; default the real clock (a {@link testClock} waits for nothing). */
    clock?: RetryEnvironment;
}

/** A fresh deployment for stack config `values`, keys as in `Pulumi.<stack>.yaml` (`alicloud:region`, …). */
export function deploymentFor(values: Record<string, unknown>, options: DeploymentOptions = {}): Deployment {
    const deployment = createDeployment(readStackSettings({ get: (key) => values[key] as string | undefined }), options.env);
    deployment.retryEnvironment = options.clock;
    return deployment;
}

/** A fresh deployment reading the FC stand-in `fc`, with `overrides` of its settings. */
export function standInDeployment(fc: FcEmulator, overrides: Settings = {}, options: DeploymentOptions = {}): Deployment {
    return deploymentFor(standInSettings(fc, overrides), options);
}
