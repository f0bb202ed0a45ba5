#!/usr/bin/env python3
"""Corpus benchmark for newsq (scripts/bench-corpus runs it). Not a test.

For each corpus (a folder or file newsq --add takes, and synthetic corpora of a given number
of statements): builds it (time, articles/s, MB/s, extraction included) and reports the database
size beside an FTS5 index of the raw text; then, for each question form, the one-shot wall time
of `newsq --db X -c QUERY` beside the equivalent hand-written SQL in the sqlite3 CLI (and psql,
when a PostgreSQL URL is given) over the same data, as ratios; newsq's in-process p50/p95
(newsq-bench --db); and peak memory of a streaming query. One run, machine otherwise idle.
"""

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time


def run(command, **kwargs):
    return subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def wall(command, rounds, env=None):
    """Median wall time (s) of a command, output discarded."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def alternate(commands, rounds, warmup):
    """Median wall times of several commands run in alternation (so load hits them alike)."""
    for command in commands:
        for _ in range(warmup):
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times = [[] for _ in commands]
    for _ in range(rounds):
        for index, command in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times[index].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def peak_memory_kb(command):
    result = run(["/usr/bin/time", "-f", "%M"] + command)
    return int(result.stderr.strip().splitlines()[-1])


def input_files(path):
    """The article files a corpus path stands for: the file; a folder's .sgm files when it has
    any (the Reuters-21578 folder also holds category lists and a README, which are no news);
    else every file newsq --add reads in the folder."""
    if os.path.isfile(path):
        return [path]
    sgm = sorted(os.path.join(path, name) for name in os.listdir(path) if name.endswith(".sgm"))
    if sgm:
        return sgm
    return sorted(os.path.join(root, name) for root, _, names in os.walk(path) for name in names
                  if name.endswith((".txt", ".md", ".markdown", ".json", ".sgm")))


def add_paths(path):
    """What newsq --add is given for a corpus path: the .sgm files of a Reuters folder, else the path."""
    files = input_files(path)
    return files if any(name.endswith(".sgm") for name in files) else [path]


def input_bytes(path):
    return sum(os.path.getsize(name) for name in input_files(path))


def raw_fts5(path, database):
    """An FTS5 index of the raw text of every input file: the size newsq's database is set beside."""
    if os.path.exists(database):
        os.remove(database)
    connection = sqlite3.connect(database)
    connection.execute("CREATE VIRTUAL TABLE docs USING fts5(body)")
    files = input_files(path)
    start = time.perf_counter()
    with connection:
        for name in files:
            with open(name, "rb") as handle:
                connection.execute("INSERT INTO docs (body) VALUES (?)", (handle.read().decode("latin-1"),))
    seconds = time.perf_counter() - start
    connection.close()
    return os.path.getsize(database), seconds


def newsq_rows(newsq, db, query):
    result = run([newsq, "--db", db, "-c", query, "--format", "json"])
    if result.returncode != 0:
        raise SystemExit(f"bench-corpus: {query}: {result.stderr.strip()}")
    return json.loads(result.stdout)


def explain_sql(newsq, db, query):
    rows = newsq_rows(newsq, db, "explain " + query)
    return rows[0].get("sql", "")


