// The fixtures of the provider suites in test/read/ (answerValues, notFoundAndDenied, retries, …):
// in-process `configure` and `read` against FC stand-ins, with every request, result and error any of
// them saw kept, so that each file can end with the checks that no secret reached an output or an error
// and that only GETs were sent, over every test run so far.
//
// The environment is hermetic: HOME is a temp dir, the credential chain's ECS metadata and CLI profile
// lookups are off, and every ALIBABA_CLOUD_* / ALICLOUD_* variable is removed for each suite.

import * as assert from "node:assert/strict";
import * as http from "node:http";
import type { AddressInfo } from "node:net";

import { FcError } from "../../provider/errors";
import * as implementation from "../../provider/host/provider";
import type { FunctionAsyncInvokeConfigOutputs } from "../../provider/dataSources/functionAsyncInvokeConfig";
import {
    DEFAULT_ACCOUNT_ID,
    DEFAULT_REGION,
    type FcEmulator,
    type FcEmulatorOptions,
    type RecordedRequest,
    SEED_TIME,
    startFcEmulator,
} from "../../provider/emulator";

import { rejection } from "./rejection";
import { closedLog, SERVICE, visibleText, type Lookup, type Settings, standInSettings } from "./standInProvider";
import { useHermeticEnvironment } from "./hermeticEnvironment";
/** The compiled implementation the host serves (bin/ is a separate module instance from provider/). */
export function implementationOfBin(): typeof implementation {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("pulumi-fc-async-invoke-config/bin/provider/implementation") as typeof implementation;
}

/** The key of the FC 2.0 single read, as its resources carry it into the provider host. */
export const FC2_GET = "fc:FunctionAsyncInvokeConfig";

export const HELLO_ON_SUCCESS = `acs:fc:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:services/demo-service/functions/on-success`;
export const FAILED_QUEUE = `acs:mns:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:/queues/failed-events/messages`;

/** Secrets used anywhere in this suite; none may ever show up in an output or an error. */
export const SECRETS = {
    wrong: "wrong-secret-9f2c1e7a-never-valid",
    env: "env-secret-3b8d0c55-from-environment",
    envAlt: "env-alt-secret-77aa01d2-terraform-names",
    stack: "stack-secret-5c1d9e20-from-config",
    sts: "sts-secret-0a9e44f1-temporary",
    stsToken: "sts-token-CAIS-e1f0b2c3d4-temporary",
    profile: "profile-secret-61c0ffee-in-a-broken-config-file",
};

/** Every secret in play, the stand-in's default one included. */
export function allSecrets(fc?: FcEmulator): string[] {
    return [...Object.values(SECRETS), ...(fc ? [fc.accessKeySecret] : []), "emulator-secret-do-not-use-in-production"];
}

// ---------------------------------------------------------------------------------------------------

/** Stand-ins started by the current test; closed after it. */
export const running: FcEmulator[] = [];
/** Every request any stand-in of this suite saw, for the read-only check. */
export const suiteLog: RecordedRequest[] = [];
/** Every error any read of this suite raised, for the no-secret check. */
export const suiteErrors: Error[] = [];
/** Every result any read of this suite returned, for the no-secret check. */
export const suiteResults: unknown[] = [];

export async function start(options: FcEmulatorOptions = {}): Promise<FcEmulator> {
    const fc = await startFcEmulator(options);
    running.push(fc);
    return fc;
}

/** Closes the stand-in and returns its complete log. */
export const logOf = closedLog;

export function source(settings: Settings): { get(key: string): string | undefined } {
    return { get: (key) => settings[key] };
}

/** Starts a fresh deployment of the in-process implementation. */
export async function configure(fc: FcEmulator, overrides: Settings = {}): Promise<void> {
    await implementation.configure(source(standInSettings(fc, overrides)));
}

/** `read` as the engine calls it for a lookup: the derived id plus the lookup's inputs, endpoint = the stand-in. */
export async function read(fc: FcEmulator, lookup: Lookup): Promise<{ id: string; props: FunctionAsyncInvokeConfigOutputs }> {
    const props: Record<string, unknown> = { serviceName: SERVICE, endpoint: fc.endpoint, ...lookup };
    const id = `${String(props.serviceName)}:${String(props.functionName)}:${lookup.qualifier ?? "LATEST"}`;
    const result = await implementation.read(FC2_GET, id, props);
    suiteResults.push(result);
    assert.ok(result.id !== undefined, "read returned no id");
    return { id: result.id, props: propsOf(result) };
}

/** The outputs of a read result; `props` is optional in Pulumi's type but always set by this provider. */
export function propsOf(result: { props?: Record<string, unknown> }): FunctionAsyncInvokeConfigOutputs {
    assert.ok(result.props !== undefined, "read returned no props");
    return result.props as unknown as FunctionAsyncInvokeConfigOutputs;
}

/** {@link rejection}, recording the error for the suite's secret check. */
export async function failure<E extends Error>(promise: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
    const recorded = promise.catch((err: unknown) => {
        if (err instanceof Error) {
            suiteErrors.push(err);
        }
        throw err;
    });
    return rejection(recorded, type);
}

