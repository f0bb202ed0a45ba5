#!/usr/bin/env python3
"""The command-line comparison of scripts/bench: `newsq -c`, the `sqlite3` CLI and `jq`, one
process per question, side by side. Python standard library only.

    bench-cli.py NEWSQ MODEL.json WORKDIR [--linked PATH] [--rounds N] [--warmup N] [--prompt-runs N]

NEWSQ is the release executable as installed (a copy), MODEL.json what `newsq --export-model`
wrote, WORKDIR a scratch folder for the SQLite database file. The script:

  * loads the model into WORKDIR/model.sqlite with the `sqlite3` CLI: the tables of
    scripts/bench-sqlite.py (same schema, same derived fields, dumped as SQL) plus an FTS5
    table over statement text, `statements_fts`;
  * for each question runs `newsq -c QUERY`, `sqlite3 DB SQL` and `jq FILTER MODEL.json`
    alternately (A B C A B C …) for the warm-up rounds, then for N timed rounds, timing each
    process's wall time with time.perf_counter_ns around subprocess.run, and prints the
    medians and the ratios newsq/sqlite3 and newsq/jq;
  * with --linked PATH (the build's own executable, as the linker wrote it), times it against
    NEWSQ on `quotes by Walz` alternately and prints both medians: the same bytes start
    slower from the linker's file (docs/performance.md, "A fresh build");
  * prints newsq's peak memory (max RSS) for one `-c` query and the time from exec to the
    first REPL prompt `newsq> ` in a pseudo-terminal (NEWSQ_HISTORY empty, TERM=xterm).

Every process must exit 0 and print something, or the script says what failed and exits 1.
Not a test: it only measures.
"""

