// What to do about FC's 403 answers. A refused key or token is a credentials problem, named with the
// place the key came from; only a refusal of the caller itself is about RAM permissions, named with the
// action and the resource read. Nothing here shows a placeholder: what is not known is said so.

import { explainRefusal } from "./credentialErrors";
import { CONFIG_KEYS } from "./stackSettings";
import type { Target } from "./target";

/** What a 403 hint needs to know about the request. */
export interface DeniedRequest {
    /** The RAM action the read needs, e.g. `fc:GetFunctionAsyncInvokeConfig`. */
    ramAction: string;
    /** The RAM resource it needs it on (see {@link ramResource}). */
    resource: string;
    /** Where the signing credentials came from, e.g. `access key LTAI… from alicloud:accessKey`. */
    signer?: string;
}

/** The hint for a 403 with FC's error `code`. */
export function deniedHint(code: string, request: DeniedRequest): string {
    const who = request.signer ?? "the configured credentials";
    return explainRefusal(code, who) ?? `${who} may not read it; reading needs the RAM action ${request.ramAction} on ${request.resource}`;
}

/**
 * A RAM resource in FC's namespace: `acs:fc:<region>:<account>:<path>` when region and account are
 * known, else the path with what is known and why the rest is not.
 */
export function ramResource(path: string, target: Pick<Target, "region" | "accountId">): string {
    const { region, accountId } = target;
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
