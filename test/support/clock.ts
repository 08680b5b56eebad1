// The one clock tests drive, for the retry environment (provider/core/retry.ts) and the stand-ins'
// clocks: time moves only as the test says, and no timer runs anywhere.

import { type RetryEnvironment } from "../../provider/core/retry";

/** A {@link RetryEnvironment} whose time the test controls. */
export interface TestClock extends RetryEnvironment {
    /** Every sleep asked for, in order, in milliseconds. */
    readonly sleeps: number[];
    /** Moves time on by `ms`, waking the parked sleepers whose time came. */
    advance(ms: number): void;
    /** Resolves with the length of the next sleep as soon as someone starts it. */
    sleeping(): Promise<number>;
}

/** How a {@link testClock} behaves. */
export interface TestClockOptions {
    /** The time it starts at, in milliseconds since the epoch. Default 1,000,000. */
    start?: number;
    /** `instant`: a sleep moves time on by its length and ends at once (the default; schedules are checked without waiting). `parked`: a sleep waits for {@link TestClock.advance}. */
    sleep?: "instant" | "parked";
    /** Moves time on by this much every time it is read (a slow link, measured by the clock alone). Default 0. */
    tickPerRead?: number;
    /** The retry jitter's draw, in [0, 1). Default 0. */
    random?: () => number;
}

/** A clock that moves only as the test says. */
export function testClock(options: TestClockOptions = {}): TestClock {
    let now = options.start ?? 1_000_000;
    const sleeps: number[] = [];
    const parked: Array<{ until: number; wake: () => void }> = [];
    let onSleep: ((ms: number) => void) | undefined;
    const advance = (ms: number): void => {
        now += ms;
        for (const sleeper of parked.filter((p) => p.until <= now)) {
            parked.splice(parked.indexOf(sleeper), 1);
            sleeper.wake();
        }
    };
    return {
        sleeps,
        now: () => (now += options.tickPerRead ?? 0),
        random: options.random ?? (() => 0),
        sleep: (ms) => {
            sleeps.push(ms);
            onSleep?.(ms);
            if (options.sleep === "parked") {
                return new Promise<void>((wake) => parked.push({ until: now + ms, wake }));
            }
            advance(ms);
            return Promise.resolve();
        },
        advance,
        sleeping: () => new Promise<number>((resolve) => (onSleep = resolve)),
    };
}
