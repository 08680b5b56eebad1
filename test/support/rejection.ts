// The one way tests await something that must fail.

import * as assert from "node:assert/strict";

/**
 * Awaits `promise`, which must reject with an instance of `type` (`Error` for any error), and returns
 * that error for more checks. Fails the test when it resolves or rejects with anything else.
 */
export async function rejection<E extends Error>(promise: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
    try {
        await promise;
    } catch (err) {
        assert.ok(err instanceof type, `expected ${type.name}, got ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
        return err;
    }
    return assert.fail(`expected ${type.name}, but it resolved`);
}
