// The clients the stand-in's own tests drive it with: the real FC 2.0 SDK (@alicloud/fc-open20210406 on
// @alicloud/openapi-client), and raw node:http requests where the SDK hides the wire (headers it
// drops, bodies it cannot parse, tampering).

import * as assert from "node:assert/strict";
import * as http from "node:http";

import FC, * as $FC from "@alicloud/fc-open20210406";
import * as $OpenApi from "@alicloud/openapi-client";
import { RuntimeOptions } from "@alicloud/tea-util";

import {
    DEFAULT_ACCESS_KEY_ID,
    DEFAULT_ACCESS_KEY_SECRET,
    DEFAULT_ACCOUNT_ID,
    DEFAULT_REGION,
    type FcEmulator,
    startFcEmulator,
} from "../../provider/emulator";
import { rejection } from "../support/rejection";

/** The fields of the SDK's ResponseError (and of plain network errors) that the tests read. */
export interface SdkError extends Error {
    code?: string;
    statusCode?: number;
    data?: Record<string, unknown>;
}

export interface Keys {
    accessKeyId?: string;
    accessKeySecret?: string;
    securityToken?: string;
}

/** An SDK client pointed at the emulator, with the emulator's key unless told otherwise. */
export function sdk(fc: FcEmulator, keys: Keys = {}, readTimeout?: number): FC {
    return sdkAt(
        fc.host,
        {
            accessKeyId: keys.accessKeyId ?? fc.accessKeyId,
            accessKeySecret: keys.accessKeySecret ?? fc.accessKeySecret,
            securityToken: keys.securityToken,
        },
        readTimeout,
    );
}

export function sdkAt(host: string, keys: Keys, readTimeout?: number): FC {
    return new FC(
        new $OpenApi.Config({
            endpoint: host,
            protocol: "http",
            regionId: DEFAULT_REGION,
            accessKeyId: keys.accessKeyId,
            accessKeySecret: keys.accessKeySecret,
            securityToken: keys.securityToken,
            readTimeout,
        }),
    );
}

export interface GetOptions {
    service?: string;
    qualifier?: string;
    /** X-Fc-Account-Id; `null` sends none. Default: the emulator's account. */
    accountId?: string | null;
    traceId?: string;
}

/** GetFunctionAsyncInvokeConfig in the WithOptions form, which sends X-Fc-Account-Id. */
export function get(client: FC, fn: string, options: GetOptions = {}): Promise<$FC.GetFunctionAsyncInvokeConfigResponse> {
    return client.getFunctionAsyncInvokeConfigWithOptions(
        options.service ?? "demo-service",
        fn,
        new $FC.GetFunctionAsyncInvokeConfigRequest({ qualifier: options.qualifier }),
        new $FC.GetFunctionAsyncInvokeConfigHeaders({
            xFcAccountId: options.accountId === null ? undefined : (options.accountId ?? DEFAULT_ACCOUNT_ID),
            xFcTraceId: options.traceId,
        }),
        new RuntimeOptions({}),
    );
}

/** Awaits an SDK call that must fail with an FC-style error body of this status and code. */
export async function fcError(promise: Promise<unknown>, status: number, code: string): Promise<SdkError> {
    const error = (await rejection(promise, Error)) as SdkError;
    assert.equal(error.code, "undefined", `the SDK does not read FC-style bodies; got code ${String(error.code)}: ${error.message}`);
    assert.equal(error.data?.["statusCode"], status, `status of ${JSON.stringify(error.data)}`);
    assert.equal(error.data?.["ErrorCode"], code, `code of ${JSON.stringify(error.data)}`);
    assert.equal(typeof error.data?.["ErrorMessage"], "string");
    return error;
}

export interface RawResponse {
    status: number;
    headers: http.IncomingHttpHeaders;
    body: string;
}

export interface RawRequest {
    method: string;
    /** Path with query string. */
    path: string;
    headers?: http.OutgoingHttpHeaders;
    body?: Buffer | string;
}

/** One request over its own connection (no pooling, so nothing is left open). */
export function raw(fc: FcEmulator, request: RawRequest): Promise<RawResponse> {
    const url = new URL(fc.endpoint);
    return new Promise((resolve, reject) => {
        const req = http.request(
            {
                host: url.hostname,
                port: Number(url.port),
                method: request.method,
                path: request.path,
                headers: request.headers,
                agent: false,
            },
            (res) => {
                const chunks: Buffer[] = [];
                res.on("data", (chunk: Buffer) => chunks.push(chunk));
                res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
                res.on("error", reject);
            },
        );
        req.on("error", reject);
        req.end(request.body);
    });
}

/** A request exactly as the SDK put it on the wire. */
export interface Captured {
    method: string;
    url: string;
    headers: http.IncomingHttpHeaders;
    body: Buffer;
}

/**
 * Lets the SDK make one call against a throwaway server that records the request and answers `{}`.
 * Replaying the capture at the emulator then checks signature verification on bytes the SDK produced.
 */
export async function captureSdkRequest(keys: Keys, call: (client: FC) => Promise<unknown>): Promise<Captured> {
    let captured: Captured | undefined;
    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () => {
            captured = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) };
            res.setHeader("Content-Type", "application/json");
            res.end("{}");
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    try {
        await call(sdkAt(`127.0.0.1:${port}`, keys));
    } finally {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    assert.ok(captured, "the SDK sent nothing");
    return captured;
}

/** Replays a capture (optionally altered) at the emulator. Hop-by-hop headers are rebuilt for the new body. */
export function replay(
    fc: FcEmulator,
    captured: Captured,
    change: { path?: string; body?: Buffer; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
    const headers: http.OutgoingHttpHeaders = { ...captured.headers, ...change.headers };
    delete headers["connection"];
    delete headers["transfer-encoding"];
    delete headers["content-length"];
    const body = change.body ?? captured.body;
    headers["content-length"] = body.length;
    return raw(fc, { method: captured.method, path: change.path ?? captured.url, headers, body });
}

export function defaultKeys(): Keys {
    return { accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET };
}

export const HELLO_ON_SUCCESS = `acs:fc:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:services/demo-service/functions/on-success`;
export const FAILED_QUEUE = `acs:mns:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:/queues/failed-events/messages`;

/** The stand-in and a signed SDK client of a test, fresh for each test. */
export interface EmulatorUnderTest {
    /** The stand-in the test runs against. */
    fc: FcEmulator;
    /** The real SDK, signed with the stand-in's default key. */
    client: FC;
}

/** Registers hooks (call it inside `describe`) that start a stand-in before each test and close it after. */
export function useEmulator(): EmulatorUnderTest {
    const current = {} as EmulatorUnderTest;
    beforeEach(async () => {
        current.fc = await startFcEmulator();
        current.client = sdk(current.fc);
    });
    afterEach(async () => {
        await current.fc.close();
    });
    return current;
}
