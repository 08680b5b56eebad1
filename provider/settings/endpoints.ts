// Where requests go: the FC endpoint and the STS endpoint, from stack config (`alicloud:endpoints`,
// `alicloud:fc`, `alicloud:protocol`) or Terraform's `FC_ENDPOINT` / `STS_ENDPOINT` variables, and the
// one transport rule: requests carry a signature and often a security token, so plain HTTP is allowed
// only to loopback unless the stack opts in with `fcAsyncInvokeConfig:allowInsecureHttp`.

import { InvalidLookupError, type SettingProblem } from "../errors";
import { type Environment, ENV_KEYS, fromEnv } from "./environment";
import { type ConfiguredEndpoint, type StackSettings } from "./stackSettings";
import { CONFIG_KEYS } from "./configKeys";
import { type EndpointParts } from "./validation";

/** The FC endpoint a stack configures, parsed. */
export interface ConfiguredFcEndpoint extends EndpointParts {
    /** The key or variable it came from. */
    origin: string;
    /**
     * True for the regional form `<region>[-internal].fc.aliyuncs.com`, which names no account: like
     * @pulumi/alicloud, the account id is put in front of it.
     */
    needsAccount: boolean;
}

/** STS, which is always reached over HTTPS: @alicloud/credentials offers no other way. */
export interface StsEndpoint {
    /** `host[:port]`. */
    host: string;
    /** The key or variable it came from, or `default`. */
    origin: string;
}

/** What an FC host name says about its account and region, when it is one of FC's own names. */
export interface FcHostParts {
    accountId?: string;
    region?: string;
}

/** `[<account>.]<region>[-internal].fc.aliyuncs.com[:port]`, the public and VPC names of FC 2.0. */
const FC_HOST = /^(?:(\d+)\.)?([a-z0-9-]+?)(-internal)?\.fc\.aliyuncs\.com(?::\d+)?$/i;

/** The account and region an FC host name carries, if it is one of FC's own names. */
export function fcHostParts(host: string): FcHostParts {
    const match = FC_HOST.exec(host);
    return match === null ? {} : { accountId: match[1], region: match[2].toLowerCase() };
}

/** The public FC 2.0 endpoint of an account in a region. */
export function defaultFcHost(accountId: string, region: string): string {
    return `${accountId}.${region}.fc.aliyuncs.com`;
}

/** `host` with the account in front, for the regional form of a configured endpoint. */
export function withAccount(host: string, accountId: string): string {
    return `${accountId}.${host}`;
}

/**
 * The FC endpoint stack config or the environment names, if any: the `fc` entry of `alicloud:endpoints`
 * (else the deprecated `alicloud:fc`), else `FC_ENDPOINT`. A value without a scheme takes
 * `alicloud:protocol` (default HTTPS), as @pulumi/alicloud writes them: `cn-hangzhou-internal.fc.aliyuncs.com`.
 */
export function configuredFcEndpoint(stack: StackSettings, env: Environment, problems: SettingProblem[]): ConfiguredFcEndpoint | undefined {
    const named: ConfiguredEndpoint | undefined = stack.fcEndpoint ?? fromEnv(env, ENV_KEYS.fcEndpoint);
    if (named === undefined) {
        return undefined;
    }
    const problem = (message: string): ConfiguredFcEndpoint => {
        problems.push({ setting: named.origin, message });
        // Still an endpoint the user chose: the lookup must not also be asked for a region. Never used.
        return { protocol: "https", host: "", origin: named.origin, needsAccount: false };
    };
    const parsed = parseEndpointValue(named);
    if (typeof parsed === "string") {
        return problem(`invalid ${named.origin} ${JSON.stringify(named.value)}: ${parsed}`);
    }
    if (parsed.scheme !== undefined && stack.protocol !== undefined && parsed.scheme !== stack.protocol) {
        return problem(
            `contradictory settings: ${named.origin} says ${parsed.scheme}:// but ${CONFIG_KEYS.protocol} says ${stack.protocol.toUpperCase()}; drop the scheme or change the protocol`,
        );
    }
    const endpoint = { protocol: parsed.scheme ?? stack.protocol ?? "https", host: parsed.host };
    const refusal = plainHttpRefusal(endpoint, stack.allowInsecureHttp);
    if (refusal !== undefined) {
        return problem(`${named.origin} ${JSON.stringify(named.value)}: ${refusal}`);
    }
    const hostParts = fcHostParts(endpoint.host);
    return { ...endpoint, origin: named.origin, needsAccount: hostParts.region !== undefined && hostParts.accountId === undefined };
}

