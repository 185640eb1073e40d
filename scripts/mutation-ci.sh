#!/usr/bin/env bash
# CI's mutation step: StrykerJS in incremental mode against the committed baselines, so only mutants in code or
# tests changed since a baseline are run again; then the per-area floors (scripts/mutation-score.js).
#
# Baselines are Stryker incremental reports, one per group of files: reports/mutation/<group>.json. Every file
# stryker.config.json mutates must be in one: the score check fails on a file with no result (a new file joins a
# group by a run of that group with it added to --mutate). One file per group lets several people
# raise different areas at once without merging Stryker's test ids, which are numbered per report. Each group is
# run on its own (one Stryker dry run each, ~30 s) with a generated config that points at its own copies.
#
#   scripts/mutation-ci.sh              CI: copies of the baselines, never rewritten
#   scripts/mutation-ci.sh --refresh    rewrites the committed baselines with this run's results (then commit them)
#
# See docs/decisions/0090-mutation-testing-in-ci.md.
set -euo pipefail
cd "$(dirname "$0")/.."

REFRESH=false
[ "${1:-}" = "--refresh" ] && REFRESH=true
WORK=test-artifacts/mutation
rm -rf "$WORK" && mkdir -p "$WORK"

# group name, baseline path and files, one group per line (tab-separated); a file two groups hold belongs to the
# first by name.
node scripts/mutation-baselines.js --groups > "$WORK/groups.tsv"

started=$(date +%s)
while IFS=$'\t' read -r group baseline files; do
  [ -n "$files" ] || continue
  cp "$baseline" "$WORK/$group.incremental.json"
  node -e '
    const [config, work, group] = process.argv.slice(1);
    const base = JSON.parse(require("fs").readFileSync(config, "utf8"));
    delete base.$schema;
    base.incrementalFile = `${work}/${group}.incremental.json`;
    base.jsonReporter = { fileName: `${work}/${group}.mutation.json` };
    base.reporters = ["clear-text", "json"];
    require("fs").writeFileSync(`${work}/${group}.config.json`, JSON.stringify(base, null, 2));
  ' stryker.config.json "$WORK" "$group"
  group_started=$(date +%s)
  # A hang guard, not a time limit: a stale baseline makes this long, and the message says what to do. 90 minutes:
  # mut-verify re-running 155 mutants took over 20 at load 1-2 (its specs render and verify real PDFs).
  if ! timeout 5400 nice -n 10 npx stryker run "$WORK/$group.config.json" --incremental --mutate "$files" \
      > "$WORK/$group.log" 2>&1; then
    tail -n 40 "$WORK/$group.log"
    echo "ci: mutation testing of $group failed or ran over 90 minutes; if its baseline is stale, run scripts/mutation-ci.sh --refresh and commit reports/" >&2
    exit 1
  fi
  echo "ci: mutation group $group ($(echo "$files" | tr ',' '\n' | wc -l) files) took $(( $(date +%s) - group_started )) s: $(grep -oE '[0-9]+ of [0-9]+ mutant result\(s\) are reused' "$WORK/$group.log" || echo 'no results reused')"
  if $REFRESH; then cp "$WORK/$group.incremental.json" "$baseline"; fi
done < "$WORK/groups.tsv"
echo "ci: mutation step took $(( $(date +%s) - started )) s"

node scripts/mutation-score.js "$WORK"/*.mutation.json --against-committed
