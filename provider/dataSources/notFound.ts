// What FC's not-found codes say about a read, in the words of the API that answered: FC 2.0 names a
// function within its service, FC 3.0 names it on its own. Only these codes, answered with a 404, ever
// make a read "not found" (fcRequest.ts); anything else FC or a proxy answers is reported as it is.

import { DEFAULT_QUALIFIER } from "../types";

/** What a read names, as far as a not-found message needs it. */
export interface NamedInRead {
    /** FC 2.0's service; absent for FC 3.0, which has none. */
    serviceName?: string;
    /** Absent for a list of every function. */
    functionName?: string;
    qualifier?: string;
}

/** The message for FC's not-found `code`; undefined when the code does not say that something is missing. */
export function notFoundHint(code: string, named: NamedInRead): string | undefined {
    const { serviceName, functionName, qualifier } = named;
    // FC 2.0 publishes versions and aliases per service, FC 3.0 per function.
    const publisher = serviceName === undefined ? `function "${functionName}"` : `service "${serviceName}"`;
    switch (code) {
        case "ServiceNotFound":
            return serviceName === undefined ? undefined : `service "${serviceName}" does not exist in this account and region`;
        case "FunctionNotFound":
            if (functionName === undefined) {
                return "a function FC listed no longer exists";
            }
            return `function "${functionName}" does not exist ${serviceName === undefined ? "in this account and region" : `in service "${serviceName}"`}`;
        case "VersionNotFound":
            return `version "${qualifier}" of ${publisher} does not exist`;
        case "AliasNotFound":
            return `alias "${qualifier}" of ${publisher} does not exist`;
        case "AsyncConfigNotExists":
            return `function "${serviceName === undefined ? "" : `${serviceName}/`}${functionName}" exists but has no async invoke config for qualifier "${qualifier ?? DEFAULT_QUALIFIER}"`;
        default:
            return undefined;
    }
}
