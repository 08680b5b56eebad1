// The rules of the role settings that both alicloud:assumeRole and alicloud:assumeRoleWithOidc take:
// a RAM role ARN, a session name and a session duration, checked as STS will check them.

import { type SettingProblem } from "../errors";
import { type WithOrigin } from "../settings/environment";

/** The session name this provider gives a role it assumes, when none is configured. */
export const DEFAULT_SESSION_NAME = "pulumi-fc-async-invoke-config";
/** STS's bounds on a session's duration, in seconds; 3600 when none is configured, as in @pulumi/alicloud. */
export const SESSION_SECONDS = { min: 900, max: 43200, default: 3600 } as const;

const ROLE_ARN = /^acs:ram::\d+:role\/[^\s]+$/i;
const SESSION_NAME = /^[\w.@-]{2,64}$/;

export function checkRoleArn(roleArn: WithOrigin, problems: SettingProblem[]): void {
    if (!ROLE_ARN.test(roleArn.value)) {
        problems.push({
            setting: roleArn.origin,
            message: `invalid ${roleArn.origin} ${JSON.stringify(roleArn.value)}: must be a RAM role ARN such as acs:ram::1234567890123456:role/reader`,
        });
    }
}

export function checkSessionName(sessionName: WithOrigin | undefined, problems: SettingProblem[]): void {
    if (sessionName !== undefined && !SESSION_NAME.test(sessionName.value)) {
        problems.push({
            setting: sessionName.origin,
            message: `invalid ${sessionName.origin} ${JSON.stringify(sessionName.value)}: must be 2-64 letters, digits or . @ - _`,
        });
    }
}

/** A session duration within STS's bounds; 0 or unset means the default, as in @pulumi/alicloud. */
export function sessionSeconds(value: WithOrigin<string | number> | undefined, problems: SettingProblem[]): number {
    if (value === undefined) {
        return SESSION_SECONDS.default;
    }
    const seconds = Number(value.value);
    if (seconds === 0) {
        return SESSION_SECONDS.default;
    }
    if (!Number.isInteger(seconds) || seconds < SESSION_SECONDS.min || seconds > SESSION_SECONDS.max) {
        problems.push({
            setting: value.origin,
            message: `invalid ${value.origin}: must be a whole number of seconds from ${SESSION_SECONDS.min} to ${SESSION_SECONDS.max}, got ${JSON.stringify(String(value.value))}`,
        });
        return SESSION_SECONDS.default;
    }
    return seconds;
}
