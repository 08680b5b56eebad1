// The names every benchmark agrees on: one service of numbered functions on the stand-in, and the
// stack config that points the provider at the stand-in's (fake) account and key.

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
