// Answers that echo the request's secrets back: an error page quoting the security token, a POP body
// whose Code or RequestId is a secret, a Location or request-id header carrying one. Whatever FC (or
// whatever answers in its place) sends, no secret in use reaches an error: the deployment knows every
// secret its credential sources hold or sign with (provider/credentials/redaction.ts) and masks them in all
// foreign text, wherever the credentials came from.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

import { FcError } from "../../provider/errors";
import { createSecretSet, redact } from "../../provider/credentials/redaction";
import type { Fault, FcEmulator } from "../../provider/emulator";
import { useStandInProvider, visibleText } from "../support/standInProvider";
import { rejection } from "../support/rejection";

const KEY_ID = "LTAI5tEchoedKey";
const SECRET = "echo-secret-7f3a91c2-never-shown";
// STS tokens are long base64: '+', '/' and '=' make their percent-encoded echo differ from the token.
const TOKEN = "CAIS+echo/Token-5b2e77d0-never-shown==";

/** Every form of a secret that must not appear: as is, lower-cased (URL hosts), percent-encoded. */
function forms(...secrets: string[]): string[] {
    return secrets.flatMap((s) => [s, s.toLowerCase(), encodeURIComponent(s)]);
}

function assertNoEcho(err: Error, secrets: string[]): void {
    const text = visibleText(err);
    for (const form of forms(...secrets)) {
        assert.ok(!text.includes(form), `"${form}" reached the error: ${err.message}`);
    }
}

/** Answers that echo `secret` and `token`, each in another place of the answer. */
function echoes(secret: string, token: string): Array<{ name: string; fault: Fault }> {
    const json = { "Content-Type": "application/json" };
    return [
        {
            name: "FC's ErrorMessage",
            fault: {
                kind: "status",
                status: 400,
                errorCode: "InvalidArgument",
                message: `request with x-acs-security-token ${token} signed by ${secret} was refused`,
            },
        },
        {
            name: "a POP body's Code, Message and RequestId",
            fault: { kind: "answer", status: 403, headers: json, body: JSON.stringify({ Code: token, Message: `your key is ${secret}`, RequestId: secret }) },
        },
        {
            name: "an HTML error page",
            fault: { kind: "answer", status: 502, headers: { "Content-Type": "text/html" }, body: `<html>${token} ${secret}</html>` },
        },
        {
            name: "a 200 that is not JSON",
            fault: { kind: "answer", status: 200, headers: { "Content-Type": "text/plain" }, body: `token=${token}&secret=${secret}` },
        },
        {
            name: "a Location host",
            fault: { kind: "answer", status: 302, headers: { Location: `https://${secret}.example.com/?t=${encodeURIComponent(token)}` } },
        },
        {
            name: "the X-Fc-Request-Id header",
            fault: { kind: "answer", status: 500, headers: { ...json, "X-Fc-Request-Id": `${secret}/${token}` }, body: "{}" },
        },
    ];
}

describe("secrets echoed by an answer never reach an error", () => {
    const fcs = useStandInProvider();

    async function readEach(
        fc: FcEmulator,
        faults: Array<{ name: string; fault: Fault }>,
        secrets: string[],
        overrides: Record<string, string | undefined>,
    ): Promise<void> {
        for (const { name, fault } of faults) {
            fc.clearFaults();
            fc.addFault({ fault });
            await fcs.configure(fc, { "fcAsyncInvokeConfig:maxAttempts": "1", ...overrides });
            const err = await rejection(fcs.read(fc, { functionName: "hello" }), FcError);
            assert.ok(err.message.includes('while reading the async invoke config of function "hello"'), `${name}: ${err.message}`);
            assertNoEcho(err, secrets);
        }
        // The key works: these are the secrets really in use, not ones the provider never saw.
        fc.clearFaults();
        assert.equal((await fcs.read(fc, { functionName: "hello" })).maxAsyncRetryAttempts, 3);
    }

    it("an STS key from stack config: neither its secret nor its security token, in any part of the answer", async () => {
        const fc = await fcs.start({ credentials: [{ accessKeyId: KEY_ID, accessKeySecret: SECRET, securityToken: TOKEN }] });
        await readEach(fc, echoes(SECRET, TOKEN), [SECRET, TOKEN], {
            "alicloud:accessKey": KEY_ID,
            "alicloud:secretKey": SECRET,
            "alicloud:securityToken": TOKEN,
        });
    });

    it("a key pair and token from the environment", async () => {
        const fc = await fcs.start({ credentials: [{ accessKeyId: KEY_ID, accessKeySecret: SECRET, securityToken: TOKEN }] });
        Object.assign(process.env, { ALIBABA_CLOUD_ACCESS_KEY_ID: KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET, ALIBABA_CLOUD_SECURITY_TOKEN: TOKEN });
        try {
            await readEach(fc, echoes(SECRET, TOKEN).slice(0, 2), [SECRET, TOKEN], { "alicloud:accessKey": undefined, "alicloud:secretKey": undefined });
        } finally {
            for (const name of ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN"]) {
                delete process.env[name];
            }
        }
    });

    it("an aliyun CLI profile, whose secrets only the credential chain knows", async () => {
        const fc = await fcs.start({ credentials: [{ accessKeyId: KEY_ID, accessKeySecret: SECRET, securityToken: TOKEN }] });
        const dir = path.join(fcs.home(), ".aliyun");
        fs.mkdirSync(dir, { recursive: true });
        const profile = { name: "echo", mode: "StsToken", access_key_id: KEY_ID, access_key_secret: SECRET, sts_token: TOKEN, region_id: "cn-hangzhou" };
        fs.writeFileSync(path.join(dir, "config.json"), JSON.stringify({ current: "echo", profiles: [profile] }));
        delete process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED;
        try {
            await readEach(fc, echoes(SECRET, TOKEN).slice(0, 2), [SECRET, TOKEN], {
                "alicloud:accessKey": undefined,
                "alicloud:secretKey": undefined,
                "alicloud:profile": "echo",
            });
        } finally {
            process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = "true";
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    describe("the secret set", () => {
        it("masks every value added, in any case and percent-encoded, the longest first", () => {
            const secrets = createSecretSet();
            secrets.add(undefined, "", "abc", "s3cr3t-Value", "s3cr3t-Value-and-more", TOKEN);
            assert.equal(
                secrets.redact(`a s3cr3t-value-and-more, S3CR3T-VALUE, ${encodeURIComponent(TOKEN)} and abc`),
                "a ***, ***, *** and abc",
                "values under 4 characters are not masked",
            );
        });

        it("masks a secret before cutting long text, so no part of it survives at the cut", () => {
            const text = `${"x".repeat(290)}${SECRET}`;
            assert.equal(redact(text, [SECRET]), `${"x".repeat(290)}***`);
            assert.equal(redact(text, []), `${"x".repeat(290)}${SECRET.slice(0, 10)}…`, "unknown, it would be cut, not masked");
        });
    });
});
