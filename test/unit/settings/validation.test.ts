import * as assert from "node:assert/strict";
import { InvalidLookupError } from "../../../provider/errors";

import { checkArguments } from "../../../provider/core/arguments";
import { formatId, functionAsyncInvokeConfig, parseId } from "../../../provider/dataSources/functionAsyncInvokeConfig";
import { checkEndpoint } from "../../../provider/settings/validation";

const validateLookup = (inputs: Record<string, unknown>) => checkArguments(functionAsyncInvokeConfig.arguments, inputs);

function rejects(inputs: Record<string, unknown>, field: string, rule: RegExp): void {
    assert.throws(
        () => validateLookup(inputs),
        (err: unknown) => err instanceof InvalidLookupError && err.field === field && rule.test(err.message) && err.message.includes(field),
    );
}

describe("lookup validation", () => {
    const ok = { serviceName: "demo-service", functionName: "hello" };

    it("accepts FC names and fills in the LATEST qualifier", () => {
        assert.deepEqual(validateLookup(ok), { ...ok, qualifier: "LATEST" });
        assert.equal(validateLookup({ ...ok, serviceName: "_a" + "b".repeat(126) }).serviceName.length, 128);
        assert.equal(validateLookup({ ...ok, qualifier: "12" }).qualifier, "12");
        assert.equal(validateLookup({ ...ok, qualifier: "prod-2" }).qualifier, "prod-2");
    });

    for (const [name, value] of [
        ["empty", ""],
        ["dot-dot", ".."],
        ["a path", "svc/../other"],
        ["a slash", "a/b"],
        ["129 characters", "a".repeat(129)],
        ["a leading digit", "1abc"],
        ["a leading dash", "-abc"],
        ["a space", "a b"],
        ["a colon", "a:b"],
        ["a percent escape", "a%2F"],
    ] as const) {
        it(`rejects a service name with ${name}, naming the field and the rule`, () => {
            rejects({ ...ok, serviceName: value }, "serviceName", /1-128 characters of letters, digits/);
        });
    }

    it("rejects a bad function name naming functionName", () => {
        rejects({ ...ok, functionName: ".." }, "functionName", /starting with a letter or '_'/);
        rejects({ ...ok, functionName: undefined }, "functionName", /\(undefined\)/);
        rejects({ ...ok, functionName: 42 }, "functionName", /\(number\)/);
    });

    it("rejects qualifiers that are not LATEST, a version or an alias", () => {
        for (const q of ["", "1.2", "../x", "latest/", "a".repeat(129)]) {
            rejects({ ...ok, qualifier: q }, "qualifier", /LATEST, a version number .* or an alias name/);
        }
        // All digits, yet no version: said so, with what to read instead.
        for (const q of ["0", "01", "12345678901"]) {
            rejects({ ...ok, qualifier: q }, "qualifier", /is not a version FC can have: versions are numbered from 1 .*; read LATEST/);
        }
    });

    it("checks region, account id and endpoint only when given", () => {
        rejects({ ...ok, region: "Hangzhou" }, "region", /region id such as cn-hangzhou/);
        rejects({ ...ok, accountId: "12ab" }, "accountId", /numeric/);
        rejects({ ...ok, endpoint: "127.0.0.1:9000" }, "endpoint", /URL with scheme/);
        rejects({ ...ok, endpoint: "ftp://x" }, "endpoint", /URL with scheme/);
        rejects({ ...ok, endpoint: "http://h/path" }, "endpoint", /scheme and host only/);
        assert.deepEqual(validateLookup({ ...ok, region: "ap-southeast-1", accountId: "1234567890123456", endpoint: "http://127.0.0.1:9000" }), {
            ...ok,
            qualifier: "LATEST",
            region: "ap-southeast-1",
            accountId: "1234567890123456",
            endpoint: "http://127.0.0.1:9000",
        });
    });

    it("never echoes credentials embedded in an endpoint", () => {
        assert.throws(
            () => checkEndpoint("https://AKID:topsecret@example.com"),
            (err: unknown) => err instanceof InvalidLookupError && !err.message.includes("topsecret") && /user name or password/.test(err.message),
        );
    });

    it("splits the endpoint into what the SDK takes", () => {
        assert.deepEqual(checkEndpoint("http://127.0.0.1:9000"), { protocol: "http", host: "127.0.0.1:9000" });
        assert.deepEqual(checkEndpoint("https://1.cn-hangzhou.fc.aliyuncs.com/"), { protocol: "https", host: "1.cn-hangzhou.fc.aliyuncs.com" });
    });

    it("remembers only endpoints that passed: a bad one is refused every time, a good one keeps its parts", () => {
        for (let attempt = 0; attempt < 3; attempt++) {
            assert.throws(
                () => checkEndpoint("http://h/path"),
                (err: unknown) => err instanceof InvalidLookupError && err.field === "endpoint",
            );
        }
        const first = checkEndpoint("http://127.0.0.1:9001");
        assert.strictEqual(checkEndpoint("http://127.0.0.1:9001"), first);
        assert.ok(Object.isFrozen(first), "shared parts cannot be changed by one caller for the next");
        // More distinct endpoints than are remembered: every one still gets its own parts.
        for (let port = 10000; port < 10200; port++) {
            assert.deepEqual(checkEndpoint(`http://127.0.0.1:${port}`), { protocol: "http", host: `127.0.0.1:${port}` });
        }
        assert.deepEqual(checkEndpoint("http://127.0.0.1:9001"), { protocol: "http", host: "127.0.0.1:9001" });
    });
});

describe("data source id", () => {
    it("round-trips service:function:qualifier and accepts Terraform's two-part form", () => {
        const parts = { serviceName: "s", functionName: "f", qualifier: "prod" };
        assert.equal(formatId(parts), "s:f:prod");
        assert.deepEqual(parseId("s:f:prod"), parts);
        assert.deepEqual(parseId("s:f"), { ...parts, qualifier: "LATEST" });
        assert.throws(
            () => parseId("s"),
            (err: unknown) => err instanceof InvalidLookupError && err.field === "id",
        );
    });
});
