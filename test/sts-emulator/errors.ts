// STS's error codes and its error body, `{RequestId, HostId, Code, Message, Recommend}`. Errors are the
// FC stand-in's error class (status, code, message), so the ACS3 verifier it shares throws what this
// file translates into STS's codes. `Message` is always sent: @alicloud/credentials reads it unguarded.

import { FcError } from "../../provider/emulator/errors";

/** The host STS names in its error bodies. */
const HOST_ID = "sts.aliyuncs.com";

/** 400 SignatureDoesNotMatch, with STS's message that quotes its string to sign (never a secret). */
export function signatureDoesNotMatch(stringToSign: string): FcError {
    return new FcError(400, "SignatureDoesNotMatch", `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`);
}

/** 404 InvalidAccessKeyId.NotFound. */
export function accessKeyNotFound(): FcError {
    return new FcError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
}

/** 400 InvalidSecurityToken.Expired: a temporary key past its expiration. */
export function securityTokenExpired(): FcError {
    return new FcError(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");
}

/** 400 InvalidSecurityToken.Malformed: a temporary key without its token, or with another. */
export function securityTokenMalformed(): FcError {
    return new FcError(400, "InvalidSecurityToken.Malformed", "Specified SecurityToken is malformed.");
}

/** 400 MissingParameter. */
export function missingParameter(name: string): FcError {
    return new FcError(400, "MissingParameter", `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
}

/** 400 InvalidParameter. */
export function invalidParameter(name: string, why: string): FcError {
    return new FcError(400, "InvalidParameter", `The parameter "${name}" is invalid: ${why}`);
}

/** 404 EntityNotExist.Role. */
export function roleNotFound(arn: string): FcError {
    return new FcError(404, "EntityNotExist.Role", `The role not exists: ${arn}.`);
}

/** 403 NoPermission: the role refuses the caller (here: a wrong ExternalId). */
export function noPermission(why: string): FcError {
    return new FcError(403, "NoPermission", `You are not authorized to do this action. ${why}`);
}

/** 400 AuthenticationFail.OIDCToken.Invalid, and 404 EntityNotExist.OIDCProvider. */
export function oidcTokenInvalid(): FcError {
    return new FcError(400, "AuthenticationFail.OIDCToken.Invalid", "The specified OIDC token is invalid.");
}
export function oidcProviderNotFound(arn: string): FcError {
    return new FcError(404, "EntityNotExist.OIDCProvider", `The OIDC provider not exists: ${arn}.`);
}

/** 400 InvalidAction.NotFound. */
export function actionNotFound(action: string): FcError {
    return new FcError(400, "InvalidAction.NotFound", `Specified api is not found, please check your url and method: ${action}`);
}

/** The STS error for a failure of the FC stand-in's ACS3 verifier. */
export function fromAcs3Failure(error: FcError): FcError {
    switch (error.code) {
        case "InvalidAccessKeyID":
            return accessKeyNotFound();
        case "InvalidSecurityToken":
            return securityTokenMalformed();
        case "InvalidSecurityToken.Expired":
            return securityTokenExpired();
        case "AccessDenied":
            return new FcError(400, "MissingAuthorization", "The request does not carry an Authorization header.");
        default:
            return new FcError(400, "SignatureDoesNotMatch", `Specified signature is not matched with our calculation. ${error.message}`);
    }
}

/** STS's JSON error body. */
export function renderStsError(error: FcError, requestId: string): string {
    return JSON.stringify({
        RequestId: requestId,
        HostId: HOST_ID,
        Code: error.code,
        Message: error.message,
        Recommend: `https://api.aliyun.com/troubleshoot?q=${error.code}`,
    });
}
