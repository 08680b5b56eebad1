// Keeps a developer's own Alibaba Cloud settings out of the tests: with them gone, a test proves that a
// value came from where the test put it (stack config, an argument), not from the machine it runs on.
// The one place tests change process.env and HOME.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** Removes every ALIBABA_CLOUD_* and ALICLOUD_* variable from process.env; returns a function that restores them. */
export function withoutAlibabaEnv(): () => void {
    const saved: Record<string, string | undefined> = {};
    for (const name of Object.keys(process.env)) {
        if (/^(ALIBABA_CLOUD|ALICLOUD)_/.test(name)) {
            saved[name] = process.env[name];
            delete process.env[name];
        }
    }
    return () => {
        for (const [name, value] of Object.entries(saved)) {
            process.env[name] = value;
        }
    };
}

/** What {@link useHermeticEnvironment} leaves on. */
export interface HermeticOptions {
    /**
     * Whether the credential chain may look at the (empty) HOME's CLI profile and at ECS metadata.
     * Default false: both are switched off by their variables, so nothing of the machine is found.
     */
    chainLookups?: boolean;
}

/**
 * Registers hooks (call it inside `describe`) that keep the suite hermetic: HOME an empty temp dir (no
 * ~/.aliyun or ~/.alibabacloud of the machine), no ALIBABA_CLOUD_* / ALICLOUD_* variable, and unless
 * asked otherwise the credential chain's ECS metadata and CLI profile lookups off; everything put back
 * afterwards. Returns the temp HOME, once the suite has started.
 */
export function useHermeticEnvironment(options: HermeticOptions = {}): () => string {
    let savedEnv: Record<string, string | undefined> = {};
    let home = "";
    before(() => {
        savedEnv = { ...process.env };
        home = fs.mkdtempSync(path.join(os.tmpdir(), "fcaic-home-"));
        withoutAlibabaEnv();
        process.env.HOME = home;
        if (options.chainLookups !== true) {
            process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = "true";
            process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = "true";
        }
    });
    after(() => {
        for (const key of Object.keys(process.env)) {
            if (!(key in savedEnv)) {
                delete process.env[key];
            }
        }
        Object.assign(process.env, savedEnv);
        fs.rmSync(home, { recursive: true, force: true });
    });
    return () => home;
}

/** Sets `vars` in process.env for the duration of `body`, then puts back what was there. */
export async function withEnv<T>(vars: Record<string, string>, body: () => Promise<T>): Promise<T> {
    const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
    Object.assign(process.env, vars);
    try {
        return await body();
    } finally {
        for (const [k, v] of Object.entries(saved)) {
            if (v === undefined) {
                delete process.env[k];
            } else {
                process.env[k] = v;
            }
        }
    }
}
