#!/usr/bin/env bash
# bench/measure.sh BASELINE_TREE [CURRENT_TREE]
#
# Issue 19's four targets, measured alternately for two builds of TuneGate on the same machine: BASELINE_TREE
# and CURRENT_TREE (default: this worktree) are checkouts of two commits, e.g. a `git worktree add
# /tmp/before <commit>` of the commit before a change. Every target runs one pair first that is thrown away
# (a cold file cache, and each measured run then follows a run of the other build: on ext4 without a journal,
# creating files costs more right after many were deleted, which the runs before did), then RUNS pairs,
# alternating which build goes first; it prints every run and the medians. Not a timed test: run it alone on a
# quiet machine. It prints figures and judges nothing.
#
#   PREPARE=1 bench/measure.sh /tmp/before     # build both trees first (offline Maven, no install)
#   RUNS=5 TARGETS="latency replay first" bench/measure.sh /tmp/before
#
# Targets (TARGETS, default all four):
#   compare  0 ms latency, concurrency 32, 2000 cases x 2 variants: ../shared/bench's run_tunegate.sh for each
#            build and run_promptfoo.sh once per pair (BENCH: a copy of /work/shared/bench after its setup.sh,
#            default /tmp/bench); cases/s, the ratio to promptfoo's, peak in-flight at the fake server; a run
#            whose requests at the fake server fall short of 2 x cases is reported as failed and not counted
#   latency  EngineBenchmark 2000 2 50 32 (emulator, reports and Allure on): wall vs ideal 6.25 s, JVM start
#   replay   10,000 recorded case-variants (EngineBenchmark 5000 2 0 32, recorded once per build, then
#            bench.mode=replay, reports and Allure on): case-variants/s from the JVM's start to its end,
#            timed outside the JVM
#   first    `tunegate run` on a 10-case suite, 2 variants (embedded emulator): the wall time of the whole command (both
#            builds), and the time from JVM start to the first result printed by `tunegate run -v` (builds
#            that print it: the launcher script target/tunegate with its class-data-sharing archive)
set -uo pipefail
BASE=$(cd "${1:?usage: bench/measure.sh BASELINE_TREE [CURRENT_TREE]}" && pwd)
CUR=$(cd "${2:-$(dirname "$0")/..}" && pwd)
RUNS=${RUNS:-5}
CASES=${CASES:-2000}          # compare and latency: cases (x 2 variants); the issue's targets are for 2000
REPLAY_CASES=${REPLAY_CASES:-5000} # replay: cases (x 2 variants); the issue's target is for 5000 (10,000 case-variants)
IDEAL=$(python3 -c "print($CASES * 2 * 0.050 / 32)")
TARGETS=${TARGETS:-compare latency replay first}
BENCH=${BENCH:-/tmp/bench}
OUT=${OUT:-/tmp/tunegate-measure}
mkdir -p "$OUT"
LOG="$OUT/measure-$(date +%Y%m%dT%H%M%S).log"

say() { echo "$*" | tee -a "$LOG"; }
median() { python3 -c 'import statistics,sys; v=[float(x) for x in sys.argv[1:] if x not in ("", "n/a")]; print(f"{statistics.median(v):.3f}" if v else "n/a")' "$@"; }
engine() { echo "$1/framework/tunegate-engine"; }
label() { [ "$1" = "$BASE" ] && echo before || echo after; }
# the two builds in turn, the first pair thrown away: "warmup" then RUNS pairs, alternating the order
order() {
  echo "warmup $BASE"; echo "warmup $CUR"
  for i in $(seq 1 "$RUNS"); do
    if [ $((i % 2)) -eq 1 ]; then echo "$i $BASE"; echo "$i $CUR"; else echo "$i $CUR"; echo "$i $BASE"; fi
  done
}

prepare() {
  local tree=$1
  say "building $tree"
  # the classpaths are written in the reactor (-am), so that they name this tree's client and emulator
  # (target/classes), not whatever snapshot another build left in ~/.m2
  (cd "$tree" && mvn -B -o -q -pl framework/tunegate-cli -am package -DskipTests -DskipFrameworkTests \
    && mvn -B -o -q -pl framework/tunegate-engine -am test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test \
    && mvn -B -o -q -pl framework/tunegate-engine -am compile dependency:build-classpath \
      -Dmdep.outputFile=target/cp-runtime.txt -Dmdep.includeScope=runtime) \
    >>"$LOG" 2>&1 || { say "build of $tree failed (see $LOG)"; exit 2; }
}

bench() { # bench TREE ARGS... : EngineBenchmark in TREE with the JVM flags and arguments given
  local tree=$1; shift
  (cd "$(engine "$tree")" && java -Xmx512m -Djava.io.tmpdir="$OUT/tmp" "$@")
}

