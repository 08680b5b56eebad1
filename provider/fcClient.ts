// The SDK client for one target. A lookup context keeps one per target (lookup.ts), so a deployment's
// lookups share it and its keep-alive connections; every client of a deployment signs with the same
// credential object (resolution.ts), so a role is assumed once and refreshed once for all of them.

import type Credential from "@alicloud/credentials";
import FC from "@alicloud/fc-open20210406";
import * as $OpenApi from "@alicloud/openapi-client";
import { type Target } from "./target";

/** Creates the client for `target`, signing with `credential` (already checked to produce credentials). */
export function createFcClient(target: Target, credential: Credential, timeoutSeconds: number): FC {
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
