// What holds for every data source alike, run over the registry (provider/dataSources/index.ts), so that
// a new data source is checked by adding it: bad arguments refused before any request, a missing
// function reported as not found, a denial naming the source's own RAM action, writes refused naming
// its program function, and ids that round-trip. Through the provider host's `read(key, id, props)`,
// in process, against the FC stand-in.

import * as assert from "node:assert/strict";
import { type AnyDataSource } from "../../provider/core/dataSource";
import { dataSourceKey } from "../../provider/dataSources/keys";
import { DATA_SOURCES } from "../../provider/dataSources";
import { FcError, InvalidLookupError } from "../../provider/errors";
import * as implementation from "../../provider/host/provider";
import { type FcEmulator } from "../../provider/emulator";
import { checkSecretsAndWrites, configure, failure, logOf, start, useProviderSuite } from "../support/providerSuite";
import { SERVICE } from "../support/standInProvider";

/** The props a resource of `source` carries for function `functionName` (FC 2.0's in the demo service). */
function propsFor(source: AnyDataSource, functionName: string, fc: FcEmulator): Record<string, unknown> {
    return { ...("serviceName" in source.arguments ? { serviceName: SERVICE } : {}), functionName, endpoint: fc.endpoint };
}

/** Reads `source` as the provider host does, with the id its props derive. */
function read(source: AnyDataSource, props: Record<string, unknown>): ReturnType<typeof implementation.read> {
    const id = source.formatId({ qualifier: "LATEST", ...props } as never);
    return implementation.read(dataSourceKey(source), id, props);
}

describe("every data source", () => {
    useProviderSuite();

    it("the registry holds the four data sources, each under its own key", () => {
        assert.deepEqual(
            DATA_SOURCES.map((source) => dataSourceKey(source)),
            ["fc:FunctionAsyncInvokeConfig", "fc:FunctionAsyncInvokeConfigs", "fc3:AsyncInvokeConfig", "fc3:AsyncInvokeConfigs"],
        );
    });

    for (const source of DATA_SOURCES) {
        describe(dataSourceKey(source), () => {
            it("refuses a bad function name before any request, naming the field and the rule", async () => {
                const fc = await start();
                await configure(fc);
                const err = await failure(read(source, propsFor(source, "bad/name", fc)), InvalidLookupError);
                assert.equal(err.field, "functionName");
                assert.match(err.message, /letters, digits/);
                assert.deepEqual(await logOf(fc), []);
            });

            it("reports a missing function as not found, in the words of its API, once", async () => {
                const fc = await start();
                await configure(fc);
                const err = await failure(read(source, propsFor(source, "no-such-function", fc)), FcError);
                assert.equal(err.kind, "not-found");
                assert.equal(err.code, "FunctionNotFound");
                assert.ok(err.message.includes(source.api.product), err.message);
                assert.equal((await logOf(fc)).length, 1, "not found is not retried");
            });

            it("names its own RAM action when FC denies the read, without retrying", async () => {
                const fc = await start();
                fc.addFault({ fault: { kind: "status", status: 403, errorCode: "AccessDenied", style: source.api.product === "FC 3.0" ? "pop" : "fc" } });
                await configure(fc);
                const err = await failure(read(source, propsFor(source, "hello", fc)), FcError);
                assert.equal(err.kind, "denied");
                assert.ok(err.message.includes(source.ramAction), err.message);
                assert.equal((await logOf(fc)).length, 1);
            });

            it("refuses to be created, naming the program function that reads it", async () => {
                await assert.rejects(implementation.create(dataSourceKey(source)), (err: Error) => err.message.includes(`use ${source.programFunction}()`));
            });

            it("parses the id it formats back into the same id", () => {
                const id = source.formatId({ serviceName: SERVICE, functionName: "hello", qualifier: "prod" } as never);
                assert.equal(source.formatId({ qualifier: "LATEST", ...source.parseId(id) } as never), id);
            });
        });
    }

    checkSecretsAndWrites();
});