export function assertNoSecret(text: string, fc?: FcEmulator): void {
    for (const secret of allSecrets(fc)) {
        assert.ok(!text.includes(secret), `a secret leaked: ${text.slice(0, 300)}`);
    }
}

/** A loopback port nothing listens on (it was free a moment ago), so connecting to it is refused at once. */
export async function closedPort(): Promise<number> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
}

/** What the data source outputs for the seed's hello@prod, read through `endpoint`. */
export function helloProd(endpoint: string): Record<string, unknown> {
    return {
        serviceName: SERVICE,
        functionName: "hello",
        qualifier: "prod",
        endpoint,
        createdTime: SEED_TIME,
        lastModifiedTime: SEED_TIME,
        destinationConfig: { onFailure: { destination: FAILED_QUEUE } },
        maxAsyncEventAgeInSeconds: 3600,
        maxAsyncRetryAttempts: 1,
        statefulInvocation: false,
    };
}

/** A loopback HTTP proxy in front of a stand-in that rewrites the JSON body of every 200 answer. */
export async function rewritingProxy(
    target: FcEmulator,
    rewrite: (body: Record<string, unknown>) => unknown,
): Promise<{ endpoint: string; close(): Promise<void> }> {
    const server = http.createServer((req, res) => {
        // The Host header is forwarded unchanged, so the SDK's signature still verifies at the stand-in.
        const [hostname, port] = target.host.split(":");
        const upstream = http.request({ host: hostname, port: Number(port), method: req.method, path: req.url, headers: req.headers }, (answer) => {
            const chunks: Buffer[] = [];
            answer.on("data", (chunk: Buffer) => chunks.push(chunk));
            answer.on("end", () => {
                let body = Buffer.concat(chunks).toString("utf8");
                if (answer.statusCode === 200) {
                    body = JSON.stringify(rewrite(JSON.parse(body) as Record<string, unknown>));
                }
                const headers = { ...answer.headers };
                delete headers["content-length"];
                res.writeHead(answer.statusCode ?? 502, headers);
                res.end(body);
            });
        });
        upstream.on("error", () => res.destroy());
        req.pipe(upstream);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
        endpoint: `http://127.0.0.1:${port}`,
        close: () =>
            new Promise<void>((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            }),
    };
}

/** Configures the provider, reads "hello" through a {@link rewritingProxy}, and closes the proxy. */
export async function readRewritten(fc: FcEmulator, rewrite: (body: Record<string, unknown>) => unknown): Promise<{ props: unknown; endpoint: string }> {
    const proxy = await rewritingProxy(fc, rewrite);
    try {
        await configure(fc);
        const { props } = await read(fc, { functionName: "hello", endpoint: proxy.endpoint });
        return { props, endpoint: proxy.endpoint };
    } finally {
        await proxy.close();
    }
}

// ---------------------------------------------------------------------------------------------------

/**
 * Registers a provider suite's hooks: a hermetic environment, and closing (and logging) every stand-in
 * a test started. Returns the temp HOME of the suite.
 */
export function useProviderSuite(): { homeDir: () => string } {
    const homeDir = useHermeticEnvironment();
    afterEach(async () => {
        for (const fc of running.splice(0)) {
            await fc.close();
            suiteLog.push(...fc.requests);
        }
    });
    return { homeDir };
}

/** The paths of the four reads, names replaced by S (service) and F (function). */
const READ_PATHS: ReadonlySet<string> = new Set([
    "/2021-04-06/services/S/functions/F/async-invoke-config",
    "/2021-04-06/services/S/functions/F/async-invoke-configs",
    "/2023-03-30/functions/F/async-invoke-config",
    "/2023-03-30/async-invoke-configs",
]);

/** The checks each provider suite ends with, over every test of the provider suites run so far. */
export function checkSecretsAndWrites(): void {
    describe("secrets and writes", () => {
        it("never put a secret in any output or any error, in this test and every test above", async () => {
            const fc = await start();
            await configure(fc, { "alicloud:secretKey": SECRETS.wrong });
            await failure(read(fc, { functionName: "hello" }), FcError);
            await configure(fc);
            await read(fc, { functionName: "hello" });
            for (const output of suiteResults) {
                assertNoSecret(JSON.stringify(output), fc);
            }
            for (const err of suiteErrors) {
                assertNoSecret(visibleText(err), fc);
            }
        });

        it("sent only GET requests, in this test and every test above", async () => {
            const fc = await start();
            await configure(fc);
            await read(fc, { functionName: "zero" });
            const log = [...suiteLog, ...(await logOf(fc))];
            const methods = new Set(log.map((r) => r.method));
            assert.deepEqual([...methods], ["GET"], `methods seen: ${[...methods].join(", ")}`);
            const paths = new Set(log.map((r) => r.path.replace(/\/functions\/[^/]+\//, "/functions/F/").replace(/\/services\/[^/]+\//, "/services/S/")));
            const reads = [...READ_PATHS];
            assert.deepEqual(
                [...paths].filter((path) => !READ_PATHS.has(path)),
                [],
                `only the data sources' read paths: ${reads.join(", ")}`,
            );
        });
    });
}
