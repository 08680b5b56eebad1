// Turns a CredentialSource into the @alicloud/credentials object the SDKs sign with, built from the
// library's own providers (static keys, CLI profile, credentials URI, ECS RAM role, OIDC, RAM role ARN),
// which also refresh temporary credentials before they expire. Every credential handed out passes a
// sink, so that the secrets in use (temporary ones included) can be masked wherever text is shown.

import Credential, {
    CLIProfileCredentialsProvider,
    type CredentialsProvider,
    ECSRAMRoleCredentialsProvider,
    OIDCRoleArnCredentialsProvider,
    ProfileCredentialsProvider,
    RAMRoleARNCredentialsProvider,
    StaticAKCredentialsProvider,
    StaticSTSCredentialsProvider,
    URICredentialsProvider,
} from "@alicloud/credentials";
import { getConfiguration, getProfile } from "@alicloud/credentials/dist/src/providers/cli_profile";
import * as os from "node:os";
import * as path from "node:path";
import type { StsEndpoint } from "../settings/endpoints";
import { CHAIN_ENV, type Environment } from "../settings/environment";
import { type BaseSource, type CredentialSource } from "./source";
import { oidcTokenProvider } from "./oidcTokenProvider";
import { redact } from "./redaction";

/** What building a credential needs besides the source. */
export interface CredentialOptions {
    /** Where roles are assumed. */
    sts: StsEndpoint;
    /** Connect and read timeout of the credential providers' own requests. */
    timeoutMs: number;
    /** The environment, for the default chain's switches. */
    env: Environment;
    /** Called with every secret a provider hands out (secret keys, security tokens), for redaction. */
    onSecret: (secret: string) => void;
}

/** The default chain found nothing; `tried` says what it looked for, and why each failed. */
export class NoCredentialsError extends Error {
    constructor(readonly tried: readonly string[]) {
        super(`no credentials found; tried: ${tried.join("; ")}`);
        this.name = "NoCredentialsError";
    }
}

/** A failure of the base credentials under an assumed role, told apart from the assumption's own. */
export class BaseCredentialsError extends Error {
    constructor(readonly failure: unknown) {
        super(failure instanceof Error ? failure.message : String(failure));
        this.name = "BaseCredentialsError";
    }
}

/**
 * The credential object for a source. Nothing is fetched until it is first used. Builders that refuse
 * their settings (the CLI profile turned off by its variable, …) throw here.
 */
export function createCredential(source: CredentialSource, options: CredentialOptions): Credential {
    let provider = baseProvider(source.base, options);
    if (source.assumeRole !== undefined) {
        const role = source.assumeRole;
        provider = RAMRoleARNCredentialsProvider.builder()
            .withCredentialsProvider(tagged(provider))
            .withRoleArn(role.roleArn)
            .withRoleSessionName(role.sessionName)
            .withPolicy(role.policy as string)
            .withExternalId(role.externalId as string)
            .withDurationSeconds(role.durationSeconds)
            .withStsEndpoint(options.sts.host)
            .withReadTimeout(options.timeoutMs)
            .withConnectTimeout(options.timeoutMs)
            .build();
    }
    return new Credential(null, observed(provider, options.onSecret));
}

function baseProvider(base: BaseSource, options: CredentialOptions): CredentialsProvider {
    switch (base.kind) {
        case "access-key":
            return base.securityToken === undefined
                ? StaticAKCredentialsProvider.builder().withAccessKeyId(base.accessKeyId).withAccessKeySecret(base.accessKeySecret).build()
                : StaticSTSCredentialsProvider.builder()
                      .withAccessKeyId(base.accessKeyId)
                      .withAccessKeySecret(base.accessKeySecret)
                      .withSecurityToken(base.securityToken)
                      .build();
        case "profile":
            return cliProfile(base.file?.value, base.profile, options);
        case "credentials-uri":
            return URICredentialsProvider.builder()
                .withCredentialsURI(base.uri)
                .withReadTimeout(options.timeoutMs)
                .withConnectTimeout(options.timeoutMs)
                .build();
        case "ecs-role":
            return ECSRAMRoleCredentialsProvider.builder().withRoleName(base.roleName).build();
        case "oidc":
            if (base.token !== undefined) {
                return oidcTokenProvider({ ...base, token: base.token.value }, options.sts, options.timeoutMs);
            }
            return OIDCRoleArnCredentialsProvider.builder()
                .withRoleArn(base.roleArn)
                .withOIDCProviderArn(base.oidcProviderArn)
                .withOIDCTokenFilePath(base.tokenFile?.value as string)
                .withRoleSessionName(base.sessionName)
                .withPolicy(base.policy as string)
                .withDurationSeconds(base.durationSeconds)
                .withStsEndpoint(options.sts.host)
                .withReadTimeout(options.timeoutMs)
                .withConnectTimeout(options.timeoutMs)
                .build();
        case "default-chain":
            return defaultChain(base.unset, options.env);
    }
}

/** A profile of an aliyun CLI config file, as @alicloud/credentials reads it. */
type CliProfile = ReturnType<typeof getProfile>;
/** A parsed aliyun CLI config file. */
type CliConfiguration = Awaited<ReturnType<typeof getConfiguration>>;

/** The profile modes that assume a role at STS. */
const STS_MODES: ReadonlySet<string> = new Set(["RamRoleArn", "ChainableRamRoleArn", "OIDC"]);

