#!/usr/bin/env bash
# Provide a real `pulumi` CLI whose version matches the installed @pulumi/pulumi SDK.
#
# Puts `pulumi` with `pulumi-resource-pulumi-nodejs` (and the Node.js language host
# `pulumi-language-nodejs` when one can be found) into this checkout's node_modules/.pulumi-cli, links
# node_modules/.bin/pulumi (on PATH in every `npm run`) to it, and prints that directory on stdout for
# other callers to prepend to PATH. Progress goes to stderr.
#
# Order: a `pulumi` already on PATH with the right version is used as is; else a cached build;
# else the CLI is built from the Go module github.com/pulumi/pulumi/pkg/v3 at the SDK's version into
# a cache outside the repository (PULUMI_CLI_CACHE, default ~/.cache/pulumi-fc-async-invoke-config),
# so later runs reuse it. Release downloads are not used: only the Go module proxy is needed.
#
# The language host is taken from PULUMI_LANGUAGE_NODEJS (a path to the binary), else from beside the
# CLI in use, else from PATH. Without one, the plain-CLI path (`pulumi preview` in a project folder)
# cannot run; the Automation API's inline programs (most tests) do not need it.
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

# The language host to link beside the CLI: PULUMI_LANGUAGE_NODEJS, else one beside the CLI ($1),
# else one on PATH, else the one linked by an earlier run if it is still there. Prints nothing when
# there is none.
find_language_host() {
  local cli_dir="$1" found
  if [ -n "${PULUMI_LANGUAGE_NODEJS:-}" ]; then
    [ -x "$PULUMI_LANGUAGE_NODEJS" ] || fail "PULUMI_LANGUAGE_NODEJS=$PULUMI_LANGUAGE_NODEJS is not an executable file."
    readlink -f "$PULUMI_LANGUAGE_NODEJS"
  elif [ -x "$cli_dir/pulumi-language-nodejs" ]; then
    readlink -f "$cli_dir/pulumi-language-nodejs"
  elif found="$(command -v pulumi-language-nodejs 2>/dev/null)" && [ "$(readlink -f "$(dirname "$found")")" != "$(readlink -f "$out_dir")" ]; then
    readlink -f "$found"
  elif [ -x "$out_dir/pulumi-language-nodejs" ]; then
    readlink -f "$out_dir/pulumi-language-nodejs"
  fi
}

