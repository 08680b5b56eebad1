// The data source's id, `serviceName:functionName:qualifier`, as Terraform's
// alicloud_fc_function_async_invoke_config uses it, so ids read the same in both tools.

import { InvalidLookupError } from "./errors";
import { DEFAULT_QUALIFIER } from "./types";

/** The parts an id names. */
export interface IdParts {
    /** The service. */
    serviceName: string;
    /** The function. */
    functionName: string;
    /** `LATEST`, a version or an alias. */
    qualifier: string;
}

/** `demo-service:hello:LATEST`. Names cannot contain `:`, so the id is unambiguous. */
export function formatId(parts: IdParts): string {
    return `${parts.serviceName}:${parts.functionName}:${parts.qualifier}`;
}

/** Parses `service:function:qualifier`, or `service:function` (qualifier LATEST) as Terraform accepts. */
export function parseId(id: string): IdParts {
    const parts = id.split(":");
    if (parts.length === 2) {
        return { serviceName: parts[0], functionName: parts[1], qualifier: DEFAULT_QUALIFIER };
    }
    if (parts.length === 3) {
        return { serviceName: parts[0], functionName: parts[1], qualifier: parts[2] };
    }
    throw new InvalidLookupError("id", "must be serviceName:functionName:qualifier or serviceName:functionName", id);
}