import argparse
import importlib.util
import json
import os
import pty
import select
import signal
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def reference_module():
    """scripts/bench-sqlite.py (its name has a dash, so it is loaded by path)."""
    spec = importlib.util.spec_from_file_location("bench_sqlite", os.path.join(HERE, "bench-sqlite.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The questions: the newsq query, the SQL a sqlite3 user would type, and a jq filter over the
# exported model. Each answers the same question; the text question's SQL uses the FTS5 index
# with a prefix match (newsq stems), jq a case-insensitive regular expression.
def questions(ref):
    walz = ref.actor("Walz")
    return [
        ('who said "surrender"',
         "SELECT s.speaker, s.kind, s.paragraph, s.content FROM statements_fts f JOIN statements s ON s.id = f.id "
         f"WHERE statements_fts MATCH 'surrender*' ORDER BY {ref.KIND_ORDER}, s.paragraph, s.position",
         '(.actors | map({(.id): .name}) | add) as $names | .statements[] '
         '| select(.content | test("\\\\bsurrender"; "i")) '
         '| [$names[.speaker], .kind, .contentSpans[0].paragraph, .content] | @tsv'),
        ("quotes by Walz",
         "SELECT s.id, s.speaker, s.kind, s.paragraph, s.content FROM statements s "
         f"JOIN statement_speakers ss ON ss.statement_id = s.id WHERE ss.actor_id = {walz} ORDER BY s.position",
         '([.actors[] | select((.name | test("\\\\bWalz$"; "i")) or (.aliases | index("Walz"))) | .id][0]) as $a '
         '| .statements[] | select(.speaker == $a or (.coSpeakers | index($a))) '
         '| [.id, .speaker, .kind, .contentSpans[0].paragraph, .content] | @tsv'),
        ("events on 2026-02-04",
         ref.QUERIES["events on 2026-02-04"].replace("SELECT CASE", "SELECT id, summary, CASE", 1)
         .replace("END AS match, *", "END AS match"),
         '.events[] | select(.time.earliest != null or .time.latest != null) '
         '| select((.time.latest // "9999") >= "2026-02-04" and (.time.earliest // "0000") <= "2026-02-04") '
         '| [.id, .summary, (if .time.earliest == "2026-02-04" and .time.latest == "2026-02-04" '
         'then "exact" else "possible" end)] | @tsv'),
        ("quotes | count by speaker",
         ref.QUERIES["quotes | count by speaker"],
         '(.actors | map({(.id): .name}) | add) as $names | .statements | group_by(.speaker) '
         '| map({speaker: $names[.[0].speaker], count: length}) | sort_by(-.count, .speaker) | .[] '
         '| [.speaker, .count] | @tsv'),
    ]


def build_database(ref, model, path):
    """Loads the model into a database file with the sqlite3 CLI: bench-sqlite.py's tables,
    dumped as SQL, and an FTS5 table over statement text."""
    if os.path.exists(path):
        os.remove(path)
    dump = "\n".join(ref.load(model).iterdump())
    dump += ("\nCREATE VIRTUAL TABLE statements_fts USING fts5(id UNINDEXED, content);"
             "\nINSERT INTO statements_fts (id, content) SELECT id, content FROM statements;\n")
    done = subprocess.run(["sqlite3", path], input=dump, text=True, capture_output=True)
    if done.returncode != 0 or done.stderr.strip():
        raise RuntimeError(f"sqlite3 could not load the model: {done.stderr.strip()[:500]}")


def run_once(command):
    """Wall time of one process in nanoseconds; raises unless it exits 0 having printed something."""
    start = time.perf_counter_ns()
    done = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter_ns() - start
    if done.returncode != 0 or not done.stdout.strip():
        shown = " ".join(command)[:200]
        raise RuntimeError(f"{shown}: exit {done.returncode}, {len(done.stdout)} bytes out; "
                           f"{done.stderr.decode(errors='replace').strip()[:300]}")
    return elapsed


def time_questions(newsq, database, model_path, items, rounds, warmup):
    results = []
    for query, sql, jq_filter in items:
        commands = {
            "newsq": [newsq, "-c", query],
            "sqlite3": ["sqlite3", "-table", database, sql],
            "jq": ["jq", "-r", jq_filter, model_path],
        }
        times = {name: [] for name in commands}
        for round_number in range(warmup + rounds):
            for name, command in commands.items():
                elapsed = run_once(command)
                if round_number >= warmup:
                    times[name].append(elapsed)
        results.append((query, {name: statistics.median(values) for name, values in times.items()}))
    return results


def time_to_prompt(newsq, runs):
    """Median time from fork to the first `newsq> ` on a pseudo-terminal, in nanoseconds."""
    env = dict(os.environ, NEWSQ_HISTORY="", TERM="xterm")
    env.pop("NO_COLOR", None)
    times = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        pid, fd = pty.fork()
        if pid == 0:
            try:
                os.execve(newsq, [newsq], env)
            finally:
                os._exit(127)
        seen = b""
        deadline = time.monotonic() + 10
        elapsed = None
        try:
            while time.monotonic() < deadline:
                ready, _, _ = select.select([fd], [], [], 0.5)
                if not ready:
                    continue
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                seen += chunk
                if b"newsq> " in seen:
                    elapsed = time.perf_counter_ns() - start
                    break
        finally:
            try:
                os.write(fd, b"\x04")
            except OSError:
                pass
            deadline = time.monotonic() + 5
            reaped = False
            while time.monotonic() < deadline and not reaped:
                reaped = os.waitpid(pid, os.WNOHANG) != (0, 0)
                try:
                    if not reaped and select.select([fd], [], [], 0.05)[0]:
                        os.read(fd, 4096)
                except OSError:
                    pass
            if not reaped:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            os.close(fd)
        if elapsed is None:
            raise RuntimeError(f"no 'newsq> ' prompt within 10 s; the terminal showed {seen[-200:]!r}")
        times.append(elapsed)
    return statistics.median(times)


def ms(ns):
    return f"{ns / 1e6:.1f} ms"


def main():
    parser = argparse.ArgumentParser(description="newsq -c against the sqlite3 CLI and jq, one process per question.")
    parser.add_argument("newsq")
    parser.add_argument("model")
    parser.add_argument("workdir")
    parser.add_argument("--rounds", type=int, default=20, help="timed rounds (default 20)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed rounds first (default 3)")
    parser.add_argument("--prompt-runs", type=int, default=20, help="REPL starts to time (default 20)")
    parser.add_argument("--linked", help="the build's own newsq (the linker's output file), timed "
                        "against NEWSQ, an installed copy, for the record (docs/performance.md)")
    args = parser.parse_args()

    ref = reference_module()
    with open(args.model, encoding="utf-8") as file:
        model = json.load(file)
    database = os.path.join(args.workdir, "model.sqlite")
    build_database(ref, model, database)
    newsq = os.path.abspath(args.newsq)
    items = questions(ref)

    results = time_questions(newsq, database, args.model, items, args.rounds, args.warmup)
    print(f"Command line, one process per question: median wall time of {args.rounds} rounds after "
          f"{args.warmup} warm-up, run alternately (newsq, sqlite3, jq, newsq, …)")
    print("  newsq -c QUERY  |  sqlite3 -table model.sqlite SQL (FTS5 for text)  |  jq -r FILTER model.json")
    print("")
    header = f"{'question':<28}{'newsq':>10}{'sqlite3':>10}{'jq':>10}{'newsq/sqlite3':>15}{'newsq/jq':>10}"
    print(header)
    print("-" * len(header))
    for query, medians in results:
        print(f"{query:<28}{ms(medians['newsq']):>10}{ms(medians['sqlite3']):>10}{ms(medians['jq']):>10}"
              f"{medians['newsq'] / medians['sqlite3']:>15.2f}{medians['newsq'] / medians['jq']:>10.2f}")
    print("")

    if args.linked:
        # The same bytes from the file the linker wrote: its page cache is in 4 KB pieces, so it
        # starts slower than the installed copy until the cache is rebuilt.
        linked = os.path.abspath(args.linked)
        pair = {"installed": [newsq, "-c", "quotes by Walz"], "linked": [linked, "-c", "quotes by Walz"]}
        times = {name: [] for name in pair}
        for round_number in range(args.warmup + args.rounds):
            for name, command in pair.items():
                elapsed = run_once(command)
                if round_number >= args.warmup:
                    times[name].append(elapsed)
        print(f"newsq -c 'quotes by Walz' as installed: {ms(statistics.median(times['installed']))}; "
              f"the build's own file, straight from the linker: {ms(statistics.median(times['linked']))}")

    timer = ref.gnu_time()
    rss = ref.peak([newsq, "-c", "quotes by Walz"], timer)
    print(f"newsq peak memory (max RSS) for -c 'quotes by Walz': {ref.mb(rss)}")
    prompt = time_to_prompt(newsq, args.prompt_runs)
    print(f"time to the first REPL prompt (pty, median of {args.prompt_runs}): {ms(prompt)}")


if __name__ == "__main__":
    try:
        main()
    except (RuntimeError, OSError, subprocess.SubprocessError) as error:
        print(f"bench-cli.py: {error}", file=sys.stderr)
        sys.exit(1)
