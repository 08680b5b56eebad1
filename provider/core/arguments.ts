// Argument rules, as a data source declares them: which arguments it takes, which are required, which
// have a default, and the check each must pass. The same rules run in the program (on plain values,
// so a typo fails at once) and in the provider (on everything, before any request).

import { type Scope } from "../types";
import { checkAccountId, checkEndpoint, checkName, checkRegion } from "../settings/validation";

/** The rule of one argument. */
export interface ArgumentRule {
    /** Returns the value when it passes; throws an `InvalidLookupError` naming `field` otherwise. */
    check(value: unknown, field: string): string;
    /** Absent is an error: `check` is called with `undefined` and must throw. */
    required?: boolean;
    /** Used when absent. */
    default?: string;
}

/** A data source's arguments (every one a string once resolved), each with its rule, in the order they are checked. */
export type ArgumentRules<Args> = { readonly [K in keyof Args]-?: ArgumentRule };

/** A required service or function name, under FC's naming rule. */
export const REQUIRED_NAME: ArgumentRule = { check: (value, field) => checkName(field, value), required: true };

/** The rules of {@link Scope}, shared by every data source. */
export const SCOPE_RULES: ArgumentRules<Scope> = {
    region: { check: checkRegion },
    accountId: { check: checkAccountId },
    endpoint: {
        check: (value) => {
            checkEndpoint(value);
            return value as string;
        },
    },
};

/**
 * Checks every argument against its rule and fills in defaults. Optional arguments that are absent
 * stay absent, so that configuration can supply them later. Throws `InvalidLookupError` for the first
 * argument that breaks its rule.
 */
export function checkArguments<Args>(rules: ArgumentRules<Args>, inputs: Partial<Record<keyof Args, unknown>>): Args {
    const checked: Partial<Record<keyof Args, string>> = {};
    for (const field of Object.keys(rules) as (keyof Args & string)[]) {
        const rule: ArgumentRule = rules[field];
        const value = inputs[field] ?? rule.default;
        // A required argument that is absent fails its own check, whose rule says what it must be.
        if (value !== undefined || rule.required === true) {
            checked[field] = rule.check(value, field);
        }
    }
    return checked as Args;
}

/** Checks the arguments that are plain values now; the others (outputs of other resources) are checked by the provider. */
export function checkPlainArguments<Args>(rules: ArgumentRules<Args>, args: Partial<Record<keyof Args, unknown>>): void {
    for (const field of Object.keys(rules) as (keyof Args & string)[]) {
        const rule: ArgumentRule = rules[field];
        const value = args[field] ?? rule.default;
        if (typeof value === "string") {
            rule.check(value, field);
        }
    }
}
