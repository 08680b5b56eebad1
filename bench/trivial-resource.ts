// The engine's floor: a dynamic resource that is read by id, like the data source, but whose provider
// does no work at all. A stack of these costs what the engine, the provider host and dynamic-provider
// serialization cost; whatever a stack of data sources costs beyond that is this package's doing.
//
// To keep the comparison about work and not about shape, it takes the same inputs as the data source
// and its read returns properties of the same shape and size as a real answer.

import * as pulumi from "@pulumi/pulumi";

/** The inputs, as for `getFunctionAsyncInvokeConfig`. */
export interface ConstantArgs {
    serviceName: string;
    functionName: string;
    endpoint: string;
}

/**
 * The provider. Its functions reference nothing outside themselves, so the serialized provider stays
 * as small as a dynamic provider can be (serialization captures every value a function reaches).
 */
const constantProvider: pulumi.dynamic.ResourceProvider<ConstantArgs, Record<string, unknown>> = {
    async read(id: string, props?: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult<Record<string, unknown>>> {
        return {
            id,
            props: {
                serviceName: props?.serviceName,
                functionName: props?.functionName,
                qualifier: "LATEST",
                endpoint: props?.endpoint,
                createdTime: "2024-01-01T00:00:00Z",
                lastModifiedTime: "2024-01-01T00:00:00Z",
                destinationConfig: {
                    onSuccess: { destination: "acs:fc:cn-hangzhou:1234567890123456:services/bench/functions/fn-0000-on-success" },
                    onFailure: { destination: "acs:mns:cn-hangzhou:1234567890123456:/queues/fn-0000-failed/messages" },
                },
                maxAsyncEventAgeInSeconds: 300,
                maxAsyncRetryAttempts: 3,
                statefulInvocation: true,
            },
        };
    },
    async create(): Promise<pulumi.dynamic.CreateResult<Record<string, unknown>>> {
        throw new Error("Constant is read-only");
    },
};

/** A read-by-id dynamic resource with constant outputs. */
export class ConstantResource extends pulumi.dynamic.Resource {
    declare public readonly maxAsyncRetryAttempts: pulumi.Output<number>;

    constructor(name: string, args: ConstantArgs) {
        super(
            constantProvider,
            name,
            {
                ...args,
                qualifier: "LATEST",
                // Named so the engine fills them in, as the data source names its outputs.
                ...Object.fromEntries(
                    ["createdTime", "lastModifiedTime", "destinationConfig", "maxAsyncEventAgeInSeconds", "maxAsyncRetryAttempts", "statefulInvocation"].map(
                        (k) => [k, undefined],
                    ),
                ),
            },
            { id: `${args.serviceName}:${args.functionName}:LATEST` },
            "bench",
            "Constant",
        );
    }
}
