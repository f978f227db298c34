#!/usr/bin/env bash
# Three API nodes on one throwaway PostgreSQL, load spread across them, one killed mid-load (docs/operations.md).
# Usage: bench/several-nodes.sh [--providers N] [--seconds S] [--nodes K]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release --nologo -v quiet
exec dotnet run -c Release --no-build --project bench/ReferralNetwork.Benchmarks -- --nodes 3 --providers 10000 --seconds 45 "$@"
