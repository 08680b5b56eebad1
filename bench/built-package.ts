// The package as users get it: the compiled JavaScript in bin/, loaded by its package name (the
// repository links itself into node_modules). The benchmarks measure that, not the TypeScript sources,
// and the provider host loads the same files by the same name.

import type * as packageApi from "../provider";

let loaded: typeof packageApi | undefined;

/**
 * `require("pulumi-fc-async-invoke-config")`, typed by the sources; fails clearly when not built.
 * Loaded once: resolving a package name costs about 12 µs per `require`, which a timed loop would
 * otherwise charge to the provider.
 */
export function builtPackage(): typeof packageApi {
    if (loaded === undefined) {
        try {
            // By package name, as a user loads it (bin/, through the self-link), not the sources ts-node would compile.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            loaded = require("pulumi-fc-async-invoke-config") as typeof packageApi;
        } catch (error) {
            throw new Error(`the built provider is missing: run \`npm run build\` first (${error instanceof Error ? error.message : String(error)})`, {
                cause: error,
            });
        }
    }
    return loaded;
}
