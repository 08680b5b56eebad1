// The SDK client for one target and credential source. A lookup context keeps one per target
// (lookup.ts), so a deployment's lookups share it: connections stay warm (keep-alive) and the
// credential chain runs once per target.

import FC from "@alicloud/fc-open20210406";
import * as $OpenApi from "@alicloud/openapi-client";
import { createCredential, ensureCredentials, secretsOf } from "./credentials";
import { SecretSet } from "./redaction";
import { CredentialSource, Target } from "./settings";

/**
 * Creates the client for `target`. Credentials are resolved before the client is handed out, so a
 * missing credential fails here with a {@link ConfigurationError}, before any request. Every secret
 * the source holds or the client signs with is added to `secrets`, the deployment's set to redact.
 */
export async function createFcClient(target: Target, source: CredentialSource, timeoutSeconds: number, secrets: SecretSet): Promise<FC> {
    secrets.add(...secretsOf(source));
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
    await noteSigningSecrets(client, secrets);
    return client;
}

/**
 * Adds the secrets `client` signs with now to `secrets`. A profile or the default chain only reveals
 * them here, and temporary credentials rotate, so this runs when a client is created and again before
 * a failure's text is redacted. The providers cache what they resolved: this asks no one anything the
 * SDK did not just ask for its own request.
 */
export async function noteSigningSecrets(client: FC, secrets: SecretSet): Promise<void> {
    try {
        secrets.add(await client.getAccessKeySecret(), await client.getSecurityToken(), await client.getBearerToken());
    } catch {
        // The chain failed now: whatever it would have returned was not used to sign either.
    }
}
