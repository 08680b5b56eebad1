// Where one lookup's request goes: endpoint, account and region. Precedence, most specific first: the
// lookup's own arguments; stack config; the environment; what an FC host name says; for the account,
// last, STS (accountDiscovery.ts), which needs credentials and so is resolved later, asynchronously.

import { InvalidLookupError, type SettingProblem } from "../errors";
import { checkLookupTransport, type ConfiguredFcEndpoint, defaultFcHost, fcHostParts, PLAIN_HTTP_RULE, withAccount } from "./endpoints";
import { type Environment, ENV_KEYS, fromConfigOrEnv, type WithOrigin, namesOf } from "./environment";
import { type StackSettings } from "./stackSettings";
import { CONFIG_KEYS } from "./configKeys";
import { type Scope } from "../types";
import { checkAccountId, checkEndpoint, checkRegion, type EndpointParts } from "./validation";

/** Where one lookup's request goes. */
export interface Target extends EndpointParts {
    /** Sent as `X-Fc-Account-Id`. */
    accountId?: string;
    /** For messages and the RAM resource name; FC itself takes the region from the host name. */
    region?: string;
}

/** A target whose host may still need the account id. */
export interface PartialTarget {
    protocol: "http" | "https";
    /** The host when it does not depend on the account. */
    host?: string;
    /** How to build the host from the account id when it does: FC's default name, or a regional name to prefix. */
    hostFromAccount?: (accountId: string) => string;
    /** Known without STS: from the lookup, stack config, the environment or the endpoint's host name. */
    accountId?: string;
    region?: string;
}

/**
 * Resolves what a lookup's target can be resolved to without credentials. Settings that are missing or
 * invalid come back as problems; an invalid lookup argument throws {@link InvalidLookupError}.
 */
export function resolveTarget(
    lookup: Scope,
    stack: StackSettings,
    fcEndpoint: ConfiguredFcEndpoint | undefined,
    env: Environment,
): { target: PartialTarget; problems: SettingProblem[] } {
    const problems: SettingProblem[] = [];
    const region = lookup.region ?? configured(stack.region, CONFIG_KEYS.region, env, ENV_KEYS.region, checkRegion, problems);
    const accountId = lookup.accountId ?? configured(stack.accountId, CONFIG_KEYS.accountId, env, ENV_KEYS.accountId, checkAccountId, problems);

    if (lookup.endpoint !== undefined) {
        const parts = checkEndpoint(lookup.endpoint);
        checkLookupTransport(parts, lookup.endpoint, stack.allowInsecureHttp);
        const named = fcHostParts(parts.host);
        return { target: { ...parts, accountId: accountId ?? named.accountId, region: region ?? named.region }, problems };
    }
    if (fcEndpoint !== undefined) {
        const named = fcHostParts(fcEndpoint.host);
        const base = { protocol: fcEndpoint.protocol, accountId: accountId ?? named.accountId, region: region ?? named.region };
        return fcEndpoint.needsAccount
            ? { target: { ...base, hostFromAccount: (account) => withAccount(fcEndpoint.host, account) }, problems }
            : { target: { ...base, host: fcEndpoint.host }, problems };
    }
    if (region === undefined) {
        problems.push({
            setting: CONFIG_KEYS.region,
            message:
                `missing region: set the lookup's region argument, or \`pulumi config set ${CONFIG_KEYS.region} cn-hangzhou\`, or ${namesOf(undefined, ENV_KEYS.region)}, ` +
                `or an FC endpoint (\`pulumi config set --path '${CONFIG_KEYS.endpoints}[0].fc' <host>\`)`,
        });
    }
    const protocol = stack.protocol ?? "https";
    if (protocol === "http" && !stack.allowInsecureHttp) {
        problems.push({ setting: CONFIG_KEYS.protocol, message: `${CONFIG_KEYS.protocol} HTTP for FC's public endpoint: ${PLAIN_HTTP_RULE}` });
    }
    return { target: { protocol, hostFromAccount: (account) => defaultFcHost(account, region ?? ""), accountId, region }, problems };
}

/** The target with its host built from the account id, when it needs one. */
export function completeTarget(partial: PartialTarget, accountId: string | undefined): Target {
    const account = partial.accountId ?? accountId;
    const host = partial.host ?? (account === undefined || partial.hostFromAccount === undefined ? undefined : partial.hostFromAccount(account));
    if (host === undefined) {
        // core/route.ts asks STS for the account before completing a target that needs it.
        throw new Error("completeTarget: the host needs an account id");
    }
    return { protocol: partial.protocol, host, accountId: account, region: partial.region };
}

/**
 * A setting from stack config, else from the environment, checked. A bad value is a problem against
 * the key or variable it came from (the lookup's own arguments were checked with the lookup).
 */
function configured(
    fromStack: string | undefined,
    key: string,
    env: Environment,
    names: readonly string[],
    check: (value: string) => string,
    problems: SettingProblem[],
): string | undefined {
    const found: WithOrigin | undefined = fromConfigOrEnv(fromStack, key, env, names);
    if (found === undefined) {
        return undefined;
    }
    try {
        return check(found.value);
    } catch (err) {
        if (err instanceof InvalidLookupError) {
            problems.push({ setting: found.origin, message: `invalid ${found.origin} ${JSON.stringify(found.value)}: ${err.rule}` });
            return undefined;
        }
        throw err;
    }
}
