// Awaiting a read that must fail, for the in-process suites.

import * as assert from "node:assert/strict";

/** Awaits `promise`, which must reject with an instance of `type`, and returns that error. */
export async function rejection<E extends Error>(promise: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
    const err = await promise.then(
        () => assert.fail("expected the read to fail"),
        (e: unknown) => e,
    );
    assert.ok(err instanceof type, String(err));
    return err;
}
