// The emulator's in-memory account: services with their functions, versions and aliases, and the
// async-invoke configs keyed by (service, function, qualifier). FC stores a config per qualifier string:
// a config on alias `prod` is not the config of the version `prod` points to, so neither is here.
//
// Tests arrange data through these methods directly; the wire handlers use the same methods, so what a
// test puts is exactly what the SDK reads back. Everything handed out is a copy: a caller mutating a
// returned record cannot change the store behind the emulator's back.

import { aliasNotFound, functionNotFound, serviceNotFound, versionNotFound } from "./errors";
import type { AsyncConfigInput, AsyncConfigRecord } from "./types";
import { classifyQualifier } from "./validation";

interface ServiceEntry {
    /** Function name to its configs, keyed by qualifier. */
    functions: Map<string, Map<string, AsyncConfigRecord>>;
    versions: Set<string>;
    /** Alias name to version id. */
    aliases: Map<string, string>;
}

/** Options of {@link EmulatorStore.putAsyncConfig}. */
export interface PutAsyncConfigOptions {
    /** Timestamp to record instead of the current time (ISO-8601 UTC), e.g. for seeded data. */
    time?: string;
}

/** The services, functions, versions, aliases and async-invoke configs the emulator serves. */
export class EmulatorStore {
    private readonly services = new Map<string, ServiceEntry>();

    /** @param clock Source of the current time; injectable so callers can control timestamps. */
    constructor(private readonly clock: () => Date = () => new Date()) {}

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
        if (classifyQualifier(versionId) !== "version") {
            throw new Error(`store.putVersion: version id '${versionId}' must be a decimal number`);
        }
        this.ensureService(service).versions.add(versionId);
    }

    /** Creates or repoints an alias to a version id, creating the service if needed. */
    putAlias(service: string, alias: string, versionId: string): void {
        if (classifyQualifier(alias) !== "alias") {
            throw new Error(`store.putAlias: alias name '${alias}' is not a valid alias name`);
        }
        this.ensureService(service).aliases.set(alias, versionId);
    }

    /** Removes an alias. Returns whether it existed. */
    deleteAlias(service: string, alias: string): boolean {
        return this.services.get(service)?.aliases.delete(alias) ?? false;
    }

    /**
     * Checks that a service, function and qualifier exist, in FC's order: ServiceNotFound, FunctionNotFound,
     * then VersionNotFound or AliasNotFound. Throws the matching 404 {@link FcError}; the qualifier must
     * already be syntactically valid (see {@link classifyQualifier}).
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
        const kind = classifyQualifier(qualifier);
        if (kind === "version" && !entry.versions.has(qualifier)) {
            throw versionNotFound(service, qualifier);
        }
        if (kind === "alias" && !entry.aliases.has(qualifier)) {
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
            ...copyInput(config),
            service,
            function: fn,
            qualifier,
            createdTime: previous?.createdTime ?? time,
            lastModifiedTime: time,
        };
        configs.set(qualifier, record);
        return copyRecord(record);
    }

    /** The config of (service, function, qualifier), or undefined. */
    getAsyncConfig(service: string, fn: string, qualifier = "LATEST"): AsyncConfigRecord | undefined {
        const record = this.services.get(service)?.functions.get(fn)?.get(qualifier);
        return record === undefined ? undefined : copyRecord(record);
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
        return [...configs.keys()].sort().map((q) => copyRecord(configs.get(q) as AsyncConfigRecord));
    }

    private ensureService(name: string): ServiceEntry {
        let entry = this.services.get(name);
        if (entry === undefined) {
            entry = { functions: new Map(), versions: new Set(), aliases: new Map() };
            this.services.set(name, entry);
        }
        return entry;
    }

    private configsOf(service: string, fn: string): Map<string, AsyncConfigRecord> {
        // locate() ran first, so both exist.
        return (this.services.get(service) as ServiceEntry).functions.get(fn) as Map<string, AsyncConfigRecord>;
    }
}

/** ISO-8601 UTC without milliseconds, the format FC uses for createdTime / lastModifiedTime. */
export function isoSeconds(date: Date): string {
    return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function copyInput(config: AsyncConfigInput): AsyncConfigInput {
    const copy: AsyncConfigInput = {};
    if (config.destinationConfig !== undefined) {
        const dc = config.destinationConfig;
        copy.destinationConfig =
            dc === null
                ? null
                : {
                      onSuccess: dc.onSuccess ? { destination: dc.onSuccess.destination } : dc.onSuccess,
                      onFailure: dc.onFailure ? { destination: dc.onFailure.destination } : dc.onFailure,
                  };
    }
    if (config.maxAsyncEventAgeInSeconds !== undefined) {
        copy.maxAsyncEventAgeInSeconds = config.maxAsyncEventAgeInSeconds;
    }
    if (config.maxAsyncRetryAttempts !== undefined) {
        copy.maxAsyncRetryAttempts = config.maxAsyncRetryAttempts;
    }
    if (config.statefulInvocation !== undefined) {
        copy.statefulInvocation = config.statefulInvocation;
    }
    return copy;
}

function copyRecord(record: AsyncConfigRecord): AsyncConfigRecord {
    return {
        ...copyInput(record),
        service: record.service,
        function: record.function,
        qualifier: record.qualifier,
        createdTime: record.createdTime,
        lastModifiedTime: record.lastModifiedTime,
    };
}
