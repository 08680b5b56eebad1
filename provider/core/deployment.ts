// A deployment's shared state, and how a fresh one starts: its settings, its request cap and throttling
// pause, its credentials and account ids once resolved, its routes, and the answers its reads share.

import type Credential from "@alicloud/credentials";
import { type CredentialSource } from "../credentials/source";
import { createSecretSet, type SecretSet } from "../credentials/redaction";
import { type Environment } from "../settings/environment";
import { type StackSettings } from "../settings/stackSettings";
import { type Target } from "../settings/target";
import { type FcApi } from "../wire/fcApis";
import { type FcCaller } from "../wire/fcClient";
import { ConcurrencyLimiter } from "./concurrency";
import { type RetryEnvironment } from "./retry";
import { type ThrottleGate } from "./throttle";

/**
 * One deployment: what its reads share. The provider makes one per provider host process, the invoke
 * forms one per program run (program/deployment.ts). Nothing in it outlives the process or reaches state.
 */
export interface Deployment {
    stack: StackSettings;
    env: Environment;
    /** The credentials every request of the deployment signs with, once checked. A failure is not kept. */
    signer?: Promise<Signer>;
    /** Account ids found by STS, by credential identity. A failure is not kept. */
    accounts: Map<string, Promise<string>>;
    /**
     * Every secret in use: configured ones, and each temporary credential or token a provider handed
     * out. Masked in every piece of foreign text that enters a message (credentials/redaction.ts).
     */
    secrets: SecretSet;
    /** Caps the requests in flight to FC across every read of the deployment. */
    limiter: ConcurrencyLimiter;
    /**
     * FC answers of this deployment by read key, so that any number of data sources reading the same
     * thing cost one request (or one walk through a list's pages). Failures are not kept: the next read
     * asks again.
     */
    answers: Map<string, Promise<unknown>>;
    retryEnvironment?: RetryEnvironment;
    /** Closed by a throttled answer; every request of the deployment waits for it. Created on first use. */
    gate?: ThrottleGate;
    /**
     * Targets of this deployment by the arguments they came from (region, account, endpoint), each
     * with its SDK clients. Configuration does not change within a deployment, and hundreds of reads
     * usually name a handful of targets: resolving once each keeps environment reads, URL parsing,
     * credential checks and account discovery off the per-read path. A resolution that fails is not kept.
     */
    routes: Map<string, Route>;
}

/** Where the reads that name the same region, account and endpoint send their requests. */
export interface Route {
    /** The resolution, shared by the reads that arrive while it runs. */
    pending: Promise<ResolvedRoute>;
    /** The resolution once it succeeded, so that later reads do not even wait a turn for it. */
    resolved?: ResolvedRoute;
}

/** A target ready for requests. */
export interface ResolvedRoute {
    target: Target;
    /** The target as part of a lookup key: two lookups are the same request when they reach the same endpoint as the same account. */
    key: string;
    /** The SDK client of an API for this target, created on first use and then kept. */
    callerFor(api: FcApi): FcCaller;
    /** Where the signing credentials came from, for 403 messages. */
    credentialOrigin: string;
}

/** The deployment's checked credentials. */
export interface Signer {
    credential: Credential;
    source: CredentialSource;
    /** Where they come from, in words; also the identity account ids are kept under. */
    credentialOrigin: string;
}

/**
 * A fresh deployment: the settings, a new request cap, no credentials yet, no remembered answers,
 * routes or account ids.
 */
export function createDeployment(stack: StackSettings, env: Environment = process.env): Deployment {
    // Credential providers add each secret they hand out (route.ts); stack config's are known now.
    const secrets = createSecretSet();
    secrets.add(stack.secretKey, stack.securityToken);
    return {
        secrets,
        stack,
        env,
        limiter: new ConcurrencyLimiter(stack.tuning.maxConcurrentRequests),
        answers: new Map(),
        routes: new Map(),
        accounts: new Map(),
    };
}
