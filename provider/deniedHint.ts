// What to do about FC's 403 answers. A refused key or token is a credentials problem, named with the
// place the key came from; only a refusal of the caller itself is about RAM permissions, named with the
// action and the function's resource. Nothing here shows a placeholder: what is not known is said so.

import { explainRefusal } from "./credentialErrors";
import { RAM_ACTION } from "./errors";
import { CONFIG_KEYS } from "./stackSettings";
import type { Target } from "./target";
import type { LookupInputs } from "./types";

/** What a 403 hint needs to know about the request. */
export interface DeniedRequest {
    lookup: LookupInputs & { qualifier: string };
    target: Target;
    /** Where the signing credentials came from, e.g. `access key LTAI… from alicloud:accessKey`. */
    signer?: string;
}

/** The hint for a 403 with FC's error `code`. */
export function deniedHint(code: string, request: DeniedRequest): string {
    const who = request.signer ?? "the configured credentials";
    return explainRefusal(code, who) ?? `${who} may not read it; reading needs the RAM action ${RAM_ACTION} on ${functionResource(request)}`;
}

/** The function's RAM resource: its full ARN when region and account are known, else what is known and why the rest is not. */
export function functionResource(request: DeniedRequest): string {
    const { serviceName, functionName, qualifier } = request.lookup;
    const { region, accountId } = request.target;
    const path = `services/${serviceName}.${qualifier}/functions/${functionName}`;
    if (region !== undefined && accountId !== undefined) {
        return `acs:fc:${region}:${accountId}:${path}`;
    }
    const unknown = [region === undefined ? "region" : undefined, accountId === undefined ? "account" : undefined].filter((u) => u !== undefined).join(" and ");
    const known = [accountId === undefined ? undefined : `account ${accountId}`, region === undefined ? undefined : `region ${region}`].filter(
        (k) => k !== undefined,
    );
    const fix = region === undefined ? `the lookup's region or ${CONFIG_KEYS.region}` : `the lookup's accountId or ${CONFIG_KEYS.accountId}`;
    return `${path}${known.length > 0 ? ` in ${known.join(", ")}` : ""} (its full ARN needs the ${unknown}, not known here because the lookup named an endpoint; set ${fix} to see it)`;
}
