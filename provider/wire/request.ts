// A request as the wire sees it: what it reads (in words, for messages), where it goes, and how one
// attempt of it failed. The description of a data source (core/dataSource.ts) is what it reads; the
// wire needs no more of it than RequestSubject names.

import { FcError } from "../errors";
import { type Scope } from "../types";
import { type SecretSet } from "../credentials/redaction";
import { type Target } from "../settings/target";
import { type FcApi } from "./fcApis";

/** What a request reads, as its messages name it: a data source's description (core/dataSource.ts) fits. */
export interface RequestSubject {
    /** Which of the two lists or objects was asked for: a list's 2xx is a page. */
    kind: "single" | "list";
    /** The FC API it calls. */
    api: FcApi;
    /** The operation, e.g. `GetFunctionAsyncInvokeConfig`. */
    action: string;
    /** The RAM action a caller needs, e.g. `fc:GetFunctionAsyncInvokeConfig`. */
    ramAction: string;
    /** What is being read, in words. */
    describe(args: Scope): string;
    /** What a 404 with FC's error `code` means, in words; undefined when it does not say something is missing. */
    notFoundHint(code: string, args: Scope): string | undefined;
    /** The RAM resource the read needs {@link ramAction} on. */
    ramResource(args: Scope, target: Target): string;
}

/** One GET, as a data source builds it from its arguments. */
export interface FcRequestParts {
    /** The path, percent-encoded, starting with the API version. */
    pathname: string;
    /** The query; values are sent as given. */
    query: Record<string, string>;
}

/** A read as one request needs it. */
export interface RequestSpec {
    /** What is read. */
    source: RequestSubject;
    /** Its validated arguments, defaults filled in. */
    args: Scope;
    /** Where the request goes. */
    target: Target;
    /** Where the signing credentials came from, for 403 messages; never a secret. */
    credentialOrigin?: string;
    /** The deployment's secrets: every foreign text is redacted with them before it enters a message. */
    secrets: SecretSet;
    /** The configured per-request timeout (`timeoutSeconds`) in milliseconds, for messages. */
    timeoutMs: number;
    /** The page of a list being read, 1-based, for messages; absent for a single read. */
    page?: number;
}

/** A failed attempt, with what the retry logic needs to decide. */
export interface AttemptFailure {
    /** The failure as the user will see it if it is the last. */
    error: FcError;
    /** FC's Retry-After, in milliseconds. */
    retryAfterMs?: number;
    /** Not to be retried, whatever the error's kind (the lookup has given up, e.g. at the throttle gate). */
    final?: boolean;
}

/** One attempt, as its failure is described. */
export interface Attempt {
    spec: RequestSpec;
    traceId: string;
    /** 1-based. */
    number: number;
    /** This attempt's timeout: `timeoutSeconds`, or less when a retry was cut to the rest of the budget. */
    timeoutMs: number;
}

/** What was being read, for messages: only built when something failed. */
export function describeReading(spec: RequestSpec): string {
    const { args, target, source } = spec;
    const where = [
        target.accountId === undefined ? undefined : `account ${target.accountId}`,
        target.region === undefined ? undefined : `region ${target.region}`,
        args.endpoint === undefined ? undefined : `endpoint ${args.endpoint}`,
    ].filter((part) => part !== undefined);
    const page = spec.page === undefined ? "" : ` (page ${spec.page}: a list is read whole or not at all)`;
    return `${source.describe(args)}${page}${where.length ? ` (${source.api.product}; ${where.join(", ")})` : ` (${source.api.product})`}`;
}

/** Whether a rejection came from sendOnce (fcRequest.ts), and so carries an FcError. */
export function isAttemptFailure(value: unknown): value is AttemptFailure {
    return typeof value === "object" && value !== null && (value as AttemptFailure).error instanceof FcError;
}

/** What a 2xx body should have been, for messages. */
export function expected(spec: RequestSpec): string {
    return spec.source.kind === "list" ? "a page of async invoke configs" : "an async invoke config";
}