def pick_questions(newsq, db):
    """Questions whose answers exist in this corpus: its top speaker, a word they said, a date."""
    # By id: a corpus may hold two actors of one name (then the name alone is refused as ambiguous).
    speakers = newsq_rows(newsq, db, "quotes | count by speaker_id | limit 5")
    if not speakers:
        raise SystemExit(f"bench-corpus: {db} has no statements")
    speaker = next((row["speaker_id"] for row in speakers if "-" in row["speaker_id"]), speakers[0]["speaker_id"])
    texts = newsq_rows(newsq, db, f'quotes by "{speaker}" | show text | limit 20')
    words = [w.strip('.,;:"“”‘’()!?') for row in texts for w in row["text"].split()]
    words = [w.lower() for w in words if len(w) >= 7 and w.isalpha() and w.isascii()]
    # The rarest of the speaker's first few long words: who said is asked of a word, not of
    # half the corpus (a synthetic corpus repeats a few words in every other statement).
    candidates = list(dict.fromkeys(words))[:8] or ["government"]
    counts = {w: int(newsq_rows(newsq, db, f'who said "{w}" | count')[0]["count"]) for w in candidates}
    word = min(candidates, key=lambda w: (counts[w], candidates.index(w)))
    dated = newsq_rows(newsq, db, "events | where earliest is not null | show earliest | limit 1")
    day = dated[0]["earliest"] if dated else None
    published = newsq_rows(newsq, db, "articles | sort by published | show published")
    middle = published[len(published) // 2]["published"]
    return speaker, word, day, middle


def questions(newsq, db):
    """(label, newsq query, hand-written SQL) for each form, over the same tables."""
    speaker, word, day, middle = pick_questions(newsq, db)
    who_said = f'who said "{word}"'
    match = explain_sql(newsq, db, who_said).split("MATCH ", 1)[1].split(")", 1)[0]
    actor = newsq_rows(newsq, db, f'explain quotes by "{speaker}"')[0]["query"].split('"')[1]
    stems = [part for index, part in enumerate(match.split(": ", 1)[-1].split('"')) if index % 2 == 1]
    forms = [
        (who_said, who_said,
         "SELECT v_id, v_speaker, v_kind, v_paragraph, v_text FROM t_statements WHERE rid IN "
         f"(SELECT rowid FROM t_statements_fts WHERE t_statements_fts MATCH {match}) ORDER BY v_kind, v_paragraph, rid"),
        (f'quotes by {speaker}', f'quotes by "{speaker}"',
         "SELECT s.v_id, s.v_speaker, s.v_kind, s.v_text FROM t_statements s WHERE s.rid IN (SELECT i.rid FROM "
         f"t_statements_items i WHERE i.field = 'speakers' AND i.value = '{actor}') ORDER BY s.rid"),
        ("quotes | count by speaker", "quotes | count by speaker",
         "SELECT g.name, COUNT(*) FROM t_statements_items i JOIN actor_groups g ON g.id = i.value "
         "WHERE i.field = 'speakers' GROUP BY g.name ORDER BY 2 DESC, 1"),
    ]
    if day:
        forms.append((f"events on {day}", f"events on {day}",
                      f"SELECT v_id, v_kind, v_when, v_summary FROM t_events WHERE v_earliest <= '{day}' "
                      f"AND v_latest >= '{day}' ORDER BY rid"))
    forms.append((f"in articles where published >= {middle} | quotes | count",
                  f"in articles where published >= {middle} | quotes | count",
                  f"SELECT COUNT(*) FROM t_statements WHERE v_published >= '{middle}'"))
    return forms, stems


def postgres_sql(form, stems):
    """The hand-written SQL of a form for psql: the same but for text search, which is the
    GIN-indexed tsvector of the stems and the exact phrase in the padded stems column."""
    label, query, sql = form
    if not query.startswith("who said"):
        return sql
    words = " & ".join(f"''{stem}''" for stem in sorted(set(stems)))
    phrase = " " + " ".join(stems) + " "
    return ("SELECT v_id, v_speaker, v_kind, v_paragraph, v_text FROM t_statements WHERE "
            f"ts_text @@ '{words}'::tsquery AND strpos(st_text, '{phrase}') > 0 ORDER BY v_kind, v_paragraph, rid")


def synthetic(folder, statements, seed=7):
    """Writes text articles holding about `statements` statements (direct quotes and reported
    speech by a pool of speakers), dated over two years."""
    random.seed(seed)
    first = ["Ana", "Ben", "Cara", "Dev", "Elif", "Femi", "Gus", "Hana", "Ivo", "Jun", "Kofi", "Lena", "Mo", "Nia"]
    last = ["Lee", "Ortiz", "Diaz", "Patel", "Kaya", "Adeyemi", "Berg", "Sato", "Novak", "Park", "Mensah", "Costa"]
    topics = ["bridge", "budget", "school", "harbour", "tram line", "library", "clinic", "market", "stadium", "depot"]
    verbs = ["said", "told reporters", "said on Tuesday", "warned", "added"]
    per_article = 12
    os.makedirs(folder, exist_ok=True)
    count = max(1, statements // per_article)
    for number in range(count):
        year = 2024 + number % 2
        month = number % 12 + 1
        day = number % 28 + 1
        lines = [f"date {year}-{month:02d}-{day:02d}", f"title The {topics[number % 10]} question, part {number}", ""]
        for paragraph in range(per_article // 2):
            name = f"{random.choice(first)} {random.choice(last)}"
            topic = random.choice(topics)
            amount = random.randint(2, 900)
            lines.append(f"Councillor {name} {random.choice(verbs)} that the {topic} would cost {amount} million dollars.")
            lines.append("")
            lines.append(f"\"We will not wait another year for the {topic},\" {name.split()[1]} said.")
            lines.append("")
        with open(os.path.join(folder, f"{number:07d}.txt"), "w") as handle:
            handle.write("\n".join(lines) + "\n")
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--newsq", required=True)
    parser.add_argument("--bench", required=True, help="the newsq-bench executable")
    parser.add_argument("--work", default=None, help="folder for the databases (default: a temporary one)")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--runs", type=int, default=50, help="in-process runs per query")
    parser.add_argument("--date", default="2005-01-01", help="--date for articles that state none (the BBC's)")
    parser.add_argument("--synthetic", default="10000,100000", help="synthetic corpus sizes in statements ('' for none)")
    parser.add_argument("--postgres", default=os.environ.get("NEWSQ_BENCH_POSTGRES", ""), help="a PostgreSQL URL to run psql beside")
    parser.add_argument("--json", default=None, help="write the measurements to this file too")
    parser.add_argument("paths", nargs="*")
    options = parser.parse_args()
    work = options.work or tempfile.mkdtemp(prefix="newsq-bench-corpus-")
    os.makedirs(work, exist_ok=True)
    corpora = [(os.path.basename(os.path.normpath(p)), p) for p in options.paths]
    for size in [int(s) for s in options.synthetic.split(",") if s.strip()]:
        folder = os.path.join(work, f"synthetic-{size}")
        if not os.path.isdir(folder):
            synthetic(folder, size)
        corpora.append((f"synthetic {size:,} statements", folder))

    report = {"corpora": []}
    for name, path in corpora:
        db = os.path.join(work, name.replace(" ", "-").replace(",", "") + ".sqlite")
        for suffix in ["", "-wal", "-shm"]:
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        start = time.perf_counter()
        added = run([options.newsq, "--db", db, "--add"] + add_paths(path) + ["--date", options.date])
        seconds = time.perf_counter() - start
        summary = added.stderr.strip().splitlines()[0] if added.stderr.strip() else ""
        articles = int(newsq_rows(options.newsq, db, "articles | count")[0]["count"])
        statements = int(newsq_rows(options.newsq, db, "quotes | count")[0]["count"])
        size_in = input_bytes(path)
        db_size = sum(os.path.getsize(db + s) for s in ["", "-wal"] if os.path.exists(db + s))
        fts_size, fts_seconds = raw_fts5(path, db + ".raw-fts5")
        entry = {"name": name, "path": path, "summary": summary, "build_s": seconds, "articles": articles,
                 "statements": statements, "input_mb": size_in / 1e6, "db_mb": db_size / 1e6,
                 "raw_fts5_mb": fts_size / 1e6, "raw_fts5_s": fts_seconds, "queries": []}
        print(f"\n== {name}: {summary}", flush=True)
        print(f"   built in {seconds:.1f} s: {articles / seconds:.0f} articles/s, {size_in / 1e6 / seconds:.2f} MB/s "
              f"(input {size_in / 1e6:.1f} MB); {statements:,} statements; database {db_size / 1e6:.1f} MB "
              f"beside {fts_size / 1e6:.1f} MB for an FTS5 index of the raw text ({fts_seconds:.1f} s)", flush=True)
        forms, stems = questions(options.newsq, db)
        pg = options.postgres
        if pg:
            run(["psql", pg, "-q", "-c", "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"])
            pg_start = time.perf_counter()
            run([options.newsq, "--db", pg, "--add"] + add_paths(path) + ["--date", options.date])
            entry["pg_build_s"] = time.perf_counter() - pg_start
        in_process = {}
        bench = run([options.bench, "--db", db, "--runs", str(options.runs)] + sum((["-q", q] for _, q, _ in forms), []))
        for line in bench.stdout.splitlines():
            measured = json.loads(line)
            in_process[measured["query"]] = measured
        print(f"   {'question':58} {'newsq':>9} {'sqlite3':>9} {'ratio':>6}" + (f" {'newsq pg':>9} {'psql':>9} {'ratio':>6}" if pg else "")
              + f" {'p50':>8} {'p95':>8} {'rows':>7}")
        for label, query, sql in forms:
            commands = [[options.newsq, "--db", db, "-c", query, "--format", "csv"], ["sqlite3", "-csv", db, sql]]
            if pg:
                commands += [[options.newsq, "--db", pg, "-c", query, "--format", "csv"],
                             ["psql", pg, "-X", "-q", "-A", "-F", ",", "-c", postgres_sql((label, query, sql), stems)]]
            times = alternate(commands, options.rounds, options.warmup)
            measured = in_process.get(query, {})
            row = {"question": label, "newsq_s": times[0], "sqlite3_s": times[1], "ratio": times[0] / times[1],
                   "p50_ns": measured.get("p50_ns"), "p95_ns": measured.get("p95_ns"), "rows": measured.get("rows")}
            line = f"   {label[:58]:58} {times[0] * 1000:7.1f}ms {times[1] * 1000:7.1f}ms {times[0] / times[1]:6.2f}"
            if pg:
                row.update({"newsq_pg_s": times[2], "psql_s": times[3], "pg_ratio": times[2] / times[3]})
                line += f" {times[2] * 1000:7.1f}ms {times[3] * 1000:7.1f}ms {times[2] / times[3]:6.2f}"
            p50 = (measured.get("p50_ns") or 0) / 1e6
            p95 = (measured.get("p95_ns") or 0) / 1e6
            line += f" {p50:6.2f}ms {p95:6.2f}ms {measured.get('rows', 0):7}"
            print(line, flush=True)
            entry["queries"].append(row)
        entry["peak_kb_stream_all_quotes"] = peak_memory_kb([options.newsq, "--db", db, "-c", "quotes", "--format", "csv"])
        entry["peak_kb_count_by_speaker"] = peak_memory_kb([options.newsq, "--db", db, "-c", "quotes | count by speaker"])
        print(f"   peak memory: {entry['peak_kb_stream_all_quotes'] / 1024:.1f} MB streaming every statement as CSV, "
              f"{entry['peak_kb_count_by_speaker'] / 1024:.1f} MB for quotes | count by speaker", flush=True)
        report["corpora"].append(entry)

    if options.json:
        with open(options.json, "w") as handle:
            json.dump(report, handle, indent=2)
    if not options.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
