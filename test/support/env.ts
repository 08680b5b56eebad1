// Keeps a developer's own Alibaba Cloud settings out of the tests: with them gone, a test proves that a
// value came from where the test put it (stack config, an argument), not from the machine it runs on.

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

/**
 * Registers mocha hooks that give the suite an empty temp directory as HOME, so that the credential
 * chain finds no ~/.aliyun or ~/.alibabacloud of the machine. Returns the directory's path, once set.
 */
export function useEmptyHome(): { readonly path: string } {
    const home = { path: "" };
    let saved: string | undefined;
    before(() => {
        saved = process.env.HOME;
        home.path = fs.mkdtempSync(path.join(os.tmpdir(), "fcaic-home-"));
        process.env.HOME = home.path;
    });
    after(() => {
        process.env.HOME = saved;
        fs.rmSync(home.path, { recursive: true, force: true });
    });
    return home;
}
