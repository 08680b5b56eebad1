// A warning for credentials set in stack config without `--secret`. The engine records the stack config
// as the inputs of the provider that serves this data source, so a key set in plain text is stored in
// plain text in the state file (and shown by `pulumi config`). The provider host cannot tell: it receives
// the config with secrets already unwrapped. The program can, so the warning is given there, once.

import * as pulumi from "@pulumi/pulumi";
import { CONFIG_KEYS } from "./settings";

/** Config keys whose values are credentials and belong in config only as secrets. */
export const SECRET_CONFIG_KEYS: readonly string[] = [CONFIG_KEYS.secretKey, CONFIG_KEYS.securityToken];

let warned = false;

/**
 * Warns once per program when a key of {@link SECRET_CONFIG_KEYS} is set in stack config but not as a
 * secret. Quiet where the runtime cannot say which keys are secret (`isConfigSecret` is not part of
 * `@pulumi/pulumi`'s typed API, so its absence is expected and tolerated).
 */
export function warnAboutUnmarkedCredentials(): void {
    if (warned) {
        return;
    }
    warned = true;
    const isSecret = (pulumi.runtime as { isConfigSecret?: (key: string) => boolean }).isConfigSecret;
    if (typeof isSecret !== "function") {
        return;
    }
    const unmarked = SECRET_CONFIG_KEYS.filter((key) => pulumi.runtime.getConfig(key) !== undefined && !isSecret(key));
    if (unmarked.length > 0) {
        const keys = unmarked.join(", ");
        pulumi.log.warn(
            `${keys} ${unmarked.length === 1 ? "is" : "are"} set in stack config without --secret, so the state file and Pulumi.<stack>.yaml ` +
                `hold ${unmarked.length === 1 ? "it" : "them"} in plain text. Set ${unmarked.length === 1 ? "it" : "each"} again with ` +
                `\`pulumi config set --secret ${unmarked[0]} …\`.`,
        );
    }
}
