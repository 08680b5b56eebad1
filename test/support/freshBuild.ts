// The serialized provider (provider/program/loader.ts) loads `pulumi-fc-async-invoke-config/bin/provider/...`,
// which resolves through the package's self-link in node_modules to the compiled bin/. Tests that go
// through it call this first, so that a stale build fails loudly instead of silently testing old code.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

/** Fails unless every .ts file under provider/ has its .js under bin/provider/, at least as new. */
export function assertBuiltFromSources(): void {
    const root = path.resolve(__dirname, "..", "..");
    const sources = path.join(root, "provider");
    const bin = path.join(root, "bin", "provider");
    const files = fs.readdirSync(sources, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    for (const file of files) {
        const js = path.join(bin, file.replace(/\.ts$/, ".js"));
        assert.ok(fs.existsSync(js), `${js} is missing: run \`npm run build\` (npm test does)`);
        assert.ok(
            fs.statSync(js).mtimeMs >= fs.statSync(path.join(sources, file)).mtimeMs,
            `${js} is older than provider/${file}: run \`npm run build\` (npm test does)`,
        );
    }
}
