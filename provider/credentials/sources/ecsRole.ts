// 4. An ECS RAM role: alicloud:ecsRoleName, from the instance's metadata service.

import { CONFIG_KEYS } from "../../settings/configKeys";
import { ENV_KEYS, fromConfigOrEnv, namesOf } from "../../settings/environment";
import { type SourceFinder } from "./finding";

/** The ECS instance's RAM role, when one is named. */
export const ecsRole: SourceFinder = ({ stack, env }) => {
    const role = fromConfigOrEnv(stack.ecsRoleName, CONFIG_KEYS.ecsRoleName, env, ENV_KEYS.ecsRoleName);
    return role === undefined
        ? { unset: `an ECS RAM role (${namesOf(CONFIG_KEYS.ecsRoleName, ENV_KEYS.ecsRoleName)})` }
        : { source: { kind: "ecs-role", roleName: role.value, origin: role.origin } };
};
