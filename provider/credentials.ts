// Turns a CredentialSource into an @alicloud/credentials object the SDK signs with, and checks it
// can produce credentials before any request, so a missing credential reads as a configuration
// problem and not as an FC failure.

import Credential, { CLIProfileCredentialsProvider, Config as CredentialConfig } from "@alicloud/credentials";
import { ConfigurationError } from "./errors";
import { redact } from "./redaction";
import { CREDENTIALS_HOWTO, CredentialSource } from "./settings";

/** Builds the credential object for a source. The chain's providers are only consulted on first use. */
export function createCredential(source: CredentialSource): Credential {
    switch (source.kind) {
        case "static":
            return new Credential(
                new CredentialConfig({
                    type: source.securityToken === undefined ? "access_key" : "sts",
                    accessKeyId: source.accessKeyId,
                    accessKeySecret: source.accessKeySecret,
                    securityToken: source.securityToken,
                }),
            );
        case "profile":
            return new Credential(null, CLIProfileCredentialsProvider.builder().withProfileName(source.profile).build());
        case "default-chain":
            return new Credential();
    }
}

/** Where a credential source is described in messages; never includes a secret. */
export function describeCredentialSource(source: CredentialSource): string {
    switch (source.kind) {
        case "static":
            return `the access key from ${source.origin}`;
        case "profile":
            return `aliyun CLI profile ${JSON.stringify(source.profile)}`;
        case "default-chain":
            return "the @alicloud/credentials default chain";
    }
}

/**
 * Resolves credentials before the first request, so that a failure surfaces as a
 * {@link ConfigurationError} that says how to configure them. The chain's own message says which
 * providers it tried and why they failed, so it is kept, but redacted: some providers quote what they read.
 */
export async function ensureCredentials(credential: Credential, source: CredentialSource): Promise<void> {
    try {
        const model = await credential.getCredential();
        if (!model.accessKeyId && !model.bearerToken) {
            throw new Error("the credential provider returned no access key id");
        }
    } catch (err) {
        const cause = redact(err instanceof Error ? err.message : String(err), secretsOf(source));
        throw new ConfigurationError("credentials", `missing credentials: none from ${describeCredentialSource(source)} (${cause}); ${CREDENTIALS_HOWTO}`);
    }
}

/** The secret values a source holds, to be masked wherever foreign text might echo them. */
export function secretsOf(source: CredentialSource): Array<string | undefined> {
    return source.kind === "static" ? [source.accessKeySecret, source.securityToken] : [];
}
