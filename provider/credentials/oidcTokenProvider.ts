// A credentials provider for a role assumed with an OIDC token given by value (alicloud:assumeRoleWithOidc
// .oidcToken, ALIBABA_CLOUD_OIDC_TOKEN). @alicloud/credentials 2.4.7 reads OIDC tokens only from a file,
// so this one calls AssumeRoleWithOIDC through the official STS SDK, as the Terraform provider under
// @pulumi/alicloud does, and keeps the session the way the library's own session providers do.

import type { CredentialsProvider } from "@alicloud/credentials";
import { AssumeRoleWithOIDCRequest } from "@alicloud/sts20150401";
import type { StsEndpoint } from "../settings/endpoints";
import { createStsClient } from "./stsClient";

/** What AssumeRoleWithOIDC needs. */
export interface OidcTokenRequest {
    roleArn: string;
    oidcProviderArn: string;
    /** Secret. */
    token: string;
    sessionName: string;
    policy?: string;
    durationSeconds: number;
}

/** A session is renewed this long before it expires: @alicloud/credentials' STALE_TIME. */
const RENEW_BEFORE_MS = 15 * 60 * 1000;

type Credentials = Awaited<ReturnType<CredentialsProvider["getCredentials"]>>;

/** The provider; concurrent callers share one AssumeRoleWithOIDC call. */
export function oidcTokenProvider(request: OidcTokenRequest, sts: StsEndpoint, timeoutMs: number): CredentialsProvider {
    let session: { credentials: Credentials; renewAt: number } | undefined;
    let pending: Promise<Credentials> | undefined;

    const assume = async (): Promise<Credentials> => {
        const response = await createStsClient(sts, timeoutMs).assumeRoleWithOIDC(
            new AssumeRoleWithOIDCRequest({
                roleArn: request.roleArn,
                OIDCProviderArn: request.oidcProviderArn,
                OIDCToken: request.token,
                roleSessionName: request.sessionName,
                policy: request.policy,
                durationSeconds: request.durationSeconds,
            }),
        );
        const issued = response.body?.credentials;
        if (!issued?.accessKeyId || !issued.accessKeySecret || !issued.securityToken) {
            throw new Error("AssumeRoleWithOIDC answered without credentials");
        }
        const credentials = {
            accessKeyId: issued.accessKeyId,
            accessKeySecret: issued.accessKeySecret,
            securityToken: issued.securityToken,
            providerName: "oidc_token",
        };
        const expires = Date.parse(issued.expiration ?? "");
        session = { credentials, renewAt: Number.isNaN(expires) ? 0 : expires - RENEW_BEFORE_MS };
        return credentials;
    };

    return {
        getProviderName: () => "oidc_token",
        getCredentials: async () => {
            if (session !== undefined && Date.now() < session.renewAt) {
                return session.credentials;
            }
            pending ??= assume().finally(() => {
                pending = undefined;
            });
            return pending;
        },
    };
}
