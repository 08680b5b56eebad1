// Where a lookup's request goes: region and account (lookup, then stack config, then the environment,
// then what an FC host name says), the FC endpoint (the lookup's, then alicloud:endpoints / alicloud:fc,
// then FC_ENDPOINT, then FC's public name), alicloud:protocol, the STS endpoint, and the rule that plain
// HTTP goes to loopback only. Pure: nothing is sent.

import * as assert from "node:assert/strict";
import { configuredFcEndpoint, fcHostParts, isLoopback, stsEndpoint } from "../../../provider/settings/endpoints";
import { type Environment } from "../../../provider/settings/environment";
import { InvalidLookupError, type SettingProblem } from "../../../provider/errors";
import { readStackSettings, type StackSettings } from "../../../provider/settings/stackSettings";
import { CONFIG_KEYS } from "../../../provider/settings/configKeys";
import { completeTarget, resolveTarget, type Target } from "../../../provider/settings/target";
import { type Scope } from "../../../provider/types";

const lookup: Scope & Record<string, string> = { serviceName: "s", functionName: "f", qualifier: "LATEST" };
const stackOf = (values: Record<string, unknown> = {}): StackSettings => readStackSettings({ get: (key) => values[key] as string | undefined });

/** The lookup's target, its account filled in by `discovered` when it needs one; fails on problems. */
function targetOf(lookupArgs: object, values: Record<string, unknown> = {}, env: Environment = {}, discovered?: string): Target {
    const stack = stackOf(values);
    const problems: SettingProblem[] = [];
    const fc = configuredFcEndpoint(stack, env, problems);
    const { target, problems: more } = resolveTarget({ ...lookup, ...lookupArgs }, stack, fc, env);
    assert.deepEqual([...stack.problems, ...problems, ...more], []);
    return completeTarget(target, discovered);
}

function problemsOf(lookupArgs: object, values: Record<string, unknown> = {}, env: Environment = {}): SettingProblem[] {
    const stack = stackOf(values);
    const problems: SettingProblem[] = [...stack.problems];
    const fc = configuredFcEndpoint(stack, env, problems);
    return [...problems, ...resolveTarget({ ...lookup, ...lookupArgs }, stack, fc, env).problems];
}

