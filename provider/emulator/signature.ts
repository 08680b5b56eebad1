// Verification of ACS3-HMAC-SHA256, the signature @alicloud/openapi-client 0.4.x puts on every FC call.
//
// The canonical request is rebuilt the way @alicloud/openapi-util's getAuthorization builds it, so
// that a request the SDK signed verifies byte for byte:
//   METHOD \n canonical-uri \n canonical-query \n canonical-headers \n signed-headers \n hex(sha256(body))
// - canonical-uri: the path as sent, after the SDK's own `replace("+","%20").replace("*","%2A")
//   .replace("%7E","~")`. String.replace with a string pattern replaces the first match only; the SDK
//   does exactly that to the pathname it then sends, so the same call on the received path gives the same text.
// - canonical-query: keys sorted, `key=encode(value)`, where the key is taken raw (the SDK does not encode
//   keys) and encode is encodeURIComponent plus `!'()*`. The wire form comes from querystring.stringify,
//   which leaves `!'()*` raw (and url.parse then escapes `'`), so values are decoded and re-encoded.
// - canonical-headers: for each name in SignedHeaders, `name:` + the values trimmed, sorted and joined
//   with `,` (the SDK's rule for repeated names), then `\n`.
// - string to sign: `ACS3-HMAC-SHA256\n` + hex(sha256(canonical request)); signature: hex(HMAC-SHA256(secret, it)).
// The emulator does not check x-acs-date skew or nonce reuse, so recorded requests can be replayed in tests.

import { createHash, createHmac, timingSafeEqual } from "node:crypto";

import { accessDenied, invalidAccessKeyId, invalidSecurityToken, securityTokenExpired, signatureNotMatch } from "./errors";
import type { EmulatorCredential } from "./types";

/** The only algorithm the emulator verifies; the SDK's default. */
export const ALGORITHM = "ACS3-HMAC-SHA256";

/** The parts of an `Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…` header. */
export interface AuthorizationParts {
    algorithm: string;
    accessKeyId: string;
    signedHeaders: string[];
    signature: string;
}

/** What a signature covers. Header names are lower case; values as Node's headersDistinct gives them. */
export interface SignedRequest {
    method: string;
    /** The path as sent, still percent-encoded. */
    rawPath: string;
    /** Decoded query parameters. */
    query: Record<string, string>;
    headers: Record<string, string[]>;
    body: Buffer;
}

/** Parses an ACS3 Authorization header; undefined when it does not have that shape. */
export function parseAuthorization(header: string): AuthorizationParts | undefined {
    const match = /^(\S+) (.*)$/.exec(header.trim());
    if (match === null) {
        return undefined;
    }
    const fields = new Map<string, string>();
    for (const part of match[2].split(",")) {
        const eq = part.indexOf("=");
        if (eq > 0) {
            fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
        }
    }
    const accessKeyId = fields.get("Credential");
    const signedHeaders = fields.get("SignedHeaders");
    const signature = fields.get("Signature");
    if (accessKeyId === undefined || accessKeyId === "" || signedHeaders === undefined || signature === undefined) {
        return undefined;
    }
    return { algorithm: match[1], accessKeyId, signedHeaders: signedHeaders === "" ? [] : signedHeaders.split(";"), signature };
}

