#!/bin/sh
# Lays the machine's node and npm out where frontend-maven-plugin looks for them,
# so the build never downloads Node (nodejs.org is not reachable everywhere).
set -eu
dir="$1"
node_bin=$(command -v node) || { echo "node is not on the PATH: install Node.js 20+ or build with -Dfrontend.downloadNode" >&2; exit 1; }
npm_cli=$(readlink -f "$(command -v npm)")
npm_home=$(dirname "$(dirname "$npm_cli")")
mkdir -p "$dir/node/node_modules"
ln -sfn "$node_bin" "$dir/node/node"
ln -sfn "$npm_home" "$dir/node/node_modules/npm"
echo "using node $("$node_bin" --version) and npm from $npm_home"