# The CLI looks for its bundled plugins (the dynamic-provider host `pulumi-resource-pulumi-nodejs`,
# language hosts) next to its own executable, after symlinks are resolved, and warns when it meets
# another copy on PATH. So each checkout gets a directory holding a hard link to the cached binary
# beside a link to this checkout's own provider host: no warning, and no checkout uses another's
# @pulumi/pulumi. node_modules/.bin/pulumi points there, for `npm run`.
out_dir="$here/node_modules/.pulumi-cli"
mkdir -p "$out_dir"
finish() {
  local exe="$1" dir host
  dir="$(dirname "$(readlink -f "$exe")")"
  host="$(find_language_host "$dir")"
  rm -f "$out_dir/pulumi" "$out_dir/pulumi-language-nodejs" "$here/node_modules/.bin/pulumi-resource-pulumi-nodejs"
  if [ "$dir" = "$(readlink -f "$bin_dir")" ]; then
    ln -f "$exe" "$out_dir/pulumi" 2>/dev/null || cp "$exe" "$out_dir/pulumi"
    ln -sfn "$nodejs_plugin" "$out_dir/pulumi-resource-pulumi-nodejs"
  else
    # Someone else's install: use it where it is, with the plugins it bundles.
    ln -sfn "$exe" "$out_dir/pulumi"
    [ -x "$dir/pulumi-resource-pulumi-nodejs" ] || ln -sfn "$nodejs_plugin" "$out_dir/pulumi-resource-pulumi-nodejs"
  fi
  if [ -n "$host" ]; then
    ln -sfn "$host" "$out_dir/pulumi-language-nodejs"
    say "language host: $host"
  else
    say "no Node.js language host (pulumi-language-nodejs) found: the plain-CLI path cannot run."
    say "  Put it on PATH or set PULUMI_LANGUAGE_NODEJS=/path/to/pulumi-language-nodejs and run this again."
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

# 3. Build from the Go module proxy, one build at a time per cache: a second caller (a parallel test
# run, another checkout) waits for the first and then takes its result from the cache.
command -v go >/dev/null 2>&1 || fail "no Go toolchain on PATH to build pulumi $version from source."
work="$cache_root/v$version/build"
mkdir -p "$work"
exec 9> "$cache_root/v$version/build.lock"
if ! flock -n 9; then
  say "another build of pulumi $version is under way in $cache_root; waiting for it…"
  flock 9
fi
if [ -x "$bin_dir/pulumi" ] && [ "$(version_of "$bin_dir/pulumi")" = "$version" ]; then
  say "using pulumi $version just built by another caller"
  finish "$bin_dir/pulumi"
fi
log="$work/build.log"
: > "$log"
say "building pulumi v$version from github.com/pulumi/pulumi/pkg/v3 (first run only; several minutes)"
say "work dir: $work; log: $log"

# step NAME CMD...: runs CMD with its output appended to the log and judges it by its exit status
# alone. On a cold module cache Go prints lines such as "go: downloading github.com/pkg/errors …":
# words in a log say nothing about success. Progress: one stderr line per 200 lines of output.
step() {
  local name="$1" status
  shift
  say "$name…"
  printf '\n== %s: %s\n' "$name" "$*" >> "$log"
  set +o pipefail
  "$@" 2>&1 | tee -a "$log" | awk -v what="$name" '{ n++; if (n % 200 == 0) printf "[pulumi-cli]   %s: %d lines…\n", what, n > "/dev/stderr" }'
  status=${PIPESTATUS[0]}
  set -o pipefail
  if [ "$status" -ne 0 ]; then
    say "step '$name' failed with exit status $status; the last lines of its log:"
    tail -n 30 "$log" >&2
    fail "step '$name' ($*) exited with status $status; the whole log is $log."
  fi
}

# pkg/v3's go.mod has replace directives, so `go install pkg@version` refuses it; a wrapper module
# that requires pkg/v3 and sdk/v3 at the same version and repeats the non-local replaces is the route.
cd "$work"
rm -f go.mod go.sum
printf 'module pulumi-cli-build\n\ngo 1.25\n' > go.mod
step "require pkg/v3 and sdk/v3 v$version" \
  go mod edit -require="github.com/pulumi/pulumi/pkg/v3@v$version" -require="github.com/pulumi/pulumi/sdk/v3@v$version"
step "download github.com/pulumi/pulumi/pkg/v3@v$version (the proxy must serve this version)" \
  go mod download "github.com/pulumi/pulumi/pkg/v3@v$version"
pkg_mod="$(go env GOMODCACHE)/cache/download/github.com/pulumi/pulumi/pkg/v3/@v/v$version.mod"
[ -f "$pkg_mod" ] || fail "go mod download exited 0 but left no $pkg_mod."
# Repeat pkg/v3's non-local replace directives (local ones point inside the pulumi repo).
replaces=()
while read -r r; do replaces+=("-replace=$r"); done < <(
  sed -nE 's/^replace ([^ ]+) => ([^. ][^ ]*) ([^ ]+)$/\1=\2@\3/p' "$pkg_mod"
)
[ ${#replaces[@]} -eq 0 ] || step "repeat pkg/v3's replace directives" go mod edit "${replaces[@]}"
# `go get` of the main package records every module and checksum its build needs.
step "resolve the CLI's dependencies (go get)" go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v$version"
start=$(date +%s)
rm -f "$bin_dir/pulumi.tmp"
step "compile the CLI (go build)" go build -v -trimpath \
  -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" \
  -o "$bin_dir/pulumi.tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
[ -x "$bin_dir/pulumi.tmp" ] || fail "go build exited 0 but wrote no $bin_dir/pulumi.tmp (log: $log)."
mv "$bin_dir/pulumi.tmp" "$bin_dir/pulumi"
built="$(version_of "$bin_dir/pulumi")"
[ "$built" = "$version" ] || fail "the built CLI reports version '$built', not $version (log: $log)."
say "built pulumi $built ($(( $(date +%s) - start )) s compiling)"
finish "$bin_dir/pulumi"
