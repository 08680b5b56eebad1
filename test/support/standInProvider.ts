// The in-process provider (provider/host/provider.ts) against FC stand-ins, for suites that play FC
// answers at it: a hermetic environment, stand-ins closed after each test, configure and read as the
// provider host calls them, and the errors a read raised.
//
// Hermetic (hermeticEnvironment.ts): HOME is a temp dir, the credential chain's ECS metadata and CLI
// profile lookups are off, and every ALIBABA_CLOUD_* / ALICLOUD_* variable is removed while the suite runs.

import * as assert from "node:assert/strict";

import * as implementation from "../../provider/host/provider";
import type { FunctionAsyncInvokeConfigOutputs } from "../../provider/dataSources/functionAsyncInvokeConfig";
import { type FcEmulator, type FcEmulatorOptions, type RecordedRequest, startFcEmulator } from "../../provider/emulator";
import { useHermeticEnvironment } from "./hermeticEnvironment";

/** The service of the stand-in's sample seed that the suites read from. */
export const SERVICE = "demo-service";

/** Stack config as `configure` receives it; `undefined` removes a key. */
export type Settings = Record<string, string | undefined>;

/** A lookup's arguments; `serviceName` defaults to {@link SERVICE}, `endpoint` to the stand-in. */
export interface Lookup {
    serviceName?: string;
    functionName?: string;
    qualifier?: string;
    region?: string;
    accountId?: string;
    endpoint?: string;
}

/** What a suite gets from {@link useStandInProvider}. */
export interface StandInProvider {
    /** Starts a stand-in, closed after the test. */
    start(options?: FcEmulatorOptions): Promise<FcEmulator>;
    /** Starts a fresh deployment configured for `fc` (small tuning, so retries are quick), with `overrides`. */
    configure(fc: FcEmulator, overrides?: Settings): Promise<void>;
    /** `read` as the engine calls it for a lookup: the derived id and the lookup's inputs. */
    read(fc: FcEmulator, lookup: Lookup): Promise<FunctionAsyncInvokeConfigOutputs>;
    /** The home directory of the suite (a temp dir), for credential files. */
    home(): string;
}

/** Stack config for a stand-in, with small tuning so retries are quick; `overrides` win, `undefined` removes a key. */
export function standInSettings(fc: FcEmulator, overrides: Settings = {}): Settings {
    return {
        "alicloud:accessKey": fc.accessKeyId,
        "alicloud:secretKey": fc.accessKeySecret,
        "alicloud:accountId": fc.accountId,
        "alicloud:region": fc.region,
        "fcAsyncInvokeConfig:timeoutSeconds": "5",
        "fcAsyncInvokeConfig:maxAttempts": "4",
        "fcAsyncInvokeConfig:retryBudgetSeconds": "10",
        "fcAsyncInvokeConfig:maxConcurrentRequests": "8",
        ...overrides,
    };
}

/** Registers the suite's hooks (call it inside `describe`) and returns its helpers. */
export function useStandInProvider(): StandInProvider {
    const running: FcEmulator[] = [];
    const home = useHermeticEnvironment();
    afterEach(async () => {
        await Promise.all(running.splice(0).map((fc) => fc.close()));
    });

    return {
        async start(options = {}) {
            const fc = await startFcEmulator(options);
            running.push(fc);
            return fc;
        },
        async configure(fc, overrides = {}) {
            const settings = standInSettings(fc, overrides);
            await implementation.configure({ get: (key) => settings[key] });
        },
        async read(fc, lookup) {
            const props: Record<string, unknown> = { serviceName: SERVICE, endpoint: fc.endpoint, ...lookup };
            const result = await implementation.read(
                "fc:FunctionAsyncInvokeConfig",
                `${String(props.serviceName)}:${String(props.functionName)}:${lookup.qualifier ?? "LATEST"}`,
                props,
            );
            assert.ok(result.props !== undefined, "read returned no props");
            return result.props as unknown as FunctionAsyncInvokeConfigOutputs;
        },
        home,
    };
}

/** Everything a user could ever see of an error: message, stack and own fields. */
export function visibleText(err: Error): string {
    return `${err.message}\n${err.stack ?? ""}\n${JSON.stringify(err)}`;
}

/** The stand-in's complete log, once it is closed (close() resolves after the last exchange was recorded). */
export async function closedLog(fc: FcEmulator): Promise<RecordedRequest[]> {
    await fc.close();
    return [...fc.requests].sort((a, b) => a.at - b.at);
}