/** encodeURIComponent plus `!'()*`, the SDK's `encode`. */
export function acsEncode(value: string): string {
    return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The canonical URI of a received path (see the file comment for why only first matches are replaced). */
export function canonicalUri(rawPath: string): string {
    return rawPath.replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
}

/** The canonical query string of decoded parameters. */
export function canonicalQuery(query: Record<string, string>): string {
    return Object.keys(query)
        .sort()
        .map((key) => `${key}=${acsEncode(query[key])}`)
        .join("&");
}

/** The canonical header block for the given signed names, or the first signed name absent from the request. */
export function canonicalHeaders(headers: Record<string, string[]>, signedHeaders: readonly string[]): { text: string } | { missing: string } {
    let text = "";
    for (const name of signedHeaders) {
        const values = headers[name];
        if (values === undefined) {
            return { missing: name };
        }
        text += `${name}:${values
            .map((v) => v.trim())
            .sort()
            .join(",")}\n`;
    }
    return { text };
}

/** hex(sha256(bytes)). */
export function sha256Hex(bytes: Buffer | string): string {
    return createHash("sha256").update(bytes).digest("hex");
}

/** Builds the canonical request the client should have signed. */
export function buildCanonicalRequest(request: SignedRequest, signedHeaders: readonly string[], headerBlock: string): string {
    return [request.method, canonicalUri(request.rawPath), canonicalQuery(request.query), headerBlock, signedHeaders.join(";"), sha256Hex(request.body)].join(
        "\n",
    );
}

/** The signature of a canonical request under a secret. */
export function signCanonicalRequest(canonicalRequest: string, secret: string): string {
    const stringToSign = `${ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
    return createHmac("sha256", secret).update(stringToSign).digest("hex");
}

/**
 * Verifies a request and returns the credential it was signed with. Throws {@link FcError}:
 * 403 AccessDenied without Authorization (FC refuses anonymous management calls that way),
 * 403 InvalidAccessKeyID for an unknown key id, 403 InvalidSecurityToken for an STS key without its
 * token, 403 InvalidSecurityToken.Expired for a temporary key past its expiration (by `now`, epoch ms),
 * and 403 SignatureNotMatch for everything else that does not verify, with a detail naming the part
 * that failed (never a secret, never the expected signature).
 */
export function verifyRequest(
    request: SignedRequest,
    lookup: (accessKeyId: string) => EmulatorCredential | undefined,
    now: number = Date.now(),
): EmulatorCredential {
    const header = request.headers["authorization"];
    if (header === undefined || header.length === 0 || header[0].trim() === "") {
        throw accessDenied("required HTTP header Authorization was not specified");
    }
    if (header.length > 1) {
        throw signatureNotMatch("more than one Authorization header");
    }
    const auth = parseAuthorization(header[0]);
    if (auth === undefined) {
        throw signatureNotMatch("Authorization header is not of the form 'ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…'");
    }
    if (auth.algorithm !== ALGORITHM) {
        throw signatureNotMatch(`unsupported signature algorithm '${auth.algorithm}'; the emulator verifies ${ALGORITHM} only`);
    }
    const credential = lookup(auth.accessKeyId);
    if (credential === undefined) {
        throw invalidAccessKeyId(auth.accessKeyId);
    }
    checkSignedHeaderList(auth.signedHeaders, request.headers);
    const declaredHash = single(request.headers["x-acs-content-sha256"]);
    if (declaredHash === undefined || declaredHash.toLowerCase() !== sha256Hex(request.body)) {
        throw signatureNotMatch("x-acs-content-sha256 is missing or does not match the request body");
    }
    const block = canonicalHeaders(request.headers, auth.signedHeaders);
    if ("missing" in block) {
        throw signatureNotMatch(`signed header '${block.missing}' is not in the request`);
    }
    const expected = signCanonicalRequest(buildCanonicalRequest(request, auth.signedHeaders, block.text), credential.accessKeySecret);
    if (!sameText(expected, auth.signature.toLowerCase())) {
        throw signatureNotMatch();
    }
    // The SDK repeats the key id in x-acs-accesskey-id for STS keys; a different one is a forged request.
    const keyHeader = single(request.headers["x-acs-accesskey-id"]);
    if (keyHeader !== undefined && keyHeader !== auth.accessKeyId) {
        throw signatureNotMatch("x-acs-accesskey-id differs from the Credential of the Authorization header");
    }
    if (credential.securityToken !== undefined) {
        const token = single(request.headers["x-acs-security-token"]);
        if (token === undefined || !sameText(token, credential.securityToken)) {
            throw invalidSecurityToken();
        }
    }
    if (credential.expiresAt !== undefined && now >= credential.expiresAt) {
        throw securityTokenExpired();
    }
    return credential;
}

/**
 * The SignedHeaders list must be lower case, sorted and free of repeats (the SDK always sends it so),
 * and must cover `host` and every `x-acs-*` and `content-type` header present: otherwise a header that
 * changes the meaning of the request could be added or altered without breaking the signature.
 */
function checkSignedHeaderList(signed: readonly string[], headers: Record<string, string[]>): void {
    for (let i = 0; i < signed.length; i++) {
        if (signed[i] !== signed[i].toLowerCase() || (i > 0 && signed[i - 1] >= signed[i])) {
            throw signatureNotMatch("SignedHeaders must be lower case, sorted and without repeats");
        }
    }
    const covered = new Set(signed);
    for (const name of Object.keys(headers)) {
        if ((name === "host" || name === "content-type" || name.startsWith("x-acs-")) && !covered.has(name)) {
            throw signatureNotMatch(`header '${name}' must be signed`);
        }
    }
    if (!covered.has("host")) {
        throw signatureNotMatch("header 'host' must be signed");
    }
}

function single(values: string[] | undefined): string | undefined {
    return values === undefined || values.length === 0 ? undefined : values[values.length - 1].trim();
}

/** Constant-time comparison, so response timing does not reveal how much of a signature or token was right. */
export function sameText(a: string, b: string): boolean {
    const left = Buffer.from(a, "utf8");
    const right = Buffer.from(b, "utf8");
    return left.length === right.length && timingSafeEqual(left, right);
}
