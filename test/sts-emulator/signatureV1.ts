// Verification of the classic RPC signature (v1), the one @alicloud/credentials puts on AssumeRole:
//   AccessKeyId, SignatureMethod=HMAC-SHA1, SignatureVersion=1.0, SignatureNonce, Timestamp in the query;
//   string to sign: METHOD & %2F & percentEncode(every parameter, query and form, sorted, k=v joined by &);
//   signature: base64(HMAC-SHA1(secret + "&", string to sign)).
// Percent-encoding is the FC stand-in's `acsEncode` (RFC 3986: `+`→%20, `*`→%2A, `~` kept).

import { createHmac } from "node:crypto";
import { acsEncode, sameText } from "../../provider/emulator/signature";
import type { EmulatorCredential } from "../../provider/emulator/types";
import { accessKeyNotFound, invalidParameter, missingParameter, securityTokenExpired, securityTokenMalformed, signatureDoesNotMatch } from "./errors";

/** The string a v1 signature signs, from every parameter but the signature. */
export function stringToSignV1(method: string, params: Record<string, string>): string {
    const canonical = Object.keys(params)
        .filter((key) => key !== "Signature")
        .sort()
        .map((key) => `${acsEncode(key)}=${acsEncode(params[key])}`)
        .join("&");
    return `${method}&${acsEncode("/")}&${acsEncode(canonical)}`;
}

/** The v1 signature of `params` under `secret`. */
export function signV1(method: string, params: Record<string, string>, secret: string): string {
    return createHmac("sha1", `${secret}&`).update(stringToSignV1(method, params)).digest("base64");
}

/**
 * Verifies a v1-signed request and returns its credential. Throws STS's errors: MissingParameter,
 * InvalidAccessKeyId.NotFound, SignatureDoesNotMatch (quoting the string to sign, as STS does),
 * InvalidSecurityToken.Malformed / .Expired for temporary keys (by `now`, epoch ms).
 */
export function verifyV1(
    method: string,
    params: Record<string, string>,
    lookup: (accessKeyId: string) => EmulatorCredential | undefined,
    now: number,
): EmulatorCredential {
    for (const name of ["AccessKeyId", "Signature", "SignatureMethod", "SignatureNonce", "Timestamp"]) {
        if (params[name] === undefined) {
            throw missingParameter(name);
        }
    }
    if (params.SignatureMethod !== "HMAC-SHA1" || (params.SignatureVersion ?? "1.0") !== "1.0") {
        throw invalidParameter("SignatureMethod", "the stand-in verifies HMAC-SHA1, version 1.0");
    }
    const credential = lookup(params.AccessKeyId);
    if (credential === undefined) {
        throw accessKeyNotFound();
    }
    if (!sameText(signV1(method, params, credential.accessKeySecret), params.Signature)) {
        throw signatureDoesNotMatch(stringToSignV1(method, params));
    }
    if (credential.securityToken !== undefined && (params.SecurityToken === undefined || !sameText(params.SecurityToken, credential.securityToken))) {
        throw securityTokenMalformed();
    }
    if (credential.expiresAt !== undefined && now >= credential.expiresAt) {
        throw securityTokenExpired();
    }
    return credential;
}
