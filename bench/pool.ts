// A fixed number of workers pulling task indexes from a shared counter: "N calls, K at a time" exactly,
// unlike Promise.all over chunks, where each chunk waits for its slowest call and the width sags.

/** Runs `task(0..count-1)` with at most `width` in flight; resolves with the results in index order. */
export async function runPool<T>(count: number, width: number, task: (index: number) => Promise<T>): Promise<T[]> {
    if (!Number.isInteger(width) || width < 1) {
        throw new RangeError(`runPool: width must be a positive integer, got ${width}`);
    }
    const results = new Array<T>(count);
    let next = 0;
    const worker = async (): Promise<void> => {
        while (next < count) {
            const index = next++;
            results[index] = await task(index);
        }
    };
    await Promise.all(Array.from({ length: Math.min(width, count) }, worker));
    return results;
}
