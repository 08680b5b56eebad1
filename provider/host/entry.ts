// The provider as the engine's provider host runs it: the loader serialized into state
// (program/loader.ts) loads this module by package path (`bin/provider/host`, a one-line module that
// re-exports it) and calls it through the contract the loader declares. It serves provider.ts, with
// the host's print of the provider's verdicts reduced to the engine's own report (see hostOutput.ts).

import type { ProviderHost } from "../program/loader";
import { FIRST_DATA_SOURCE, keyedRead } from "./legacyCalls";
import * as provider from "./provider";
import { installQuietVerdicts, quietVerdicts } from "./hostOutput";

installQuietVerdicts();

/**
 * The deployment's configuration, taken once. The host configures each distinct serialized provider
 * (one per data source kind) with the same stack config; configuring again would start a new
 * deployment and drop the answers, credentials and throttling pause the others share.
 */
let configured: Promise<void> | undefined;

/** {@link provider.configure}, inside the provider host: once per host process. */
export const configure: ProviderHost["configure"] = (config) => {
    configured ??= provider.configure(config);
    // Each caller's failure is printed by the host on its own, so each is filtered on its own.
    return quietVerdicts(configured);
};

/**
 * {@link provider.read}, inside the provider host. A call without a key, from a loader 0.1.0
 * wrote, reads the FC 2.0 single config, so that `pulumi refresh` of old state works before an `up`
 * rewrites it.
 */
export const read: ProviderHost["read"] = (...call) => quietVerdicts(provider.read(...keyedRead(call)));

/** {@link provider.create}, inside the provider host: always refuses. A 0.1.0 loader passes no key. */
export const create: ProviderHost["create"] = (key = FIRST_DATA_SOURCE) => quietVerdicts(provider.create(key));
