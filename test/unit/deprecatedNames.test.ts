// The names of earlier versions still compile and mean what they meant (provider/deprecated.ts): a
// program written against them type-checks under `npm run typecheck`, and the constant keeps its value.

import * as assert from "node:assert/strict";
import {
    type AsyncConfigEntry,
    type AsyncConfigFields,
    type AsyncInvokeConfigArgs,
    type AsyncInvokeConfigLookup,
    type AsyncInvokeConfigsArgs,
    type AsyncInvokeConfigsLookup,
    type FunctionAsyncInvokeConfigArgs,
    type FunctionAsyncInvokeConfigLookup,
    type FunctionAsyncInvokeConfigsArgs,
    type FunctionAsyncInvokeConfigsLookup,
    RAM_ACTION,
    type V3AsyncInvokeConfigEntry,
    type V3AsyncInvokeConfigFields,
} from "../../provider";

/** True only when A and B are the same type. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe("deprecated names", () => {
    it("are the types they were renamed to", () => {
        const same: [
            Same<FunctionAsyncInvokeConfigArgs, FunctionAsyncInvokeConfigLookup>,
            Same<FunctionAsyncInvokeConfigsArgs, FunctionAsyncInvokeConfigsLookup>,
            Same<AsyncInvokeConfigArgs, AsyncInvokeConfigLookup>,
            Same<AsyncInvokeConfigsArgs, AsyncInvokeConfigsLookup>,
            Same<AsyncConfigFields, V3AsyncInvokeConfigFields>,
            Same<AsyncConfigEntry, V3AsyncInvokeConfigEntry>,
        ] = [true, true, true, true, true, true];
        assert.deepEqual(same, [true, true, true, true, true, true]);
    });

    it("keep RAM_ACTION's value: the action of FC 2.0's single read", () => {
        assert.equal(RAM_ACTION, "fc:GetFunctionAsyncInvokeConfig");
    });
});
