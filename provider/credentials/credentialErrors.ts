// Why credentials failed, in words a user can act on: which source was tried, what STS or the source
// said (code and request id), and, for a refused key, where that key came from. Used before the first
// request (ensureCredentials), when discovering the account, and to explain FC's 403 answers.

import type Credential from "@alicloud/credentials";
import { ConfigurationError, type ServiceAnswer } from "../errors";
import { BaseCredentialsError, NoCredentialsError } from "./credential";
import { type CredentialSource, describeBase, settingOf } from "./source";
import { ENV_KEYS, namesOf } from "../settings/environment";
import { redact, sdkMessage } from "./redaction";
import { CONFIG_KEYS } from "../settings/configKeys";

/** The sentence that tells a user how to provide credentials. */
export const CREDENTIALS_HOWTO =
    `set ${CONFIG_KEYS.accessKey} and ${CONFIG_KEYS.secretKey} (\`pulumi config set --secret ${CONFIG_KEYS.secretKey} …\`), ` +
    `or ${namesOf(undefined, ENV_KEYS.accessKey)} with its secret, or ${CONFIG_KEYS.profile} for an aliyun CLI profile, ` +
    `or another source of the README's configuration table`;

/**
 * What a refusal code means for the caller's credentials, naming where they came from (`who`);
 * undefined for codes that are not about the credentials themselves.
 */
export function explainRefusal(code: string, who: string): string | undefined {
    if (code === "SignatureDoesNotMatch" || code === "SignatureNotMatch") {
        return `the secret does not match the key: check the secret of ${who}`;
    }
    if (/^InvalidAccessKeyId/i.test(code)) {
        return `the access key id is unknown or disabled: ${who}`;
    }
    if (code === "InvalidSecurityToken.Expired") {
        return `the security token has expired: ${who}`;
    }
    if (/^InvalidSecurityToken/.test(code)) {
        return `the security token is missing or does not belong to the key: ${who}`;
    }
    return undefined;
}

/**
 * Resolves credentials before the first request, so that a failure surfaces as a
 * {@link ConfigurationError} that says which source failed, what it said, and how to fix it.
 */
export async function ensureCredentials(credential: Credential, source: CredentialSource, secrets: readonly string[]): Promise<void> {
    try {
        const model = await credential.getCredential();
        if (!model.accessKeyId) {
            throw new Error("the credential provider returned no access key id");
        }
    } catch (err) {
        throw credentialFailure(err, source, secrets);
    }
}

/** The error to show when `source` could not produce credentials. */
export function credentialFailure(err: unknown, source: CredentialSource, secrets: readonly string[]): ConfigurationError {
    if (err instanceof NoCredentialsError) {
        return new ConfigurationError(CONFIG_KEYS.accessKey, `${err.message}. To fix: ${CREDENTIALS_HOWTO}`);
    }
    const role = source.assumeRole;
    if (role !== undefined && !(err instanceof BaseCredentialsError)) {
        const answer = answerIn(err, secrets);
        const base = describeBase(source.base);
        const why = explainRefusal(answer.code, base) ?? roleRefusal(answer.code, role.roleArn, base);
        const message = `could not assume role ${role.roleArn} (${CONFIG_KEYS.assumeRole}) with ${base}: ${saidBy("STS AssumeRole", answer)}${why ? `. ${why}` : ""}`;
        return new ConfigurationError(`${CONFIG_KEYS.assumeRole}.roleArn`, message, answer);
    }
    const cause = err instanceof BaseCredentialsError ? err.failure : err;
    const answer = answerIn(cause, secrets);
    const who = describeBase(source.base);
    const why = explainRefusal(answer.code, who);
    const call = source.base.kind === "oidc" ? "STS AssumeRoleWithOIDC" : "STS";
    const message = `no credentials from ${who}: ${saidBy(call, answer)}${why ? `. ${why}` : ""}`;
    return new ConfigurationError(settingOf(source.base), message, answer);
}

/** A failed call's answer, in words: `STS AssumeRole answered Code (HTTP 404, request id …): message`. */
function saidBy(call: string, answer: Answer): string {
    if (!answer.answered) {
        return answer.said;
    }
    const ids = [answer.status === undefined ? undefined : `HTTP ${answer.status}`, `request id ${answer.requestId ?? "none"}`].filter((p) => p !== undefined);
    return `${call} answered ${answer.code} (${ids.join(", ")}): ${answer.said}`;
}

function roleRefusal(code: string, roleArn: string, base: string): string | undefined {
    if (code.startsWith("EntityNotExist.Role")) {
        return `role ${roleArn} does not exist: check ${CONFIG_KEYS.assumeRole}.roleArn`;
    }
    if (code === "NoPermission" || code.startsWith("AccessDenied") || code.startsWith("Forbidden")) {
        return `${base} may not assume role ${roleArn}: the role's trust policy must allow it, and the caller needs the RAM action sts:AssumeRole on it`;
    }
    return undefined;
}

/** What a failed credential call said, made safe to show. */
interface Answer extends ServiceAnswer {
    /** Whether a service answered (with a code), as opposed to a failure without an answer. */
    answered: boolean;
    /** The service's message or the failure's, redacted and cut short. */
    said: string;
}

/**
 * What a failed credential call said: the SDK's error fields when the STS SDK made it, else the JSON
 * body @alicloud/credentials quotes in its message, else the message itself.
 */
function answerIn(err: unknown, secrets: readonly string[]): Answer {
    const fields = (typeof err === "object" && err !== null ? err : {}) as { code?: unknown; statusCode?: unknown; requestId?: unknown; data?: unknown };
    const message = sdkMessage(err instanceof Error ? err.message : String(err));
    if (typeof fields.statusCode === "number" && typeof fields.code === "string") {
        const data = (typeof fields.data === "object" && fields.data !== null ? fields.data : {}) as { Message?: unknown };
        const said = typeof data.Message === "string" ? data.Message : message;
        const requestId = typeof fields.requestId === "string" && fields.requestId !== "undefined" ? fields.requestId : undefined;
        return { answered: true, code: fields.code, status: fields.statusCode, requestId, said: redact(said, secrets) };
    }
    if (message === "the access key secret is invalid") {
        // @alicloud/credentials' own reading of STS's SignatureDoesNotMatch, when its string to sign matched.
        return { answered: true, code: "SignatureDoesNotMatch", said: message };
    }
    const body = quotedJson(message);
    if (body !== undefined && typeof body.Code === "string") {
        const said = typeof body.Message === "string" ? body.Message : body.Code;
        return { answered: true, code: body.Code, requestId: typeof body.RequestId === "string" ? body.RequestId : undefined, said: redact(said, secrets) };
    }
    return { answered: false, code: "CredentialsUnavailable", said: redact(message, secrets) };
}

/** The JSON object quoted at the end of a message, if any. */
function quotedJson(message: string): Record<string, unknown> | undefined {
    const start = message.indexOf("{");
    if (start < 0) {
        return undefined;
    }
    try {
        const parsed = JSON.parse(message.slice(start)) as unknown;
        return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
    } catch {
        return undefined;
    }
}
