// One SDK client per endpoint and credential source, reused for every lookup of a deployment so that
// connections stay warm (keep-alive) and the credential chain runs once.

import { createHash } from "node:crypto";
import FC from "@alicloud/fc-open20210406";
import * as $OpenApi from "@alicloud/openapi-client";
import { createCredential, ensureCredentials } from "./credentials";
import { CredentialSource, Target } from "./settings";

const clients = new Map<string, Promise<FC>>();

/**
 * The client for `target`, created on first use. Credentials are resolved before the client is
 * handed out, so a missing credential fails here with a {@link ConfigurationError}, before any request.
 */
export function getFcClient(target: Target, source: CredentialSource, timeoutSeconds: number): Promise<FC> {
    const key = cacheKey(target, source, timeoutSeconds);
    let handle = clients.get(key);
    if (handle === undefined) {
        handle = createClient(target, source, timeoutSeconds);
        // A failed creation (no credentials) is not cached, so fixing the environment and retrying works.
        handle.catch(() => clients.delete(key));
        clients.set(key, handle);
    }
    return handle;
}

/** Forgets every client; the next lookup builds new ones (used when configuration changes). */
export function clearFcClients(): void {
    clients.clear();
}

async function createClient(target: Target, source: CredentialSource, timeoutSeconds: number): Promise<FC> {
    const credential = createCredential(source);
    await ensureCredentials(credential, source);
    const timeoutMs = Math.round(timeoutSeconds * 1000);
    const client = new FC(
        new $OpenApi.Config({
            credential,
            // The SDK's own endpoint table holds the placeholder `account-id.<region>…`: always set it.
            endpoint: target.host,
            protocol: target.protocol,
            regionId: target.region,
            connectTimeout: timeoutMs,
            readTimeout: timeoutMs,
        }),
    );
    return client;
}

function cacheKey(target: Target, source: CredentialSource, timeoutSeconds: number): string {
    // The key holds a hash of the credential, never the credential, in case it is ever printed.
    const identity = source.kind === "static" ? `${source.accessKeyId}:${source.accessKeySecret}:${source.securityToken ?? ""}` : JSON.stringify(source);
    const digest = createHash("sha256").update(identity).digest("hex");
    return [target.protocol, target.host, target.region ?? "", timeoutSeconds, digest].join("|");
}
