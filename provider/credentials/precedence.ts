// Which credentials sign the requests, decided from stack config and the environment with the
// precedence of the Terraform alicloud provider that @pulumi/alicloud runs (its providerConfigure and
// RefreshAuthCredential), so that a stack's settings mean the same to both:
//
//   1. an access key pair: alicloud:accessKey / alicloud:secretKey (each else its variables), with
//      alicloud:securityToken for an STS key;
//   2. an aliyun CLI profile: alicloud:profile, in alicloud:sharedCredentialsFile (default ~/.aliyun/config.json);
//   3. a credentials URI: alicloud:credentialsUri;
//   4. an ECS RAM role: alicloud:ecsRoleName;
//   5. a role assumed with an OIDC token: alicloud:assumeRoleWithOidc, else the ACK RRSA variables alone;
//   6. the default chain (the aliyun CLI's current profile, ~/.alibabacloud/credentials, ECS metadata).
//
// Each is one small source in sources/, tried in this order by one loop; whichever is found,
// alicloud:assumeRole then assumes a role with it (assumeRole.ts). Values are checked here, before
// any request, and every problem is collected rather than the first thrown.

import { type SettingProblem } from "../errors";
import { type Environment } from "../settings/environment";
import { type StackSettings } from "../settings/stackSettings";
import { assumedRole } from "./assumeRole";
import { type BaseSource, type CredentialSource } from "./source";
import { accessKey } from "./sources/accessKey";
import { credentialsUri } from "./sources/credentialsUri";
import { ecsRole } from "./sources/ecsRole";
import { type SourceFinder, type SourceSettings } from "./sources/finding";
import { oidcRole } from "./sources/oidc";
import { profile } from "./sources/profile";

/** The base sources, in the order they are tried; the default chain comes after the last. */
export const BASE_SOURCES: readonly SourceFinder[] = [accessKey, profile, credentialsUri, ecsRole, oidcRole];

/**
 * Decides the credential source. Returns every problem found instead of a source when any setting is
 * missing, malformed or half set (a key without its secret is an error, not a silent fall-back).
 */
export function resolveCredentialSource(stack: StackSettings, env: Environment): { source?: CredentialSource; problems: SettingProblem[] } {
    const problems: SettingProblem[] = [];
    const base = baseSource({ stack, env, problems });
    const assumeRole = stack.assumeRole === undefined ? undefined : assumedRole(stack, env, problems);
    return problems.length > 0 || base === undefined ? { problems } : { source: { base, assumeRole }, problems };
}

/** The first source whose settings are set, else the default chain; undefined when settings are set but wrong. */
function baseSource(settings: SourceSettings): BaseSource | undefined {
    const unset: string[] = [];
    for (const find of BASE_SOURCES) {
        const finding = find(settings);
        if ("source" in finding) {
            return finding.source;
        }
        if ("refused" in finding) {
            return undefined;
        }
        unset.push(finding.unset);
    }
    return { kind: "default-chain", unset };
}
