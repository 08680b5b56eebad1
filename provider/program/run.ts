// The program run in progress, as what is kept once per run is keyed: the Automation API runs inline
// programs again and again in one process, and each run creates its stack resource anew.

import * as pulumi from "@pulumi/pulumi";

/** The key outside a run (no stack resource yet, e.g. under `pulumi.runtime.setMocks` before one is made). */
const OUTSIDE_A_RUN = {};

/** The run in progress: its stack resource, or one shared key outside a run. */
export function currentRun(): object {
    return pulumi.runtime.getStackResource() ?? OUTSIDE_A_RUN;
}
