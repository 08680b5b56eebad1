// 2. An aliyun CLI profile: alicloud:profile, in alicloud:sharedCredentialsFile (default
//    ~/.aliyun/config.json).

import { CONFIG_KEYS } from "../../settings/configKeys";
import { ENV_KEYS, fromConfigOrEnv, namesOf } from "../../settings/environment";
import { REFUSED, type SourceFinder } from "./finding";

/** A named profile; a credentials file without a profile is refused. */
export const profile: SourceFinder = ({ stack, env, problems }) => {
    const name = fromConfigOrEnv(stack.profile, CONFIG_KEYS.profile, env, ENV_KEYS.profile);
    const file = fromConfigOrEnv(stack.sharedCredentialsFile, CONFIG_KEYS.sharedCredentialsFile, env, ENV_KEYS.sharedCredentialsFile);
    if (name !== undefined) {
        return { source: { kind: "profile", profile: name.value, origin: name.origin, file } };
    }
    if (stack.sharedCredentialsFile !== undefined) {
        // As in @pulumi/alicloud, the file is read only for a named profile.
        problems.push({
            setting: CONFIG_KEYS.sharedCredentialsFile,
            message: `${CONFIG_KEYS.sharedCredentialsFile} names a credentials file but no profile is chosen: set ${namesOf(CONFIG_KEYS.profile, ENV_KEYS.profile)}`,
        });
        return REFUSED;
    }
    return { unset: `an aliyun CLI profile (${namesOf(CONFIG_KEYS.profile, ENV_KEYS.profile)})` };
};