describe("target of a lookup", () => {
    it("builds FC's public endpoint from region and account: lookup first, then stack config, then the environment (ALICLOUD_* first)", () => {
        const values = { [CONFIG_KEYS.region]: "cn-shanghai", [CONFIG_KEYS.accountId]: "222" };
        const env = { ALIBABA_CLOUD_REGION: "cn-beijing", ALICLOUD_ACCOUNT_ID: "333" };
        assert.deepEqual(targetOf({ region: "cn-hangzhou", accountId: "111" }, values, env), {
            protocol: "https",
            host: "111.cn-hangzhou.fc.aliyuncs.com",
            accountId: "111",
            region: "cn-hangzhou",
        });
        assert.equal(targetOf({}, values, env).host, "222.cn-shanghai.fc.aliyuncs.com");
        assert.equal(targetOf({}, {}, env).host, "333.cn-beijing.fc.aliyuncs.com");
        assert.equal(
            targetOf(
                {},
                {},
                { ALICLOUD_REGION: "eu-central-1", ALIBABA_CLOUD_REGION: "cn-beijing", ALIBABA_CLOUD_ACCOUNT_ID: "444", ALICLOUD_ACCOUNT_ID: "555" },
            ).host,
            "555.eu-central-1.fc.aliyuncs.com",
        );
    });

    it("takes the account STS discovered when nothing gives it", () => {
        assert.deepEqual(targetOf({}, { [CONFIG_KEYS.region]: "cn-hangzhou" }, {}, "999"), {
            protocol: "https",
            host: "999.cn-hangzhou.fc.aliyuncs.com",
            accountId: "999",
            region: "cn-hangzhou",
        });
        assert.equal(
            targetOf({ accountId: "111" }, { [CONFIG_KEYS.region]: "cn-hangzhou" }, {}, "999").accountId,
            "111",
            "a given account wins over a discovered one",
        );
    });

    it("uses the lookup's endpoint as is, over any configured one; an FC host name gives its account and region", () => {
        const configured = { [CONFIG_KEYS.endpoints]: [{ fc: "cn-shanghai.fc.aliyuncs.com" }] };
        assert.deepEqual(targetOf({ endpoint: "http://127.0.0.1:9000" }, configured, {}, "777"), {
            protocol: "http",
            host: "127.0.0.1:9000",
            accountId: "777",
            region: undefined,
        });
        assert.deepEqual(targetOf({ endpoint: "https://123.cn-hangzhou-internal.fc.aliyuncs.com" }), {
            protocol: "https",
            host: "123.cn-hangzhou-internal.fc.aliyuncs.com",
            accountId: "123",
            region: "cn-hangzhou",
        });
    });

    it("alicloud:endpoints' fc in @pulumi/alicloud's form: a regional host gets the account in front, a full one is kept, no scheme means alicloud:protocol", () => {
        assert.deepEqual(targetOf({}, { [CONFIG_KEYS.endpoints]: [{ fc: "cn-hangzhou-internal.fc.aliyuncs.com" }] }, {}, "888"), {
            protocol: "https",
            host: "888.cn-hangzhou-internal.fc.aliyuncs.com",
            accountId: "888",
            region: "cn-hangzhou",
        });
        assert.equal(targetOf({}, { [CONFIG_KEYS.endpoints]: [{ fc: "https://123.cn-hangzhou.fc.aliyuncs.com" }] }).host, "123.cn-hangzhou.fc.aliyuncs.com");
        assert.deepEqual(targetOf({}, { [CONFIG_KEYS.fc]: "localhost:9000", [CONFIG_KEYS.protocol]: "HTTP" }, {}, "1"), {
            protocol: "http",
            host: "localhost:9000",
            accountId: "1",
            region: undefined,
        });
    });

    it("alicloud:endpoints over FC_ENDPOINT over FC's public name", () => {
        const env = { FC_ENDPOINT: "https://env.fc.example", ALICLOUD_REGION: "cn-hangzhou" };
        assert.equal(targetOf({}, { [CONFIG_KEYS.endpoints]: [{ fc: "https://config.fc.example" }] }, env, "1").host, "config.fc.example");
        assert.equal(targetOf({}, {}, env, "1").host, "env.fc.example");
        assert.equal(targetOf({}, {}, { ALICLOUD_REGION: "cn-hangzhou" }, "1").host, "1.cn-hangzhou.fc.aliyuncs.com");
    });

    it("reports a missing region only when the endpoint needs one, naming every way to give it", () => {
        const [problem] = problemsOf({});
        assert.equal(problem.setting, CONFIG_KEYS.region);
        assert.match(
            problem.message,
            /the lookup's region argument, or `pulumi config set alicloud:region cn-hangzhou`, or ALICLOUD_REGION, ALIBABA_CLOUD_REGION or ALIBABA_CLOUD_REGION_ID, or an FC endpoint/,
        );
        assert.deepEqual(problemsOf({}, { [CONFIG_KEYS.endpoints]: [{ fc: "https://fc.example" }] }), []);
    });

    it("blames a bad value on the key or variable it came from", () => {
        assert.deepEqual(
            problemsOf({}, {}, { ALICLOUD_REGION: "Hangzhou!", ALICLOUD_ACCOUNT_ID: "1" }).map((p) => p.setting),
            ["ALICLOUD_REGION", CONFIG_KEYS.region],
        );
        const [bad] = problemsOf({}, { [CONFIG_KEYS.region]: "cn-hangzhou", [CONFIG_KEYS.accountId]: "12ab" });
        assert.equal(bad.setting, CONFIG_KEYS.accountId);
        assert.match(bad.message, /numeric/);
        assert.match(problemsOf({}, { [CONFIG_KEYS.endpoints]: [{ fc: "https://fc.example/path" }] })[0].message, /alicloud:endpoints\[0\]\.fc .*no path/);
    });

    it("calls a scheme that contradicts alicloud:protocol a contradiction", () => {
        const [problem] = problemsOf({}, { [CONFIG_KEYS.endpoints]: [{ fc: "https://fc.example" }], [CONFIG_KEYS.protocol]: "HTTP" });
        assert.equal(problem.setting, `${CONFIG_KEYS.endpoints}[0].fc`);
        assert.match(problem.message, /contradictory settings: alicloud:endpoints\[0\]\.fc says https:\/\/ but alicloud:protocol says HTTP/);
    });

    describe("plain HTTP goes to loopback only, unless fcAsyncInvokeConfig:allowInsecureHttp", () => {
        it("knows loopback: 127.0.0.0/8, ::1, localhost, with or without a port", () => {
            for (const host of ["127.0.0.1", "127.1.2.3:9000", "[::1]:9000", "localhost", "LOCALHOST:80"]) {
                assert.ok(isLoopback(host), host);
            }
            for (const host of ["10.0.0.1", "fc.example:80", "128.0.0.1", "localhost.example.com", "[::2]:1"]) {
                assert.ok(!isLoopback(host), host);
            }
        });

        it("refuses the lookup's http:// endpoint to another host as an InvalidLookupError naming the opt-in", () => {
            assert.throws(
                () => resolveTarget({ ...lookup, endpoint: "http://fc.internal:9000" }, stackOf(), undefined, {}),
                (err: unknown) =>
                    err instanceof InvalidLookupError &&
                    err.field === "endpoint" &&
                    /allowed only to loopback .*fcAsyncInvokeConfig:allowInsecureHttp/.test(err.message),
            );
            assert.equal(targetOf({ endpoint: "http://fc.internal:9000" }, { [CONFIG_KEYS.allowInsecureHttp]: "true" }, {}, "1").host, "fc.internal:9000");
        });

        it("refuses a configured http:// endpoint, and alicloud:protocol HTTP for FC's public endpoint", () => {
            assert.deepEqual(
                problemsOf({}, { [CONFIG_KEYS.endpoints]: [{ fc: "http://fc.internal" }] }).map((p) => p.setting),
                [`${CONFIG_KEYS.endpoints}[0].fc`],
            );
            assert.deepEqual(
                problemsOf({}, { [CONFIG_KEYS.protocol]: "HTTP", [CONFIG_KEYS.region]: "cn-hangzhou" }).map((p) => p.setting),
                [CONFIG_KEYS.protocol],
            );
            assert.deepEqual(
                problemsOf({}, { [CONFIG_KEYS.protocol]: "HTTP", [CONFIG_KEYS.region]: "cn-hangzhou", [CONFIG_KEYS.allowInsecureHttp]: "true" }),
                [],
            );
        });
    });

    describe("STS endpoint", () => {
        const sts = (values: Record<string, unknown>, env: Environment, region?: string): { host: string; origin: string; problems: SettingProblem[] } => {
            const problems: SettingProblem[] = [];
            return { ...stsEndpoint(stackOf(values), env, region, problems), problems };
        };

        it("alicloud:endpoints' sts over STS_ENDPOINT over sts.<region>.aliyuncs.com over sts.aliyuncs.com", () => {
            assert.deepEqual(sts({ [CONFIG_KEYS.endpoints]: [{ sts: "sts-vpc.cn-hangzhou.aliyuncs.com" }] }, { STS_ENDPOINT: "127.0.0.1:1" }, "cn-hangzhou"), {
                host: "sts-vpc.cn-hangzhou.aliyuncs.com",
                origin: `${CONFIG_KEYS.endpoints}[0].sts`,
                problems: [],
            });
            assert.deepEqual(sts({}, { STS_ENDPOINT: "https://127.0.0.1:8443" }, "cn-hangzhou"), {
                host: "127.0.0.1:8443",
                origin: "STS_ENDPOINT",
                problems: [],
            });
            assert.equal(sts({}, {}, "cn-hangzhou").host, "sts.cn-hangzhou.aliyuncs.com");
            assert.equal(sts({}, {}).host, "sts.aliyuncs.com");
        });

        it("refuses http:// for STS, even to loopback: @alicloud/credentials reaches it over HTTPS only", () => {
            const { problems } = sts({ [CONFIG_KEYS.endpoints]: [{ sts: "http://127.0.0.1:1" }] }, {});
            assert.equal(problems[0].setting, `${CONFIG_KEYS.endpoints}[0].sts`);
            assert.match(problems[0].message, /STS is reached over HTTPS only/);
        });
    });

    it("reads account and region from FC's host names only", () => {
        assert.deepEqual(fcHostParts("123.cn-hangzhou.fc.aliyuncs.com"), { accountId: "123", region: "cn-hangzhou" });
        assert.deepEqual(fcHostParts("cn-shanghai-internal.fc.aliyuncs.com:443"), { accountId: undefined, region: "cn-shanghai" });
        assert.deepEqual(fcHostParts("127.0.0.1:9000"), {});
    });
});
