#!/usr/bin/env bash
# Provide a real `pulumi` CLI whose version matches the installed @pulumi/pulumi SDK.
#
# Puts `pulumi` with `pulumi-resource-pulumi-nodejs` (and `pulumi-language-nodejs` when it could be had)
# into this checkout's node_modules/.pulumi-cli, links node_modules/.bin/pulumi (on PATH in every
# `npm run`) to it, and prints that directory on stdout for other callers to prepend to PATH.
# Progress goes to stderr.
#
# Order: a `pulumi` already on PATH with the right version is used as is; else a cached build;
# else the CLI is built from the Go module github.com/pulumi/pulumi/pkg/v3 at the SDK's version into
# a cache outside the repository (PULUMI_CLI_CACHE, default ~/.cache/pulumi-fc-async-invoke-config),
# so later runs reuse it. Release downloads are not used: only the Go module proxy is needed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sdk_pkg="$here/node_modules/@pulumi/pulumi/package.json"
say() { printf '[pulumi-cli] %s\n' "$*" >&2; }
fail() {
  say "ERROR: $*"
  say "Install the Pulumi CLI by hand (https://www.pulumi.com/docs/install/) at the version of"
  say "node_modules/@pulumi/pulumi, put it on PATH, and run this again."
  exit 1
}

[ -f "$sdk_pkg" ] || fail "node_modules/@pulumi/pulumi is missing: run 'npm ci' first."
version="$(node -p "require('$sdk_pkg').version")"
nodejs_plugin="$here/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
[ -x "$nodejs_plugin" ] || fail "$nodejs_plugin is missing or not executable."

cache_root="${PULUMI_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-fc-async-invoke-config}"
bin_dir="$cache_root/v$version/bin"
mkdir -p "$bin_dir"

# The CLI looks for its bundled plugins (the dynamic-provider host `pulumi-resource-pulumi-nodejs`,
# language hosts) next to its own executable, after symlinks are resolved, and warns when it meets
# another copy on PATH. So each checkout gets a directory holding a hard link to the cached binary
# beside a link to this checkout's own provider host: no warning, and no checkout uses another's
# @pulumi/pulumi. node_modules/.bin/pulumi points there, for `npm run`.
out_dir="$here/node_modules/.pulumi-cli"
mkdir -p "$out_dir"
finish() {
  local exe="$1" dir
  dir="$(dirname "$(readlink -f "$exe")")"
  rm -f "$out_dir/pulumi" "$here/node_modules/.bin/pulumi-resource-pulumi-nodejs"
  if [ "$dir" = "$(readlink -f "$bin_dir")" ]; then
    ln -f "$exe" "$out_dir/pulumi" 2>/dev/null || cp "$exe" "$out_dir/pulumi"
    ln -sfn "$nodejs_plugin" "$out_dir/pulumi-resource-pulumi-nodejs"
  else
    # Someone else's install: use it where it is, with the plugins it bundles.
    ln -sfn "$exe" "$out_dir/pulumi"
    [ -x "$dir/pulumi-resource-pulumi-nodejs" ] || ln -sfn "$nodejs_plugin" "$out_dir/pulumi-resource-pulumi-nodejs"
  fi
  if [ -x "$dir/pulumi-language-nodejs" ] && [ ! -e "$out_dir/pulumi-language-nodejs" ]; then
    ln -sfn "$dir/pulumi-language-nodejs" "$out_dir/pulumi-language-nodejs"
  fi
  mkdir -p "$here/node_modules/.bin"
  ln -sfn "$out_dir/pulumi" "$here/node_modules/.bin/pulumi"
  echo "$out_dir"
  exit 0
}

version_of() { "$1" version 2>/dev/null | tr -d 'v\r\n' || true; }

