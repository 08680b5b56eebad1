// From settings to a ready SDK client, once per deployment and target: the deployment's plan (which
// credentials, which endpoints), the lookup's target, the credentials themselves (checked before any
// request), the account id (asked of STS when nothing gives it) and the client. Every problem that can
// be known together is reported together, in one ConfigurationError.

import type Credential from "@alicloud/credentials";
import { discoverAccountId } from "../credentials/accountDiscovery";
import { credentialFailure, ensureCredentials } from "../credentials/credentialErrors";
import { createCredential } from "../credentials/credential";
import { type CredentialSource, describeCredentialSource, secretsOf } from "../credentials/source";
import { resolveCredentialSource } from "../credentials/precedence";
import { ConfigurationError, type SettingProblem } from "../errors";
import { type Scope } from "../types";
import { CONFIG_KEYS } from "../settings/configKeys";
import { type ConfiguredFcEndpoint, configuredFcEndpoint, type StsEndpoint, stsEndpoint } from "../settings/endpoints";
import { type Environment, ENV_KEYS, fromConfigOrEnv } from "../settings/environment";
import { type StackSettings } from "../settings/stackSettings";
import { completeTarget, resolveTarget } from "../settings/target";
import { checkRegion } from "../settings/validation";
import { type FcApi } from "../wire/fcApis";
import { createCaller, type FcCaller } from "../wire/fcClient";
import { type Deployment, type ResolvedRoute, type Signer } from "./deployment";

/** What the whole deployment resolves to, whatever the lookup: credential source, endpoints, and the problems with them. */
export interface DeploymentPlan {
    credentials?: CredentialSource;
    fcEndpoint?: ConfiguredFcEndpoint;
    sts: StsEndpoint;
    problems: SettingProblem[];
}

/** Resolves the deployment's settings; never throws (problems are collected). */
export function planDeployment(stack: StackSettings, env: Environment): DeploymentPlan {
    const problems = [...stack.problems];
    const { source, problems: credentialProblems } = resolveCredentialSource(stack, env);
    problems.push(...credentialProblems);
    const fcEndpoint = configuredFcEndpoint(stack, env, problems);
    const sts = stsEndpoint(stack, env, validRegion(stack, env), problems);
    return { credentials: source, fcEndpoint, sts, problems };
}

/**
 * Resolves a lookup's target and its client. Throws {@link ConfigurationError} listing every setting to
 * fix, or InvalidLookupError for a bad lookup argument; nothing is sent to FC before this succeeds.
 */
export async function resolveRoute(deployment: Deployment, lookup: Scope): Promise<ResolvedRoute> {
    const plan = planDeployment(deployment.stack, deployment.env);
    for (const secret of secretsOf(plan.credentials)) {
        deployment.secrets.add(secret);
    }
    const resolved = resolveTarget(lookup, deployment.stack, plan.fcEndpoint, deployment.env);
    const problems = [...plan.problems, ...resolved.problems];
    if (problems.length > 0) {
        // Say at once whether credentials can be found too, when their settings themselves are fine.
        if (plan.credentials !== undefined) {
            const failure = await signerFor(deployment, plan.credentials, plan.sts).then(
                () => undefined,
                (err: unknown) => err,
            );
            if (failure instanceof ConfigurationError) {
                problems.push(...failure.problems);
            }
        }
        throw ConfigurationError.of(problems);
    }
    const source = plan.credentials as CredentialSource;
    const signer = await signerFor(deployment, source, plan.sts);
    const accountId = resolved.target.accountId ?? (await accountFor(deployment, signer, plan.sts));
    const target = completeTarget(resolved.target, accountId);
    const callers = new Map<FcApi, FcCaller>();
    return {
        target,
        key: `${target.protocol}://${target.host}|${target.accountId ?? ""}|${target.region ?? ""}`,
        callerFor(api) {
            let caller = callers.get(api);
            if (caller === undefined) {
                caller = createCaller(api, target, signer.credential, deployment.stack.tuning.timeoutSeconds);
                callers.set(api, caller);
            }
            return caller;
        },
        credentialOrigin: signer.credentialOrigin,
    };
}

/** The deployment's credentials, built and checked on first use. */
function signerFor(deployment: Deployment, source: CredentialSource, sts: StsEndpoint): Promise<Signer> {
    if (deployment.signer === undefined) {
        const signer = createSigner(deployment, source, sts);
        signer.catch(() => {
            if (deployment.signer === signer) {
                deployment.signer = undefined;
            }
        });
        deployment.signer = signer;
    }
    return deployment.signer;
}

async function createSigner(deployment: Deployment, source: CredentialSource, sts: StsEndpoint): Promise<Signer> {
    const secrets = deployment.secrets;
    let credential: Credential;
    try {
        credential = createCredential(source, { sts, timeoutMs: timeoutMs(deployment), env: deployment.env, onSecret: (secret) => secrets.add(secret) });
    } catch (err) {
        throw credentialFailure(err, source, [...secrets]);
    }
    await ensureCredentials(credential, source, [...secrets]);
    return { credential, source, credentialOrigin: describeCredentialSource(source) };
}

/** The account of the deployment's credentials, asked of STS once per identity. */
function accountFor(deployment: Deployment, signer: Signer, sts: StsEndpoint): Promise<string> {
    let account = deployment.accounts.get(signer.credentialOrigin);
    if (account === undefined) {
        const asked = discoverAccountId({
            credential: signer.credential,
            sts,
            timeoutMs: timeoutMs(deployment),
            credentialOrigin: signer.credentialOrigin,
            secrets: [...deployment.secrets],
        });
        asked.catch(() => {
            if (deployment.accounts.get(signer.credentialOrigin) === asked) {
                deployment.accounts.delete(signer.credentialOrigin);
            }
        });
        deployment.accounts.set(signer.credentialOrigin, asked);
        account = asked;
    }
    return account;
}

/** The configured region when it is valid, for the default STS endpoint; a bad one is reported with the lookup. */
function validRegion(stack: StackSettings, env: Environment): string | undefined {
    const region = fromConfigOrEnv(stack.region, CONFIG_KEYS.region, env, ENV_KEYS.region);
    try {
        return region === undefined ? undefined : checkRegion(region.value);
    } catch {
        return undefined;
    }
}

function timeoutMs(deployment: Deployment): number {
    return Math.round(deployment.stack.tuning.timeoutSeconds * 1000);
}
