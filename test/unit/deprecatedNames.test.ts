// The names of 0.1.0 still compile and mean what they meant (provider/deprecated.ts): a program written
// against them type-checks under `npm run typecheck`, and the constant keeps its value. (0.1.0's resource
// form `getFunctionAsyncInvokeConfig(name, args)` is checked under mocks in program/resourceForms.test.ts.)

import * as assert from "node:assert/strict";
import { type GetFunctionAsyncInvokeConfigArgs, type LookupInputs, RAM_ACTION } from "../../provider";

/** True only when A and B are the same type. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe("deprecated names", () => {
    it("are the types they were renamed to", () => {
        const same: [Same<LookupInputs, GetFunctionAsyncInvokeConfigArgs>] = [true];
        assert.deepEqual(same, [true]);
    });

    it("keep RAM_ACTION's value: the action of FC 2.0's single read", () => {
        assert.equal(RAM_ACTION, "fc:GetFunctionAsyncInvokeConfig");
    });
});
