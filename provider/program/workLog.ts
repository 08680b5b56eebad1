// The work of the reads the program makes itself (the invoke forms), shown through `pulumi.log`: a debug
// line per request attempt (visible with `pulumi … --debug` or `-v`), and progress on long lists. The
// resource forms' reads happen in the provider host, which shows them the same way (host/engineLog.ts).

import * as pulumi from "@pulumi/pulumi";
import { listenToWork } from "../wire/workLog";

let listening = false;

/** Starts forwarding the reads' work records to `pulumi.log`, once per process. */
export function showWorkInProgram(): void {
    if (!listening) {
        listening = true;
        listenToWork({
            attempt: (line) => void pulumi.log.debug(line),
            page: (line) => void pulumi.log.info(line, undefined, undefined, true),
        });
    }
}
