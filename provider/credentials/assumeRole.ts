// alicloud:assumeRole: a role assumed with whichever base credentials the precedence found.

import { type SettingProblem } from "../errors";
import { CONFIG_KEYS } from "../settings/configKeys";
import { type Environment, ENV_KEYS, fromConfigOrEnv, fromEnv, namesOf, type WithOrigin } from "../settings/environment";
import { type StackSettings } from "../settings/stackSettings";
import { checkRoleArn, checkSessionName, DEFAULT_SESSION_NAME, sessionSeconds } from "./roleSettings";
import { type AssumedRole } from "./source";

/** `alicloud:assumeRole`, each field else its variable, with @pulumi/alicloud's defaults. */
export function assumedRole(stack: StackSettings, env: Environment, problems: SettingProblem[]): AssumedRole | undefined {
    const block = stack.assumeRole ?? {};
    const key = CONFIG_KEYS.assumeRole;
    const before = problems.length;
    const roleArn = fromConfigOrEnv(block.roleArn, `${key}.roleArn`, env, ENV_KEYS.assumeRoleArn);
    if (roleArn === undefined) {
        problems.push({ setting: `${key}.roleArn`, message: `missing ${key}.roleArn: set it, or ${namesOf(undefined, ENV_KEYS.assumeRoleArn)}` });
    } else {
        checkRoleArn(roleArn, problems);
    }
    const sessionName = fromConfigOrEnv(block.sessionName, `${key}.sessionName`, env, ENV_KEYS.assumeRoleSessionName);
    checkSessionName(sessionName, problems);
    const expiration: WithOrigin<string | number> | undefined =
        block.sessionExpiration !== undefined
            ? { value: block.sessionExpiration, origin: `${key}.sessionExpiration` }
            : fromEnv(env, ENV_KEYS.assumeRoleSessionExpiration);
    const durationSeconds = sessionSeconds(expiration, problems);
    if (problems.length > before || roleArn === undefined) {
        return undefined;
    }
    return {
        roleArn: roleArn.value,
        sessionName: sessionName?.value ?? DEFAULT_SESSION_NAME,
        policy: block.policy,
        durationSeconds,
        externalId: block.externalId,
    };
}
