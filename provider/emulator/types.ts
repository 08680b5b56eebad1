// The public shapes of the FC emulator. Other code (the provider's tests, demos, benchmarks) imports
// these names, so they are kept exactly as agreed; additions are optional fields only.

/** An access key the emulator accepts. Secrets stay in memory and are never logged or echoed. */
export interface EmulatorCredential {
    accessKeyId: string;
    accessKeySecret: string;
    /**
     * When set, the key behaves like an STS key: every request must carry this value in
     * `x-acs-security-token`, or it is refused with 403 `InvalidSecurityToken`.
     */
    securityToken?: string;
    /** The account the key belongs to; defaults to the emulator's `accountId`. */
    accountId?: string;
    /**
     * When set, the key is temporary (issued by STS): from this time on (epoch ms, by the emulator's
     * clock) every request signed with it is refused with 403 `InvalidSecurityToken.Expired`.
     */
    expiresAt?: number;
}

/** One destination of an async-invoke config: an ARN such as `acs:mns:cn-hangzhou:123:/queues/q/messages`. */
export interface DestinationInput {
    destination: string;
}

/** What a caller may set on an async-invoke config (the body of PutFunctionAsyncInvokeConfig). */
export interface AsyncConfigInput {
    destinationConfig?: { onSuccess?: DestinationInput | null; onFailure?: DestinationInput | null } | null;
    maxAsyncEventAgeInSeconds?: number;
    maxAsyncRetryAttempts?: number;
    statefulInvocation?: boolean;
}

/** A stored async-invoke config, as FC reports it. Times are ISO-8601 UTC without milliseconds. */
export interface AsyncConfigRecord extends AsyncConfigInput {
    service: string;
    function: string;
    qualifier: string;
    createdTime: string;
    lastModifiedTime: string;
}

/**
 * What a caller may set on an FC 3.0 async-invoke config (the body of PutAsyncInvokeConfig, API 2023-03-30):
 * the FC 2.0 fields, with `asyncTask` in place of `statefulInvocation`.
 */
export type Fc3AsyncConfigInput = Omit<AsyncConfigInput, "statefulInvocation"> & { asyncTask?: boolean };

/** A stored FC 3.0 async-invoke config. Times are ISO-8601 UTC without milliseconds. */
export type Fc3AsyncConfigRecord = Fc3AsyncConfigInput & {
    functionName: string;
    qualifier: string;
    createdTime: string;
    lastModifiedTime: string;
};

/** One FC 3.0 function of a {@link Seed}: FC 3.0 has no services, and versions and aliases belong to the function. */
export interface Fc3FunctionSeed {
    name: string;
    /** Published version ids, decimal strings such as `"1"`. */
    versions?: string[];
    /** Alias name to version id. */
    aliases?: Record<string, string>;
    asyncConfigs?: Array<{
        /** `LATEST` (the default), a version id or an alias name. */
        qualifier?: string;
        config: Fc3AsyncConfigInput;
    }>;
}

/** Sample data loaded into a fresh emulator. */
export interface Seed {
    services: Array<{
        name: string;
        functions: string[];
        /** Published version ids, decimal strings such as `"1"`. */
        versions?: string[];
        /** Alias name to version id. */
        aliases?: Record<string, string>;
        asyncConfigs?: Array<{
            function: string;
            /** `LATEST` (the default), a version id or an alias name. */
            qualifier?: string;
            config: AsyncConfigInput;
        }>;
    }>;
    /** FC 3.0 functions (API 2023-03-30), separate from the FC 2.0 services above. An addition to the agreed shape. */
    fc3Functions?: Fc3FunctionSeed[];
}

/** One request the emulator saw, recorded when its exchange ended. */
export interface RecordedRequest {
    method: string;
    /** The request path exactly as received (still percent-encoded), without the query string. */
    path: string;
    /** The query parameters, percent-decoded. */
    query: Record<string, string>;
    /** The `X-Fc-Account-Id` header as sent; absent when the caller did not send it. */
    accountId?: string;
    /** The `X-Fc-Trace-Id` header as sent. */
    traceId?: string;
    /**
     * The access key id named in the Authorization header (not a secret), whether or not it was valid.
     * An addition to the agreed shape, so tests can see which credential a caller used.
     */
    accessKeyId?: string;
    /**
     * The `x-acs-security-token` header as sent: the token of a temporary key. An addition to the agreed
     * shape, so tests can see that a request carried the token STS issued (a fake, test-only value).
     */
    securityToken?: string;
    /** The HTTP status answered; 0 when no answer was sent (reset fault, or the caller went away first). */
    status: number;
    /** The FC error code answered, for error responses the emulator generated. */
    errorCode?: string;
    /** The `X-Fc-Request-Id` given to this request. */
    requestId: string;
    /** The kind of fault (from a rule or the fault mix) this request got, if any; `delay` is not recorded. */
    fault?: Exclude<Fault["kind"], "delay">;
    /** When the request arrived, in epoch milliseconds. */
    at: number;
}

