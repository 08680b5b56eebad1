// ESLint flat config: typescript-eslint's type-aware rules over every TypeScript file of the repository.
// Each rule that is turned off or relaxed says why.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["bin/**", "docs/**", ".work/**", "node_modules/**", "test/support/flushCoverage.js"] },
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
            // Unused arguments are named with a leading underscore where an interface fixes the signature.
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
        },
    },
    {
        files: ["provider/loader.ts"],
        rules: {
            // The serialized provider must load its implementation by package path inside each method:
            // an import would be captured and serialized into every data source's state (see the file).
            "@typescript-eslint/no-require-imports": "off",
        },
    },
);
