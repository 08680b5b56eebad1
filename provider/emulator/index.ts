// Public entry of the FC emulator: a local HTTP stand-in for Function Compute that serves async-invoke configs
// to the real SDKs: FC 2.0 (API 2021-04-06, @alicloud/fc-open20210406) and, as a separate view of separate
// data, FC 3.0 (API 2023-03-30, @alicloud/fc20230330). For tests and demos only; it is not part of the
// provider runtime.
//
//   const fc = await startFcEmulator();
//   const client = new FC(new $OpenApi.Config({ endpoint: fc.host, protocol: "http",
//       accessKeyId: fc.accessKeyId, accessKeySecret: fc.accessKeySecret }));
//   ...
//   await fc.close();

import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from "./defaults";
import { applySeed, sampleSeed } from "./seed";
import { EmulatorServer } from "./server";
import { EmulatorStore } from "./store";
import type { EmulatorCredential, FaultMix, FaultRule, FcEmulatorOptions, RecordedRequest } from "./types";

export { API_VERSION, DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, DEFAULT_ACCOUNT_ID, DEFAULT_REGION, FC3_API_VERSION, SEED_TIME } from "./defaults";
export { FcError } from "./errors";
export { Fc3Store } from "./fc3Store";
export type { ManyQualifiersOptions } from "./qualifiers";
export { applySeed, sampleSeed } from "./seed";
export { EmulatorStore, type PutAsyncConfigOptions } from "./store";
export type {
    AsyncConfigInput,
    AsyncConfigRecord,
    DestinationInput,
    EmulatorCredential,
    Fc3AsyncConfigInput,
    Fc3AsyncConfigRecord,
    Fc3FunctionSeed,
    Fault,
    FaultMix,
    FaultRule,
    FcEmulatorOptions,
    RateLimit,
    RecordedRequest,
    Seed,
} from "./types";

/** A running emulator. */
export interface FcEmulator {
    /** `http://HOST:PORT`. */
    readonly endpoint: string;
    /** `HOST:PORT`, what the SDK's `Config.endpoint` takes (with `protocol: "http"`). */
    readonly host: string;
    readonly accountId: string;
    readonly region: string;
    /** The first credential's key id. */
    readonly accessKeyId: string;
    /** The first credential's secret (a fake; the emulator itself never logs it). */
    readonly accessKeySecret: string;
    /** Every request seen, in the order their exchanges ended. */
    readonly requests: RecordedRequest[];
    /** The emulator's data, for arranging and inspecting tests directly; `store.fc3` holds the FC 3.0 view's. */
    readonly store: EmulatorStore;
    /** Accepts one more key from now on, e.g. a temporary key STS issued (see test/sts-emulator). */
    addCredential(credential: EmulatorCredential): void;
    /** Adds a fault rule; rules are tried in the order they were added, first match wins. */
    addFault(rule: FaultRule): void;
    /** Removes every fault rule. */
    clearFaults(): void;
    /** Sets, replaces or (with `undefined`) removes the fault mix; a new mix starts its draws from its seed. */
    setFaultMix(mix: FaultMix | undefined): void;
    /** Sets, replaces or (with `undefined`) removes the rate limit. The bucket starts full. */
    setRateLimit(limit: FcEmulatorOptions["rateLimit"] | undefined): void;
    /** The highest number of requests in flight at once since start or the last {@link resetLog}. */
    maxInFlight(): number;
    /** Clears {@link requests} and restarts {@link maxInFlight} from the requests in flight now. */
    resetLog(): void;
    /** Stops listening and destroys open (also keep-alive) connections so the process can exit. */
    close(): Promise<void>;
}

/**
 * Starts an emulator and resolves once it listens. Defaults: 127.0.0.1 on a free port, the sample seed,
 * one key ({@link DEFAULT_ACCESS_KEY_ID} / {@link DEFAULT_ACCESS_KEY_SECRET}) of {@link DEFAULT_ACCOUNT_ID},
 * FC-style error bodies on FC 2.0 paths (FC 3.0 paths always answer POP style), no rate limit, no request
 * log on stdout. Always `close()` it when done.
 */
export async function startFcEmulator(options: FcEmulatorOptions = {}): Promise<FcEmulator> {
    const accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
    const region = options.region ?? DEFAULT_REGION;
    const credentials = checkCredentials(options.credentials ?? [{ accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET }]);
    const errorStyle = options.errorStyle ?? "fc";
    if (errorStyle !== "fc" && errorStyle !== "pop") {
        throw new Error(`startFcEmulator: errorStyle must be "fc" or "pop", got ${String(errorStyle)}`);
    }
    const store = new EmulatorStore();
    if (options.seed !== false) {
        applySeed(store, options.seed ?? sampleSeed);
    }
    const server = new EmulatorServer({ accountId, credentials, errorStyle, region, quiet: options.quiet ?? true, clock: options.clock ?? Date.now }, store);
    server.setRateLimit(options.rateLimit);
    const address = await server.listen(options.host ?? "127.0.0.1", options.port ?? 0);
    // An IPv6 literal needs brackets in a host:port.
    const hostName = address.family === "IPv6" ? `[${address.address}]` : address.address;
    const host = `${hostName}:${address.port}`;
    const first = credentials[0];

    return {
        endpoint: `http://${host}`,
        host,
        accountId,
        region,
        accessKeyId: first.accessKeyId,
        accessKeySecret: first.accessKeySecret,
        requests: server.requests,
        store,
        addCredential: (credential) => server.addCredential(checkCredentials([credential])[0]),
        addFault: (rule) => server.faults.add(rule),
        clearFaults: () => server.faults.clear(),
        setFaultMix: (mix) => server.setFaultMix(mix),
        setRateLimit: (limit) => server.setRateLimit(limit),
        maxInFlight: () => server.maxInFlight(),
        resetLog: () => server.resetLog(),
        close: () => server.close(),
    };
}

function checkCredentials(credentials: EmulatorCredential[]): EmulatorCredential[] {
    if (credentials.length === 0) {
        throw new Error("startFcEmulator: credentials must not be empty");
    }
    const seen = new Set<string>();
    for (const credential of credentials) {
        if (credential.accessKeyId === "" || credential.accessKeySecret === "") {
            throw new Error("startFcEmulator: every credential needs a non-empty accessKeyId and accessKeySecret");
        }
        if (seen.has(credential.accessKeyId)) {
            throw new Error(`startFcEmulator: access key id '${credential.accessKeyId}' is given twice`);
        }
        seen.add(credential.accessKeyId);
    }
    // Copies, so later changes to the caller's objects do not change what the emulator accepts.
    return credentials.map((c) => ({ ...c }));
}