/** A failure the emulator can be told to produce instead of, or before, its normal answer. */
export type Fault =
    /** Answer with this status and an error body in the given style (default: the emulator's errorStyle; POP on FC 3.0 paths). */
    | { kind: "status"; status: number; errorCode?: string; message?: string; retryAfterSeconds?: number; style?: "fc" | "pop" | "html" }
    /** Wait, then answer normally. */
    | { kind: "delay"; ms: number }
    /** Destroy the connection without answering. */
    | { kind: "reset" }
    /** Answer with a truncated, unparseable JSON body (default status 200). */
    | { kind: "brokenBody"; status?: number }
    /**
     * Answer exactly this, unchecked and unsigned: what a proxy, a redirecting gateway or an echoing error
     * page sends. `headers` are added to (and may replace) `X-Fc-Request-Id`; `body` defaults to none.
     */
    | { kind: "answer"; status: number; headers?: Record<string, string>; body?: string }
    /**
     * Answer 200 with a page of `configs` (default: one config of LATEST) and a `nextToken` never handed
     * out before, on every use: a server or proxy whose list never ends.
     */
    | { kind: "endlessPages"; configs?: Array<Record<string, unknown>> }
    /**
     * Send the status line and headers (default status 200, JSON) and `bodyPrefix` (default a cut-off
     * config), then go silent until the caller gives up; with `trickleMs`, send one more byte (a space)
     * every `trickleMs` instead, so the body never completes yet the line is never idle.
     */
    | { kind: "stall"; status?: number; bodyPrefix?: string; trickleMs?: number };

/**
 * Faults drawn at fixed rates for every request no rule matched: a steady fault load. The draws come from
 * a generator seeded with `seed`, so the n-th request draws the same fault in every run with that seed.
 */
export interface FaultMix {
    /** Seed of the generator (any 32-bit integer). */
    seed: number;
    /** Each fault with its probability per request; the rates add up to at most 1, the rest is answered normally. */
    faults: Array<{ fault: Fault; rate: number }>;
}

/** When to produce a fault. A rule matches a request when every given filter matches. */
export interface FaultRule {
    fault: Fault;
    /** How many matching requests get the fault; then the rule is removed. Default: forever. */
    times?: number;
    /** HTTP method, compared case-insensitively. */
    method?: string;
    /** A substring of the request path, matched against both the raw and the percent-decoded path. */
    pathIncludes?: string;
    /**
     * A query parameter the request must carry (any value), e.g. `nextToken` to fault every page of a list
     * but the first. An addition to the agreed shape.
     */
    queryHas?: string;
}

/** A token-bucket limit on requests per second. */
export interface RateLimit {
    /** Refill rate; may be fractional (0.5 = one request every two seconds). */
    requestsPerSecond: number;
    /** Bucket size, i.e. how many requests may arrive at once. Default: `max(1, ceil(requestsPerSecond))`. */
    burst?: number;
    /** When set, 429 answers carry `Retry-After` with this many seconds. */
    retryAfterSeconds?: number;
}

/** How to start an emulator. Every field is optional. */
export interface FcEmulatorOptions {
    /** Interface to listen on. Default `127.0.0.1`. */
    host?: string;
    /** Port; 0 (the default) picks a free one. */
    port?: number;
    /** Default account of the credentials. Default {@link DEFAULT_ACCOUNT_ID}. */
    accountId?: string;
    /** Region the emulator claims to serve; it appears in FC 3.0 `functionArn`s. Default {@link DEFAULT_REGION}. */
    region?: string;
    /** Accepted keys; replaces the default key when given. Must not be empty. */
    credentials?: EmulatorCredential[];
    /** Data to start with; `false` starts empty. Default {@link sampleSeed}. */
    seed?: Seed | false;
    /** Error body style of the FC 2.0 paths: FC's `{ErrorCode, ErrorMessage}` (default) or POP's `{Code, Message, RequestId}`. FC 3.0 paths always answer POP style. */
    errorStyle?: "fc" | "pop";
    /** Request rate limit; none by default. */
    rateLimit?: RateLimit;
    /** The clock that decides whether a temporary key has expired, in epoch ms. Default `Date.now`. */
    clock?: () => number;
    /**
     * When false, one line per request is written to stdout. Default true, so that test runs stay
     * readable; the CLI (`npm run emulator`) turns logging on.
     */
    quiet?: boolean;
}

/** Options of `EmulatorStore.putAsyncConfig`. */
export interface PutAsyncConfigOptions {
    /** Timestamp to record instead of the current time (ISO-8601 UTC), e.g. for seeded data. */
    time?: string;
}
