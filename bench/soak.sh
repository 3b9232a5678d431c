#!/usr/bin/env bash
# C8 Local soak (issue 12): hostile and honest load together against a c8local of its own, then a table of honest
# latency, hostile answers, and the server's memory and file descriptors, on stdout (progress on stderr).
# Not part of the test suite (tests/PSC8.Server.Tests/Soak runs a few seconds of it).
#   bench/soak.sh                   60 s of load after a 10 s baseline, about 2 minutes in all
#   bench/soak.sh --duration 300    five minutes
#   bench/soak.sh --help            every knob
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/bench/PSC8.Bench/bin/Release/net10.0/PSC8.Bench.dll"
c8local="$root/src/PSC8.Server/bin/Release/net10.0/c8local.dll"

echo "Building PSC8.Bench and c8local (Release)..." >&2
dotnet build "$root/bench/PSC8.Bench" -c Release --nologo -v quiet -clp:ErrorsOnly >&2
if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  exec dotnet "$bench" --help
fi
exec dotnet "$bench" soak --c8local "$c8local" --rerun "bench/soak.sh${*:+ $*}" "$@"
