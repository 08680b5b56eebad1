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

/** Stack config (`key -> value`) for the provider: the stand-in's account and key. */
export function standInConfig(standIn: StandIn): Record<string, string> {
    return {
        "alicloud:accountId": standIn.accountId,
        "alicloud:accessKey": standIn.accessKeyId,
        "alicloud:secretKey": standIn.accessKeySecret,
    };
}
