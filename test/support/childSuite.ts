// Mocha hooks shared by the suites that run the provider in a child process against both stand-ins:
// start them once for the suite, clear their logs before each test, stop them after.

import { type ProviderProcess, startProviderProcess } from "./providerProcess";
import { type StandIns, startStandIns } from "./standIns";

/**
 * Registers the hooks; `ready` receives the stand-ins and the child once they run. `prepare` may seed
 * the stand-ins or write files into their HOME before the child starts.
 */
export function useChildSuite(ready: (started: { s: StandIns; provider: ProviderProcess }) => void, prepare: (s: StandIns) => void = () => undefined): void {
    let s: StandIns | undefined;
    let provider: ProviderProcess | undefined;
    before(async () => {
        s = await startStandIns();
        prepare(s);
        provider = await startProviderProcess({ caFile: s.certificate.caFile, home: s.home });
        ready({ s, provider });
    });
    after(async () => {
        await provider?.close();
        await s?.close();
    });
    beforeEach(() => {
        s?.fc.resetLog();
        if (s !== undefined) {
            s.sts.requests.length = 0;
        }
    });
}
