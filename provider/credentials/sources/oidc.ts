// 5. A role assumed with an OIDC token: alicloud:assumeRoleWithOidc, else the ACK RRSA variables alone.

import { type SettingProblem } from "../../errors";
import { CONFIG_KEYS } from "../../settings/configKeys";
import { type Environment, ENV_KEYS, fromConfigOrEnv, fromEnv, namesOf, type WithOrigin } from "../../settings/environment";
import { type StackSettings } from "../../settings/stackSettings";
import { checkRoleArn, checkSessionName, DEFAULT_SESSION_NAME, SESSION_SECONDS, sessionSeconds } from "../roleSettings";
import { type OidcSource } from "../source";
import { REFUSED, type SourceFinder } from "./finding";

/** The configured block when there is one (its problems refuse), else the ACK RRSA variables. */
export const oidcRole: SourceFinder = ({ stack, env, problems }) => {
    if (stack.assumeRoleWithOidc !== undefined) {
        const source = oidcFromBlock(stack, env, problems);
        return source === undefined ? REFUSED : { source };
    }
    const rrsa = oidcFromRrsa(env);
    return typeof rrsa === "string" ? { unset: rrsa } : { source: rrsa };
};

/** `alicloud:assumeRoleWithOidc`, each field else its variable. */
function oidcFromBlock(stack: StackSettings, env: Environment, problems: SettingProblem[]): OidcSource | undefined {
    const block = stack.assumeRoleWithOidc ?? {};
    const key = CONFIG_KEYS.assumeRoleWithOidc;
    const field = (name: string, value: string | undefined, names: readonly string[]): WithOrigin | undefined =>
        fromConfigOrEnv(value, `${key}.${name}`, env, names);
    const roleArn = field("roleArn", block.roleArn, ENV_KEYS.oidcRoleArn);
    const providerArn = field("oidcProviderArn", block.oidcProviderArn, ENV_KEYS.oidcProviderArn);
    const token = field("oidcToken", block.oidcToken, ENV_KEYS.oidcToken);
    const tokenFile = field("oidcTokenFile", block.oidcTokenFile, ENV_KEYS.oidcTokenFile);
    const sessionName = field("roleSessionName", block.roleSessionName, ENV_KEYS.oidcRoleSessionName);
    const before = problems.length;
    if (roleArn === undefined) {
        problems.push({ setting: `${key}.roleArn`, message: `missing ${key}.roleArn: set it, or ${namesOf(undefined, ENV_KEYS.oidcRoleArn)}` });
    } else {
        checkRoleArn(roleArn, problems);
    }
    if (providerArn === undefined) {
        problems.push({
            setting: `${key}.oidcProviderArn`,
            message: `missing ${key}.oidcProviderArn: set it, or ${namesOf(undefined, ENV_KEYS.oidcProviderArn)}`,
        });
    }
    if (token === undefined && tokenFile === undefined) {
        problems.push({
            setting: `${key}.oidcTokenFile`,
            message: `missing OIDC token: set ${key}.oidcTokenFile or ${key}.oidcToken (secret), or ${namesOf(undefined, [...ENV_KEYS.oidcTokenFile, ...ENV_KEYS.oidcToken])}`,
        });
    }
    checkSessionName(sessionName, problems);
    const durationSeconds = sessionSeconds(
        block.sessionExpiration === undefined ? undefined : { value: block.sessionExpiration, origin: `${key}.sessionExpiration` },
        problems,
    );
    if (problems.length > before || roleArn === undefined || providerArn === undefined) {
        return undefined;
    }
    return {
        kind: "oidc",
        roleArn: roleArn.value,
        oidcProviderArn: providerArn.value,
        token,
        tokenFile: token === undefined ? tokenFile : undefined,
        sessionName: sessionName?.value ?? DEFAULT_SESSION_NAME,
        policy: block.policy,
        durationSeconds,
        origin: key,
    };
}

/**
 * The ACK RRSA variables on their own. @pulumi/alicloud reads them only inside an assumeRoleWithOidc
 * block; @alicloud/credentials' default chain reads them alone, and so does this provider, so that a pod
 * with RRSA needs no config. Returns what is missing, as text, when they are not all set.
 */
function oidcFromRrsa(env: Environment): OidcSource | string {
    const roleArn = fromEnv(env, ENV_KEYS.oidcRoleArn);
    const providerArn = fromEnv(env, ENV_KEYS.oidcProviderArn);
    const tokenFile = fromEnv(env, ENV_KEYS.oidcTokenFile);
    const names = [...ENV_KEYS.oidcRoleArn, ...ENV_KEYS.oidcProviderArn, ...ENV_KEYS.oidcTokenFile];
    if (roleArn === undefined || providerArn === undefined || tokenFile === undefined) {
        const set = [roleArn, providerArn, tokenFile].filter((n): n is WithOrigin => n !== undefined).map((n) => n.origin);
        const detail = set.length === 0 ? "" : `; only ${set.join(", ")} set`;
        return `a role assumed with OIDC (${CONFIG_KEYS.assumeRoleWithOidc}, or the ACK RRSA variables ${names.join(", ")}${detail})`;
    }
    return {
        kind: "oidc",
        roleArn: roleArn.value,
        oidcProviderArn: providerArn.value,
        tokenFile,
        sessionName: fromEnv(env, ENV_KEYS.oidcRoleSessionName)?.value ?? DEFAULT_SESSION_NAME,
        durationSeconds: SESSION_SECONDS.default,
        origin: `the ACK RRSA variables (${names.join(", ")})`,
    };
}
