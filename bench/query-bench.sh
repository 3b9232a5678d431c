#!/usr/bin/env bash
# Builds the query benchmark in Release and runs it: C8QL on C8 Local (in process and over HTTP) against the same
# work done directly in SQLite with json_extract. Arguments go to the benchmark, e.g. --sizes 100000 --runs 3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet build "$here/PSC8.Bench.Query/PSC8.Bench.Query.csproj" -c Release --nologo -v quiet
dotnet "$here/PSC8.Bench.Query/bin/Release/net10.0/PSC8.Bench.Query.dll" "$@"
