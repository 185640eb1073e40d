#!/usr/bin/env bash
# CI's mutation step: StrykerJS in incremental mode against the committed baseline (reports/stryker-incremental.json),
# so only mutants in code or tests changed since the baseline are run again; then the per-area floors
# (scripts/mutation-score.js). The baseline is copied, never rewritten here: refreshing it is a deliberate commit
# (`npm run test:mutation:baseline`). See docs/decisions/0090-mutation-testing-in-ci.md.
set -euo pipefail
cd "$(dirname "$0")/.."

BASELINE=reports/stryker-incremental.json
WORK=test-artifacts/mutation
mkdir -p "$WORK"
cp "$BASELINE" "$WORK/incremental.json"

# The files the baseline measured; a configured file not measured yet is listed by the score check, not run here
# (a whole file's first run is the baseline's job, not every CI run's).
MUTATE=$(node -e '
  const report = require("./" + process.argv[1]);
  process.stdout.write(Object.keys(report.files).filter((f) => require("fs").existsSync(f)).sort().join(","));
' "$BASELINE")
# MUTATION_ADD=<files> measures files not in the baseline yet in the same run (then commit the result as the baseline).
MUTATE="${MUTATE}${MUTATION_ADD:+,$MUTATION_ADD}"

started=$(date +%s)
# A hang guard, not a time limit: a stale baseline makes this long, and the message says what to do.
if ! timeout 1200 nice -n 10 npx stryker run --incremental --incrementalFile "$WORK/incremental.json" \
    --mutate "$MUTATE" --reporters clear-text,json > "$WORK/stryker.log" 2>&1; then
  tail -n 40 "$WORK/stryker.log"
  echo "ci: mutation testing failed or ran over 20 minutes; if the baseline is stale, run npm run test:mutation:baseline and commit it" >&2
  exit 1
fi
grep -E "Incremental report|mutant result\(s\) are reused|Initial test run|Done in" "$WORK/stryker.log" || true
echo "ci: mutation step took $(( $(date +%s) - started )) s"
node scripts/mutation-score.js "$WORK/mutation.json" --measured-only --against "$BASELINE"
