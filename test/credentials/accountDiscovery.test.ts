// The account id from STS GetCallerIdentity when no lookup, stack config or variable gives it: asked
// once per credential identity per deployment whatever the number of lookups, never when the account is
// given, and a failure that names the call, STS's code and request id and how to set the id by hand.
// In a child process: the STS SDK there trusts the stand-in's certificate through NODE_EXTRA_CA_CERTS.

import * as assert from "node:assert/strict";
import { DEFAULT_ACCOUNT_ID } from "../../provider/emulator";
import { useChildSuite } from "../support/childSuite";
import { type ProviderProcess } from "../support/providerProcess";
import { type StandIns } from "../support/standIns";

describe("account id discovery (STS GetCallerIdentity), in a child process", function () {
    this.timeout(120_000);
    const FUNCTIONS = 200;
    let s: StandIns;
    let provider: ProviderProcess;
    useChildSuite(
        (started) => ({ s, provider } = started),
        (standIns) => {
            for (let i = 0; i < FUNCTIONS; i++) {
                standIns.fc.store.putFunction("demo-service", `fn-${i}`);
                standIns.fc.store.putAsyncConfig("demo-service", `fn-${i}`, "LATEST", { maxAsyncRetryAttempts: i % 3 });
            }
        },
    );

    /** A minimal @pulumi/alicloud stack: region and key, no account id; STS at the stand-in through Terraform's STS_ENDPOINT. */
    const minimal = (): Record<string, unknown> => ({
        "alicloud:region": "cn-hangzhou",
        "alicloud:accessKey": s.fc.accessKeyId,
        "alicloud:secretKey": s.fc.accessKeySecret,
    });
    const env = (): Record<string, string> => ({ STS_ENDPOINT: s.sts.host });
    const lookups = (extra: Record<string, unknown> = {}): Array<Record<string, unknown>> =>
        Array.from({ length: FUNCTIONS }, (_, i) => ({ serviceName: "demo-service", functionName: `fn-${i}`, endpoint: s.fc.endpoint, ...extra }));

    it(`${FUNCTIONS} concurrent lookups cost one GetCallerIdentity, and every request to FC carries the account it answered; a new deployment asks again`, async () => {
        await provider.configure(minimal(), env());
        const outcomes = await provider.readAll(lookups());
        assert.deepEqual(
            outcomes.filter((o) => !o.ok),
            [],
        );
        assert.deepEqual(
            s.sts.requests.map((r) => [r.action, r.status]),
            [["GetCallerIdentity", 200]],
        );
        assert.equal(s.fc.requests.length, FUNCTIONS);
        assert.deepEqual(new Set(s.fc.requests.map((r) => `${r.accountId} ${r.status}`)), new Set([`${DEFAULT_ACCOUNT_ID} 200`]));

        // Lookups that name other targets (a region argument) share the deployment's one answer.
        const more = await provider.readAll([{ serviceName: "demo-service", functionName: "hello", endpoint: s.fc.endpoint, region: "cn-shanghai" }]);
        assert.ok(more[0].ok);
        assert.equal(s.sts.requests.length, 1);

        await provider.configure(minimal(), env());
        await provider.readAll(lookups().slice(0, 10));
        assert.equal(s.sts.requests.length, 2, "one more for the new deployment");
    });

    it("never asks when the account is given: by stack config, by a variable, by the lookup", async () => {
        await provider.configure({ ...minimal(), "alicloud:accountId": DEFAULT_ACCOUNT_ID }, env());
        await provider.readAll(lookups().slice(0, 3));
        await provider.configure(minimal(), { ...env(), ALICLOUD_ACCOUNT_ID: DEFAULT_ACCOUNT_ID });
        await provider.readAll(lookups().slice(0, 3));
        await provider.configure(minimal(), env());
        await provider.readAll(lookups({ accountId: DEFAULT_ACCOUNT_ID }).slice(0, 3));
        assert.deepEqual(s.sts.requests, []);
        assert.equal(s.fc.requests.filter((r) => r.status === 200).length, 9);
    });

    it("a refusal is a ConfigurationError naming GetCallerIdentity, STS's code and request id, the key's origin, and how to set the id by hand; nothing is sent to FC", async () => {
        await provider.configure({ ...minimal(), "alicloud:secretKey": "not-the-secret-5d1e" }, env());
        const [outcome] = await provider.readAll(lookups().slice(0, 1));
        assert.ok(!outcome.ok);
        const err = outcome.error;
        assert.equal(err.name, "ConfigurationError");
        assert.equal(err.setting, "alicloud:accountId");
        assert.deepEqual([err.code, err.status, err.requestId], ["SignatureDoesNotMatch", 400, s.sts.requests[0].requestId]);
        assert.ok(
            err.message.startsWith(
                `could not find the account id: STS GetCallerIdentity at ${s.sts.host} answered SignatureDoesNotMatch (HTTP 400, request id ${err.requestId})`,
            ),
            err.message,
        );
        assert.ok(
            err.message.includes(`the secret does not match the key: check the secret of access key ${s.fc.accessKeyId} from alicloud:accessKey`),
            err.message,
        );
        assert.ok(
            err.message.endsWith(
                "set it by hand instead: `pulumi config set alicloud:accountId <id>`, or ALICLOUD_ACCOUNT_ID or ALIBABA_CLOUD_ACCOUNT_ID, or the lookup's accountId argument",
            ),
            err.message,
        );
        assert.ok(!err.message.includes("not-the-secret-5d1e"));
        assert.deepEqual(s.fc.requests, []);
    });
});
