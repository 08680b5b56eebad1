// The provider's behaviour: served inside the provider host by entry.ts (which the serialized loader
// loads by package path), and in a caller's own process by directProvider.ts. Module state here lives
// exactly as long as that process: one deployment. Every data source is read here the same way; which
// one a resource is comes with each call, by its key (dataSources/index.ts).

import type * as pulumi from "@pulumi/pulumi";
import { SCOPE_RULES } from "../core/arguments";
import { type AnyDataSource } from "../core/dataSource";
import { dataSourceByKey } from "../dataSources";
import { readDataSource } from "../core/read";
import { createDeployment, type Deployment } from "../core/deployment";
import { readStackSettings } from "../settings/stackSettings";
import { type ConfigSource } from "../settings/configKeys";
import { type Scope } from "../types";
import { showWorkInEngine } from "./engineLog";

let deployment: Deployment = createDeployment(readStackSettings({ get: () => undefined }));
// The host keeps using a provider whose configure failed, so the failure is kept and repeated by every
// read: otherwise reads after the first would silently run on defaults, ignoring the stack's config.
let configureFailure: Error | undefined;

/**
 * Takes the stack's configuration. Starts a fresh deployment: new settings, new request cap, new
 * credentials and SDK clients, no remembered answers or account ids. Bad values do not fail here: every
 * read reports them, together with whatever else that read finds missing, so that one run shows
 * everything to fix.
 */
export async function configure(config: ConfigSource): Promise<void> {
    showWorkInEngine();
    try {
        deployment = createDeployment(readStackSettings(config));
        configureFailure = undefined;
    } catch (err) {
        configureFailure = err instanceof Error ? err : new Error(String(err));
        throw err;
    }
}

/**
 * Reads the data source with key `key` (e.g. `fc:FunctionAsyncInvokeConfig`), named by `props` (the
 * arguments, or on refresh the last recorded outputs) or, when props name none of its own arguments
 * (e.g. a resource imported by id), by the id alone.
 */
export async function read(key: string, id: string, props: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult<Record<string, unknown>>> {
    if (configureFailure !== undefined) {
        throw configureFailure;
    }
    const source = dataSourceByKey(key);
    const outputs = (await readDataSource(deployment, source, argumentsOf(source, id, props))) as Scope;
    return { id: source.formatId(outputs), props: { ...outputs } };
}

/** The data sources are read-only: the engine reads them by id and never creates them. */
export async function create(key: string): Promise<never> {
    const source = dataSourceByKey(key);
    throw new Error(
        `${source.typeName} is a read-only data source and cannot be created; use ${source.programFunction}(), which reads it by id, ` +
            `or @pulumi/alicloud's resources to manage the settings`,
    );
}

/** The arguments a read names: its own (from props or, failing those, the id), and where to read (props only). */
function argumentsOf(source: AnyDataSource, id: string, props: Record<string, unknown>): Record<string, unknown> {
    const own = Object.keys(source.arguments).filter((name) => !SCOPE_NAMES.has(name));
    const named: Record<string, unknown> = own.some((name) => props[name] !== undefined) ? props : source.parseId(id);
    const args: Record<string, unknown> = {};
    for (const name of Object.keys(source.arguments)) {
        args[name] = SCOPE_NAMES.has(name) ? props[name] : named[name];
    }
    return args;
}

const SCOPE_NAMES: ReadonlySet<string> = new Set(Object.keys(SCOPE_RULES));
