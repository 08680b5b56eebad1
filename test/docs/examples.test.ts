// The examples compile the way a user's own Pulumi project compiles them: `strict`, the settings of
// `pulumi new typescript`, and this package imported by its name (its built `types` entry).

import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..");

describe("examples", function () {
    this.timeout(120_000);

    it("type-check under strict with a user's compiler settings", () => {
        const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "examples", "tsconfig.json")], {
            encoding: "utf8",
        });
        assert.equal(tsc.status, 0, `tsc failed:\n${tsc.stdout}${tsc.stderr}`);
        const settings = JSON.parse(fs.readFileSync(path.join(root, "examples", "tsconfig.json"), "utf8")) as { compilerOptions: Record<string, unknown> };
        assert.equal(settings.compilerOptions.strict, true);
        // Without skipLibCheck a user compiles our declarations too, so they must hold up on their own.
        assert.equal(settings.compilerOptions.skipLibCheck, undefined);
    });

    it("every folder of examples/ is in the type-check", () => {
        const settings = JSON.parse(fs.readFileSync(path.join(root, "examples", "tsconfig.json"), "utf8")) as { include: string[] };
        const folders = fs
            .readdirSync(path.join(root, "examples"), { withFileTypes: true })
            .filter((entry) => entry.isDirectory())
            .map((entry) => `${entry.name}/**/*.ts`);
        assert.deepEqual([...settings.include].sort(), folders.sort());
    });

    it("the public declarations do not expose the Alibaba SDK's types, which need esModuleInterop", () => {
        const seen = new Set<string>();
        const visit = (file: string): void => {
            if (seen.has(file)) {
                return;
            }
            seen.add(file);
            const text = fs.readFileSync(file, "utf8");
            assert.doesNotMatch(text, /from "@alicloud\//, `${path.relative(root, file)} imports an @alicloud package`);
            for (const [, spec] of text.matchAll(/from "(\.[^"]+)"/g)) {
                visit(path.resolve(path.dirname(file), `${spec}.d.ts`));
            }
        };
        const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { types: string };
        visit(path.join(root, pkg.types));
        assert.ok(seen.size > 3, "followed the declaration graph");
    });

    it("the README's quickstart is examples/quickstart, so the type-check covers it", () => {
        const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
        const block = /\n```ts\n([\s\S]*?)```\n/.exec(readme)?.[1];
        assert.equal(block, fs.readFileSync(path.join(root, "examples", "quickstart", "index.ts"), "utf8"));
    });

    it("the root Pulumi.yaml runs examples/basic, whose entry exports the program", () => {
        const project = fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8");
        assert.match(project, /^runtime:\s*\n\s+name: nodejs/m);
        const main = /^main:\s*(\S+)/m.exec(project)?.[1];
        // A file, not the folder: for a folder without a package.json of its own, the Node.js language host
        // runs the nearest package.json's `main`, which is this package's bin/provider/index.js.
        assert.equal(main, "examples/basic/index.ts");
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const entry: unknown = require(path.join(root, main));
        assert.equal(typeof entry, "function", "the Node.js runtime calls an exported function for the outputs");
    });
});
