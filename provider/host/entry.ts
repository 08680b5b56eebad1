// The provider as the engine's provider host runs it: loader.ts, the object serialized into state,
// loads this module by package path. It serves implementation.ts, with the host's print of the
// provider's verdicts reduced to the engine's own report (see hostOutput.ts).

import type { ConfigSource } from "../settings/stackSettings";
import * as implementation from "./provider";
import { installQuietVerdicts, quietVerdicts } from "./hostOutput";

installQuietVerdicts();

/**
 * The deployment's configuration, taken once. The host configures each distinct serialized provider
 * (one per data source kind) with the same stack config; configuring again would start a new
 * deployment and drop the answers, credentials and throttling pause the others share.
 */
let configured: Promise<void> | undefined;

/** {@link implementation.configure}, inside the provider host: once per host process. */
export function configure(config: ConfigSource): Promise<void> {
    configured ??= implementation.configure(config);
    // Each caller's failure is printed by the host on its own, so each is filtered on its own.
    return quietVerdicts(configured);
}

/**
 * {@link implementation.read}, inside the provider host. State written by 0.1.0 holds a loader that calls
 * `read(id, props)`, without a key: such a call reads the FC 2.0 single config, the one data source that
 * version had, so that `pulumi refresh` of old state works before an `up` rewrites it.
 */
export function read(
    ...call: [key: string, id: string, props: Record<string, unknown>] | [id: string, props: Record<string, unknown>]
): ReturnType<typeof implementation.read> {
    const [key, id, props] = call.length === 3 ? call : [FIRST_DATA_SOURCE, ...call];
    return quietVerdicts(implementation.read(key, id, props));
}

/** {@link implementation.create}, inside the provider host: always refuses. A 0.1.0 loader passes no key. */
export function create(key: string = FIRST_DATA_SOURCE): ReturnType<typeof implementation.create> {
    return quietVerdicts(implementation.create(key));
}

/** The key of the only data source of 0.1.0, whose serialized loader names none. */
const FIRST_DATA_SOURCE = "fc:FunctionAsyncInvokeConfig";
