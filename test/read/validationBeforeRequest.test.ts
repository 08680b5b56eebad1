// The provider end to end in process, through test/support/providerSuite.ts: `configure` + `read` of
// provider/host/provider.ts driving the real @alicloud/fc-open20210406 SDK over loopback HTTP against
// the FC stand-in. Every test starts its own stand-in and closes it afterwards; the file ends with the
// suite's checks that no secret reached an output or an error and that only GETs were sent.
//
// Bad arguments are refused with a message naming the field and the rule, before any request.

import * as assert from "node:assert/strict";
import { FcError, InvalidLookupError } from "../../provider/errors";
import { checkSecretsAndWrites, configure, failure, logOf, read, start, useProviderSuite } from "../support/providerSuite";
import { type Lookup } from "../support/standInProvider";

describe("FC 2.0 single read: validation before any request", () => {
    useProviderSuite();

    describe("validation before any request", () => {
        const bad: Array<{ name: string; lookup: Lookup; field: string; rule: RegExp }> = [
            {
                name: "a service name with a slash",
                lookup: { serviceName: "a/b", functionName: "hello" },
                field: "serviceName",
                rule: /1-128 characters of letters, digits, '_' or '-'/,
            },
            { name: "a service name '..'", lookup: { serviceName: "..", functionName: "hello" }, field: "serviceName", rule: /starting with a letter or '_'/ },
            { name: "an empty service name", lookup: { serviceName: "", functionName: "hello" }, field: "serviceName", rule: /1-128 characters/ },
            {
                name: "a 129-character service name",
                lookup: { serviceName: "a".repeat(129), functionName: "hello" },
                field: "serviceName",
                rule: /1-128 characters/,
            },
            {
                name: "a service name starting with a digit",
                lookup: { serviceName: "1service", functionName: "hello" },
                field: "serviceName",
                rule: /starting with a letter or '_'/,
            },
            { name: "a function name '..'", lookup: { functionName: ".." }, field: "functionName", rule: /1-128 characters/ },
            {
                name: "a qualifier with a space",
                lookup: { functionName: "hello", qualifier: "v 1" },
                field: "qualifier",
                rule: /must be LATEST, a version number such as 3, or an alias name/,
            },
            {
                name: "a qualifier with a slash",
                lookup: { functionName: "hello", qualifier: "latest/" },
                field: "qualifier",
                rule: /must be LATEST, a version number/,
            },
            {
                name: "a version 0",
                lookup: { functionName: "hello", qualifier: "0" },
                field: "qualifier",
                rule: /^invalid qualifier "0": is not a version FC can have: versions are numbered from 1 .*; read LATEST for the code not yet published$/,
            },
            {
                name: "an endpoint without scheme (host:port)",
                lookup: { functionName: "hello", endpoint: "HOST" },
                field: "endpoint",
                rule: /must be a URL with scheme and host only/,
            },
            {
                name: "an endpoint without scheme (name:port)",
                lookup: { functionName: "hello", endpoint: "localhost:9000" },
                field: "endpoint",
                rule: /must be a URL with scheme and host only/,
            },
            {
                name: "an endpoint with a path",
                lookup: { functionName: "hello", endpoint: "ENDPOINT/2021-04-06" },
                field: "endpoint",
                rule: /scheme and host only/,
            },
            {
                name: "a region that is not a region id",
                lookup: { functionName: "hello", region: "Hangzhou" },
                field: "region",
                rule: /region id such as cn-hangzhou/,
            },
            {
                name: "an account id with letters",
                lookup: { functionName: "hello", accountId: "12ab" },
                field: "accountId",
                rule: /numeric Alibaba Cloud account id/,
            },
        ];
        for (const { name, lookup, field, rule } of bad) {
            it(`refuses ${name} with InvalidLookupError naming ${field} and the rule; nothing is sent`, async () => {
                const fc = await start();
                await configure(fc);
                const endpoint = lookup.endpoint?.replace("HOST", fc.host).replace("ENDPOINT", fc.endpoint);
                const err = await failure(read(fc, { ...lookup, ...(endpoint === undefined ? {} : { endpoint }) }), InvalidLookupError);
                assert.equal(err.field, field);
                assert.ok(err.message.startsWith(`invalid ${field} `), err.message);
                assert.match(err.message, rule);
                assert.deepEqual(await logOf(fc), []);
            });
        }

        it("accepts 'latest-' as an alias name (FC allows '-' anywhere after the first character) and FC answers AliasNotFound", async () => {
            const fc = await start();
            await configure(fc);
            const err = await failure(read(fc, { functionName: "hello", qualifier: "latest-" }), FcError);
            assert.equal(err.code, "AliasNotFound");
            assert.deepEqual(
                (await logOf(fc)).map((r) => r.query),
                [{ qualifier: "latest-" }],
            );
        });

        it("reads 'latest' as the alias it could be, and when FC has no such alias asks whether LATEST was meant", async () => {
            const fc = await start();
            await configure(fc);
            const err = await failure(read(fc, { functionName: "hello", qualifier: "latest" }), FcError);
            assert.equal(err.code, "AliasNotFound");
            assert.equal(err.kind, "not-found");
            assert.match(err.message, /alias "latest" of service "[^"]+" does not exist: did you mean LATEST\? Qualifiers are case-sensitive/);
            assert.ok(!err.message.includes("FC said"), `FC's message is not repeated after ours: ${err.message}`);
            assert.ok(err.fcMessage !== undefined && err.fcMessage.length > 0, "FC's own text is kept on the error");
        });
    });

    checkSecretsAndWrites();
});
