// Engine suites against the FC stand-in: a fresh stand-in per test, stacks configured for it the way a
// user configures @pulumi/alicloud (alicloud:* keys, the FC endpoint as the `fc` entry of
// alicloud:endpoints, set with `--path`), and the checks these suites share: what the state file holds,
// what the drift check (`pulumi refresh --preview-only --expect-no-changes`) says, and that the stand-in
// only ever saw GETs from the provider.

import * as assert from "node:assert/strict";
import { type PulumiFn } from "@pulumi/pulumi/automation";
import { type FcEmulator, startFcEmulator } from "../../provider/emulator";
import {
    type CliResult,
    createEngineStack,
    type EngineRecord,
    type EngineStack,
    readStateFile,
    recordEvents,
    runPulumi,
    type StackConfig,
    useEngineSuite,
} from "./engine";

/** One resource of a stack's state. */
export interface StateResource {
    type: string;
    urn: string;
    id?: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
}

/** The running stand-in of the current test, and stacks pointed at it. */
export interface StandInEngine {
    readonly fc: FcEmulator;
    /**
     * A fresh stack `dev` of `program`, configured for the stand-in: region, account, key, secret key
     * (as a secret), and `alicloud:endpoints[0].fc`; `config` is set on top. Disposed after the test.
     */
    stack(projectName: string, program: PulumiFn, config?: StackConfig): Promise<EngineStack>;
}

/**
 * Registers the hooks of an engine suite against the FC stand-in: the engine suite's own (no Alibaba
 * variables, the CLI ready), a fresh stand-in before each test, and after it the stand-in closed and the
 * stacks removed.
 */
export function useStandInEngine(): StandInEngine {
    let current: FcEmulator | undefined;
    const stacks: EngineStack[] = [];
    useEngineSuite();
    beforeEach(async () => {
        current = await startFcEmulator();
    });
    afterEach(async () => {
        await current?.close();
        current = undefined;
        await Promise.all(stacks.splice(0).map((s) => s.dispose()));
    });
    const suite: StandInEngine = {
        get fc(): FcEmulator {
            return current ?? assert.fail("the stand-in is only running inside a test");
        },
        async stack(projectName, program, config = {}) {
            const { fc } = suite;
            const s = await createEngineStack({
                projectName,
                program,
                config: {
                    "alicloud:region": { value: fc.region },
                    "alicloud:accountId": { value: fc.accountId },
                    "alicloud:accessKey": { value: fc.accessKeyId },
                    "alicloud:secretKey": { value: fc.accessKeySecret, secret: true },
                    ...config,
                },
            });
            stacks.push(s);
            await s.stack.setAllConfig({ "alicloud:endpoints[0].fc": { value: fc.endpoint } }, true);
            return s;
        },
    };
    return suite;
}

/** Runs `preview` and returns what the engine reported while it ran. */
export async function previewed(s: EngineStack): Promise<EngineRecord> {
    const events = recordEvents();
    await s.stack.preview({ onEvent: events.onEvent });
    return events;
}

/** Runs `up`, then the drift check twice: right after an up, and with nothing changed, a refresh must change nothing, run after run. */
export async function upWithoutDrift(s: EngineStack): Promise<void> {
    const up = await s.stack.up();
    assert.equal(up.summary.result, "succeeded");
    await assertNoDrift(s);
    await assertNoDrift(s);
}

/** Every resource of the stack's state, as the Automation API exports it. */
export async function stateResources(s: EngineStack): Promise<StateResource[]> {
    const exported = await s.stack.exportStack();
    return (exported.deployment as { resources?: StateResource[] }).resources ?? [];
}

/** The one resource of `type` in the stack's state. */
export async function onlyOfType(s: EngineStack, type: string): Promise<StateResource> {
    const found = (await stateResources(s)).filter((r) => r.type === type);
    assert.equal(found.length, 1, `one ${type} in state`);
    return found[0];
}

/** Asserts that the state file, as the backend stores it, names none of `types`. */
export function assertNotInStateFile(s: EngineStack, projectName: string, types: readonly string[]): void {
    const text = readStateFile(s, projectName);
    assert.ok(text.includes("pulumi:pulumi:Stack"), "the state file holds the stack");
    for (const type of types) {
        assert.ok(!text.includes(type), `the state file holds a ${type}`);
    }
}

/** Asserts that every request the stand-in saw was a GET. */
export function assertOnlyGets(fc: FcEmulator): void {
    const writes = fc.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(writes, [], "a request that is not a GET reached the stand-in");
}

/** The drift check a scheduled job runs: exit code 0 only when refresh would change nothing. */
function driftCheck(s: EngineStack): Promise<CliResult> {
    return runPulumi(s, ["refresh", "--preview-only", "--expect-no-changes", "--diff"]);
}

/** Asserts that a refresh would change nothing. */
export async function assertNoDrift(s: EngineStack): Promise<void> {
    const clean = await driftCheck(s);
    assert.equal(clean.code, 0, `refresh would change something:\n${clean.stdout}${clean.stderr}`);
}

/** Asserts that a refresh would change something, and returns what the CLI printed (the diff). */
export async function expectDrift(s: EngineStack): Promise<string> {
    const drift = await driftCheck(s);
    assert.notEqual(drift.code, 0, `the drift check passed despite drift:\n${drift.stdout}`);
    assert.match(drift.stderr, /no changes were expected/);
    return drift.stdout;
}

/**
 * Makes a change outside the stack, asserts that the drift check finds it, records it with a real refresh,
 * asserts that the check then passes again, and returns the diff the check printed.
 */
export async function driftAndRefresh(s: EngineStack, change: () => Promise<unknown>): Promise<string> {
    await change();
    const diff = await expectDrift(s);
    const refreshed = await s.stack.refresh();
    assert.equal(refreshed.summary.result, "succeeded");
    await assertNoDrift(s);
    return diff;
}

/** Runs `destroy` and asserts it succeeded, emptied the state, and that the stand-in has seen nothing but GETs, ever. */
export async function destroyReadOnly(fc: FcEmulator, s: EngineStack): Promise<void> {
    const destroyed = await s.stack.destroy();
    assert.equal(destroyed.summary.result, "succeeded");
    assertOnlyGets(fc);
    assert.deepEqual(await stateResources(s), []);
}
