// Public entry of the STS stand-in: a local HTTPS stand-in for Alibaba Cloud STS (API 2015-04-01) that
// answers GetCallerIdentity, AssumeRole and AssumeRoleWithOIDC to the real @alicloud/sts20150401 SDK and
// to @alicloud/credentials, verifying their signatures. For tests only.
//
//   const certificate = createTestCertificate();
//   const fc = await startFcEmulator({ clock });
//   const sts = await startStsEmulator({ tls: certificate, credentials: [...], accountId: fc.accountId,
//       roles: [{ arn: "acs:ram::1234567890123456:role/reader" }], clock, onIssue: (c) => fc.addCredential(c) });
//   // a child process with NODE_EXTRA_CA_CERTS=certificate.caFile and STS_ENDPOINT=sts.host …
//   await sts.close(); certificate.dispose();

import type { EmulatorCredential } from "../../provider/emulator/types";
import { StsServer } from "./server";
import type { StsEmulator, StsEmulatorOptions } from "./types";

export { createTestCertificate, type TestCertificate } from "./certificate";
export type { IssuedCredential, StsEmulator, StsEmulatorOptions, StsOidcProvider, StsRecordedRequest, StsRole } from "./types";

/** Starts the stand-in on 127.0.0.1 at a free port; resolves once it listens. Always `close()` it. */
export async function startStsEmulator(options: StsEmulatorOptions): Promise<StsEmulator> {
    const keys = new Map<string, EmulatorCredential>(options.credentials.map((c) => [c.accessKeyId, { ...c }]));
    const issued: StsEmulator["issued"] = [];
    const server = new StsServer(options.tls, {
        accountId: options.accountId,
        roles: new Map((options.roles ?? []).map((r) => [r.arn, r])),
        oidcProviders: new Map((options.oidcProviders ?? []).map((p) => [p.arn, p])),
        keys,
        issued,
        clock: options.clock ?? Date.now,
        onIssue: options.onIssue,
    });
    const address = await server.listen("127.0.0.1", 0);
    return {
        host: `127.0.0.1:${address.port}`,
        requests: server.requests,
        issued,
        close: () => server.close(),
    };
}
