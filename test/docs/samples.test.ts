// Every TypeScript sample a user can copy, from the TSDoc of provider/ (which editors and the API
// reference show) and from the README, compiles in a user's strict project against the built
// declarations of this package, so that a sample cannot drift from the API it shows.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const root = path.resolve(__dirname, "..", "..");

/** One ```ts block and where it stands. */
interface Sample {
    where: string;
    code: string;
}

/** The ```ts blocks of a Markdown text, or of a TypeScript file's doc comments (their ` * ` margins removed). */
export function samplesOf(file: string): Sample[] {
    const text = fs.readFileSync(file, "utf8");
    const lines = file.endsWith(".ts") ? text.split("\n").map((line) => line.replace(/^\s*\* ?/, "")) : text.split("\n");
    const samples: Sample[] = [];
    let start = -1;
    for (const [i, line] of lines.entries()) {
        if (start < 0 && /^```(ts|typescript)\s*$/.test(line.trim())) {
            start = i;
        } else if (start >= 0 && line.trim() === "```") {
            samples.push({ where: `${path.relative(root, file)}:${start + 1}`, code: lines.slice(start + 1, i).join("\n") });
            start = -1;
        }
    }
    return samples;
}

/** A TSDoc sample shows a call, not its imports: give it what a user's file would import. */
function asModule(sample: Sample): string {
    if (/^import /m.test(sample.code)) {
        return sample.code;
    }
    // The built package's own exports, as a user's import sees them (a path, so no static import).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require(path.join(root, "bin", "provider", "index.js")) as Record<string, unknown>;
    const names = Object.keys(pkg).filter((name) => name !== "__esModule");
    return `import * as pulumi from "@pulumi/pulumi";\nimport { ${names.join(", ")} } from "pulumi-fc-async-invoke-config";\nvoid pulumi;\n${sample.code}\nexport {};\n`;
}

function sourceFiles(dir: string): string[] {
    return fs
        .readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".ts"))
        .map((f) => path.join(dir, f));
}

describe("code samples in the TSDoc and the README", function () {
    this.timeout(120_000);

    const docs = fs.readdirSync(path.join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => path.join(root, "docs", f));
    const samples = [...sourceFiles(path.join(root, "provider")), path.join(root, "README.md"), ...docs].flatMap(samplesOf);

    it("are found (every data source's class and promise form has an example in its TSDoc)", () => {
        // Each data source's resource class and `getX` are declared in program/: two FC 2.0, two FC 3.0.
        const program = ["fc2DataSources.ts", "fc3DataSources.ts"].map((file) => path.join(root, "provider", "program", file));
        const declared = program.flatMap((file) => {
            const lines = fs.readFileSync(file, "utf8").split("\n");
            return lines.flatMap((line, i) => {
                const name = /^export (?:class|function) (\w+)/.exec(line)?.[1];
                // An overloaded function's sample stands above its first signature.
                const first = name !== undefined && !lines.slice(0, i).some((l) => l.startsWith(`export function ${name}(`));
                return first && !name.endsWith("Output") ? [{ file, line: i + 1, name }] : [];
            });
        });
        assert.equal(declared.length, 8, `the four data sources' classes and getX: ${declared.map((d) => d.name).join(", ")}`);
        for (const { file, line, name } of declared) {
            const where = path.relative(root, file);
            // The sample of a function stands in the doc comment right above it.
            const doc = samples.filter((s) => s.where.startsWith(`${where}:`) && Number(s.where.split(":")[1]) < line);
            const nearest = doc.at(-1);
            const text = fs
                .readFileSync(file, "utf8")
                .split("\n")
                .slice(nearest === undefined ? 0 : Number(nearest.where.split(":")[1]), line - 1);
            assert.ok(nearest !== undefined && !text.some((l) => /^export /.test(l)), `${name} (${where}:${line}) has no example in its TSDoc`);
        }
    });

    it("compile under strict with a user's compiler settings", () => {
        // Under the repository, so the package resolves by its name to the built declarations.
        const dir = path.join(root, ".work", "doc-samples");
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir, { recursive: true });
        const files = samples.map((sample, i) => {
            const file = path.join(dir, `sample-${i}.ts`);
            fs.writeFileSync(file, asModule(sample));
            return file;
        });
        const config = ts.readConfigFile(path.join(root, "examples", "tsconfig.json"), (file) => ts.sys.readFile(file));
        const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, path.join(root, "examples"));
        const program = ts.createProgram(files, { ...options, noEmit: true });
        const problems = ts.getPreEmitDiagnostics(program).map((d) => {
            const at = d.file ? (samples[files.indexOf(d.file.fileName)]?.where ?? d.file.fileName) : "";
            return `${at}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
        });
        assert.deepEqual(problems, []);
    });
});
