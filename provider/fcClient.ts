// The SDK client for one target and credential source. A lookup context keeps one per target
// (lookup.ts), so a deployment's lookups share it: connections stay warm (keep-alive) and the
// credential chain runs once per target.

import FC from "@alicloud/fc-open20210406";
import * as $OpenApi from "@alicloud/openapi-client";
import { createCredential, ensureCredentials } from "./credentials";
import { CredentialSource, Target } from "./settings";

/**
 * Creates the client for `target`. Credentials are resolved before the client is handed out, so a
 * missing credential fails here with a {@link ConfigurationError}, before any request.
 */
export async function createFcClient(target: Target, source: CredentialSource, timeoutSeconds: number): Promise<FC> {
    const credential = createCredential(source);
    await ensureCredentials(credential, source);
    const timeoutMs = Math.round(timeoutSeconds * 1000);
    return new FC(
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
}
