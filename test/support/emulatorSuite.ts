// A fresh FC stand-in for every test of a suite, closed after it: the hooks the stand-in's own test files share.

import * as assert from "node:assert/strict";

import { type FcEmulator, type FcEmulatorOptions, startFcEmulator } from "../../provider/emulator";

/** The running stand-in of the current test. */
export interface EmulatorSuite {
    readonly fc: FcEmulator;
}

/** Starts a stand-in (with `options`) before each test of the enclosing suite and closes it after. */
export function useFcEmulator(options: FcEmulatorOptions = {}): EmulatorSuite {
    let current: FcEmulator | undefined;
    beforeEach(async () => {
        current = await startFcEmulator(options);
    });
    afterEach(async () => {
        await current?.close();
        current = undefined;
    });
    return {
        get fc(): FcEmulator {
            return current ?? assert.fail("the stand-in is only running inside a test");
        },
    };
}
