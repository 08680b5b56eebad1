// Helpers for stored async-invoke configs shared by the FC 2.0 store (store.ts) and the FC 3.0 one
// (fc3Store.ts): the timestamp format and copying the fields both API versions have.

import type { AsyncConfigInput } from "./types";

/** ISO-8601 UTC without milliseconds, the format FC uses for createdTime / lastModifiedTime. */
export function isoSeconds(date: Date): string {
    return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A copy of the fields every FC version of a config shares (destinations, age, retries). */
export function copySharedInput(config: AsyncConfigInput): AsyncConfigInput {
    const copy: AsyncConfigInput = {};
    if (config.destinationConfig !== undefined) {
        const dc = config.destinationConfig;
        copy.destinationConfig =
            dc === null
                ? null
                : {
                      onSuccess: dc.onSuccess ? { destination: dc.onSuccess.destination } : dc.onSuccess,
                      onFailure: dc.onFailure ? { destination: dc.onFailure.destination } : dc.onFailure,
                  };
    }
    if (config.maxAsyncEventAgeInSeconds !== undefined) {
        copy.maxAsyncEventAgeInSeconds = config.maxAsyncEventAgeInSeconds;
    }
    if (config.maxAsyncRetryAttempts !== undefined) {
        copy.maxAsyncRetryAttempts = config.maxAsyncRetryAttempts;
    }
    return copy;
}
