// 3. A credentials URI: alicloud:credentialsUri, a sidecar service that answers temporary credentials.

import { type SettingProblem } from "../../errors";
import { CONFIG_KEYS } from "../../settings/configKeys";
import { plainHttpRefusal } from "../../settings/endpoints";
import { ENV_KEYS, fromConfigOrEnv, namesOf, type WithOrigin } from "../../settings/environment";
import { REFUSED, type SourceFinder } from "./finding";

/** A credentials URI, under the same transport rule as the endpoints that receive what it answers. */
export const credentialsUri: SourceFinder = ({ stack, env, problems }) => {
    const uri = fromConfigOrEnv(stack.credentialsUri, CONFIG_KEYS.credentialsUri, env, ENV_KEYS.credentialsUri);
    if (uri === undefined) {
        return { unset: `a credentials URI (${namesOf(CONFIG_KEYS.credentialsUri, ENV_KEYS.credentialsUri)})` };
    }
    const problem = checkCredentialsUri(uri, stack.allowInsecureHttp);
    if (problem !== undefined) {
        problems.push(problem);
        return REFUSED;
    }
    return { source: { kind: "credentials-uri", uri: uri.value, origin: uri.origin } };
};

function checkCredentialsUri(uri: WithOrigin, allowInsecureHttp: boolean): SettingProblem | undefined {
    let url: URL;
    try {
        url = new URL(uri.value);
    } catch {
        return { setting: uri.origin, message: `invalid ${uri.origin}: must be an http(s):// URL of the credentials service` };
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
        return { setting: uri.origin, message: `invalid ${uri.origin}: must be an http(s):// URL of the credentials service` };
    }
    // The answer carries credentials: the same transport rule as the endpoints that receive them.
    const refusal = plainHttpRefusal({ protocol: url.protocol === "http:" ? "http" : "https", host: url.host }, allowInsecureHttp);
    return refusal === undefined ? undefined : { setting: uri.origin, message: `${uri.origin}: ${refusal}` };
}
