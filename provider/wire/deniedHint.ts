// What to do about FC's 403 answers. A refused key or token is a credentials problem, named with the
// place the key came from; only a refusal of the caller itself is about RAM permissions, named with the
// action and the resource read (ramResource.ts).

import { explainRefusal } from "../credentials/credentialErrors";

/** What a 403 hint needs to know about the request. */
export interface DeniedRequest {
    /** The RAM action the read needs, e.g. `fc:GetFunctionAsyncInvokeConfig`. */
    ramAction: string;
    /** The RAM resource it needs it on (ramResource.ts). */
    resource: string;
    /** Where the signing credentials came from, e.g. `access key LTAI… from alicloud:accessKey`. */
    credentialOrigin?: string;
}

/** The hint for a 403 with FC's error `code`. */
export function deniedHint(code: string, request: DeniedRequest): string {
    const who = request.credentialOrigin ?? "the configured credentials";
    return explainRefusal(code, who) ?? `${who} may not read it; reading needs the RAM action ${request.ramAction} on ${request.resource}`;
}
