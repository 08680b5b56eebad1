// Helpers for stored async-invoke configs shared by the FC 2.0 store (store.ts) and the FC 3.0 one
// (fc3Store.ts): the timestamp format and copying a config.

import type { AsyncConfigInput } from "./types";

/** ISO-8601 UTC without milliseconds, the format FC uses for createdTime / lastModifiedTime. */
export function isoSeconds(date: Date): string {
    return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * A copy of a config or record (of either API version) that shares nothing with it: its own fields as they
 * are (all plain values; `undefined` ones left out) and a fresh `destinationConfig`, so a caller cannot change what the store holds.
 */
export function copyConfig<T extends AsyncConfigInput>(config: T): T {
    // Fields given as `undefined` are left out, as if not given.
    const copy = Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined)) as T;
    const dc = config.destinationConfig;
    if (dc === undefined || dc === null) {
        return copy;
    }
    return {
        ...copy,
        destinationConfig: {
            onSuccess: dc.onSuccess ? { destination: dc.onSuccess.destination } : dc.onSuccess,
            onFailure: dc.onFailure ? { destination: dc.onFailure.destination } : dc.onFailure,
        },
    };
}
