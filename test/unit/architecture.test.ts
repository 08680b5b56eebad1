// The layout's rules, read from the code's imports (type-only ones and lazy `require`s included): no
// import cycle among provider/'s files, and each folder importing only the folders its rule allows
// (CONTRIBUTING.md says the same, one line per folder). A new edge that breaks either fails here.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const PROVIDER = path.resolve(__dirname, "..", "..", "provider");

/** What each part of provider/ may import, besides itself. `shared` is errors.ts and types.ts. */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
    shared: [],
    settings: ["shared"],
    credentials: ["settings", "shared"],
    wire: ["credentials", "settings", "shared"],
    core: ["wire", "credentials", "settings", "shared"],
    dataSources: ["core", "wire", "settings", "shared"],
    // Both processes show the reads' work: the records are published by the wire (wire/workLog.ts).
    program: ["dataSources", "core", "settings", "shared", "wire/workLog.ts"],
    // The host checks itself against the contract the serialized loader calls, and nothing else of the program.
    host: ["program/loader.ts", "wire/workLog.ts", "dataSources", "core", "settings", "shared"],
    // The FC stand-in that ships for a first run: it stands in for the cloud, so it knows nothing of the provider.
    emulator: [],
    // The one-shot command: the core's read of a description, with settings from the environment.
    cli: ["emulator", "dataSources", "core", "settings", "shared"],
    // The public API and the modules state names by package path (bin/provider/host, …) may import anything.
    entry: ["*"],
};

/** Every .ts file of provider/, relative to it, with the provider/ files it imports. */
function importGraph(): Map<string, string[]> {
    const files = fs.readdirSync(PROVIDER, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    const graph = new Map<string, string[]>();
    for (const file of files) {
        const text = fs.readFileSync(path.join(PROVIDER, file), "utf8");
        // preProcessFile lists import and export declarations (type-only ones too), `import()` types and `require` calls.
        const imported = ts.preProcessFile(text, true, true).importedFiles.map((ref) => ref.fileName);
        const targets = imported.filter((spec) => spec.startsWith(".")).map((spec) => resolve(path.dirname(path.join(PROVIDER, file)), spec));
        graph.set(file.split(path.sep).join("/"), targets);
    }
    return graph;
}

function resolve(fromDir: string, spec: string): string {
    const base = path.join(fromDir, spec);
    for (const candidate of [`${base}.ts`, path.join(base, "index.ts")]) {
        if (fs.existsSync(candidate)) {
            return path.relative(PROVIDER, candidate).split(path.sep).join("/");
        }
    }
    throw new Error(`unresolved import ${spec} from ${fromDir}`);
}

/** The part of provider/ a file belongs to, as MAY_IMPORT names it. */
function partOf(file: string): string {
    const slash = file.indexOf("/");
    if (slash >= 0) {
        return file.slice(0, slash);
    }
    return file === "errors.ts" || file === "types.ts" ? "shared" : "entry";
}

function allowed(from: string, to: string): boolean {
    const [fromPart, toPart] = [partOf(from), partOf(to)];
    const rule = MAY_IMPORT[fromPart] ?? [];
    return fromPart === toPart || rule.includes("*") || rule.includes(toPart) || rule.includes(to);
}

/** Every cycle, each as the files around it, found by depth-first search. */
function cycles(graph: Map<string, string[]>): string[][] {
    const found: string[][] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (file: string): void => {
        state.set(file, "open");
        stack.push(file);
        for (const next of graph.get(file) ?? []) {
            if (state.get(next) === "open") {
                found.push([...stack.slice(stack.indexOf(next)), next]);
            } else if (state.get(next) === undefined) {
                visit(next);
            }
        }
        stack.pop();
        state.set(file, "done");
    };
    for (const file of [...graph.keys()].sort()) {
        if (state.get(file) === undefined) {
            visit(file);
        }
    }
    return found;
}

describe("the layout of provider/", () => {
    const graph = importGraph();

    it("has no import cycle, type-only imports included", () => {
        assert.deepEqual(
            cycles(graph).map((cycle) => cycle.join(" → ")),
            [],
        );
    });

    it("has every folder import only what its rule allows", () => {
        const broken = [...graph].flatMap(([from, targets]) => targets.filter((to) => !allowed(from, to)).map((to) => `${from} → ${to}`));
        assert.deepEqual(broken, []);
    });

    it("gives every file a part with a rule", () => {
        assert.deepEqual(
            [...graph.keys()].filter((file) => MAY_IMPORT[partOf(file)] === undefined),
            [],
        );
    });

    it("sees the edges it checks: a cycle and a forbidden import are caught", () => {
        const planted = new Map([
            ["wire/a.ts", ["core/b.ts"]],
            ["core/b.ts", ["wire/a.ts"]],
        ]);
        assert.deepEqual(cycles(planted), [["core/b.ts", "wire/a.ts", "core/b.ts"]]);
        assert.equal(allowed("wire/a.ts", "core/b.ts"), false);
        assert.equal(allowed("host/entry.ts", "program/forms.ts"), false);
        assert.equal(allowed("host/entry.ts", "program/loader.ts"), true);
    });
});
