// The audit example: list every async invoke config of one FC 2.0 function (LATEST, versions, aliases)
// and fail the program when any qualifier retries failed invocations more often than the stack allows.
// Run it as a gate (`pulumi preview` in CI): a failing audit fails the command and names every offender.
//
// Stack config:
//   audit:serviceName        required, the service that holds the function
//   audit:functionName       required, the function whose qualifiers are audited
//   audit:maxRetryAttempts   optional, 0-8, default 3 (FC's own default retry count): the highest
//                            maxAsyncRetryAttempts any qualifier may have
//   audit:endpoint           optional, e.g. http://127.0.0.1:9000 for the local FC stand-in (`npm run emulator`);
//                            unset means the endpoint of alicloud:endpoints, or the real FC endpoint
// Credentials and the account come from the usual alicloud:* config or ALIBABA_CLOUD_* variables.
//
// A qualifier whose config reports no maxAsyncRetryAttempts is listed as such in the summary and not
// counted as over the limit: the audit judges what FC reports.

import * as pulumi from "@pulumi/pulumi";
import { type FunctionAsyncInvokeConfigEntry, getFunctionAsyncInvokeConfigs } from "pulumi-fc-async-invoke-config";

/** The limit when `audit:maxRetryAttempts` is not set: FC's default retry count. */
export const DEFAULT_MAX_RETRY_ATTEMPTS = 3;

/** One qualifier as the audit saw it. */
export interface AuditedQualifier {
    qualifier: string;
    /** What FC reports; absent when the config carries no value. */
    maxAsyncRetryAttempts?: number;
}

/** What the audit exports when it passes. */
export interface AuditExampleOutputs {
    /** `service/function`. */
    function: string;
    /** The limit applied. */
    maxRetryAttempts: number;
    /** Every qualifier with a config, in the list's order (LATEST, versions by number, aliases by name). */
    qualifiers: AuditedQualifier[];
    /** The highest retry count found; absent when no qualifier reports one. */
    highestRetryAttempts?: number;
}

/** The qualifiers whose retry count is above `limit`. */
export function overLimit(configs: readonly FunctionAsyncInvokeConfigEntry[], limit: number): AuditedQualifier[] {
    return configs
        .filter((c) => c.maxAsyncRetryAttempts !== undefined && c.maxAsyncRetryAttempts > limit)
        .map((c) => ({ qualifier: c.qualifier, maxAsyncRetryAttempts: c.maxAsyncRetryAttempts }));
}

/** The program; a function so that the Automation API can run it inline. */
export async function auditExample(): Promise<AuditExampleOutputs> {
    const config = new pulumi.Config("audit");
    const serviceName = config.require("serviceName");
    const functionName = config.require("functionName");
    const limit = config.getNumber("maxRetryAttempts", { min: 0, max: 8 }) ?? DEFAULT_MAX_RETRY_ATTEMPTS;
    if (!Number.isInteger(limit)) {
        throw new Error(`audit:maxRetryAttempts must be a whole number from 0 to 8, got ${limit}`);
    }

    // The promise form, awaited here, rather than the resource form or the Output form: the program gets
    // plain values before it registers anything, so a violation fails it with a plain error, and nothing
    // (not even a passing audit) is kept in state. The list is read afresh on every preview and up, so the
    // gate judges what FC holds now, never what an earlier run recorded. A resource form would keep the list
    // in state, and its values could only be judged inside an apply.
    const listed = await getFunctionAsyncInvokeConfigs({ serviceName, functionName, endpoint: config.get("endpoint") });

    const offenders = overLimit(listed.configs, limit);
    if (offenders.length > 0) {
        const lines = offenders.map((o) => `  qualifier "${o.qualifier}": maxAsyncRetryAttempts ${o.maxAsyncRetryAttempts} is above the limit ${limit}`);
        throw new Error(
            `async invoke config audit of function "${functionName}" in service "${serviceName}" failed ` +
                `(audit:maxRetryAttempts = ${limit}):\n${lines.join("\n")}`,
        );
    }

    const qualifiers = listed.configs.map((c) => ({ qualifier: c.qualifier, maxAsyncRetryAttempts: c.maxAsyncRetryAttempts }));
    const counts = qualifiers.flatMap((q) => (q.maxAsyncRetryAttempts === undefined ? [] : [q.maxAsyncRetryAttempts]));
    return {
        function: `${serviceName}/${functionName}`,
        maxRetryAttempts: limit,
        qualifiers,
        highestRetryAttempts: counts.length > 0 ? Math.max(...counts) : undefined,
    };
}
