// The public shapes of the STS stand-in.

import type { EmulatorCredential } from "../../provider/emulator/types";

/** A RAM role that can be assumed. Its account is the one in its ARN. */
export interface StsRole {
    /** `acs:ram::<account>:role/<name>`. */
    arn: string;
    /** When set, AssumeRole must send exactly this ExternalId. */
    externalId?: string;
    /** The role's maximum session, in seconds (900-43200). Default 3600. */
    maxSessionSeconds?: number;
}

/** An OIDC identity provider and the tokens it accepts as signed by it. */
export interface StsOidcProvider {
    /** `acs:ram::<account>:oidc-provider/<name>`. */
    arn: string;
    /** Tokens taken as valid, compared byte for byte (a trailing newline makes another token). */
    tokens: string[];
}

/** Temporary credentials the stand-in issued, with who they are for. */
export interface IssuedCredential extends EmulatorCredential {
    securityToken: string;
    accountId: string;
    expiresAt: number;
    /** The role and the session name they were issued for. */
    roleArn: string;
    sessionName: string;
    /** The action that issued them. */
    action: "AssumeRole" | "AssumeRoleWithOIDC";
    /** When, by the stand-in's clock (epoch ms). */
    issuedAt: number;
}

/** One request the stand-in saw, recorded when its answer was sent. */
export interface StsRecordedRequest {
    action: string;
    /** How it was authenticated: ACS3-HMAC-SHA256 (SDK calls), the RPC signature v1 (@alicloud/credentials), or not at all. */
    signature: "ACS3" | "v1" | "none";
    /** The access key id it named, if any. */
    accessKeyId?: string;
    /** The parameters (query and form), without the signature. */
    params: Record<string, string>;
    status: number;
    code?: string;
    requestId: string;
    /** Arrival, in epoch ms by the stand-in's clock. */
    at: number;
}

/** How to start the stand-in. */
export interface StsEmulatorOptions {
    /** The server's TLS key and certificate (see certificate.ts). */
    tls: { key: string; cert: string };
    /** Long-term keys (each with its account) that may call STS; the FC stand-in's keys, usually. */
    credentials: EmulatorCredential[];
    /** The account of a key that names none. */
    accountId: string;
    roles?: StsRole[];
    oidcProviders?: StsOidcProvider[];
    /** The clock of issued credentials' expiration, in epoch ms. Default `Date.now`; share it with the FC stand-in. */
    clock?: () => number;
    /** Called with every credential issued, e.g. `(c) => fc.addCredential(c)` so that FC accepts it. */
    onIssue?: (credential: IssuedCredential) => void;
}

/** A running stand-in. */
export interface StsEmulator {
    /** `127.0.0.1:PORT`, what `alicloud:endpoints[].sts` or `STS_ENDPOINT` takes. */
    readonly host: string;
    /** Every request seen, in the order their answers were sent. */
    readonly requests: StsRecordedRequest[];
    /** Every credential issued, in order. */
    readonly issued: IssuedCredential[];
    /** Stops listening and closes every connection. */
    close(): Promise<void>;
}