if [ "${PREPARE:-0}" = 1 ]; then prepare "$BASE"; prepare "$CUR"; fi
for tree in "$BASE" "$CUR"; do
  [ -f "$(engine "$tree")/target/cp.txt" ] || { echo "$tree is not built: run with PREPARE=1" >&2; exit 2; }
done
mkdir -p "$OUT/tmp"
say "before: $BASE ($(git -C "$BASE" log --oneline -1 2>/dev/null || echo "not a git checkout"))"
say "after:  $CUR ($(git -C "$CUR" log --oneline -1 2>/dev/null || echo "not a git checkout"))"
say "runs: $RUNS pairs after one thrown away; load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; log $LOG"

target_compare() {
  [ -x "$BENCH/run_tunegate.sh" ] && [ -d "$BENCH/promptfoo/node_modules" ] \
    || { say "compare: skipped ($BENCH is not a copy of /work/shared/bench after setup.sh)"; return; }
  local cs="$BENCH/console-standalone.jar"
  [ -f "$cs" ] || (cd "$BENCH" && mvn -B -q dependency:copy -Dartifact=org.junit.platform:junit-platform-console-standalone:1.14.4 \
      -DoutputDirectory=. && mv junit-platform-console-standalone-1.14.4.jar "$cs") \
    || { say "compare: skipped (no console launcher jar)"; return; }
  declare -A rate inflight; local pf=() pair=0
  while read -r run tree; do
    TG_CONSOLE=$cs TG_CP="$(engine "$tree")/target/classes:$(cat "$(engine "$tree")/target/cp-runtime.txt")" \
      BENCH_NOTE="measure-$(label "$tree")" "$BENCH/run_tunegate.sh" "$CASES" 32 0 >>"$LOG" 2>&1
    read -r wall r peak requests expected < <(tail -1 "$BENCH/results/results.tsv" | awk -F'\t' '{print $7, $22, $17, $14, $15}')
    if [ "$requests" != "$expected" ]; then # a run that failed (e.g. at discovery) is not a fast run
      say "compare $run $(label "$tree"): FAILED, the fake server answered ${requests} of ${expected} requests (see $LOG)"
      continue
    fi
    say "compare $run $(label "$tree"): wall ${wall} s, ${r} cases/s, peak in-flight ${peak}"
    [ "$run" = warmup ] && continue
    rate[$tree]+="$r "; inflight[$tree]+="$peak "; pair=$((${pair:-0} + 1))
    if [ $((pair % 2)) -eq 0 ]; then # after each pair: promptfoo on the same work
      BENCH_NOTE=measure "$BENCH/run_promptfoo.sh" "$CASES" 32 0 >>"$LOG" 2>&1
      local p; p=$(tail -1 "$BENCH/results/results.tsv" | awk -F'\t' '{print $22}')
      say "compare $run promptfoo: ${p} cases/s"; pf+=("$p")
    fi
  done < <(order)
  local mp; mp=$(median "${pf[@]}")
  for tree in "$BASE" "$CUR"; do
    local m; m=$(median ${rate[$tree]})
    say "RESULT compare $CASES x 2, 0 ms $(label "$tree"): median ${m} cases/s = $(python3 -c "print(f'{$m/$mp:.1f}' if '$mp' != 'n/a' else 'n/a')") x promptfoo (${mp} cases/s); peak in-flight median $(median ${inflight[$tree]}) of 32 (target: >= 10 x, = 32)"
  done
}

target_latency() {
  declare -A wall ratio start
  while read -r run tree; do
    local f="$OUT/latency-$(label "$tree")-$run.log"
    bench "$tree" -cp "target/test-classes:target/classes:$(cat "$(engine "$tree")/target/cp.txt")" \
      dev.tunegate.engine.bench.EngineBenchmark "$CASES" 2 50 32 >"$f" 2>&1
    local w j; w=$(sed -n 's/^wall (disc.+exec.): *\([0-9.]*\) s.*/\1/p' "$f"); j=$(sed -n 's/.*(JVM start to end: \([0-9.]*\) s).*/\1/p' "$f")
    local s; s=$(python3 -c "print(f'{$j-$w:.3f}')" 2>/dev/null || echo n/a)
    say "latency $run $(label "$tree"): wall ${w:-?} s ($(python3 -c "print(f'{$w/$IDEAL:.2f}')" 2>/dev/null || echo ?) x ideal ${IDEAL} s), JVM start to end ${j:-?} s (JVM start and setup ${s} s)"
    [ "$run" = warmup ] && continue
    wall[$tree]+="$w "; start[$tree]+="$s "
  done < <(order)
  for tree in "$BASE" "$CUR"; do
    local m s; m=$(median ${wall[$tree]}); s=$(median ${start[$tree]})
    say "RESULT latency $CASES x 2, 50 ms/32 $(label "$tree"): median wall ${m} s = $(python3 -c "print(f'{$m/$IDEAL:.2f}')") x ideal; JVM start ${s} s; limit 1.15 x ideal + JVM start = $(python3 -c "print(f'{1.15*$IDEAL+$s:.2f}')") s"
  done
}

