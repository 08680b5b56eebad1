// The FC 3.0 (2023-03-30) async-invoke-config API: path matching and the four operations. FC 3.0 has no
// services; functions own their versions and aliases. Runs after the request has been authenticated; throws
// FcError for every refusal (server.ts renders FC 3.0 errors POP style) and returns the success reply.
//
//   GET|PUT|DELETE /2023-03-30/functions/{f}/async-invoke-config?qualifier=Q  (Q default LATEST)
//   GET            /2023-03-30/async-invoke-configs?functionName=F&limit=N&nextToken=T  (F optional)
//
// Anything else under /2023-03-30/, or a known path with another method, is 400 PathNotSupported.

import { FC3_API_VERSION } from "./defaults";
import { fc3AsyncConfigNotExists, pathNotSupported } from "./errors";
import type { Fc3Store } from "./fc3Store";
import { listBody, pageOf, readPageToken } from "./pagination";
import { type ApiReply, type ApiRequest, passes, qualifierParam } from "./routes";
import type { Fc3AsyncConfigRecord } from "./types";
import { checkName, classifyQualifier, parseFc3AsyncConfigBody, parseListLimit } from "./validation";
import { decodeLenient } from "./wire";

/** Who is asking, for the `functionArn` of the answers. */
export interface Fc3Context {
    /** The account of the key the request was signed with. */
    accountId: string;
    region: string;
}

/** Serves one authenticated FC 3.0 request against the FC 3.0 store. Throws `FcError` for every error answer. */
export function serveFc3Api(request: ApiRequest, store: Fc3Store, context: Fc3Context): ApiReply {
    const fn = matchFc3Route(request.method, request.rawPath);
    if (fn === undefined) {
        return listConfigs(request, store, context);
    }
    checkName("function", fn);
    const qualifier = qualifierParam(request.query);
    store.locate(fn, qualifier);
    switch (request.method) {
        case "GET": {
            const record = store.getAsyncConfig(fn, qualifier);
            if (record === undefined) {
                throw fc3AsyncConfigNotExists(fn, qualifier);
            }
            return { status: 200, body: renderFc3Record(record, context) };
        }
        case "PUT": {
            const config = parseFc3AsyncConfigBody(request.body);
            return { status: 200, body: renderFc3Record(store.putAsyncConfig(fn, qualifier, config), context) };
        }
        default: {
            // DELETE (matchFc3Route admits nothing else).
            if (!store.deleteAsyncConfig(fn, qualifier)) {
                throw fc3AsyncConfigNotExists(fn, qualifier);
            }
            return { status: 204 };
        }
    }
}

/**
 * A record as FC 3.0 serialises it (the SDK's AsyncConfig): fields in the API page's order, and what is unset
 * left out rather than `null` (unlike FC 2.0), while `0` and `false` stay. `destinationConfig` is left out
 * when it holds no destination, and inside it a missing `onSuccess` / `onFailure` is left out too.
 */
export function renderFc3Record(record: Fc3AsyncConfigRecord, context: Fc3Context): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    if (record.asyncTask !== undefined) {
        body["asyncTask"] = record.asyncTask;
    }
    body["createdTime"] = record.createdTime;
    const dc = record.destinationConfig;
    if (dc?.onSuccess || dc?.onFailure) {
        const destinations: Record<string, unknown> = {};
        if (dc.onSuccess) {
            destinations["onSuccess"] = { destination: dc.onSuccess.destination };
        }
        if (dc.onFailure) {
            destinations["onFailure"] = { destination: dc.onFailure.destination };
        }
        body["destinationConfig"] = destinations;
    }
    body["functionArn"] = `acs:fc:${context.region}:${context.accountId}:functions/${record.functionName}`;
    body["lastModifiedTime"] = record.lastModifiedTime;
    if (record.maxAsyncEventAgeInSeconds !== undefined) {
        body["maxAsyncEventAgeInSeconds"] = record.maxAsyncEventAgeInSeconds;
    }
    if (record.maxAsyncRetryAttempts !== undefined) {
        body["maxAsyncRetryAttempts"] = record.maxAsyncRetryAttempts;
    }
    return body;
}

/** The function name of a config path, undefined for the list path; throws PathNotSupported for anything else. */
function matchFc3Route(method: string, rawPath: string): string | undefined {
    const segments = rawPath.split("/");
    if (segments[0] !== "" || segments[1] !== FC3_API_VERSION) {
        throw pathNotSupported(method, rawPath);
    }
    if (segments.length === 5 && segments[2] === "functions" && segments[4] === "async-invoke-config" && ["GET", "PUT", "DELETE"].includes(method)) {
        return decodeLenient(segments[3]);
    }
    if (segments.length === 3 && segments[2] === "async-invoke-configs" && method === "GET") {
        return undefined;
    }
    throw pathNotSupported(method, rawPath);
}

/**
 * ListAsyncInvokeConfigs: `{ configs, nextToken? }` as the SDK's ListAsyncInvokeConfigOutput reads it. Without
 * `functionName`, the configs of every function. Ordered by function name, then qualifier; `nextToken` is
 * opaque (see pagination.ts) and left out on the last page.
 */
function listConfigs(request: ApiRequest, store: Fc3Store, context: Fc3Context): ApiReply {
    const limit = parseListLimit(request.query["limit"]);
    const named = request.query["functionName"];
    const fn = named === undefined || named === "" ? undefined : named;
    if (fn !== undefined) {
        checkName("function", fn);
    }
    const scope = fn === undefined ? "fc3/*" : `fc3/${fn}`;
    const resumeAt = readPageToken(
        scope,
        request.query["nextToken"],
        (key) =>
            key.length === 2 && (fn === undefined ? passes(() => checkName("function", key[0])) : key[0] === fn) && passes(() => classifyQualifier(key[1])),
    );
    if (fn !== undefined) {
        store.locate(fn);
    }
    const page = pageOf(store.listAsyncConfigs(fn), resumeAt, limit, scope, (record) => [record.functionName, record.qualifier]);
    return { status: 200, body: listBody(page, (record) => renderFc3Record(record, context)) };
}
