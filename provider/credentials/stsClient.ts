// The calls this package makes to STS itself, through the official @alicloud/sts20150401 SDK:
// GetCallerIdentity (account discovery) and AssumeRoleWithOIDC with a token held in memory. Role
// assumption with keys, and with a token file, is @alicloud/credentials' own (credential.ts).

import type Credential from "@alicloud/credentials";
import * as $OpenApi from "@alicloud/openapi-client";
import Sts from "@alicloud/sts20150401";
import { type ServiceAnswer } from "../errors";
import type { StsEndpoint } from "../settings/endpoints";
import { redact, sdkMessage } from "./redaction";

/** An STS client for `endpoint`, over HTTPS, signing with `credential` (none for anonymous calls). */
export function createStsClient(endpoint: StsEndpoint, timeoutMs: number, credential?: Credential): Sts {
    return new Sts(
        new $OpenApi.Config({
            credential,
            endpoint: endpoint.host,
            protocol: "https",
            connectTimeout: timeoutMs,
            readTimeout: timeoutMs,
        }),
    );
}

/** What STS said when a call failed, and its message made safe to show. */
export interface StsFailure extends ServiceAnswer {
    /** STS's message or the transport error, redacted and cut short. */
    said: string;
}

/** Reads a failed SDK call: STS's code, status and request id when it answered, else the transport error. */
export function stsFailure(err: unknown, secrets: readonly string[]): StsFailure {
    const fields = (typeof err === "object" && err !== null ? err : {}) as {
        code?: unknown;
        statusCode?: unknown;
        requestId?: unknown;
        data?: unknown;
        message?: unknown;
    };
    const data = (typeof fields.data === "object" && fields.data !== null ? fields.data : {}) as { Message?: unknown; RequestId?: unknown };
    const status = typeof fields.statusCode === "number" ? fields.statusCode : undefined;
    const message = sdkMessage(typeof fields.message === "string" ? fields.message : String(err));
    if (status === undefined) {
        const code = typeof fields.code === "string" && /^[A-Z][A-Z0-9_]+$/.test(fields.code) ? fields.code : "NetworkError";
        return { code, said: redact(message, secrets) };
    }
    const requestId = text(data.RequestId) ?? text(fields.requestId);
    return { code: text(fields.code) ?? `HTTP${status}`, status, requestId, said: redact(text(data.Message) ?? message, secrets) };
}

function text(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" && value !== "undefined" ? value : undefined;
}
