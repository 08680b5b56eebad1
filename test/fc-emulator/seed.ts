// Sample data: one service whose configs cover the cases a reader of async-invoke configs must handle
// (both destinations set, one destination missing, none at all with zero retries and `false`, a config on
// an alias, and functions with no config).

import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, SEED_TIME } from "./defaults";
import type { EmulatorStore } from "./store";
import type { Seed } from "./types";

/**
 * Service `demo-service` with functions `hello`, `worker`, `zero`, `copy-target`; versions `1`, `2`;
 * alias `prod` -> `1`. Configs: `hello`@LATEST (both destinations, 300 s, 3 retries, stateful),
 * `hello`@prod (onFailure only, 3600 s, 1 retry, not stateful), `zero`@LATEST (no destinations,
 * 60 s, 0 retries, not stateful). `worker` and `copy-target` have none.
 */
export const sampleSeed: Seed = {
    services: [
        {
            name: "demo-service",
            functions: ["hello", "worker", "zero", "copy-target"],
            versions: ["1", "2"],
            aliases: { prod: "1" },
            asyncConfigs: [
                {
                    function: "hello",
                    qualifier: "LATEST",
                    config: {
                        destinationConfig: {
                            onSuccess: { destination: `acs:fc:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:services/demo-service/functions/on-success` },
                            onFailure: { destination: `acs:mns:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:/queues/failed-events/messages` },
                        },
                        maxAsyncEventAgeInSeconds: 300,
                        maxAsyncRetryAttempts: 3,
                        statefulInvocation: true,
                    },
                },
                {
                    function: "hello",
                    qualifier: "prod",
                    config: {
                        destinationConfig: {
                            onSuccess: null,
                            onFailure: { destination: `acs:mns:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:/queues/failed-events/messages` },
                        },
                        maxAsyncEventAgeInSeconds: 3600,
                        maxAsyncRetryAttempts: 1,
                        statefulInvocation: false,
                    },
                },
                {
                    function: "zero",
                    qualifier: "LATEST",
                    config: {
                        destinationConfig: null,
                        maxAsyncEventAgeInSeconds: 60,
                        maxAsyncRetryAttempts: 0,
                        statefulInvocation: false,
                    },
                },
            ],
        },
    ],
};

/**
 * Loads a seed into a store. Seeded configs are stamped with {@link SEED_TIME}, so a later write is
 * visible in `lastModifiedTime` at once. Throws when a config names a function, version or alias the
 * seed does not define.
 */
export function applySeed(store: EmulatorStore, seed: Seed): void {
    for (const service of seed.services) {
        store.putService(service.name);
        for (const fn of service.functions) {
            store.putFunction(service.name, fn);
        }
        for (const version of service.versions ?? []) {
            store.putVersion(service.name, version);
        }
        for (const [alias, version] of Object.entries(service.aliases ?? {})) {
            store.putAlias(service.name, alias, version);
        }
        for (const entry of service.asyncConfigs ?? []) {
            store.putAsyncConfig(service.name, entry.function, entry.qualifier ?? "LATEST", entry.config, { time: SEED_TIME });
        }
    }
}
