// The account id when no lookup, stack config or variable gives it: STS GetCallerIdentity with the
// deployment's own credentials, as the Terraform provider under @pulumi/alicloud does. Called with STS
// credentials it answers the role's account, which is the account whose functions the role reads.

import type Credential from "@alicloud/credentials";
import { explainRefusal } from "./credentialErrors";
import { type StsEndpoint } from "../settings/endpoints";
import { ConfigurationError } from "../errors";
import { ENV_KEYS, namesOf } from "../settings/environment";
import { CONFIG_KEYS } from "../settings/configKeys";
import { createStsClient, stsFailure } from "./stsClient";

/** What discovery needs. */
export interface DiscoveryRequest {
    credential: Credential;
    sts: StsEndpoint;
    timeoutMs: number;
    /** Where the credentials came from, for messages. */
    credentialOrigin: string;
    /** Secrets that STS's message might echo. */
    secrets: readonly string[];
}

const HOW_TO_SET = `set it by hand instead: \`pulumi config set ${CONFIG_KEYS.accountId} <id>\`, or ${namesOf(undefined, ENV_KEYS.accountId)}, or the lookup's accountId argument`;

/** Asks STS whose credentials these are. Rejects with a {@link ConfigurationError} naming the call, its code and request id. */
export async function discoverAccountId(request: DiscoveryRequest): Promise<string> {
    let accountId: string | undefined;
    let requestId: string | undefined;
    try {
        const response = await createStsClient(request.sts, request.timeoutMs, request.credential).getCallerIdentity();
        accountId = response.body?.accountId;
        requestId = response.body?.requestId;
    } catch (err) {
        const failure = stsFailure(err, request.secrets);
        const answered =
            failure.status === undefined
                ? `failed: ${failure.said}`
                : `answered ${failure.code} (HTTP ${failure.status}, request id ${failure.requestId ?? "none"}): ${failure.said}`;
        const why = explainRefusal(failure.code, request.credentialOrigin);
        throw new ConfigurationError(
            CONFIG_KEYS.accountId,
            `could not find the account id: STS GetCallerIdentity at ${request.sts.host} ${answered}${why ? `. ${why}` : ""}. The account id names FC's endpoint; ${HOW_TO_SET}`,
            failure,
        );
    }
    if (accountId === undefined || !/^\d+$/.test(accountId)) {
        throw new ConfigurationError(
            CONFIG_KEYS.accountId,
            `could not find the account id: STS GetCallerIdentity at ${request.sts.host} answered no account id (request id ${requestId ?? "none"}); ${HOW_TO_SET}`,
            { code: "MalformedResponse", status: 200, requestId },
        );
    }
    return accountId;
}