/**
 * The STS endpoint for role assumption and account discovery: the `sts` entry of `alicloud:endpoints`,
 * else `STS_ENDPOINT`, else `sts.<region>.aliyuncs.com` for the configured region, else `sts.aliyuncs.com`.
 */
export function stsEndpoint(stack: StackSettings, env: Environment, region: string | undefined, problems: SettingProblem[]): StsEndpoint {
    const named: ConfiguredEndpoint | undefined = stack.stsEndpoint ?? fromEnv(env, ENV_KEYS.stsEndpoint);
    const fallback = { host: region === undefined ? "sts.aliyuncs.com" : `sts.${region}.aliyuncs.com`, origin: "default" };
    if (named === undefined) {
        return fallback;
    }
    const parsed = parseEndpointValue(named);
    if (typeof parsed === "string") {
        problems.push({ setting: named.origin, message: `invalid ${named.origin} ${JSON.stringify(named.value)}: ${parsed}` });
        return fallback;
    }
    if (parsed.scheme === "http") {
        problems.push({
            setting: named.origin,
            message: `invalid ${named.origin} ${JSON.stringify(named.value)}: STS is reached over HTTPS only (@alicloud/credentials has no other way); give host[:port] or https://host[:port]`,
        });
        return fallback;
    }
    return { host: parsed.host, origin: named.origin };
}

/** Why plain HTTP is refused, and the way out. */
export const PLAIN_HTTP_RULE =
    `plain http:// is allowed only to loopback (127.0.0.1, ::1, localhost), since requests carry signatures and security tokens; ` +
    `use https://, or set ${CONFIG_KEYS.allowInsecureHttp} to true to send them in clear text anyway`;

/**
 * Refuses plain HTTP to a host other than loopback, unless the stack allows it; returns the reason, or
 * undefined when the endpoint is fine. Signed requests and security tokens must not cross a network
 * in clear text by accident.
 */
export function plainHttpRefusal(endpoint: EndpointParts, allowInsecureHttp: boolean): string | undefined {
    return endpoint.protocol !== "http" || allowInsecureHttp || isLoopback(endpoint.host) ? undefined : PLAIN_HTTP_RULE;
}

/** Throws {@link InvalidLookupError} when the lookup's own endpoint breaks {@link plainHttpRefusal}'s rule. */
export function checkLookupTransport(endpoint: EndpointParts, value: string, allowInsecureHttp: boolean): void {
    const refusal = plainHttpRefusal(endpoint, allowInsecureHttp);
    if (refusal !== undefined) {
        throw new InvalidLookupError("endpoint", refusal, value);
    }
}

/** Whether `host` (`name[:port]` or `[v6]:port`) is a loopback address or `localhost`. */
export function isLoopback(host: string): boolean {
    const name = host.startsWith("[") ? host.slice(1, host.indexOf("]")) : host.replace(/:\d+$/, "");
    const lower = name.toLowerCase();
    return lower === "localhost" || lower === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(lower);
}

/** `scheme://host[:port]` or `host[:port]`, nothing else; the reason it is not, as text. */
function parseEndpointValue(named: ConfiguredEndpoint): { scheme?: "http" | "https"; host: string } | string {
    const rule = "must be host[:port] or http(s)://host[:port], with no path, user or query";
    const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(named.value);
    let url: URL;
    try {
        url = new URL(hasScheme ? named.value : `https://${named.value}`);
    } catch {
        return rule;
    }
    if (
        (url.protocol !== "http:" && url.protocol !== "https:") ||
        url.username ||
        url.password ||
        (url.pathname !== "/" && url.pathname !== "") ||
        url.search ||
        url.hash
    ) {
        return rule;
    }
    return { scheme: hasScheme ? (url.protocol === "http:" ? "http" : "https") : undefined, host: url.host };
}
