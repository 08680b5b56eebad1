// Goal 4: the bytes each data source adds to the stack's state. Two ways, which should agree:
//  - directly: the size of one data source's entry in the exported deployment (compact JSON), and of
//    the `__provider` text inside it, the part this package controls;
//  - by difference: (state of N resources - state of 1 resource) / (N - 1), compact JSON and also the
//    checkpoint file the file backend wrote (indented JSON, what sits on disk).
// The same is done for the trivial floor resource, whose entry has the same inputs and outputs.

import type { CellResult } from "./engine-stacks";

export interface StateSizeResult {
    kind: string;
    label: string;
    smallSize: number;
    largeSize: number;
    /** Compact JSON of the whole deployment, bytes. */
    deploymentBytes: { small: number; large: number };
    /** (large - small) / (largeSize - smallSize), compact JSON. */
    perResourceBytes: number;
    /** Same, from the checkpoint files on disk; undefined when a file was not found. */
    perResourceFileBytes?: number;
    /** One resource entry, compact JSON, bytes. */
    oneResourceBytes: number;
    /** The `__provider` text of one resource, bytes. */
    providerBytes: number;
    /** How many copies of `__provider` one entry holds (inputs and outputs). */
    providerCopies: number;
}

interface StateResource {
    type?: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
}

/** Compares the first-run states of one kind at its smallest and largest size. */
export function measureStateSize(cells: readonly CellResult[], kind: string): StateSizeResult | undefined {
    const withState = cells.filter((c) => c.kind === kind && c.deployment !== undefined).sort((a, b) => a.size - b.size);
    if (withState.length === 0) {
        return undefined;
    }
    const small = withState[0];
    const large = withState[withState.length - 1];
    const resource = resourcesOf(large.deployment).find((r) => r.type === large.type);
    if (resource === undefined) {
        throw new Error(`state of ${kind} N=${large.size} holds no ${large.type}`);
    }
    const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), "utf8");
    const providerText = [resource.outputs?.__provider, resource.inputs?.__provider].find((v): v is string => typeof v === "string") ?? "";
    const providerCopies = [resource.outputs?.__provider, resource.inputs?.__provider].filter((v) => typeof v === "string").length;
    const span = large.size - small.size;
    const deploymentBytes = { small: bytes(small.deployment), large: bytes(large.deployment) };
    return {
        kind,
        label: large.label,
        smallSize: small.size,
        largeSize: large.size,
        deploymentBytes,
        perResourceBytes: span > 0 ? (deploymentBytes.large - deploymentBytes.small) / span : bytes(resource),
        perResourceFileBytes:
            span > 0 && small.stateFileBytes !== undefined && large.stateFileBytes !== undefined
                ? (large.stateFileBytes - small.stateFileBytes) / span
                : undefined,
        oneResourceBytes: bytes(resource),
        providerBytes: Buffer.byteLength(providerText, "utf8"),
        providerCopies,
    };
}

function resourcesOf(deployment: unknown): StateResource[] {
    const resources = (deployment as { resources?: unknown } | undefined)?.resources;
    return Array.isArray(resources) ? (resources as StateResource[]) : [];
}
