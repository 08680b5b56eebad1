// A lookup context built as implementation.ts's `configure` builds one (createDeployment), but with
// the environment given instead of process.env: in-process tests of configuration stay hermetic.

import type { Environment } from "../../provider/settings/environment";
import { createDeployment, type Deployment } from "../../provider/core/deployment";
import { readStackSettings } from "../../provider/settings/stackSettings";

/** A fresh deployment's context for stack config `values` (as Pulumi hands them over) and environment `env`. */
export function contextFor(values: Record<string, unknown>, env: Environment): Deployment {
    return createDeployment(readStackSettings({ get: (key) => values[key] as string | undefined }), env);
}
