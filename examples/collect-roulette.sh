#!/bin/sh
# A certification lab's collection run for a single-zero roulette wheel: 4.9 million scaled outcomes
# in [0, 37) by derivation v1 and, from the same generator in the same run, the raw generator bytes
# they were derived from (every byte the derivation consumed, in order), so the lab can re-derive each
# outcome from the raw bytes; then a summary of the raw bytes and the DRBG known-answer tests.
# Run from the repository root after building (mvn -B -q package -DskipTests).
set -e
out=${1:-roulette-collection}
mkdir -p "$out"
./fairspin rng ints --bound 37 --count 4.9M --out "$out/spins.txt" --raw-out "$out/raw.bin"
./fairspin rng stats "$out/raw.bin" --format json > "$out/raw-stats.json"
./fairspin rng kat ../shared/reference/cavp --format json > "$out/cavp.json"
echo "wrote $out/spins.txt, $out/raw.bin (the bytes the spins came from), $out/raw-stats.json, $out/cavp.json"
