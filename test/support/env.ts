// Keeps a developer's own Alibaba Cloud settings out of the tests: with them gone, a test proves that a
// value came from where the test put it (stack config, an argument), not from the machine it runs on.

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
