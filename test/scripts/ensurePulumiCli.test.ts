// scripts/ensure-pulumi-cli.sh as a new machine runs it, against a stand-in `go` on PATH: a cold module
// cache makes Go print "go: downloading …" lines, some of which hold words such as "error", and the
// script must judge each step by its exit status alone. Each case runs the script in a throwaway
// checkout (a copy of the script beside a fake node_modules/@pulumi/pulumi), so the real checkout's
// node_modules/.pulumi-cli is never touched.

import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const SCRIPT = path.resolve(__dirname, "..", "..", "scripts", "ensure-pulumi-cli.sh");
const VERSION = "3.248.0";

/**
 * A `go` that behaves like the real one on a cold module cache: noisy download lines on stderr, the
 * pkg/v3 go.mod in the module cache after `go mod download`, a runnable `pulumi` after `go build`.
 * STUB_GO_FAIL names a subcommand (`get`, `build`) that prints an error and exits 1 instead. Every call
 * is appended to $STUB_GO_CALLS.
 */
const STUB_GO = `#!/usr/bin/env bash
echo "$*" >> "$STUB_GO_CALLS"
cmd="$1"; [ "$1" = mod ] && cmd="mod-$2"
if [ "$cmd" = "$STUB_GO_FAIL" ] || [ "mod-$2" = "$STUB_GO_FAIL" ]; then
  echo "go: github.com/pulumi/esc@v0.99.0: reading https://proxy.example/github.com/pulumi/esc/@v/v0.99.0.mod: 410 Gone" >&2
  exit 1
fi
case "$cmd" in
  env) echo "$STUB_GOMODCACHE" ;;
  mod-edit) ;;
  mod-download)
    mkdir -p "$STUB_GOMODCACHE/cache/download/github.com/pulumi/pulumi/pkg/v3/@v"
    printf 'module github.com/pulumi/pulumi/pkg/v3\\n\\nreplace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e\\nreplace github.com/pulumi/pulumi/sdk/v3 => ../sdk\\n' \\
      > "$STUB_GOMODCACHE/cache/download/github.com/pulumi/pulumi/pkg/v3/@v/v${VERSION}.mod" ;;
  get)
    echo "go: downloading github.com/hashicorp/go-multierror v1.1.1" >&2
    echo "go: downloading github.com/pkg/errors v0.9.1" >&2
    echo "go: downloading github.com/cannot-resolve/error-not-found v1.0.0" >&2
    echo "go: added github.com/pulumi/pulumi/pkg/v3 v${VERSION}" >&2 ;;
  build)
    while [ "$#" -gt 0 ]; do [ "$1" = -o ] && out="$2"; shift; done
    printf '#!/bin/sh\\necho v${VERSION}\\n' > "$out"; chmod +x "$out"
    echo "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi" >&2 ;;
  *) echo "stub go: unexpected call: $*" >&2; exit 2 ;;
esac
`;

interface Checkout {
    root: string;
    env: NodeJS.ProcessEnv;
    calls: string;
    cache: string;
}

/** A throwaway checkout with the script, a fake @pulumi/pulumi, a stand-in `go`, and its own caches. */
function newCheckout(): Checkout {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "fcaic-cli-script-"));
    fs.mkdirSync(path.join(root, "scripts"));
    fs.copyFileSync(SCRIPT, path.join(root, "scripts", "ensure-pulumi-cli.sh"));
    const sdk = path.join(root, "node_modules", "@pulumi", "pulumi");
    fs.mkdirSync(sdk, { recursive: true });
    fs.writeFileSync(path.join(sdk, "package.json"), JSON.stringify({ name: "@pulumi/pulumi", version: VERSION }));
    writeExecutable(path.join(sdk, "pulumi-resource-pulumi-nodejs"), "#!/bin/sh\nexit 0\n");
    const stubBin = path.join(root, "stub-bin");
    fs.mkdirSync(stubBin);
    writeExecutable(path.join(stubBin, "go"), STUB_GO);
    const calls = path.join(root, "go-calls.log");
    fs.writeFileSync(calls, "");
    const cache = path.join(root, "cli-cache");
    const env: NodeJS.ProcessEnv = {
        // Only the stand-in go, node and the base system: no real go, pulumi or language host.
        PATH: [stubBin, path.dirname(process.execPath), "/usr/bin", "/bin"].join(path.delimiter),
        HOME: path.join(root, "home"),
        PULUMI_CLI_CACHE: cache,
        STUB_GO_CALLS: calls,
        STUB_GOMODCACHE: path.join(root, "gomodcache"),
    };
    return { root, env, calls, cache };
}

function isLink(file: string): boolean {
    try {
        return fs.lstatSync(file).isSymbolicLink();
    } catch {
        return false;
    }
}

function writeExecutable(file: string, text: string): void {
    fs.writeFileSync(file, text);
    fs.chmodSync(file, 0o755);
}

