// A certificate authority and a server certificate for 127.0.0.1, ::1 and localhost, made at test time
// with the openssl command. @alicloud/credentials reaches STS over HTTPS only and takes no CA of its own,
// so the STS stand-in serves TLS, and the processes that talk to it trust this CA through
// NODE_EXTRA_CA_CERTS (read by Node at process start only: child processes, the Pulumi provider host).

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The files of a test certificate; fake, valid for a day, for loopback only. */
export interface TestCertificate {
    /** The CA certificate (PEM) to trust: give its path as NODE_EXTRA_CA_CERTS. */
    caFile: string;
    /** The server's key and certificate chain (PEM). */
    key: string;
    cert: string;
    /** Removes the files. */
    dispose(): void;
}

/** Makes a CA and a server certificate signed by it, in a fresh temp directory. */
export function createTestCertificate(): TestCertificate {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fcaic-test-ca-"));
    const file = (name: string): string => path.join(dir, name);
    const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
    const openssl = (args: string[]): void => {
        execFileSync("openssl", args, { stdio: ["ignore", "ignore", "pipe"] });
    };
    openssl([
        "req",
        "-x509",
        ...ec,
        "-keyout",
        file("ca.key"),
        "-out",
        file("ca.pem"),
        "-days",
        "1",
        "-subj",
        "/CN=pulumi-fc-async-invoke-config test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
    ]);
    openssl(["req", ...ec, "-keyout", file("server.key"), "-out", file("server.csr"), "-subj", "/CN=localhost"]);
    fs.writeFileSync(file("server.ext"), "subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
    openssl([
        "x509",
        "-req",
        "-in",
        file("server.csr"),
        "-CA",
        file("ca.pem"),
        "-CAkey",
        file("ca.key"),
        "-CAcreateserial",
        "-out",
        file("server.pem"),
        "-days",
        "1",
        "-extfile",
        file("server.ext"),
    ]);
    return {
        caFile: file("ca.pem"),
        key: fs.readFileSync(file("server.key"), "utf8"),
        cert: fs.readFileSync(file("server.pem"), "utf8"),
        dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
}
