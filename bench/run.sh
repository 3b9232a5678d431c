#!/usr/bin/env bash
# PSC8 benchmarks: PSC8.Client against the official jsC8 driver and against the physical floor (issue 6).
# Builds what it needs in Release, starts C8 Local as a separate process (in memory, then durable) and prints a
# Markdown table on stdout (progress on stderr). Not part of the test suite.
#   bench/run.sh            full run, about 15-25 minutes on two cores
#   bench/run.sh --quick    smoke run, about two minutes
#   bench/run.sh --help     every knob (--runs, --docs, --modes, --only, ...)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/bench/PSC8.Bench/bin/Release/net10.0/PSC8.Bench.dll"
c8local="$root/src/PSC8.Server/bin/Release/net10.0/c8local.dll"

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  dotnet build "$root/bench/PSC8.Bench" -c Release --nologo -v quiet >/dev/null
  exec dotnet "$bench" --help
fi

echo "Building PSC8.Bench and c8local (Release)..." >&2
dotnet build "$root/bench/PSC8.Bench" -c Release --nologo -v quiet -clp:ErrorsOnly >&2
if [[ ! -f "$root/bench/js/node_modules/jsc8/package.json" ]]; then
  echo "Installing jsC8 from bench/js/package-lock.json..." >&2
  (cd "$root/bench/js" && npm ci --no-audit --no-fund >&2)
fi

scratch="$(mktemp -d -t psc8-bench-tls-XXXXXX)"
trap 'rm -rf "$scratch"' EXIT
dotnet "$bench" cert --out "$scratch"

# The certificate is the only trust anchor of every .NET process of the run (loopback only).
SSL_CERT_FILE="$scratch/c8local-bench.pem" SSL_CERT_DIR="$scratch" dotnet "$bench" run \
  --c8local "$c8local" \
  --js "$root/bench/js" \
  --hostmap "$root/tests/interop/hostmap.cjs" \
  --tls-cert "$scratch/c8local-bench.pem" \
  --tls-key "$scratch/c8local-bench-key.pem" \
  --rerun "bench/run.sh${*:+ $*}" \
  "$@"
