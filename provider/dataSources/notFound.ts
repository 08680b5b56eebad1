// What FC's not-found codes say about a read, in the words of the API that answered: FC 2.0 names a
// function within its service, FC 3.0 names it on its own. Only these codes, answered with a 404, ever
// make a read "not found" (wire/failures.ts); anything else FC or a proxy answers is reported as it is.

import { DEFAULT_QUALIFIER } from "../types";

/** What a read names, as far as a not-found message needs it. */
export interface NamedInRead {
    /** FC 2.0's service; absent for FC 3.0, which has none. */
    serviceName?: string;
    /** Absent for a list of every function. */
    functionName?: string;
    qualifier?: string;
}

/**
 * The message for FC's not-found `code`: what is missing, naming it exactly, and what to do about it;
 * undefined when the code does not say that something is missing. It stands in for FC's own message,
 * which says the same less precisely (the error keeps FC's text as `fcMessage`).
 */
export function notFoundHint(code: string, named: NamedInRead): string | undefined {
    const { serviceName, functionName, qualifier } = named;
    // FC 2.0 publishes versions and aliases per service, FC 3.0 per function.
    const publisher = serviceName === undefined ? `function "${functionName}"` : `service "${serviceName}"`;
    switch (code) {
        case "ServiceNotFound":
            return serviceName === undefined
                ? undefined
                : `service "${serviceName}" does not exist in this account and region: check its name, and the account and region the stack reads (alicloud:accountId, alicloud:region)`;
        case "FunctionNotFound":
            if (functionName === undefined) {
                return "a function FC listed no longer exists: it was deleted while the list was read; run again";
            }
            return (
                `function "${functionName}" does not exist ${serviceName === undefined ? "in this account and region" : `in service "${serviceName}"`}: ` +
                "check its name (names are case-sensitive) and the account and region the stack reads, or deploy the function first"
            );
        case "VersionNotFound":
            return `version "${qualifier}" of ${publisher} does not exist: read a published version, an alias or LATEST`;
        case "AliasNotFound":
            return qualifier !== undefined && qualifier !== DEFAULT_QUALIFIER && qualifier.toUpperCase() === DEFAULT_QUALIFIER
                ? `alias "${qualifier}" of ${publisher} does not exist: did you mean ${DEFAULT_QUALIFIER}? Qualifiers are case-sensitive`
                : `alias "${qualifier}" of ${publisher} does not exist: create it, or read LATEST or a published version`;
        case "AsyncConfigNotExists":
            return (
                `function "${serviceName === undefined ? "" : `${serviceName}/`}${functionName}" exists but has no async invoke config for qualifier "${qualifier ?? DEFAULT_QUALIFIER}": ` +
                `give it one (@pulumi/alicloud's ${serviceName === undefined ? "fc.V3AsyncInvokeConfig" : "fc.FunctionAsyncInvokeConfig"}), or read a qualifier that has one`
            );
        default:
            return undefined;
    }
}