target_replay() {
  declare -A rate
  for tree in "$BASE" "$CUR"; do
    local dir="$OUT/replay-$(label "$tree")"
    if [ ! -f "$dir/bench.eval.yaml" ]; then
      say "replay: recording $REPLAY_CASES x 2 for $(label "$tree") into $dir"
      bench "$tree" -Dbench.mode=record -Dbench.dir="$dir" -Dtunegate.allure.enabled=false -Dtunegate.reports.enabled=false \
        -cp "target/test-classes:target/classes:$(cat "$(engine "$tree")/target/cp.txt")" \
        dev.tunegate.engine.bench.EngineBenchmark "$REPLAY_CASES" 2 0 32 >"$dir.record.log" 2>&1 || say "replay: recording failed ($dir.record.log)"
    fi
  done
  while read -r run tree; do
    local dir="$OUT/replay-$(label "$tree")" f="$OUT/replay-$(label "$tree")-$run.log"
    local t0 t1; t0=$(date +%s.%N)
    bench "$tree" -Dbench.mode=replay -Dbench.dir="$dir" \
      -cp "target/test-classes:target/classes:$(cat "$(engine "$tree")/target/cp.txt")" \
      dev.tunegate.engine.bench.EngineBenchmark "$REPLAY_CASES" 2 0 32 >"$f" 2>&1
    t1=$(date +%s.%N)
    local e r; e=$(python3 -c "print(f'{$t1-$t0:.3f}')"); r=$(python3 -c "print(f'{2*$REPLAY_CASES/($t1-$t0):.0f}')")
    local ok; ok=$(grep -c "^tests: $((2 * REPLAY_CASES + 1)) found, $((2 * REPLAY_CASES + 1)) succeeded" "$f")
    say "replay $run $(label "$tree"): ${e} s for $((2 * REPLAY_CASES)) case-variants from JVM start = ${r}/s$([ "$ok" = 1 ] || echo " (NOT all succeeded: $f)")"
    [ "$run" = warmup ] && continue
    rate[$tree]+="$r "
  done < <(order)
  for tree in "$BASE" "$CUR"; do
    say "RESULT replay $((2 * REPLAY_CASES)) $(label "$tree"): median $(median ${rate[$tree]}) case-variants/s including JVM start (target >= 2,500/s)"
  done
}

target_first() {
  local suite="$OUT/first/ten.eval.yaml"
  mkdir -p "$OUT/first"
  { echo "suite: ten"; echo "models:"; echo "  base: {model: models/gemini-1.5-flash-001, role: baseline}"
    echo "  tuned: {model: models/gemini-2.0-flash, role: candidate}"
    echo "cases:"
    for i in $(seq 1 10); do echo "  - id: case-$i"; echo "    prompt: \"Say hello to person $i\""; echo "    expect: [{finishReason: STOP}]"; done
  } >"$suite"
  declare -A wall first
  while read -r run tree; do
    local cli="$tree/framework/tunegate-cli/target" f="$OUT/first-$(label "$tree")-$run.log" cmd
    if [ -x "$cli/tunegate" ]; then cmd=("$cli/tunegate"); else cmd=(java -jar "$cli/tunegate.jar"); fi
    local t0 t1; t0=$(date +%s.%N)
    (cd "$OUT/first" && "${cmd[@]}" run -v --no-progress --reports "$OUT/first/reports-$(label "$tree")-$run" "$suite") >"$f" 2>&1
    t1=$(date +%s.%N)
    local w fr; w=$(python3 -c "print(f'{$t1-$t0:.3f}')"); fr=$(sed -n 's/^First result: \([0-9.]*\) s after.*/\1/p' "$f")
    say "first $run $(label "$tree") (${cmd[0]##*/}): tunegate run ${w} s, first result ${fr:-n/a} s after JVM start; $(sed -n 's/.*class-data sharing: //p' "$f")"
    [ "$run" = warmup ] && continue
    wall[$tree]+="$w "; first[$tree]+="${fr:-n/a} "
  done < <(order)
  for tree in "$BASE" "$CUR"; do
    say "RESULT first result, 10 cases $(label "$tree"): median whole run $(median ${wall[$tree]}) s, first result $(median ${first[$tree]}) s after JVM start (target <= 1.5 s)"
  done
}

for t in $TARGETS; do "target_$t"; done
say "medians: grep RESULT $LOG"
