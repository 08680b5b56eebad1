// Text from elsewhere (FC's error bodies and headers, the SDK's error messages, the credential chain's)
// ends up in our error messages, and the provider host prints every failed read to the deployment's
// output. Some of that text quotes what it read or was sent: the credential chain puts a whole
// unparseable ~/.aliyun/config.json into its error, and an error page may echo the request's security
// token. Everything foreign passes through here first, and each deployment keeps the set of secrets it
// uses, so that an echo is masked even where nothing says it is a secret.

/** `"access_key_secret": "…"`, `SecurityToken=…` and the like: a key naming a secret, and its value. */
const SECRET_FIELD = /("?[\w.-]*(?:secret|token|password|signature|credential)[\w.-]*"?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|[^\s,;}&]+)/gi;

/** Longest foreign text kept in a message; the rest is cut, since it only buries the point. */
const MAX_FOREIGN_TEXT = 300;

/** Values shorter than this are not masked: they would mask ordinary words, and guess nothing. */
const MIN_SECRET_LENGTH = 4;

/**
 * The secret values in use by one deployment (access key secrets, security tokens, and any other
 * credential a source adds, such as an OIDC token), to be masked in every piece of foreign text.
 * Secrets are only ever added: a rotated credential's old value stays masked.
 */
export interface SecretSet extends Iterable<string> {
    /** Adds secret values; `undefined`, empty and very short values are ignored. */
    add(...values: ReadonlyArray<string | undefined>): void;
    /** {@link redact} with every secret added so far. */
    redact(text: string, max?: number): string;
}

/** A new, empty {@link SecretSet}; one per deployment (core/deployment.ts). */
export function createSecretSet(): SecretSet {
    const secrets = new Set<string>();
    return {
        add(...values) {
            for (const value of values) {
                if (value !== undefined && value.length >= MIN_SECRET_LENGTH) {
                    secrets.add(value);
                }
            }
        },
        redact: (text, max) => redact(text, secrets, max),
        [Symbol.iterator]: () => secrets.values(),
    };
}

/**
 * Makes foreign text safe and short enough to put in an error message: drops any JSON object it
 * quotes, masks values of secret-looking fields and every value in `secrets`, and truncates to `max`
 * characters. Secrets are masked before anything is cut, so no part of one survives at the cut.
 */
export function redact(text: string, secrets: Iterable<string | undefined> = [], max: number = MAX_FOREIGN_TEXT): string {
    let safe = text;
    // As sent and percent-encoded (an STS token's `+/=` in a quoted URL), longest first so a secret that
    // contains another is masked whole, in any case, since echoes may change it (URLs lower-case hosts).
    const known = [...secrets]
        .filter((s): s is string => s !== undefined && s.length >= MIN_SECRET_LENGTH)
        .flatMap((s) => [s, encodeURIComponent(s)])
        .sort((a, b) => b.length - a.length);
    for (const secret of known) {
        safe = safe.replace(new RegExp(secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi"), "***");
    }
    safe = safe.replace(/\{[\s\S]*\}/g, "{…}").replace(SECRET_FIELD, "$1***");
    return truncate(safe, max);
}

/**
 * An SDK error's message as a clause of our own sentence. The Alibaba Cloud SDKs append the request
 * (`POST https://… failed.`) to the cause with no separator (`…127.0.0.1:1POST https://…`): this adds
 * one, and drops the final stop that would double the one our sentence puts after it.
 */
export function sdkMessage(text: string): string {
    return text.replace(/(\S)((?:GET|PUT|POST|DELETE|HEAD) https?:\/\/)/, "$1; $2").replace(/[.\s]+$/, "");
}

/** `text` cut to `max` characters, marked with an ellipsis when cut. */
function truncate(text: string, max: number): string {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}
