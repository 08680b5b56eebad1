// The provider as the engine's provider host runs it: loader.ts, the object serialized into state,
// loads this module by package path. It serves implementation.ts, with the host's print of the
// provider's verdicts reduced to the engine's own report (see hostOutput.ts).

import type { ConfigSource } from "./stackSettings";
import * as implementation from "./implementation";
import { installQuietVerdicts, quietVerdicts } from "./hostOutput";

installQuietVerdicts();

/** {@link implementation.configure}, inside the provider host. */
export function configure(config: ConfigSource): ReturnType<typeof implementation.configure> {
    return quietVerdicts(implementation.configure(config));
}

/** {@link implementation.read}, inside the provider host. */
export function read(id: string, props: Record<string, unknown>): ReturnType<typeof implementation.read> {
    return quietVerdicts(implementation.read(id, props));
}

/** {@link implementation.create}, inside the provider host: always refuses. */
export function create(): ReturnType<typeof implementation.create> {
    return quietVerdicts(implementation.create());
}
