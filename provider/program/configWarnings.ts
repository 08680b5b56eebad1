// A warning for credentials set in stack config without `--secret`. The engine records the stack config
// as the inputs of the provider that serves this data source, so a key set in plain text is stored in
// plain text in the state file (and shown by `pulumi config`). The provider host cannot tell: it receives
// the config with secrets already unwrapped. The program can, so the warning is given there, once.

import * as pulumi from "@pulumi/pulumi";
import { CONFIG_KEYS } from "../settings/configKeys";

/** Config keys whose values are credentials and belong in config only as secrets. */
export const SECRET_CONFIG_KEYS: readonly string[] = [CONFIG_KEYS.secretKey, CONFIG_KEYS.securityToken, CONFIG_KEYS.assumeRoleWithOidc];

/** Whether a key's value holds a credential: `assumeRoleWithOidc` does only when it carries the token itself. */
function holdsCredential(key: string, value: string): boolean {
    return key !== CONFIG_KEYS.assumeRoleWithOidc || value.includes('oidcToken"');
}

let warned = false;

/**
 * The keys of {@link SECRET_CONFIG_KEYS} that hold a credential in stack config but are not secrets.
 * Empty where the runtime cannot say which keys are secret (`isConfigSecret` is not part of
 * `@pulumi/pulumi`'s typed API, so its absence is expected and tolerated).
 */
export function unmarkedCredentialKeys(): string[] {
    const isSecret = (pulumi.runtime as { isConfigSecret?: (key: string) => boolean }).isConfigSecret;
    if (typeof isSecret !== "function") {
        return [];
    }
    return SECRET_CONFIG_KEYS.filter((key) => {
        const value = pulumi.runtime.getConfig(key);
        return value !== undefined && holdsCredential(key, value) && !isSecret(key);
    });
}

/** Warns once per program about {@link unmarkedCredentialKeys}, naming the command that fixes it. */
export function warnAboutUnmarkedCredentials(): void {
    if (warned) {
        return;
    }
    warned = true;
    const unmarked = unmarkedCredentialKeys();
    if (unmarked.length > 0) {
        const one = unmarked.length === 1;
        void pulumi.log.warn(
            `${unmarked.join(", ")} ${one ? "is" : "are"} set in stack config without --secret, so the state file and Pulumi.<stack>.yaml ` +
                `hold ${one ? "it" : "them"} in plain text. Set ${one ? "it" : "each"} again with \`pulumi config set --secret ${unmarked[0]} …\`.`,
        );
    }
}

const said = new Set<string>();

/** Warns once per program with `message`, attached to `resource` when there is one. */
export function warnOnce(message: string, resource?: pulumi.Resource): void {
    if (!said.has(message)) {
        said.add(message);
        void pulumi.log.warn(message, resource);
    }
}
