// What every benchmark agrees on: the package as users get it (the compiled JavaScript in bin/, loaded by
// its package name through the repository's self-link, as the provider host loads it), one service of
// numbered functions on the stand-in, and the stack config that points the provider at it.

import type * as packageApi from "../provider";
import type { StandIn } from "./standin";

/** The service that holds the benchmark's functions. */
export const SERVICE = "bench";

/** `fn-0007`: zero-padded so that names, and so request sizes, are the same length for every index. */
export function functionName(index: number): string {
    return `fn-${String(index).padStart(4, "0")}`;
}

/** `count` function names, `fn-0000` onwards. */
export function functionNames(count: number): string[] {
    return Array.from({ length: count }, (_, i) => functionName(i));
}

/** The FC 2.0 service of the functions with many qualifiers (list benchmarks): its aliases are its own. */
export const LIST_SERVICE = "bench-lists";

/**
 * `count` names of functions with `qualifiers` configs each, e.g. `ratio-0050-03`: the prefix keeps the
 * functions of different benchmarks apart, the size says what a list of one holds.
 */
export function qualifiedFunctionNames(prefix: string, qualifiers: number, count: number): string[] {
    return Array.from({ length: count }, (_, i) => `${prefix}-${String(qualifiers).padStart(4, "0")}-${String(i).padStart(2, "0")}`);
}

/** Stack config (`key -> value`) for the provider: the stand-in's account and key. */
export function standInConfig(standIn: StandIn): Record<string, string> {
    return {
        "alicloud:accountId": standIn.accountId,
        "alicloud:accessKey": standIn.accessKeyId,
        "alicloud:secretKey": standIn.accessKeySecret,
    };
}

let loaded: typeof packageApi | undefined;

/**
 * `require("pulumi-fc-async-invoke-config")`, typed by the sources; fails clearly when not built.
 * Loaded once: resolving a package name costs about 12 µs per `require`, which a timed loop would
 * otherwise charge to the provider.
 */
export function builtPackage(): typeof packageApi {
    if (loaded === undefined) {
        try {
            // By package name, as a user loads it (bin/, through the self-link), not the sources ts-node would compile.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            loaded = require("pulumi-fc-async-invoke-config") as typeof packageApi;
        } catch (error) {
            throw new Error(`the built provider is missing: run \`npm run build\` first (${error instanceof Error ? error.message : String(error)})`, {
                cause: error,
            });
        }
    }
    return loaded;
}
