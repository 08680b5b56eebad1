// The inline Pulumi programs the engine benchmarks deploy. Both register `count` resources read by id
// and export one value of the first, so that a program is only done when its reads are.

import type { PulumiFn } from "@pulumi/pulumi/automation";
import { builtPackage } from "./built-package";
import { functionName, SERVICE } from "./fixtures";
import { ConstantResource } from "./trivial-resource";

/** `count` data sources over `distinct` functions (data source i reads function i mod distinct). */
export function dataSourceProgram(count: number, distinct: number, endpoint: string): PulumiFn {
    return async () => {
        const { getFunctionAsyncInvokeConfig } = builtPackage();
        const sources = Array.from({ length: count }, (_, i) =>
            getFunctionAsyncInvokeConfig(`ds-${i}`, { serviceName: SERVICE, functionName: functionName(i % distinct), endpoint }),
        );
        return { first: sources[0]?.maxAsyncRetryAttempts };
    };
}

/** `count` trivial resources (see trivial-resource.ts) with the same inputs as the data sources. */
export function trivialProgram(count: number, endpoint: string): PulumiFn {
    return async () => {
        const resources = Array.from(
            { length: count },
            (_, i) => new ConstantResource(`const-${i}`, { serviceName: SERVICE, functionName: functionName(i), endpoint }),
        );
        return { first: resources[0]?.maxAsyncRetryAttempts };
    };
}
