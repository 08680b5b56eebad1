// Sample data: one FC 2.0 service whose configs cover the cases a reader of async-invoke configs must handle
// (both destinations set, one destination missing, none at all with zero retries and `false`, a config on
// an alias, and functions with no config), and FC 3.0 functions covering the same cases in FC 3.0's view.

import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, SEED_TIME } from "./defaults";
import type { Fc3Store } from "./fc3Store";
import type { EmulatorStore } from "./store";
import type { Fc3FunctionSeed, Seed } from "./types";

/**
 * FC 2.0: service `demo-service` with functions `hello`, `worker`, `zero`, `copy-target`; versions `1`, `2`;
 * alias `prod` -> `1`. Configs: `hello`@LATEST (both destinations, 300 s, 3 retries, stateful),
 * `hello`@prod (onFailure only, 3600 s, 1 retry, not stateful), `zero`@LATEST (no destinations,
 * 60 s, 0 retries, not stateful). `worker` and `copy-target` have none.
 *
 * FC 3.0 (separate; none of these is an FC 2.0 function, nor the other way round): function `fc3-hello`
 * with versions `1`, `2` and alias `prod` -> `1`; configs `fc3-hello`@LATEST (both destinations, 300 s,
 * 3 retries, asyncTask), `fc3-hello`@prod (onFailure only, 3600 s, 1 retry, no asyncTask), `fc3-zero`@LATEST
 * (no destinations, 60 s, 0 retries, asyncTask false). `fc3-idle` has none.
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
    fc3Functions: [
        {
            name: "fc3-hello",
            versions: ["1", "2"],
            aliases: { prod: "1" },
            asyncConfigs: [
                {
                    qualifier: "LATEST",
                    config: {
                        destinationConfig: {
                            onSuccess: { destination: `acs:fc:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:functions/on-success` },
                            onFailure: { destination: `acs:mns:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:/queues/failed-events/messages` },
                        },
                        maxAsyncEventAgeInSeconds: 300,
                        maxAsyncRetryAttempts: 3,
                        asyncTask: true,
                    },
                },
                {
                    qualifier: "prod",
                    config: {
                        destinationConfig: { onFailure: { destination: `acs:mns:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:/queues/failed-events/messages` } },
                        maxAsyncEventAgeInSeconds: 3600,
                        maxAsyncRetryAttempts: 1,
                        asyncTask: false,
                    },
                },
            ],
        },
        { name: "fc3-zero", asyncConfigs: [{ config: { maxAsyncEventAgeInSeconds: 60, maxAsyncRetryAttempts: 0, asyncTask: false } }] },
        { name: "fc3-idle" },
    ],
};

/**
 * Loads a seed (FC 2.0 services, then FC 3.0 functions) into a store. Seeded configs are stamped with {@link SEED_TIME}, so a later write is
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
    (seed.fc3Functions ?? []).forEach((fn) => applyFc3Function(store.fc3, fn));
}

function applyFc3Function(store: Fc3Store, fn: Fc3FunctionSeed): void {
    store.putFunction(fn.name);
    (fn.versions ?? []).forEach((version) => store.putVersion(fn.name, version));
    Object.entries(fn.aliases ?? {}).forEach(([alias, version]) => store.putAlias(fn.name, alias, version));
    (fn.asyncConfigs ?? []).forEach((entry) => store.putAsyncConfig(fn.name, entry.qualifier ?? "LATEST", entry.config, { time: SEED_TIME }));
}
