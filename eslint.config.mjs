// ESLint flat config: typescript-eslint's type-aware rules over every TypeScript file of the repository.
// Each rule that is turned off or relaxed says why.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    // Plain JavaScript files run as they are (a coverage preload, a memory probe, this config): the type-aware
    // rules need a TypeScript project, which does not include them.
    { ignores: ["bin/**", "docs/**", ".work/**", "node_modules/**", "**/*.js", "**/*.mjs"] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
        languageOptions: {
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
        },
        rules: {
            "@typescript-eslint/no-floating-promises": "error",
            "@typescript-eslint/no-misused-promises": "error",
            "@typescript-eslint/await-thenable": "error",
            "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
            "@typescript-eslint/no-explicit-any": "error",
            "@typescript-eslint/explicit-module-boundary-types": "error",
            // Pulumi's provider interfaces, mocha hooks and the Automation API's programs take Promise-returning
            // functions: an async function without await is the plain way to write one, and it turns a throw
            // into a rejection, which callers of a Promise-returning function expect.
            "@typescript-eslint/require-await": "off",
            // A failed attempt travels to the retry loop as an AttemptFailure record (kind, Retry-After,
            // whether final), not as an Error: the loop unwraps it, and only FcError reaches callers.
            "@typescript-eslint/only-throw-error": ["error", { allow: [{ from: "file", name: "AttemptFailure", path: "provider/wire/request.ts" }] }],
            // Unused arguments are named with a leading underscore where an interface fixes the signature.
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
        },
    },
    {
        files: ["provider/program/loader.ts"],
        rules: {
            // The serialized provider must load its implementation by package path inside each method:
            // an import would be captured and serialized into every data source's state (see the file).
            "@typescript-eslint/no-require-imports": "off",
        },
    },
    {
        files: ["provider/program/fc2DataSources.ts", "provider/program/fc3DataSources.ts"],
        rules: {
            // Each resource class gets its typed outputs from an empty interface of the same name that extends
            // OutputsOf<XOutputs>: the outputs and their docs are declared once, in the data source's file, and
            // the engine fills them in (they are not class fields the constructor would have to initialise).
            "@typescript-eslint/no-unsafe-declaration-merging": "off",
            "@typescript-eslint/no-empty-object-type": "off",
        },
    },
);
