// FC's answer -> the data source's fields. The SDK has already cast the JSON onto its model (dropping
// nulls and unknown fields, refusing wrong types); this keeps exactly the documented fields, turns a
// null or empty destination into an absent one, and keeps 0 and false.

import type * as $FC from "@alicloud/fc-open20210406";
import { AsyncInvokeConfigFields, Destination, DestinationConfig } from "./types";

/** Maps the SDK's response body onto {@link AsyncInvokeConfigFields}. */
export function toFields(body: $FC.GetFunctionAsyncInvokeConfigResponseBody | undefined): AsyncInvokeConfigFields {
    const fields: AsyncInvokeConfigFields = { destinationConfig: toDestinationConfig(body?.destinationConfig) };
    if (typeof body?.createdTime === "string") {
        fields.createdTime = body.createdTime;
    }
    if (typeof body?.lastModifiedTime === "string") {
        fields.lastModifiedTime = body.lastModifiedTime;
    }
    if (typeof body?.maxAsyncEventAgeInSeconds === "number") {
        fields.maxAsyncEventAgeInSeconds = body.maxAsyncEventAgeInSeconds;
    }
    if (typeof body?.maxAsyncRetryAttempts === "number") {
        fields.maxAsyncRetryAttempts = body.maxAsyncRetryAttempts;
    }
    if (typeof body?.statefulInvocation === "boolean") {
        fields.statefulInvocation = body.statefulInvocation;
    }
    return fields;
}

function toDestinationConfig(config: $FC.DestinationConfig | undefined): DestinationConfig {
    const result: DestinationConfig = {};
    const onSuccess = toDestination(config?.onSuccess);
    const onFailure = toDestination(config?.onFailure);
    if (onSuccess) {
        result.onSuccess = onSuccess;
    }
    if (onFailure) {
        result.onFailure = onFailure;
    }
    return result;
}

function toDestination(destination: $FC.Destination | undefined): Destination | undefined {
    const arn = destination?.destination;
    return typeof arn === "string" && arn !== "" ? { destination: arn } : undefined;
}
