// The RAM resource a read needs its action on, named as RAM names FC's resources. Nothing here shows a
// placeholder: what is not known is said so, with the setting that would tell it.

import { CONFIG_KEYS } from "../settings/configKeys";
import type { Target } from "../settings/target";

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

/**
 * The resource of FC 3.0's async-config reads. Its reference lists their actions for "All Resources"
 * (no resource-level permission), so only a policy statement on `*` is sure to take effect.
 */
export const FC3_RAM_RESOURCE = "* (FC 3.0 grants this action on all resources, not per function: a statement naming a function may not take effect)";
