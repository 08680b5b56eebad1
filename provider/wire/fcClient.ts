// The SDK clients. A route (core/route.ts) keeps one per target and API, so a deployment's reads share
// them and their keep-alive connections; every client of a deployment signs with the same credential
// object (core/route.ts), so a role is assumed once and refreshed once for all of them.
//
// Both official SDKs send a request through their generic `callApi` (the client's own signing,
// credentials and HTTP) with the description their generated methods build, except that the body is
// asked for as text: the generated methods add only model objects and a reflective cast of the body,
// about a tenth of a call's CPU on loopback (see bench/), and the data sources' mappings parse and
// check the body themselves, naming the field that is wrong and never quoting the body. FC 2.0's SDK
// is built on `@alicloud/openapi-client`, FC 3.0's on `@alicloud/openapi-core`: the same call in two
// sets of classes, which is all this file hides.

import type Credential from "@alicloud/credentials";
import FC2Client from "@alicloud/fc-open20210406";
import type * as FC3Sdk from "@alicloud/fc20230330";
import * as $OpenApi from "@alicloud/openapi-client";
import type * as OpenApiCore from "@alicloud/openapi-core";
import * as $Util from "@alicloud/tea-util";
import type * as Dara from "@darabonba/typescript";
import { type FcApi } from "./fcApis";
import { type Target } from "../settings/target";

/** One GET as the core describes it. */
export interface FcCall {
    /** The API's operation, e.g. `GetFunctionAsyncInvokeConfig`; sent as `x-acs-action`. */
    action: string;
    /** The API version, e.g. `2021-04-06`. */
    version: string;
    /** The path, already percent-encoded. */
    pathname: string;
    query: Record<string, string>;
    headers: Record<string, string>;
}

/** What the SDK hands back for a 2xx or 3xx (it throws for 4xx and 5xx). */
export interface FcAnswer {
    body?: unknown;
    statusCode?: number;
}

/** Sends one call with a per-request timeout in milliseconds (connect and read). */
export type FcCaller = (call: FcCall, timeoutMs: number) => Promise<FcAnswer>;

/**
 * The SDK client of `api` for `target`, signing with `credential` (already checked to produce
 * credentials), with `timeoutSeconds` as its connect and read timeout.
 */
export function createCaller(api: FcApi, target: Target, credential: Credential, timeoutSeconds: number): FcCaller {
    return api.version === "2023-03-30" ? createFc3Caller(target, credential, timeoutSeconds) : createFc2Caller(target, credential, timeoutSeconds);
}

/** The FC 2.0 client, through `@alicloud/fc-open20210406`. */
function createFc2Caller(target: Target, credential: Credential, timeoutSeconds: number): FcCaller {
    const client = new FC2Client(new $OpenApi.Config(configOf(target, credential, timeoutSeconds)));
    const runtime = runtimeCache((ms) => new $Util.RuntimeOptions({ autoretry: false, connectTimeout: ms, readTimeout: ms }));
    return (call, ms) =>
        client.callApi(new $OpenApi.Params(paramsOf(call)), new $OpenApi.OpenApiRequest({ headers: call.headers, query: call.query }), runtime(ms));
}

/**
 * The FC 3.0 client, through `@alicloud/fc20230330`. Its SDK (and the openapi-core and darabonba it is
 * built on) is loaded on the first FC 3.0 read: a third of a second that a provider host, started anew
 * for every preview and up, spends only when the stack reads FC 3.0.
 */
function createFc3Caller(target: Target, credential: Credential, timeoutSeconds: number): FcCaller {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
    const FC3Client = (require("@alicloud/fc20230330") as typeof FC3Sdk).default;
    const { $OpenApiUtil } = require("@alicloud/openapi-core") as typeof OpenApiCore;
    const $dara = require("@darabonba/typescript") as typeof Dara;
    /* eslint-enable @typescript-eslint/no-require-imports */
    const client = new FC3Client(new $OpenApiUtil.Config(configOf(target, credential, timeoutSeconds)));
    // No retryOptions: openapi-core then sends once, and retry.ts does the retrying.
    const runtime = runtimeCache((ms) => new $dara.RuntimeOptions({ connectTimeout: ms, readTimeout: ms }));
    return (call, ms) =>
        client.callApi(new $OpenApiUtil.Params(paramsOf(call)), new $OpenApiUtil.OpenApiRequest({ headers: call.headers, query: call.query }), runtime(ms));
}

/** The client configuration both SDKs take. */
function configOf(target: Target, credential: Credential, timeoutSeconds: number): Record<string, unknown> {
    const timeoutMs = Math.round(timeoutSeconds * 1000);
    return {
        credential,
        // The SDKs' own endpoint tables hold the placeholder `account-id.<region>…`: always set it.
        endpoint: target.host,
        protocol: target.protocol,
        regionId: target.region,
        connectTimeout: timeoutMs,
        readTimeout: timeoutMs,
    };
}

/** The `Params` both SDKs take: a signed ROA GET whose body comes back as text. */
function paramsOf(call: FcCall): Record<string, string> {
    return {
        action: call.action,
        version: call.version,
        // The client's configured protocol wins over this one (http for the stand-in).
        protocol: "HTTPS",
        pathname: call.pathname,
        method: "GET",
        authType: "AK",
        style: "ROA",
        reqBodyType: "json",
        bodyType: "string",
    };
}

/**
 * The SDK's per-request options, built once per timeout: the SDKs only read them, and every first
 * attempt of a deployment uses the same timeout.
 */
function runtimeCache<T>(build: (timeoutMs: number) => T): (timeoutMs: number) => T {
    let last: { timeoutMs: number; options: T } | undefined;
    return (timeoutMs) => {
        if (last?.timeoutMs !== timeoutMs) {
            last = { timeoutMs, options: build(timeoutMs) };
        }
        return last.options;
    };
}
