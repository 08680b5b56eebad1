// A stand-in for "another resource" that needs no cloud account: it records the values it is given in
// the stack's state, the way an alarm rule or a second function's settings would take them as inputs.
// In a real stack this would be e.g. @pulumi/alicloud's fc.FunctionAsyncInvokeConfig (see ../alicloud-copy).

import * as pulumi from "@pulumi/pulumi";

/** The inputs a {@link RunbookEntry} records. */
export interface RunbookEntryArgs {
    /** The function the entry is about, as `service/function`. */
    function: pulumi.Input<string>;
    /** Where the function's failed events end up; empty when no failure destination is set. */
    failureDestination: pulumi.Input<string>;
    /** How often FC retries a failed invocation before giving up. */
    retryAttempts: pulumi.Input<number>;
}

interface RunbookEntryState {
    function: string;
    failureDestination: string;
    retryAttempts: number;
}

const runbookProvider: pulumi.dynamic.ResourceProvider<RunbookEntryState, RunbookEntryState> = {
    async create(inputs) {
        return { id: inputs.function, outs: inputs };
    },
    async diff(_id, olds, news) {
        const keys = (["function", "failureDestination", "retryAttempts"] as const).filter((k) => olds[k] !== news[k]);
        return { changes: keys.length > 0, diffs: keys, replaces: keys.filter((k) => k === "function") };
    },
    async update(_id, _olds, news) {
        return { outs: news };
    },
};

/** An on-call runbook entry kept in state; it touches nothing outside Pulumi. */
export class RunbookEntry extends pulumi.dynamic.Resource {
    declare public readonly function: pulumi.Output<string>;
    declare public readonly failureDestination: pulumi.Output<string>;
    declare public readonly retryAttempts: pulumi.Output<number>;

    constructor(name: string, args: RunbookEntryArgs, opts?: pulumi.CustomResourceOptions) {
        super(runbookProvider, name, args, opts, "examples", "RunbookEntry");
    }
}
