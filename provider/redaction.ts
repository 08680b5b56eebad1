// Text from elsewhere (the SDK's error messages, the credential chain's) ends up in our error
// messages, and the provider host prints every failed read to the deployment's output. Some of that
// text quotes what it read: the credential chain, for one, puts a whole unparseable
// ~/.aliyun/config.json into its error. Everything foreign passes through here first.

/** `"access_key_secret": "…"`, `SecurityToken=…` and the like: a key naming a secret, and its value. */
const SECRET_FIELD = /("?[\w.-]*(?:secret|token|password|signature|credential)[\w.-]*"?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|[^\s,;}&]+)/gi;

/** Longest foreign text kept in a message; the rest is cut, since it only buries the point. */
const MAX_FOREIGN_TEXT = 300;

/**
 * Makes foreign text safe and short enough to put in an error message: drops any JSON object it
 * quotes, masks values of secret-looking fields and every value in `secrets`, and truncates.
 */
export function redact(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
    let safe = text.replace(/\{[\s\S]*\}/g, "{…}").replace(SECRET_FIELD, "$1***");
    for (const secret of secrets) {
        if (secret !== undefined && secret.length >= 4) {
            safe = safe.split(secret).join("***");
        }
    }
    return truncate(safe, MAX_FOREIGN_TEXT);
}

/** `text` cut to `max` characters, marked with an ellipsis when cut. */
function truncate(text: string, max: number): string {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}
