// Many qualifiers at once: how the stores arrange a function with N versions or aliases (1, 50, 500 configs
// for benchmarks that count list requests) without a loop in every test, and the versions and aliases a
// qualifier may name.

import { classifyQualifier } from "./validation";

/** Options of `putFunctionWithQualifiers` (FC 2.0 and FC 3.0): what the N qualifiers are and what they hold. */
export interface ManyQualifiersOptions<Config> {
    /**
     * `alias` (the default): aliases `alias-001` … (zero-padded to the width of N, so they list in number
     * order), all pointing to version `1`, which is published too. `version`: versions `1` … `N` (these list
     * in string order: `1`, `10`, `100`, `11`, …).
     */
    kind?: "alias" | "version";
    /** The config put on every qualifier, or a function giving each its own (by qualifier and list position). Default `{}`. */
    config?: Config | ((qualifier: string, index: number) => Config);
    /** Timestamp of the configs instead of the current time. */
    time?: string;
}

/** How {@link manyQualifiers} publishes what it names. */
export interface QualifierMaker {
    version(id: string): void;
    alias(name: string, versionId: string): void;
}

/** Publishes `count` versions or aliases (see {@link ManyQualifiersOptions.kind}) and returns them in list order. */
export function manyQualifiers(count: number, make: QualifierMaker, kind: "alias" | "version" = "alias"): string[] {
    if (!Number.isInteger(count) || count < 0) {
        throw new Error(`putFunctionWithQualifiers: count must be a non-negative integer, got ${String(count)}`);
    }
    const numbers = Array.from({ length: count }, (_, i) => String(i + 1));
    if (kind === "version") {
        numbers.forEach((id) => make.version(id));
        return [...numbers].sort();
    }
    make.version("1");
    const width = String(count).length;
    const aliases = numbers.map((n) => `alias-${n.padStart(width, "0")}`);
    aliases.forEach((name) => make.alias(name, "1"));
    return aliases;
}

/**
 * The published versions and aliases of one FC 2.0 service or one FC 3.0 function (FC 3.0 moved them from the
 * service to the function), and which of them a qualifier names.
 */
export class QualifierBook {
    private readonly versions = new Set<string>();
    /** Alias name to version id. */
    private readonly aliases = new Map<string, string>();

    /** Publishes a version id (a decimal string); `caller` names the store method in the error for a bad id. */
    addVersion(versionId: string, caller: string): void {
        if (classifyQualifier(versionId) !== "version") {
            throw new Error(`${caller}: version id '${versionId}' must be a decimal number`);
        }
        this.versions.add(versionId);
    }

    /** Creates or repoints an alias; `caller` names the store method in the error for a bad name. */
    setAlias(alias: string, versionId: string, caller: string): void {
        if (classifyQualifier(alias) !== "alias") {
            throw new Error(`${caller}: alias name '${alias}' is not a valid alias name`);
        }
        this.aliases.set(alias, versionId);
    }

    /** Removes an alias. Returns whether it existed. */
    deleteAlias(alias: string): boolean {
        return this.aliases.delete(alias);
    }

    /**
     * What a syntactically valid qualifier names that does not exist: `version` for an unpublished version id,
     * `alias` for an unknown alias; undefined when it exists (LATEST always does).
     */
    missing(qualifier: string): "version" | "alias" | undefined {
        const kind = classifyQualifier(qualifier);
        if (kind === "version" && !this.versions.has(qualifier)) {
            return "version";
        }
        if (kind === "alias" && !this.aliases.has(qualifier)) {
            return "alias";
        }
        return undefined;
    }
}

/** The config {@link ManyQualifiersOptions.config} gives the `index`-th qualifier. */
export function configAt<Config extends object>(options: ManyQualifiersOptions<Config>, qualifier: string, index: number): Config {
    const config = options.config;
    return typeof config === "function" ? config(qualifier, index) : (config ?? ({} as Config));
}
