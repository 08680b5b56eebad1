// The FC 2.0 (2021-04-06) async-invoke-config API: path matching and the four operations. Runs after the
// request has been authenticated; throws FcError for every refusal and returns the success reply.
//
//   GET|PUT|DELETE /2021-04-06/services/{s}/functions/{f}/async-invoke-config?qualifier=Q  (Q default LATEST)
//   GET            /2021-04-06/services/{s}/functions/{f}/async-invoke-configs?limit=N&nextToken=T
// (The FC 3.0 view, /2023-03-30/..., is fc3Routes.ts; server.ts picks the view by the path's version.)
//
// Anything else, including a known path with another method, is 400 PathNotSupported: FC documents one
// code for both, with status 400 and the message "'<METHOD>' against '<path>' is not supported".

import { API_VERSION } from "./defaults";
import { asyncConfigNotExists, pathNotSupported } from "./errors";
import type { EmulatorStore } from "./store";
import type { AsyncConfigRecord } from "./types";
import { listBody, pageOf, readPageToken } from "./pagination";
import { checkName, classifyQualifier, parseAsyncConfigBody, parseListLimit } from "./validation";
import { decodeLenient } from "./wire";

/** A successful answer: 200 with a JSON body, or 204 without one. */
export type ApiReply = { status: 200; body: unknown } | { status: 204 };

/** What a route needs from the request. */
export interface ApiRequest {
    method: string;
    rawPath: string;
    query: Record<string, string>;
    body: Buffer;
}

/** Serves one authenticated request against the store. Throws {@link FcError} for every error answer. */
export function serveApi(request: ApiRequest, store: EmulatorStore): ApiReply {
    const route = matchRoute(request.method, request.rawPath);
    checkName("service", route.service);
    checkName("function", route.fn);
    if (route.kind === "list") {
        return listConfigs(request, store, route.service, route.fn);
    }
    const qualifier = qualifierParam(request.query);
    store.locate(route.service, route.fn, qualifier);
    switch (request.method) {
        case "GET": {
            const record = store.getAsyncConfig(route.service, route.fn, qualifier);
            if (record === undefined) {
                throw asyncConfigNotExists(route.service, route.fn, qualifier);
            }
            return { status: 200, body: renderRecord(record) };
        }
        case "PUT": {
            const config = parseAsyncConfigBody(request.body);
            return { status: 200, body: renderRecord(store.putAsyncConfig(route.service, route.fn, qualifier, config)) };
        }
        default: {
            // DELETE (matchRoute admits nothing else). FC refuses to delete what is not there.
            if (!store.deleteAsyncConfig(route.service, route.fn, qualifier)) {
                throw asyncConfigNotExists(route.service, route.fn, qualifier);
            }
            return { status: 204 };
        }
    }
}

/**
 * A record as FC serialises it: every field present, in the API page's order, `null` for what is
 * unset (FC's server marshals absent pointers as null), while `0` and `false` stay as they are.
 */
export function renderRecord(record: AsyncConfigRecord): Record<string, unknown> {
    const dc = record.destinationConfig;
    return {
        createdTime: record.createdTime,
        destinationConfig:
            dc === undefined || dc === null
                ? null
                : {
                      onSuccess: dc.onSuccess ? { destination: dc.onSuccess.destination } : null,
                      onFailure: dc.onFailure ? { destination: dc.onFailure.destination } : null,
                  },
        function: record.function,
        lastModifiedTime: record.lastModifiedTime,
        maxAsyncEventAgeInSeconds: record.maxAsyncEventAgeInSeconds ?? null,
        maxAsyncRetryAttempts: record.maxAsyncRetryAttempts ?? null,
        qualifier: record.qualifier,
        service: record.service,
        statefulInvocation: record.statefulInvocation ?? null,
    };
}

type Route = { kind: "config" | "list"; service: string; fn: string };

function matchRoute(method: string, rawPath: string): Route {
    const segments = rawPath.split("/");
    const shaped = segments.length === 7 && segments[0] === "" && segments[1] === API_VERSION && segments[2] === "services" && segments[4] === "functions";
    if (shaped) {
        const service = decodeLenient(segments[3]);
        const fn = decodeLenient(segments[5]);
        if (segments[6] === "async-invoke-config" && (method === "GET" || method === "PUT" || method === "DELETE")) {
            return { kind: "config", service, fn };
        }
        if (segments[6] === "async-invoke-configs" && method === "GET") {
            return { kind: "list", service, fn };
        }
    }
    throw pathNotSupported(method, rawPath);
}

/**
 * ListFunctionAsyncInvokeConfigs: `{ configs, nextToken? }` as the SDK's ListFunctionAsyncInvokeConfigsResponseBody
 * reads it. Pages are in qualifier order; `nextToken` is opaque (see pagination.ts), resumes at the first
 * qualifier at or after the one it names (so it stays valid when configs before it are deleted), and is left
 * out on the last page.
 */
function listConfigs(request: ApiRequest, store: EmulatorStore, service: string, fn: string): ApiReply {
    const limit = parseListLimit(request.query["limit"]);
    const scope = `fc2/${service}/${fn}`;
    const resumeAt = readPageToken(scope, request.query["nextToken"], (key) => key.length === 1 && passes(() => classifyQualifier(key[0])));
    store.locate(service, fn);
    const page = pageOf(store.listAsyncConfigs(service, fn), resumeAt, limit, scope, (record) => [record.qualifier]);
    return { status: 200, body: listBody(page, renderRecord) };
}

/** The `qualifier` query parameter, checked; absent or empty is LATEST (what a client with none sends). */
export function qualifierParam(query: Record<string, string>): string {
    const qualifier = query["qualifier"] === undefined || query["qualifier"] === "" ? "LATEST" : query["qualifier"];
    classifyQualifier(qualifier);
    return qualifier;
}

/** Whether a check (one that throws InvalidArgument for bad input) passes. */
export function passes(check: () => unknown): boolean {
    try {
        check();
        return true;
    } catch {
        return false;
    }
}
