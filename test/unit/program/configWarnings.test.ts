// Credentials set in stack config without --secret: the engine stores the stack config in state, so the
// program names each such key (the provider host cannot tell; it gets the config with secrets unwrapped).

import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { unmarkedCredentialKeys } from "../../../provider/program/configWarnings";

describe("credentials in stack config without --secret", () => {
    afterEach(() => pulumi.runtime.setAllConfig({}, []));

    it("names each credential key that is set but not secret", () => {
        pulumi.runtime.setAllConfig({ "alicloud:accessKey": "LTAI5tKey", "alicloud:secretKey": "s", "alicloud:securityToken": "t" }, [
            "alicloud:securityToken",
        ]);
        assert.deepEqual(unmarkedCredentialKeys(), ["alicloud:secretKey"]);
    });

    it("is quiet when every credential key is a secret, or unset", () => {
        pulumi.runtime.setAllConfig({ "alicloud:region": "cn-hangzhou", "alicloud:secretKey": "s" }, ["alicloud:secretKey"]);
        assert.deepEqual(unmarkedCredentialKeys(), []);
    });

    it("counts alicloud:assumeRoleWithOidc only when it carries the token itself", () => {
        pulumi.runtime.setAllConfig({ "alicloud:assumeRoleWithOidc": JSON.stringify({ roleArn: "acs:ram::1:role/r", oidcTokenFile: "/var/run/token" }) }, []);
        assert.deepEqual(unmarkedCredentialKeys(), []);
        pulumi.runtime.setAllConfig({ "alicloud:assumeRoleWithOidc": JSON.stringify({ roleArn: "acs:ram::1:role/r", oidcToken: "eyJ…" }) }, []);
        assert.deepEqual(unmarkedCredentialKeys(), ["alicloud:assumeRoleWithOidc"]);
    });
});