/**
 * A profile of an aliyun CLI config file: `file`, else ~/.aliyun/config.json. The library's own loader
 * and mode-by-mode construction are reused, so every profile mode means what it means to the aliyun CLI,
 * with one difference, as in the Terraform provider under @pulumi/alicloud: a profile that assumes a
 * role (RamRoleArn, ChainableRamRoleArn, OIDC) and names no STS of its own (`sts_endpoint`,
 * `sts_region`) assumes it at the stack's STS endpoint (`alicloud:endpoints` `sts`, else the regional
 * default), not at the public sts.aliyuncs.com, which a machine inside a VPC may not reach.
 */
function cliProfile(file: string | undefined, profile: string, options: CredentialOptions): CredentialsProvider {
    // Built first because the library refuses here when ALIBABA_CLOUD_CLI_PROFILE_DISABLED is set.
    const cli = CLIProfileCredentialsProvider.builder().withProfileName(profile).build() as unknown as {
        getCredentialsProvider(conf: CliConfiguration, profileName: string): CredentialsProvider;
    };
    const build = (conf: CliConfiguration, name: string): CredentialsProvider => {
        const found: CliProfile = getProfile(conf, name);
        if (!STS_MODES.has(found.mode) || found.sts_endpoint || found.sts_region) {
            return cli.getCredentialsProvider(conf, name);
        }
        const sts = options.sts.host;
        if (found.mode === "OIDC") {
            return OIDCRoleArnCredentialsProvider.builder()
                .withOIDCTokenFilePath(found.oidc_token_file)
                .withOIDCProviderArn(found.oidc_provider_arn)
                .withRoleArn(found.ram_role_arn)
                .withRoleSessionName(found.ram_session_name)
                .withDurationSeconds(found.duration_seconds)
                .withStsEndpoint(sts)
                .build();
        }
        const source =
            found.mode === "RamRoleArn"
                ? StaticAKCredentialsProvider.builder().withAccessKeyId(found.access_key_id).withAccessKeySecret(found.access_key_secret).build()
                : build(conf, found.source_profile);
        return RAMRoleARNCredentialsProvider.builder()
            .withCredentialsProvider(source)
            .withRoleArn(found.ram_role_arn)
            .withRoleSessionName(found.ram_session_name)
            .withDurationSeconds(found.expired_seconds)
            .withStsEndpoint(sts)
            .build();
    };
    let inner: Promise<CredentialsProvider> | undefined;
    return {
        getProviderName: () => "cli_profile",
        getCredentials: async () => {
            if (inner === undefined) {
                // A file that could not be read is read again next time.
                inner = getConfiguration(file === undefined ? path.join(os.homedir(), ".aliyun", "config.json") : expandHome(file)).then((conf) =>
                    build(conf, profile),
                );
                inner.catch(() => (inner = undefined));
            }
            return (await inner).getCredentials();
        },
    };
}

/** What a machine offers when nothing is configured, tried in @alicloud/credentials' order. */
function defaultChain(unset: readonly string[], env: Environment): CredentialsProvider {
    const candidates: Array<{ name: string; create: () => CredentialsProvider }> = [
        { name: "the aliyun CLI's current profile (~/.aliyun/config.json)", create: () => CLIProfileCredentialsProvider.builder().build() },
        { name: "the default profile of ~/.alibabacloud/credentials", create: () => ProfileCredentialsProvider.builder().build() },
    ];
    if (env[CHAIN_ENV.ecsMetadataDisabled]?.toLowerCase() !== "true") {
        candidates.push({ name: "the ECS instance metadata service", create: () => ECSRAMRoleCredentialsProvider.builder().build() });
    }
    let chosen: CredentialsProvider | undefined;
    return {
        getProviderName: () => "default",
        getCredentials: async () => {
            if (chosen !== undefined) {
                return chosen.getCredentials();
            }
            const tried = unset.map((what) => `${what}: not set`);
            for (const candidate of candidates) {
                try {
                    const provider = candidate.create();
                    const credentials = await provider.getCredentials();
                    chosen = provider;
                    return credentials;
                } catch (err) {
                    tried.push(`${candidate.name}: ${redact(err instanceof Error ? err.message : String(err))}`);
                }
            }
            if (env[CHAIN_ENV.ecsMetadataDisabled]?.toLowerCase() === "true") {
                tried.push(`the ECS instance metadata service: off (${CHAIN_ENV.ecsMetadataDisabled})`);
            }
            throw new NoCredentialsError(tried);
        },
    };
}

/** Marks the base provider's failures as such. */
function tagged(provider: CredentialsProvider): CredentialsProvider {
    return {
        getProviderName: () => provider.getProviderName(),
        getCredentials: () =>
            provider.getCredentials().catch((err: unknown) => {
                throw new BaseCredentialsError(err);
            }),
    };
}

/** Reports every secret the provider hands out, then hands it out. */
function observed(provider: CredentialsProvider, onSecret: (secret: string) => void): CredentialsProvider {
    return {
        getProviderName: () => provider.getProviderName(),
        getCredentials: async () => {
            const credentials = await provider.getCredentials();
            if (credentials.accessKeySecret) {
                onSecret(credentials.accessKeySecret);
            }
            if (credentials.securityToken) {
                onSecret(credentials.securityToken);
            }
            return credentials;
        },
    };
}

function expandHome(file: string): string {
    return file === "~" || file.startsWith("~/") ? path.join(os.homedir(), file.slice(1)) : file;
}
