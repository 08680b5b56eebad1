// Counting the stack traces a piece of work formats. `@pulumi/pulumi` formats one for every promise it
// makes per registered property (its debuggable promises read `new Error().stack`), source-mapped under
// ts-node, so the count is a program's SDK work per resource in a form that does not move with the
// machine's load. Used by the mocks tests (test/unit/program/resourceForms.test.ts).

type StackFormatter = (error: Error, frames: NodeJS.CallSite[]) => unknown;

/** Runs `work` and returns its value with the number of stack traces formatted meanwhile (by anything in this process). */
export async function countStackTraces<T>(work: () => Promise<T>): Promise<{ value: T; stackTraces: number }> {
    const format: StackFormatter | undefined = Error.prepareStackTrace?.bind(Error);
    let stackTraces = 0;
    Error.prepareStackTrace = (error, frames): unknown => {
        stackTraces++;
        return format === undefined ? String(error) : format(error, frames);
    };
    try {
        const value = await work();
        return { value, stackTraces };
    } finally {
        Error.prepareStackTrace = format;
    }
}
