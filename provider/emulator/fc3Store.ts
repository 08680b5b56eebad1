// The FC 3.0 view's data (API 2023-03-30): functions, each with its own versions and aliases, and the
// async-invoke configs keyed by (function, qualifier). FC 3.0 has no services, so nothing here is shared
// with the FC 2.0 services of store.ts: a function of an FC 2.0 service is not an FC 3.0 function.
// As in store.ts, tests and the wire handlers use the same methods, and everything handed out is a copy.

import { fc3NotFound } from "./errors";
import { type ManyQualifiersOptions, configAt, manyQualifiers, QualifierBook } from "./qualifiers";
import { copyConfig, isoSeconds } from "./records";
import type { Fc3AsyncConfigInput, Fc3AsyncConfigRecord, PutAsyncConfigOptions } from "./types";

interface FunctionEntry {
    /** Configs keyed by qualifier. */
    configs: Map<string, Fc3AsyncConfigRecord>;
    qualifiers: QualifierBook;
}

/** The FC 3.0 functions, versions, aliases and async-invoke configs the emulator serves. */
export class Fc3Store {
    private readonly functions = new Map<string, FunctionEntry>();

    /** @param clock Source of the current time; injectable so callers can control timestamps. */
    constructor(private readonly clock: () => Date = () => new Date()) {}

    /** Creates a function if it does not exist yet. */
    putFunction(name: string): void {
        this.ensureFunction(name);
    }

    /** Removes a function with its versions, aliases and configs. Returns whether it existed. */
    deleteFunction(name: string): boolean {
        return this.functions.delete(name);
    }

    /** The names of every function, sorted. */
    functionNames(): string[] {
        return [...this.functions.keys()].sort();
    }

    /** Publishes a version id (a decimal string) of a function, creating the function if needed. */
    putVersion(fn: string, versionId: string): void {
        this.ensureFunction(fn).qualifiers.addVersion(versionId, "store.fc3.putVersion");
    }

    /** Creates or repoints an alias of a function to a version id, creating the function if needed. */
    putAlias(fn: string, alias: string, versionId: string): void {
        this.ensureFunction(fn).qualifiers.setAlias(alias, versionId, "store.fc3.putAlias");
    }

    /** Removes an alias of a function. Returns whether it existed. */
    deleteAlias(fn: string, alias: string): boolean {
        return this.functions.get(fn)?.qualifiers.deleteAlias(alias) ?? false;
    }

    /**
     * Checks that a function and qualifier exist, in FC's order: FunctionNotFound, then VersionNotFound or
     * AliasNotFound. Throws the matching 404 `FcError`; the qualifier must already be syntactically valid.
     */
    locate(fn: string, qualifier?: string): void {
        const entry = this.functions.get(fn);
        if (entry === undefined) {
            throw fc3NotFound("function", fn);
        }
        const missing = qualifier === undefined ? undefined : entry.qualifiers.missing(qualifier);
        if (missing !== undefined) {
            throw fc3NotFound(missing, fn, qualifier);
        }
    }

    /**
     * Creates or replaces the config of (function, qualifier) and returns the stored record. A replacement
     * keeps `createdTime` and moves `lastModifiedTime`. Values are stored as given, without the wire PUT's
     * range checks. Throws when the function or qualifier does not exist (put them first).
     */
    putAsyncConfig(fn: string, qualifier: string, config: Fc3AsyncConfigInput, options: PutAsyncConfigOptions = {}): Fc3AsyncConfigRecord {
        this.locate(fn, qualifier);
        const configs = (this.functions.get(fn) as FunctionEntry).configs;
        const time = options.time ?? isoSeconds(this.clock());
        const record: Fc3AsyncConfigRecord = {
            ...copyConfig(config),
            functionName: fn,
            qualifier,
            createdTime: configs.get(qualifier)?.createdTime ?? time,
            lastModifiedTime: time,
        };
        configs.set(qualifier, record);
        return copyConfig(record);
    }

    /** The config of (function, qualifier), or undefined. */
    getAsyncConfig(fn: string, qualifier = "LATEST"): Fc3AsyncConfigRecord | undefined {
        const record = this.functions.get(fn)?.configs.get(qualifier);
        return record === undefined ? undefined : copyConfig(record);
    }

    /** Removes the config of (function, qualifier). Returns whether it existed. */
    deleteAsyncConfig(fn: string, qualifier = "LATEST"): boolean {
        return this.functions.get(fn)?.configs.delete(qualifier) ?? false;
    }

    /**
     * The configs of one function, or of every function when `fn` is undefined, ordered by function name and
     * then qualifier: the order ListAsyncInvokeConfigs pages in.
     */
    listAsyncConfigs(fn?: string): Fc3AsyncConfigRecord[] {
        const names = fn === undefined ? this.functionNames() : [fn];
        return names.flatMap((name) => {
            const configs = this.functions.get(name)?.configs;
            return configs === undefined ? [] : [...configs.keys()].sort().map((q) => copyConfig(configs.get(q) as Fc3AsyncConfigRecord));
        });
    }

    /**
     * Creates a function with `count` qualifiers, each with a config: a cheap way to arrange a long
     * ListAsyncInvokeConfigs (1, 50, 500 configs). Returns the qualifiers in list order.
     */
    putFunctionWithQualifiers(fn: string, count: number, options: ManyQualifiersOptions<Fc3AsyncConfigInput> = {}): string[] {
        const entry = this.ensureFunction(fn);
        const make = {
            version: (id: string) => entry.qualifiers.addVersion(id, "store.fc3.putFunctionWithQualifiers"),
            alias: (name: string, id: string) => entry.qualifiers.setAlias(name, id, "store.fc3.putFunctionWithQualifiers"),
        };
        const qualifiers = manyQualifiers(count, make, options.kind);
        qualifiers.forEach((qualifier, i) => this.putAsyncConfig(fn, qualifier, configAt(options, qualifier, i), { time: options.time }));
        return qualifiers;
    }

    private ensureFunction(name: string): FunctionEntry {
        let entry = this.functions.get(name);
        if (entry === undefined) {
            entry = { configs: new Map(), qualifiers: new QualifierBook() };
            this.functions.set(name, entry);
        }
        return entry;
    }
}