function run(checkout: Checkout, extraEnv: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync("bash", [path.join(checkout.root, "scripts", "ensure-pulumi-cli.sh")], {
        env: { ...checkout.env, ...extraEnv },
        encoding: "utf8",
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("scripts/ensure-pulumi-cli.sh on a new machine (stand-in go)", function () {
    this.timeout(60_000);
    const made: Checkout[] = [];
    const checkout = (): Checkout => {
        const c = newCheckout();
        made.push(c);
        return c;
    };
    after(() => made.forEach((c) => fs.rmSync(c.root, { recursive: true, force: true })));

    it("succeeds on the first run although go's download lines say 'error' and 'cannot'", () => {
        const c = checkout();
        const result = run(c);
        assert.equal(result.status, 0, result.stderr);
        const outDir = path.join(c.root, "node_modules", ".pulumi-cli");
        assert.equal(result.stdout.trim(), outDir);
        const version = spawnSync(path.join(outDir, "pulumi"), ["version"], { encoding: "utf8" });
        assert.equal(version.stdout.trim(), `v${VERSION}`);
        assert.equal(
            fs.readlinkSync(path.join(outDir, "pulumi-resource-pulumi-nodejs")),
            path.join(c.root, "node_modules", "@pulumi", "pulumi", "pulumi-resource-pulumi-nodejs"),
        );
        assert.equal(fs.readlinkSync(path.join(c.root, "node_modules", ".bin", "pulumi")), path.join(outDir, "pulumi"));
        // The noisy lines were kept in the log, and pkg/v3's non-local replace was repeated (not the local one).
        const log = fs.readFileSync(path.join(c.cache, `v${VERSION}`, "build", "build.log"), "utf8");
        assert.match(log, /go: downloading github\.com\/cannot-resolve\/error-not-found/);
        const calls = fs.readFileSync(c.calls, "utf8");
        assert.match(calls, /mod edit -replace=github\.com\/atotto\/clipboard=github\.com\/tgummerer\/clipboard@v0\.0\.0-20241001131231-d02d263e614e/);
        assert.doesNotMatch(calls, /-replace=github\.com\/pulumi\/pulumi\/sdk/);
        assert.match(calls, new RegExp(`^get github\\.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v${VERSION}$`, "m"));
    });

    it("a second run reuses the cached CLI without calling go", () => {
        const c = checkout();
        assert.equal(run(c).status, 0);
        fs.writeFileSync(c.calls, "");
        const again = run(c);
        assert.equal(again.status, 0, again.stderr);
        assert.match(again.stderr, /using cached pulumi 3\.248\.0/);
        assert.equal(fs.readFileSync(c.calls, "utf8"), "");
    });

    for (const [failing, stepName] of [
        ["get", "resolve the CLI's dependencies (go get)"],
        ["build", "compile the CLI (go build)"],
        ["mod-download", `download github.com/pulumi/pulumi/pkg/v3@v${VERSION}`],
    ] as const) {
        it(`fails when go ${failing.replace("mod-", "mod ")} fails, naming the step, its exit status and its log`, () => {
            const c = checkout();
            const result = run(c, { STUB_GO_FAIL: failing });
            assert.notEqual(result.status, 0);
            const log = path.join(c.cache, `v${VERSION}`, "build", "build.log");
            assert.ok(result.stderr.includes(`step '${stepName}`), result.stderr);
            assert.ok(result.stderr.includes("exited with status 1"), result.stderr);
            assert.ok(result.stderr.includes(`the whole log is ${log}`), result.stderr);
            assert.match(result.stderr, /410 Gone/, "the failing command's own output is shown");
            assert.equal(result.stdout, "", "nothing for a caller to put on PATH");
            assert.ok(!fs.existsSync(path.join(c.cache, `v${VERSION}`, "bin", "pulumi")), "no CLI cached after a failure");
        });
    }

    describe("the Node.js language host", () => {
        it("links the one PULUMI_LANGUAGE_NODEJS names beside the CLI", () => {
            const c = checkout();
            const host = path.join(c.root, "elsewhere", "pulumi-language-nodejs");
            fs.mkdirSync(path.dirname(host));
            writeExecutable(host, "#!/bin/sh\n");
            const result = run(c, { PULUMI_LANGUAGE_NODEJS: host });
            assert.equal(result.status, 0, result.stderr);
            assert.equal(fs.readlinkSync(path.join(c.root, "node_modules", ".pulumi-cli", "pulumi-language-nodejs")), host);
        });

        it("links one found on PATH", () => {
            const c = checkout();
            const dir = path.join(c.root, "tools");
            fs.mkdirSync(dir);
            writeExecutable(path.join(dir, "pulumi-language-nodejs"), "#!/bin/sh\n");
            const result = run(c, { PATH: `${dir}${path.delimiter}${c.env.PATH}` });
            assert.equal(result.status, 0, result.stderr);
            assert.equal(fs.readlinkSync(path.join(c.root, "node_modules", ".pulumi-cli", "pulumi-language-nodejs")), path.join(dir, "pulumi-language-nodejs"));
        });

        it("keeps the one linked by an earlier run while it exists; without one, says how to provide one", () => {
            const c = checkout();
            const host = path.join(c.root, "pulumi-language-nodejs");
            writeExecutable(host, "#!/bin/sh\n");
            const linked = path.join(c.root, "node_modules", ".pulumi-cli", "pulumi-language-nodejs");
            assert.equal(run(c, { PULUMI_LANGUAGE_NODEJS: host }).status, 0);
            const kept = run(c);
            assert.equal(kept.status, 0, kept.stderr);
            assert.equal(fs.readlinkSync(linked), host);
            fs.rmSync(host);
            const gone = run(c);
            assert.equal(gone.status, 0, gone.stderr);
            assert.match(gone.stderr, /no Node\.js language host .* found/);
            assert.match(gone.stderr, /PULUMI_LANGUAGE_NODEJS=\/path\/to\/pulumi-language-nodejs/);
            assert.ok(!fs.existsSync(linked) && !isLink(linked), "the link to a host that is gone is removed");
        });

        it("refuses a PULUMI_LANGUAGE_NODEJS that is not an executable, naming the variable", () => {
            const c = checkout();
            const result = run(c, { PULUMI_LANGUAGE_NODEJS: path.join(c.root, "missing") });
            assert.notEqual(result.status, 0);
            assert.match(result.stderr, /PULUMI_LANGUAGE_NODEJS=.*missing is not an executable file/);
        });
    });
});
