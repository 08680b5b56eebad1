// The FC and STS stand-ins together, as Alibaba Cloud has them: one user key that both accept, roles
// that STS lets it assume, an OIDC provider, and every temporary credential STS issues accepted by FC
// until it expires. Both run on one manual clock, so that tests move time instead of waiting for it.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
    DEFAULT_ACCESS_KEY_ID,
    DEFAULT_ACCESS_KEY_SECRET,
    DEFAULT_ACCOUNT_ID,
    type FcEmulator,
    type FcEmulatorOptions,
    startFcEmulator,
} from "../../provider/emulator";
import { createTestCertificate, type StsEmulator, startStsEmulator, type TestCertificate } from "../sts-emulator";
import { type TestClock, testClock } from "./clock";

/** The account of the roles, another than the user's: a request that reaches FC as it proves the role was used. */
export const ROLE_ACCOUNT_ID = "5555555555555555";
/** A role any key of the stand-ins may assume. */
export const READER_ROLE = `acs:ram::${ROLE_ACCOUNT_ID}:role/fc-reader`;
/** A role that requires an ExternalId. */
export const GUARDED_ROLE = `acs:ram::${ROLE_ACCOUNT_ID}:role/guarded`;
export const GUARDED_EXTERNAL_ID = "external-id-7f3a";
/** The ACK RRSA OIDC provider and the one token it signed (fake). */
export const OIDC_PROVIDER = `acs:ram::${ROLE_ACCOUNT_ID}:oidc-provider/ack-rrsa-test`;
export const OIDC_TOKEN = "eyJhbGciOiJSUzI1NiJ9.test-oidc-token-9b1e.signature";

/** Both stand-ins, their certificate, clock, and a HOME for child processes. */
export interface StandIns {
    fc: FcEmulator;
    sts: StsEmulator;
    certificate: TestCertificate;
    clock: TestClock;
    /** An empty temp directory to use as HOME. */
    home: string;
    close(): Promise<void>;
}

export async function startStandIns(fcOptions: FcEmulatorOptions = {}): Promise<StandIns> {
    const clock = testClock({ start: Date.now() });
    const certificate = createTestCertificate();
    const fc = await startFcEmulator({ ...fcOptions, clock: clock.now });
    const sts = await startStsEmulator({
        tls: certificate,
        credentials: fcOptions.credentials ?? [{ accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET }],
        accountId: fcOptions.accountId ?? DEFAULT_ACCOUNT_ID,
        roles: [{ arn: READER_ROLE }, { arn: GUARDED_ROLE, externalId: GUARDED_EXTERNAL_ID }],
        oidcProviders: [{ arn: OIDC_PROVIDER, tokens: [OIDC_TOKEN] }],
        clock: clock.now,
        onIssue: (credential) => fc.addCredential(credential),
    });
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "fcaic-home-"));
    return {
        fc,
        sts,
        certificate,
        clock,
        home,
        async close() {
            await Promise.all([fc.close(), sts.close()]);
            certificate.dispose();
            fs.rmSync(home, { recursive: true, force: true });
        },
    };
}
