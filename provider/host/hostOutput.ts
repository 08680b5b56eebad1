// What the engine's provider host prints when a read fails. The host (`@pulumi/pulumi`'s
// cmd/dynamic-provider) writes every error a provider method throws to its stderr as
// `${err}: ${err.stack}` and then reports the same error to the engine, which shows it against the
// resource. The stderr copy becomes the stack's diagnostics: for this provider's own verdicts, whose
// messages say everything there is to say, that is the message twice more plus frames into
// node_modules. This keeps the engine's copy only. Any other error (a bug) keeps its stack trace.

import { ConfigurationError, FcError, InvalidLookupError } from "../errors";

/** What the host would print for each verdict thrown and not yet printed, with how many times. */
const pending = new Map<string, number>();
let installed = false;

/** Whether an error is the provider's verdict (bad input, missing configuration, FC's answer), not a bug. */
export function isVerdict(err: unknown): err is Error {
    return err instanceof FcError || err instanceof ConfigurationError || err instanceof InvalidLookupError;
}

/**
 * Has `console.error` skip the host's stack-trace print of verdicts passed through {@link quietVerdicts}.
 * Only the provider host calls this (through entry.ts); a program's own console is left alone.
 */
export function installQuietVerdicts(): void {
    if (installed) {
        return;
    }
    installed = true;
    const print = console.error.bind(console);
    console.error = (...args: unknown[]): void => {
        const count = args.length === 1 && typeof args[0] === "string" ? pending.get(args[0]) : undefined;
        if (count === undefined) {
            print(...args);
        } else if (count > 1) {
            pending.set(args[0] as string, count - 1);
        } else {
            pending.delete(args[0] as string);
        }
    };
}

/**
 * Passes a provider method's promise on; a verdict it rejects with is marked so that the host's print
 * of it is skipped. The same error object can reject several reads (data sources sharing one lookup),
 * and the host prints it once per read, so each rejection is counted.
 */
export function quietVerdicts<T>(work: Promise<T>): Promise<T> {
    return work.catch((err: unknown) => {
        if (isVerdict(err)) {
            // The host's own template, so that the filter matches exactly what it prints.
            const printed = `${String(err)}: ${err.stack}`;
            pending.set(printed, (pending.get(printed) ?? 0) + 1);
        }
        throw err;
    });
}
