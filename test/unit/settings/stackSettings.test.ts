// Reading stack config: the alicloud:* keys in the shapes @pulumi/alicloud users write them (plain
// values, objects set with `--path`, JSON text), this provider's tuning, and every bad value collected
// as a problem against its key instead of thrown.

import * as assert from "node:assert/strict";
import { readStackSettings } from "../../../provider/settings/stackSettings";
import { DEFAULT_TUNING } from "../../../provider/settings/tuning";
import { CONFIG_KEYS } from "../../../provider/settings/configKeys";

const config = (values: Record<string, unknown>) => ({ get: (key: string) => values[key] as string | undefined });

describe("stack settings", () => {
    it("reads tuning with defaults and reports out-of-range values against their key, keeping the default", () => {
        assert.deepEqual(readStackSettings(config({})).tuning, DEFAULT_TUNING);
        assert.deepEqual(readStackSettings(config({})).problems, []);
        assert.equal(readStackSettings(config({ [CONFIG_KEYS.maxConcurrentRequests]: "3" })).tuning.maxConcurrentRequests, 3);
        const bad = readStackSettings(config({ [CONFIG_KEYS.maxAttempts]: "0", [CONFIG_KEYS.maxConcurrentRequests]: "2.5" }));
        assert.equal(bad.tuning.maxAttempts, DEFAULT_TUNING.maxAttempts);
        assert.deepEqual(
            bad.problems.map((p) => p.setting),
            [CONFIG_KEYS.maxConcurrentRequests, CONFIG_KEYS.maxAttempts],
        );
        assert.match(bad.problems[0].message, /whole number from 1 to 256/);
        assert.match(bad.problems[1].message, /from 1 to 20/);
    });

    it("reads alicloud:assumeRole as an object or as JSON text, with sessionExpiration as a number or numeric text", () => {
        const asObject = readStackSettings(config({ [CONFIG_KEYS.assumeRole]: { roleArn: "acs:ram::1:role/r", sessionExpiration: 1800 } }));
        const asText = readStackSettings(config({ [CONFIG_KEYS.assumeRole]: JSON.stringify({ roleArn: "acs:ram::1:role/r", sessionExpiration: "1800" }) }));
        assert.deepEqual(asObject.assumeRole, { roleArn: "acs:ram::1:role/r", sessionExpiration: 1800 });
        assert.deepEqual(asText.assumeRole, asObject.assumeRole);
        assert.deepEqual(asText.problems, []);
    });

    it("reports an unknown field, a non-number duration and unparsable JSON against the key they are in", () => {
        const stack = readStackSettings(
            config({
                [CONFIG_KEYS.assumeRole]: { rolearn: "acs:ram::1:role/r", sessionExpiration: "an hour" },
                [CONFIG_KEYS.assumeRoleWithOidc]: "{not json",
            }),
        );
        assert.deepEqual(
            stack.problems.map((p) => p.setting),
            [`${CONFIG_KEYS.assumeRole}.rolearn`, `${CONFIG_KEYS.assumeRole}.sessionExpiration`, CONFIG_KEYS.assumeRoleWithOidc],
        );
        assert.match(stack.problems[0].message, /takes roleArn, sessionName, policy, sessionExpiration, externalId/);
    });

    it("takes the fc and sts entries of alicloud:endpoints, ignoring other services' entries", () => {
        const stack = readStackSettings(
            config({ [CONFIG_KEYS.endpoints]: [{ ecs: "ecs.example", fc: "cn-hangzhou.fc.aliyuncs.com" }, { sts: "sts-vpc.cn-hangzhou.aliyuncs.com" }] }),
        );
        assert.deepEqual(stack.fcEndpoint, { value: "cn-hangzhou.fc.aliyuncs.com", origin: `${CONFIG_KEYS.endpoints}[0].fc` });
        assert.deepEqual(stack.stsEndpoint, { value: "sts-vpc.cn-hangzhou.aliyuncs.com", origin: `${CONFIG_KEYS.endpoints}[1].sts` });
        assert.deepEqual(stack.problems, []);
    });

    it("reads the deprecated alicloud:fc when alicloud:endpoints has no fc entry, and calls two different fc endpoints a contradiction", () => {
        assert.deepEqual(readStackSettings(config({ [CONFIG_KEYS.fc]: "a.example" })).fcEndpoint, { value: "a.example", origin: CONFIG_KEYS.fc });
        const same = readStackSettings(config({ [CONFIG_KEYS.fc]: "a.example", [CONFIG_KEYS.endpoints]: [{ fc: "a.example" }] }));
        assert.deepEqual(same.problems, []);
        const differ = readStackSettings(config({ [CONFIG_KEYS.fc]: "a.example", [CONFIG_KEYS.endpoints]: '[{"fc":"b.example"}]' }));
        assert.equal(differ.problems.length, 1);
        assert.equal(differ.problems[0].setting, `${CONFIG_KEYS.endpoints}[0].fc`);
        assert.match(differ.problems[0].message, /contradictory fc endpoints: alicloud:endpoints\[0\]\.fc = "b\.example", alicloud:fc = "a\.example"/);
    });

    it("reads alicloud:protocol in any case, and reports anything but HTTP or HTTPS", () => {
        assert.equal(readStackSettings(config({ [CONFIG_KEYS.protocol]: "HTTP" })).protocol, "http");
        assert.equal(readStackSettings(config({ [CONFIG_KEYS.protocol]: "https" })).protocol, "https");
        const bad = readStackSettings(config({ [CONFIG_KEYS.protocol]: "ftp" }));
        assert.equal(bad.protocol, undefined);
        assert.deepEqual(
            bad.problems.map((p) => p.setting),
            [CONFIG_KEYS.protocol],
        );
    });

    it("never echoes a secret it cannot read: a secret key given as an object is reported by name only", () => {
        const stack = readStackSettings(config({ [CONFIG_KEYS.secretKey]: { value: "very-secret-value" } }));
        assert.equal(stack.secretKey, undefined);
        assert.equal(stack.problems.length, 1);
        assert.ok(!stack.problems[0].message.includes("very-secret-value"), stack.problems[0].message);
    });
});
