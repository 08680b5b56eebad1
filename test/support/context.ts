// A lookup context built by hand, as implementation.ts's `configure` builds one, but with the
// environment given instead of process.env: in-process tests of configuration stay hermetic.

import { ConcurrencyLimiter } from "../../provider/concurrency";
import type { Environment } from "../../provider/environment";
import type { LookupContext } from "../../provider/lookup";
import { createSecretSet } from "../../provider/redaction";
import { readStackSettings } from "../../provider/stackSettings";

/** A fresh deployment's context for stack config `values` (as Pulumi hands them over) and environment `env`. */
export function contextFor(values: Record<string, unknown>, env: Environment): LookupContext {
    const stack = readStackSettings({ get: (key) => values[key] as string | undefined });
    return {
        stack,
        env,
        limiter: new ConcurrencyLimiter(stack.tuning.maxConcurrentRequests),
        answers: new Map(),
        routes: new Map(),
        accounts: new Map(),
        secrets: createSecretSet(),
    };
}
