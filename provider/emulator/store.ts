// The emulator's in-memory account: services with their functions, versions and aliases, and the
// async-invoke configs keyed by (service, function, qualifier). FC stores a config per qualifier string:
// a config on alias `prod` is not the config of the version `prod` points to, so neither is here.
//
// Tests arrange data through these methods directly; the wire handlers use the same methods, so what a
// test puts is exactly what the SDK reads back. Everything handed out is a copy: a caller mutating a
// returned record cannot change the store behind the emulator's back. FC 3.0 functions (API 2023-03-30)
// live apart, in `fc3` (see fc3Store.ts): an FC 2.0 service's function is not an FC 3.0 function.

import { aliasNotFound, functionNotFound, serviceNotFound, versionNotFound } from "./errors";
import { Fc3Store } from "./fc3Store";
import { type ManyQualifiersOptions, configAt, manyQualifiers, QualifierBook } from "./qualifiers";
import { copyConfig, isoSeconds } from "./records";
import type { AsyncConfigInput, AsyncConfigRecord, PutAsyncConfigOptions } from "./types";

export type { PutAsyncConfigOptions } from "./types";

export { isoSeconds } from "./records";

interface ServiceEntry {
    /** Function name to its configs, keyed by qualifier. */
    functions: Map<string, Map<string, AsyncConfigRecord>>;
    /** In FC 2.0, versions and aliases belong to the service. */
    qualifiers: QualifierBook;
}

/** The services, functions, versions, aliases and async-invoke configs the emulator serves. */
export class EmulatorStore {
    /** The FC 3.0 view's functions, versions, aliases and configs, separate from the FC 2.0 services. */
    readonly fc3: Fc3Store;

    private readonly services = new Map<string, ServiceEntry>();

    /** @param clock Source of the current time; injectable so callers can control timestamps. */
    constructor(private readonly clock: () => Date = () => new Date()) {
        this.fc3 = new Fc3Store(clock);
    }

    /** Creates a service if it does not exist yet. */
    putService(name: string): void {
        this.ensureService(name);
    }

    /** Removes a service and everything in it. Returns whether it existed. */
    deleteService(name: string): boolean {
        return this.services.delete(name);
    }

    /** Creates a function (and its service, for convenience) if it does not exist yet. */
    putFunction(service: string, fn: string): void {
        const entry = this.ensureService(service);
        if (!entry.functions.has(fn)) {
            entry.functions.set(fn, new Map());
        }
    }

    /** Removes a function and its configs. Returns whether it existed. */
    deleteFunction(service: string, fn: string): boolean {
        return this.services.get(service)?.functions.delete(fn) ?? false;
    }

    /** Publishes a version id (a decimal string) in a service, creating the service if needed. */
    putVersion(service: string, versionId: string): void {
        this.ensureService(service).qualifiers.addVersion(versionId, "store.putVersion");
    }

    /** Creates or repoints an alias to a version id, creating the service if needed. */
    putAlias(service: string, alias: string, versionId: string): void {
        this.ensureService(service).qualifiers.setAlias(alias, versionId, "store.putAlias");
    }

    /** Removes an alias. Returns whether it existed. */
    deleteAlias(service: string, alias: string): boolean {
        return this.services.get(service)?.qualifiers.deleteAlias(alias) ?? false;
    }

    /**
     * Creates a function (and its service) with `count` qualifiers, each with a config: a cheap way to arrange
     * a long ListFunctionAsyncInvokeConfigs (1, 50, 500 configs). Returns the qualifiers in list order.
     */
    putFunctionWithQualifiers(service: string, fn: string, count: number, options: ManyQualifiersOptions<AsyncConfigInput> = {}): string[] {
        this.putFunction(service, fn);
        const make = { version: (id: string) => this.putVersion(service, id), alias: (name: string, id: string) => this.putAlias(service, name, id) };
        const qualifiers = manyQualifiers(count, make, options.kind);
        qualifiers.forEach((qualifier, i) => this.putAsyncConfig(service, fn, qualifier, configAt(options, qualifier, i), { time: options.time }));
        return qualifiers;
    }

    /**
     * Checks that a service, function and qualifier exist, in FC's order: ServiceNotFound, FunctionNotFound,
     * then VersionNotFound or AliasNotFound. Throws the matching 404 {@link FcError}; the qualifier must
     * already be syntactically valid (see `classifyQualifier` in validation.ts).
     */
    locate(service: string, fn: string, qualifier?: string): void {
        const entry = this.services.get(service);
        if (entry === undefined) {
            throw serviceNotFound(service);
        }
        if (!entry.functions.has(fn)) {
            throw functionNotFound(service, fn);
        }
        if (qualifier === undefined) {
            return;
        }
        const missing = entry.qualifiers.missing(qualifier);
        if (missing === "version") {
            throw versionNotFound(service, qualifier);
        }
        if (missing === "alias") {
            throw aliasNotFound(service, qualifier);
        }
    }

    /**
     * Creates or replaces the config of (service, function, qualifier) and returns the stored record.
     * A replacement keeps `createdTime` and moves `lastModifiedTime`, as FC does. The values are stored
     * as given, without the range checks the wire PUT applies, so tests can plant unusual data.
     * Throws when the service, function or qualifier does not exist (put them first).
     */
    putAsyncConfig(service: string, fn: string, qualifier: string, config: AsyncConfigInput, options: PutAsyncConfigOptions = {}): AsyncConfigRecord {
        this.locate(service, fn, qualifier);
        const configs = this.configsOf(service, fn);
        const time = options.time ?? isoSeconds(this.clock());
        const previous = configs.get(qualifier);
        const record: AsyncConfigRecord = {
            ...copyConfig(config),
            service,
            function: fn,
            qualifier,
            createdTime: previous?.createdTime ?? time,
            lastModifiedTime: time,
        };
        configs.set(qualifier, record);
        return copyConfig(record);
    }

    /** The config of (service, function, qualifier), or undefined. */
    getAsyncConfig(service: string, fn: string, qualifier = "LATEST"): AsyncConfigRecord | undefined {
        const record = this.services.get(service)?.functions.get(fn)?.get(qualifier);
        return record === undefined ? undefined : copyConfig(record);
    }

    /** Removes the config of (service, function, qualifier). Returns whether it existed. */
    deleteAsyncConfig(service: string, fn: string, qualifier = "LATEST"): boolean {
        return this.services.get(service)?.functions.get(fn)?.delete(qualifier) ?? false;
    }

    /** Every config of a function, ordered by qualifier (the order ListFunctionAsyncInvokeConfigs pages in). */
    listAsyncConfigs(service: string, fn: string): AsyncConfigRecord[] {
        const configs = this.services.get(service)?.functions.get(fn);
        if (configs === undefined) {
            return [];
        }
        return [...configs.keys()].sort().map((q) => copyConfig(configs.get(q) as AsyncConfigRecord));
    }

    private ensureService(name: string): ServiceEntry {
        let entry = this.services.get(name);
        if (entry === undefined) {
            entry = { functions: new Map(), qualifiers: new QualifierBook() };
            this.services.set(name, entry);
        }
        return entry;
    }

    private configsOf(service: string, fn: string): Map<string, AsyncConfigRecord> {
        // locate() ran first, so both exist.
        return (this.services.get(service) as ServiceEntry).functions.get(fn) as Map<string, AsyncConfigRecord>;
    }
}
