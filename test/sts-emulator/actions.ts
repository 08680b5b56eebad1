// The three STS actions the provider uses, answered the way STS answers them: GetCallerIdentity,
// AssumeRole and AssumeRoleWithOIDC. Temporary credentials are random, fake, and expire by the
// stand-in's clock; each one issued is handed to `onIssue` (the FC stand-in, usually) to be accepted.

import { randomBytes, randomUUID } from "node:crypto";
import type { EmulatorCredential } from "../../provider/emulator/types";
import { invalidParameter, missingParameter, noPermission, oidcProviderNotFound, oidcTokenInvalid, roleNotFound } from "./errors";
import type { IssuedCredential, StsOidcProvider, StsRole } from "./types";

/** What the actions need to know. */
export interface StsState {
    accountId: string;
    roles: Map<string, StsRole>;
    oidcProviders: Map<string, StsOidcProvider>;
    /** Every key known: long-term ones, then issued ones as they come. */
    keys: Map<string, EmulatorCredential | IssuedCredential>;
    issued: IssuedCredential[];
    clock: () => number;
    onIssue?: (credential: IssuedCredential) => void;
}

/** GetCallerIdentity: who signed the request. */
export function getCallerIdentity(state: StsState, caller: EmulatorCredential | IssuedCredential, requestId: string): Record<string, unknown> {
    if ("roleArn" in caller) {
        const role = roleName(caller.roleArn);
        return {
            RequestId: requestId,
            AccountId: caller.accountId,
            IdentityType: "AssumedRoleUser",
            Arn: `acs:ram::${caller.accountId}:assumed-role/${role}/${caller.sessionName}`,
            PrincipalId: `3${digitsOf(caller.roleArn)}:${caller.sessionName}`,
            RoleId: `3${digitsOf(caller.roleArn)}`,
            UserId: "",
        };
    }
    const accountId = caller.accountId ?? state.accountId;
    const userId = `2${digitsOf(caller.accessKeyId)}`;
    return {
        RequestId: requestId,
        AccountId: accountId,
        IdentityType: "RAMUser",
        Arn: `acs:ram::${accountId}:user/${caller.accessKeyId.toLowerCase()}`,
        PrincipalId: userId,
        UserId: userId,
        RoleId: "",
    };
}

/** AssumeRole: a session of `RoleArn` for the signed caller. */
export function assumeRole(state: StsState, params: Record<string, string>, requestId: string): Record<string, unknown> {
    const role = roleOf(state, params);
    if (role.externalId !== undefined && params.ExternalId !== role.externalId) {
        throw noPermission("The ExternalId does not match the role's trust policy.");
    }
    return issue(state, "AssumeRole", role, params, requestId);
}

/** AssumeRoleWithOIDC: a session of `RoleArn` for the holder of a token the OIDC provider signed. Unsigned. */
export function assumeRoleWithOidc(state: StsState, params: Record<string, string>, requestId: string): Record<string, unknown> {
    const providerArn = required(params, "OIDCProviderArn");
    const token = required(params, "OIDCToken");
    const provider = state.oidcProviders.get(providerArn);
    if (provider === undefined) {
        throw oidcProviderNotFound(providerArn);
    }
    if (!provider.tokens.includes(token)) {
        throw oidcTokenInvalid();
    }
    const answer = issue(state, "AssumeRoleWithOIDC", roleOf(state, params), params, requestId);
    return {
        ...answer,
        OIDCTokenInfo: { Issuer: "https://oidc.example.test", Subject: "system:serviceaccount:default:reader", ClientIds: "sts.aliyuncs.com" },
    };
}

function roleOf(state: StsState, params: Record<string, string>): StsRole {
    const arn = required(params, "RoleArn");
    const role = state.roles.get(arn);
    if (role === undefined) {
        throw roleNotFound(arn);
    }
    return role;
}

function issue(state: StsState, action: IssuedCredential["action"], role: StsRole, params: Record<string, string>, requestId: string): Record<string, unknown> {
    const sessionName = required(params, "RoleSessionName");
    if (!/^[\w.@-]{2,64}$/.test(sessionName)) {
        throw invalidParameter("RoleSessionName", "must be 2-64 letters, digits or . @ - _");
    }
    const seconds = params.DurationSeconds === undefined ? 3600 : Number(params.DurationSeconds);
    const max = role.maxSessionSeconds ?? 3600;
    if (!Number.isInteger(seconds) || seconds < 900 || seconds > max) {
        throw invalidParameter("DurationSeconds", `must be from 900 to the role's maximum session, ${max}`);
    }
    const now = state.clock();
    const accountId = /^acs:ram::(\d+):/.exec(role.arn)?.[1] ?? state.accountId;
    const credential: IssuedCredential = {
        accessKeyId: `STS.N${randomBytes(12).toString("hex")}`,
        accessKeySecret: randomBytes(20).toString("base64url"),
        securityToken: `CAIS${randomBytes(48).toString("base64url")}`,
        accountId,
        // STS's Expiration has whole seconds, and so does what clients parse of it.
        expiresAt: Math.floor(now / 1000) * 1000 + seconds * 1000,
        roleArn: role.arn,
        sessionName,
        action,
        issuedAt: now,
    };
    state.keys.set(credential.accessKeyId, credential);
    state.issued.push(credential);
    state.onIssue?.(credential);
    return {
        RequestId: requestId,
        AssumedRoleUser: {
            Arn: `acs:ram::${accountId}:assumed-role/${roleName(role.arn)}/${sessionName}`,
            AssumedRoleId: `3${digitsOf(role.arn)}:${sessionName}`,
        },
        Credentials: {
            AccessKeyId: credential.accessKeyId,
            AccessKeySecret: credential.accessKeySecret,
            SecurityToken: credential.securityToken,
            Expiration: new Date(credential.expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
        },
    };
}

function required(params: Record<string, string>, name: string): string {
    const value = params[name];
    if (value === undefined || value === "") {
        throw missingParameter(name);
    }
    return value;
}

function roleName(arn: string): string {
    return arn.slice(arn.lastIndexOf("/") + 1);
}

/** A stable, id-like run of digits for a name. */
function digitsOf(name: string): string {
    let hash = 0;
    for (const char of name) {
        hash = (hash * 31 + char.charCodeAt(0)) % 1e15;
    }
    return String(hash).padStart(15, "0");
}

/** A request id in STS's format. */
export function newRequestId(): string {
    return randomUUID().toUpperCase();
}