# 1. One on PATH (not our own links) with the same version.
if ambient="$(command -v pulumi 2>/dev/null)" && [ "$(readlink -f "$(dirname "$ambient")")" != "$(readlink -f "$out_dir")" ] \
  && [ "$(readlink -f "$ambient")" != "$(readlink -f "$out_dir/pulumi")" ] && [ "$(readlink -f "$ambient")" != "$(readlink -f "$bin_dir/pulumi")" ]; then
  if [ "$(version_of "$ambient")" = "$version" ]; then
    say "using pulumi $version from $ambient"
    finish "$ambient"
  fi
  say "pulumi on PATH is $(version_of "$ambient"), SDK is $version: not using it"
fi

# 2. A cached build.
if [ -x "$bin_dir/pulumi" ] && [ "$(version_of "$bin_dir/pulumi")" = "$version" ]; then
  say "using cached pulumi $version from $bin_dir"
  finish "$bin_dir/pulumi"
fi

# 3. Build from the Go module proxy.
command -v go >/dev/null 2>&1 || fail "no Go toolchain on PATH to build pulumi $version from source."
work="$cache_root/v$version/build"
mkdir -p "$work"
say "building pulumi v$version from github.com/pulumi/pulumi/pkg/v3 (first run only; several minutes)"
say "work dir: $work"

# pkg/v3's go.mod has replace directives, so `go install pkg@version` refuses it; a wrapper module
# that requires pkg/v3 and sdk/v3 at the same version and repeats the non-local replaces is the route.
cd "$work"
cat > go.mod <<EOF
module pulumi-cli-build

go 1.25
EOF
say "resolving modules (go mod download)…"
go mod edit -require="github.com/pulumi/pulumi/pkg/v3@v$version" -require="github.com/pulumi/pulumi/sdk/v3@v$version"
pkg_mod="$(go env GOMODCACHE)/cache/download/github.com/pulumi/pulumi/pkg/v3/@v/v$version.mod"
go mod download "github.com/pulumi/pulumi/pkg/v3@v$version" || fail "the Go module proxy did not serve github.com/pulumi/pulumi/pkg/v3@v$version (pin @pulumi/pulumi to a version it serves)."
# Repeat pkg/v3's non-local replace directives (local ones point inside the pulumi repo).
grep -E '^replace [^ ]+ => [^.][^ ]* v' "$pkg_mod" | sed -E 's/^replace ([^ ]+) => ([^ ]+) ([^ ]+)$/\1=\2@\3/' | while read -r r; do
  go mod edit -replace="$r"
done
# `go get` of the main package records every module and checksum its build needs.
log="$work/build.log"
say "resolving the CLI's dependencies (go get; log: $log)…"
go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v$version" 2>&1 \
  | tee "$log" \
  | awk '/^go: downloading/ { n++; if (n % 25 == 0) { printf "[pulumi-cli]   %d modules downloaded…\n", n > "/dev/stderr" } }' \
  || true
if ! grep -q "github.com/pulumi/pulumi/pkg/v3 v$version" go.mod || grep -qE '^go: .*(error|cannot|not found|refused|403|410)' "$log"; then
  grep -v '^go: downloading' "$log" | tail -n 20 >&2
  fail "go get github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v$version failed (see above and $log)."
fi
say "compiling (go build; progress: one line per 200 packages)…"
start=$(date +%s)
# The compiler's output goes to the log, so that a failure can show it; awk only counts lines.
set +o pipefail
go build -v -trimpath \
  -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" \
  -o "$bin_dir/pulumi.tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi 2>&1 \
  | tee -a "$log" \
  | awk '{ n++; if (n % 200 == 0) { printf "[pulumi-cli]   %d packages compiled…\n", n > "/dev/stderr" } }'
set -o pipefail
if [ ! -x "$bin_dir/pulumi.tmp" ]; then
  tail -n 30 "$log" >&2
  fail "go build of github.com/pulumi/pulumi/pkg/v3/cmd/pulumi failed (see above and $log)."
fi
mv "$bin_dir/pulumi.tmp" "$bin_dir/pulumi"
say "built pulumi $(version_of "$bin_dir/pulumi") in $(( $(date +%s) - start ))s"
finish "$bin_dir/pulumi"
