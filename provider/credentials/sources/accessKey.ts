// 1. An access key pair: alicloud:accessKey / alicloud:secretKey (each else its variables), with
//    alicloud:securityToken for an STS key.

import { type SettingProblem } from "../../errors";
import { CONFIG_KEYS } from "../../settings/configKeys";
import { ENV_KEYS, fromConfigOrEnv, namesOf, type WithOrigin } from "../../settings/environment";
import { REFUSED, type SourceFinder } from "./finding";

/** An access key pair; half a pair is refused. */
export const accessKey: SourceFinder = ({ stack, env, problems }) => {
    const key = fromConfigOrEnv(stack.accessKey, CONFIG_KEYS.accessKey, env, ENV_KEYS.accessKey);
    const secret = fromConfigOrEnv(stack.secretKey, CONFIG_KEYS.secretKey, env, ENV_KEYS.secretKey);
    if (key !== undefined && secret !== undefined) {
        const token = fromConfigOrEnv(stack.securityToken, CONFIG_KEYS.securityToken, env, ENV_KEYS.securityToken);
        return {
            source: {
                kind: "access-key",
                accessKeyId: key.value,
                accessKeySecret: secret.value,
                securityToken: token?.value,
                keyOrigin: key.origin,
                secretOrigin: secret.origin,
                tokenOrigin: token?.origin,
            },
        };
    }
    if (key !== undefined || secret !== undefined) {
        problems.push(halfPair(key, secret));
        return REFUSED;
    }
    return { unset: `an access key (${namesOf(CONFIG_KEYS.accessKey, ENV_KEYS.accessKey)}, with its secret)` };
};

/** The problem of a key without its secret, or the reverse, against the missing half. */
function halfPair(key: WithOrigin | undefined, secret: WithOrigin | undefined): SettingProblem {
    const [present, presentNames, missingKey, missingNames] =
        key !== undefined
            ? [key, ENV_KEYS.accessKey, CONFIG_KEYS.secretKey, ENV_KEYS.secretKey]
            : [secret as WithOrigin, ENV_KEYS.secretKey, CONFIG_KEYS.accessKey, ENV_KEYS.accessKey];
    // The counterpart of a variable is the one of the same family (ALICLOUD_*, ALIBABA_CLOUD_*, …).
    const index = presentNames.indexOf(present.origin as never);
    const missing = index >= 0 ? missingNames[index] : missingKey;
    const how = missingKey === CONFIG_KEYS.secretKey ? ` (\`pulumi config set --secret ${CONFIG_KEYS.secretKey} …\`)` : "";
    return {
        setting: missing,
        message: `incomplete credentials: ${present.origin} is set but ${missing} is not; set ${namesOf(missingKey, missingNames)}${how} too, or neither`,
    };
}
