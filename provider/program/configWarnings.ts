// Warnings about the stack config, given once per program: credentials set without `--secret`, and
// `fcAsyncInvokeConfig:*` keys this package does not read (a mistyped key is otherwise ignored). For the
// first: the engine records the stack config as the inputs of the provider that serves this data
// source, so a key set in plain text is stored in plain text in the state file (and shown by `pulumi config`). The provider host cannot tell: it receives
// the config with secrets already unwrapped. The program can, so the warning is given there, once.

import * as pulumi from "@pulumi/pulumi";
import { CONFIG_KEYS } from "../settings/configKeys";
import { currentRun } from "./run";

/** Config keys whose values are credentials and belong in config only as secrets. */
export const SECRET_CONFIG_KEYS: readonly string[] = [CONFIG_KEYS.secretKey, CONFIG_KEYS.securityToken, CONFIG_KEYS.assumeRoleWithOidc];

/** Whether a key's value holds a credential: `assumeRoleWithOidc` does only when it carries the token itself. */
function holdsCredential(key: string, value: string): boolean {
    return key !== CONFIG_KEYS.assumeRoleWithOidc || value.includes('oidcToken"');
}

// Once per program run (run.ts), not per process.
const saidInRun = new WeakMap<object, Set<string>>();

/** True the first time `what` is asked about in the program run in progress. */
function firstInRun(what: string): boolean {
    const run = currentRun();
    const said = saidInRun.get(run) ?? new Set<string>();
    saidInRun.set(run, said);
    if (said.has(what)) {
        return false;
    }
    said.add(what);
    return true;
}

/**
 * The keys of {@link SECRET_CONFIG_KEYS} that hold a credential in stack config but are not secrets.
 * Empty where the runtime cannot say which keys are secret (`isConfigSecret` is not part of
 * `@pulumi/pulumi`'s typed API, so its absence is expected and tolerated).
 */
export function unmarkedCredentialKeys(): string[] {
    const isSecret = (pulumi.runtime as { isConfigSecret?: (key: string) => boolean }).isConfigSecret;
    if (typeof isSecret !== "function") {
        return [];
    }
    return SECRET_CONFIG_KEYS.filter((key) => {
        const value = pulumi.runtime.getConfig(key);
        return value !== undefined && holdsCredential(key, value) && !isSecret(key);
    });
}

/** Warns once per program about {@link unmarkedCredentialKeys}, naming the command that fixes it. */
export function warnAboutUnmarkedCredentials(): void {
    if (!firstInRun("config warnings")) {
        return;
    }
    warnAboutUnknownKeys();
    const unmarked = unmarkedCredentialKeys();
    if (unmarked.length > 0) {
        const one = unmarked.length === 1;
        void pulumi.log.warn(
            `${unmarked.join(", ")} ${one ? "is" : "are"} set in stack config without --secret, so the state file and Pulumi.<stack>.yaml ` +
                `hold ${one ? "it" : "them"} in plain text. Set ${one ? "it" : "each"} again with \`pulumi config set --secret ${unmarked[0]} …\`.`,
        );
    }
}

/** Warns once per program with `message`, attached to `resource` when there is one. */
export function warnOnce(message: string, resource?: pulumi.Resource): void {
    if (firstInRun(message)) {
        void pulumi.log.warn(message, resource);
    }
}

const TUNING_NAMESPACE = "fcAsyncInvokeConfig:";

/**
 * The stack's `fcAsyncInvokeConfig:*` keys this package does not read, each with the known key it most
 * likely meant (within three edits), e.g. `fcAsyncInvokeConfig:timeoutSecond` → `…:timeoutSeconds`.
 */
export function unknownTuningKeys(config: Readonly<Record<string, string>>): Array<{ key: string; meant?: string }> {
    const known: string[] = Object.values(CONFIG_KEYS).filter((key) => key.startsWith(TUNING_NAMESPACE));
    return Object.keys(config)
        .filter((key) => key.startsWith(TUNING_NAMESPACE) && !known.includes(key))
        .sort()
        .map((key) => {
            const [meant] = known.map((candidate) => ({ candidate, d: editDistance(key.toLowerCase(), candidate.toLowerCase()) })).sort((a, b) => a.d - b.d);
            return { key, meant: meant !== undefined && meant.d <= 3 ? meant.candidate : undefined };
        });
}

/** Warns once per program about {@link unknownTuningKeys}: a mistyped key would otherwise be ignored silently. */
export function warnAboutUnknownKeys(): void {
    for (const { key, meant } of unknownTuningKeys(pulumi.runtime.allConfig())) {
        const known = Object.values(CONFIG_KEYS).filter((k) => k.startsWith(TUNING_NAMESPACE));
        warnOnce(
            `${key} is not a setting of pulumi-fc-async-invoke-config and is ignored; ${meant === undefined ? `its settings are ${known.join(", ")}` : `did you mean ${meant}?`}`,
        );
    }
}

/** Levenshtein distance: the fewest one-character insertions, deletions and substitutions from `a` to `b`. */
function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
