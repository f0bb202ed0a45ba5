#!/usr/bin/env python3
"""SQLite, the reference for scripts/bench: the SQL equivalent of every newsq query form, timed
over the same model in an in-memory database. Python standard library only.

    bench-sqlite.py MODEL.json [--runs N] [--setup-runs N] [--json]
        Load MODEL.json (from `newsq --export-model`) into an in-memory SQLite database, time
        the load and each query, print the medians (a table, or JSON with --json).
    bench-sqlite.py MODEL.json --newsq NEWSQ.json [--newsq-binary PATH]
        The same, side by side with newsq's medians (`newsq-bench --json`), with the same
        number of runs, as one table of ratios (newsq / SQLite); with --newsq-binary, also the
        peak memory (max RSS) of `newsq -c quotes` and of a python+sqlite process that loads the
        model and runs the same query. This is what scripts/bench prints.
    bench-sqlite.py MODEL.json --load-only
        Load the model, run the SQL for `quotes` and print its rows tab-separated: the process
        whose peak memory is measured.

Not a test: it only measures. The comparison is of the query path, not of identical
semantics: SQLite's LIKE does no stemming, no diacritic or typographic-quote folding and no
word or phrase matching, so for the text forms the SQL does less work than newsq.
"""

import argparse
import gc
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import time

# ---------------------------------------------------------------------------------------------
# Loading the model: tables shaped like newsq's (Sources/NewsQuery/ModelTables.swift), with the
# derived fields newsq computes at set-up (joint speaker names, what a statement is about,
# mention and statement counts, the sentence around each mention) and the link tables and
# indexes a SQL user would add for the query forms.

SCHEMA = """
CREATE TABLE statements (
    position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, speaker TEXT NOT NULL, speaker_id TEXT NOT NULL,
    co_speakers TEXT NOT NULL, speakers TEXT NOT NULL, kind TEXT NOT NULL, cue TEXT NOT NULL, venue TEXT,
    addressee TEXT, time TEXT NOT NULL, date TEXT, about TEXT NOT NULL, events TEXT NOT NULL, occasion TEXT,
    paragraph INTEGER, sentence INTEGER, span_start INTEGER, span_end INTEGER, quotes TEXT NOT NULL,
    content TEXT NOT NULL);
CREATE TABLE statement_speakers (statement_id TEXT NOT NULL, actor_id TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE statement_about (statement_id TEXT NOT NULL, actor_id TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE actors (
    position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL,
    roles TEXT NOT NULL, party TEXT, aliases TEXT NOT NULL, mentions INTEGER NOT NULL, first_paragraph INTEGER,
    statements INTEGER NOT NULL, description TEXT NOT NULL);
CREATE TABLE actor_keys (key TEXT NOT NULL, actor_id TEXT NOT NULL, score INTEGER NOT NULL);
CREATE TABLE events (
    position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, name TEXT, summary TEXT NOT NULL,
    "when" TEXT NOT NULL, precision TEXT NOT NULL, earliest TEXT, latest TEXT, place TEXT, place_id TEXT,
    participants TEXT NOT NULL, involves TEXT NOT NULL, quantities TEXT NOT NULL, claimed_by TEXT,
    paragraph INTEGER, span_start INTEGER, span_end INTEGER);
CREATE TABLE event_actors (event_id TEXT NOT NULL, actor_id TEXT NOT NULL, role TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE mentions (
    position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, actor TEXT NOT NULL, actor_id TEXT NOT NULL,
    form TEXT NOT NULL, text TEXT NOT NULL, paragraph INTEGER NOT NULL, sentence INTEGER NOT NULL,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, context TEXT NOT NULL);
CREATE TABLE paragraphs (number INTEGER PRIMARY KEY, kind TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL);
CREATE TABLE spans (record_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, paragraph INTEGER NOT NULL);
CREATE INDEX statement_speakers_actor ON statement_speakers (actor_id);
CREATE INDEX statement_about_actor ON statement_about (actor_id);
CREATE INDEX actor_keys_key ON actor_keys (key);
CREATE INDEX event_actors_actor ON event_actors (actor_id);
CREATE INDEX events_place ON events (place_id);
CREATE INDEX mentions_actor ON mentions (actor_id);
CREATE INDEX spans_record ON spans (record_id);
"""


def fold_name(text):
    """A name as newsq's resolver compares it: lower case, straight apostrophes, no leading
    "the", no trailing possessive."""
    folded = " ".join(text.lower().replace("\u2019", "'").split())
    if folded.startswith("the "):
        folded = folded[4:]
    if folded.endswith("'s"):
        folded = folded[:-2]
    elif folded.endswith("'"):
        folded = folded[:-1]
    return folded


def when(time_ref):
    """The article's words for a time with the dates they resolve to (ModelTables.when)."""
    earliest, latest, text = time_ref.get("earliest"), time_ref.get("latest"), time_ref.get("text")
    if earliest and latest:
        dates = earliest if earliest == latest else f"{earliest} … {latest}"
    elif earliest:
        dates = f"from {earliest}"
    elif latest:
        dates = f"by {latest}"
    else:
        dates = None
    if text and dates:
        return f"{text} ({dates})"
    if text:
        return text
    return f"not stated ({dates})" if dates else "not stated"


def joined(names):
    return names[0] if len(names) <= 1 else ", ".join(names[:-1]) + " and " + names[-1]


def load(model):
    """An in-memory database holding the model. This is what the set-up time measures."""
    con = sqlite3.connect(":memory:", isolation_level=None, cached_statements=0)
    con.executescript(SCHEMA)
    con.execute("BEGIN")
    article = model["article"]
    actors = model["actors"]
    names = {actor["id"]: actor["name"] for actor in actors}

    def name(actor_id):
        return None if actor_id is None else names.get(actor_id, actor_id)

    all_mentions = [(actor["id"], mention) for actor in actors for mention in actor.get("mentions", [])]
    all_mentions.sort(key=lambda pair: pair[1]["span"]["start"])
    sentences = article["sentences"]

    con.executemany("INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?)",
                    [(p["number"], p["kind"], p["start"], p["end"], p["text"]) for p in article["paragraphs"]])

    statement_rows, speaker_rows, about_rows, span_rows = [], [], [], []
    spoken = {}
    for position, statement in enumerate(model["statements"]):
        speakers = [statement["speaker"]] + statement.get("coSpeakers", [])
        spans = statement["contentSpans"]
        about = list(statement.get("aboutActors", []))
        for actor_id, mention in all_mentions:
            inside = any(s["start"] <= mention["span"]["start"] and mention["span"]["end"] <= s["end"] for s in spans)
            if not inside or (actor_id in speakers and mention["form"] == "pronoun"):
                continue
            if actor_id not in about:
                about.append(actor_id)
        time_ref = statement["time"]
        first = spans[0] if spans else None
        statement_rows.append((
            position, statement["id"], joined([name(s) for s in speakers]), statement["speaker"],
            json.dumps([name(s) for s in statement.get("coSpeakers", [])]), json.dumps(speakers),
            statement["kind"], statement["cue"], statement.get("venue"), name(statement.get("addressee")),
            when(time_ref), time_ref.get("earliest") if time_ref["precision"] == "day" else None,
            json.dumps(about), json.dumps(statement.get("aboutEvents", [])), statement.get("occasion"),
            first and first["paragraph"], first and first["sentence"], first and first["start"],
            spans[-1]["end"] if spans else None, json.dumps([q["text"] for q in statement.get("quotes", [])]),
            statement["content"]))
        speaker_rows += [(statement["id"], s, i) for i, s in enumerate(speakers)]
        about_rows += [(statement["id"], a, i) for i, a in enumerate(about)]
        span_rows += [(statement["id"], s["start"], s["end"], s["paragraph"]) for s in spans]
        for s in speakers:
            spoken[s] = spoken.get(s, 0) + 1
    con.executemany(f"INSERT INTO statements VALUES ({', '.join('?' * 21)})", statement_rows)
    con.executemany("INSERT INTO statement_speakers VALUES (?, ?, ?)", speaker_rows)
    con.executemany("INSERT INTO statement_about VALUES (?, ?, ?)", about_rows)

    actor_rows, key_rows = [], []
    for position, actor in enumerate(actors):
        roles = []
        for role in actor.get("roles", []):
            of = [name(x) for x in (role.get("organization"), role.get("place")) if x]
            roles.append(role["title"] + (", " + ", ".join(of) if of else ""))
        mentions = actor.get("mentions", [])
        actor_rows.append((position, actor["id"], actor["name"], actor["kind"], json.dumps(roles), actor.get("party"),
                           json.dumps(actor.get("aliases", [])), len(mentions),
                           mentions[0]["span"]["paragraph"] if mentions else None, spoken.get(actor["id"], 0),
                           actor["description"]))
        seen = set()

        def key(text, score):
            folded = fold_name(text)
            if folded and folded not in seen:
                seen.add(folded)
                key_rows.append((folded, actor["id"], score))

        key(actor["name"], 3)
        key(actor["id"], 3)
        for alias in actor.get("aliases", []):
            key(alias, 3)
        parts = actor["name"].split(" ")
        if actor["kind"] == "person" and len(parts) > 1:
            key(parts[-1], 2)
            key(parts[0], 2)
    con.executemany(f"INSERT INTO actors VALUES ({', '.join('?' * 11)})", actor_rows)
    con.executemany("INSERT INTO actor_keys VALUES (?, ?, ?)", key_rows)

    event_rows, event_actor_rows = [], []
    for position, event in enumerate(model["events"]):
        participants = event.get("participants", [])
        involves = []
        for actor_id in [p["actor"] for p in participants] + [x for x in (event.get("place"), event.get("claimedBy")) if x]:
            if actor_id not in involves:
                involves.append(actor_id)
        links = [(p["actor"], p["role"]) for p in participants]
        if event.get("place"):
            links.append((event["place"], "place"))
        if event.get("claimedBy"):
            links.append((event["claimedBy"], "claimed by"))
        event_actor_rows += [(event["id"], a, r, i) for i, (a, r) in enumerate(links)]
        evidence = sorted(event["evidence"], key=lambda s: (s["start"], s["end"]))
        first = evidence[0] if evidence else None
        time_ref = event["time"]
        event_rows.append((
            position, event["id"], event["kind"], event.get("name"), event["summary"], when(time_ref),
            time_ref["precision"], time_ref.get("earliest"), time_ref.get("latest"), name(event.get("place")),
            event.get("place"), json.dumps([f"{name(p['actor'])} ({p['role']})" for p in participants]),
            json.dumps(involves), json.dumps([q["span"]["text"] for q in event.get("quantities", [])]),
            name(event.get("claimedBy")), first and first["paragraph"], first and first["start"], first and first["end"]))
        span_rows += [(event["id"], s["start"], s["end"], s["paragraph"]) for s in evidence]
    con.executemany(f"INSERT INTO events VALUES ({', '.join('?' * 18)})", event_rows)
    con.executemany("INSERT INTO event_actors VALUES (?, ?, ?, ?)", event_actor_rows)

    mention_rows = []
    for position, (actor_id, mention) in enumerate(all_mentions):
        span = mention["span"]
        index = span["sentence"] - 1
        context = sentences[index]["text"] if 0 <= index < len(sentences) else ""
        mention_rows.append((position, mention["id"], name(actor_id), actor_id, mention["form"], span["text"],
                             span["paragraph"], span["sentence"], span["start"], span["end"], context))
        span_rows.append((mention["id"], span["start"], span["end"], span["paragraph"]))
    con.executemany(f"INSERT INTO mentions VALUES ({', '.join('?' * 11)})", mention_rows)
    con.executemany("INSERT INTO spans VALUES (?, ?, ?, ?)", span_rows)
    con.execute("COMMIT")
    return con


# ---------------------------------------------------------------------------------------------
# The SQL for each query form of newsq-bench, as a SQL user would write it. Every statement
# fetches all its rows, as newsq builds its whole result table.

def actor(reference):
    """Resolves a name through names, ids, aliases and surnames, best score first."""
    return f"(SELECT actor_id FROM actor_keys WHERE key = lower('{reference}') ORDER BY score DESC LIMIT 1)"


KIND_ORDER = "CASE kind WHEN 'direct' THEN 0 WHEN 'partial' THEN 1 ELSE 2 END"


def who_said(like):
    return f"SELECT * FROM statements WHERE content LIKE '%{like}%' ORDER BY {KIND_ORDER}, paragraph, position"


def quotes_by(reference):
    return (f"SELECT s.* FROM statements s JOIN statement_speakers ss ON ss.statement_id = s.id "
            f"WHERE ss.actor_id = {actor(reference)} ORDER BY s.position")


def window(first, last, exact_when):
    """`events on/in/before/after`: events whose stated interval overlaps [first, last], exact
    first (inside the window, or dated that very day for `on`), then by earliest date."""
    keep = ["(earliest IS NOT NULL OR latest IS NOT NULL)"]
    if first:
        keep.append(f"(latest IS NULL OR latest >= '{first}')")
    if last:
        keep.append(f"(earliest IS NULL OR earliest <= '{last}')")
    if exact_when == "equal":
        exact = f"earliest = latest AND earliest = '{first}'"
    else:
        exact = " AND ".join([f"earliest >= '{first}'"] * bool(first) + [f"latest <= '{last}'"] * bool(last)) or "1"
    return (f"SELECT CASE WHEN {exact} THEN 'exact' ELSE 'possible' END AS match, * FROM events "
            f"WHERE {' AND '.join(keep)} ORDER BY match = 'possible', earliest IS NULL, earliest, position")


WHO_IS = """
WITH a AS (SELECT * FROM actors WHERE id = {actor}),
     f AS (SELECT form, count(*) AS n FROM mentions WHERE actor_id = (SELECT id FROM a) GROUP BY form
           ORDER BY CASE form WHEN 'name' THEN 0 WHEN 'description' THEN 1 ELSE 2 END),
     e AS (SELECT event_id, group_concat(role, ', ') AS roles, min(position) AS p FROM event_actors
           WHERE actor_id = (SELECT id FROM a) GROUP BY event_id)
SELECT 'name', name FROM a UNION ALL SELECT 'id', id FROM a UNION ALL SELECT 'kind', kind FROM a
UNION ALL SELECT 'description', description FROM a UNION ALL SELECT 'roles', roles FROM a
UNION ALL SELECT 'party', coalesce(party, 'not stated') FROM a UNION ALL SELECT 'aliases', aliases FROM a
UNION ALL SELECT 'mentions', (SELECT sum(n) FROM f) || ' (' || (SELECT group_concat(n || ' ' || form, ', ') FROM f) || ')'
UNION ALL SELECT 'first mention', '¶' || paragraph || ' “' || text || '” (' || id || ')' FROM
          (SELECT * FROM mentions WHERE actor_id = (SELECT id FROM a) ORDER BY position LIMIT 1)
UNION ALL SELECT 'statements', count(*) || ': ' || group_concat(statement_id, ', ') FROM statement_speakers
          WHERE actor_id = (SELECT id FROM a)
UNION ALL SELECT 'quoted about', count(*) || ': ' || group_concat(statement_id, ', ') FROM statement_about
          WHERE actor_id = (SELECT id FROM a) HAVING count(*) > 0
UNION ALL SELECT 'events', coalesce(count(*) || ': ' || group_concat(event_id || ' (' || roles || ')', ', '), 'none')
          FROM (SELECT * FROM e ORDER BY p)
"""

SOURCE_OF = """
SELECT '{id}', p.number,
       substr(p.text, 1, sp.start - p.start) || '⟦' || substr(p.text, sp.start - p.start + 1, sp."end" - sp.start)
       || '⟧' || substr(p.text, sp."end" - p.start + 1)
FROM spans sp JOIN paragraphs p ON p.number = sp.paragraph WHERE sp.record_id = '{id}' ORDER BY sp.start
"""

QUERIES = {
    'who said "surrender"': who_said("surrender"),
    'who said "we\'re not"': who_said("we’re not"),
    "what did Homan say": quotes_by("Homan"),
    "quotes by Walz": quotes_by("Walz"),
    "quotes about Trump": (f"SELECT s.* FROM statements s JOIN statement_about sa ON sa.statement_id = s.id "
                           f"WHERE sa.actor_id = {actor('Trump')} ORDER BY s.position"),
    'quotes mentioning "officers"': "SELECT * FROM statements WHERE content LIKE '%officer%' ORDER BY position",
    "who is Frey": WHO_IS.format(actor=actor("Frey")),
    "actors": "SELECT * FROM actors ORDER BY position",
    "people": "SELECT * FROM actors WHERE kind = 'person' ORDER BY position",
    "organizations": "SELECT * FROM actors WHERE kind = 'organization' ORDER BY position",
    "places": "SELECT * FROM actors WHERE kind = 'place' ORDER BY position",
    "quotes": "SELECT * FROM statements ORDER BY position",
    "events": "SELECT * FROM events ORDER BY position",
    "events involving Homan": (f"SELECT * FROM events WHERE id IN (SELECT event_id FROM event_actors "
                               f"WHERE actor_id = {actor('Homan')}) ORDER BY position"),
    "events on 2026-02-04": window("2026-02-04", "2026-02-04", "equal"),
    "events in Minneapolis": ("SELECT * FROM events WHERE place_id = (SELECT k.actor_id FROM actor_keys k "
                              "JOIN actors a ON a.id = k.actor_id WHERE k.key = lower('Minneapolis') AND a.kind = 'place' "
                              "ORDER BY k.score DESC LIMIT 1) ORDER BY position"),
    "events in January": window("2026-01-01", "2026-01-31", "inside"),
    "events before 2026-02-01": window(None, "2026-01-31", "inside"),
    "events after 2026-01-31": window("2026-02-01", None, "inside"),
    "mentions of Homan": f"SELECT * FROM mentions WHERE actor_id = {actor('Homan')} ORDER BY position",
    "source of s25": SOURCE_OF.format(id="s25"),
    "quotes by Homan | where kind = direct | count": (
        f"SELECT count(*) FROM statements s JOIN statement_speakers ss ON ss.statement_id = s.id "
        f"WHERE ss.actor_id = {actor('Homan')} AND s.kind = 'direct'"),
    'quotes where text has "officer*" and not kind = reported sort by paragraph desc limit 3': (
        "SELECT * FROM statements WHERE content LIKE '%officer%' AND NOT kind = 'reported' "
        "ORDER BY paragraph DESC, position LIMIT 3"),
    "quotes | count by speaker": ("SELECT speaker, count(*) AS count FROM statements GROUP BY speaker "
                                  "ORDER BY count DESC, speaker COLLATE NOCASE"),
    "actors | show name, kind | sort by name": "SELECT name, kind FROM actors ORDER BY name COLLATE NOCASE, position",
    'explain who said "surrender"': "EXPLAIN QUERY PLAN " + who_said("surrender"),
}

BASELINE = "SELECT 1"


# ---------------------------------------------------------------------------------------------
# Timing.

def median_ns(runs, body):
    """The median of `runs` timings of `body`, in nanoseconds, with the collector off (as timeit)."""
    times = []
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(runs):
            start = time.perf_counter_ns()
            body()
            times.append(time.perf_counter_ns() - start)
    finally:
        if enabled:
            gc.enable()
    return statistics.median(times)


def measure(model, runs, setup_runs):
    load_ns = median_ns(setup_runs, lambda: load(model).close())
    con = load(model)

    def runner(sql):
        return lambda: con.execute(sql).fetchall()

    baseline = median_ns(runs, runner(BASELINE))
    results = {}
    for query, sql in QUERIES.items():
        rows = con.execute(sql).fetchall()  # warm-up, as newsq-bench runs each query once first
        raw = median_ns(runs, runner(sql))
        results[query] = {"sql": " ".join(sql.split()), "raw_ns": raw, "net_ns": max(raw - baseline, 0), "rows": len(rows)}
    con.close()
    return {"runs": runs, "setup_runs": setup_runs, "load_ns": load_ns, "baseline_ns": baseline,
            "sqlite_version": sqlite3.sqlite_version, "python_version": sys.version.split()[0], "queries": results}


# ---------------------------------------------------------------------------------------------
# Peak memory.

CHILD_MAXRSS = ("import resource, subprocess, sys; "
                "subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, check=True); "
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def gnu_time():
    path = "/usr/bin/time"
    if not os.access(path, os.X_OK):
        return None
    try:
        probe = subprocess.run([path, "-v", "true"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    except OSError:
        return None
    return path if "Maximum resident set size" in probe.stderr else None


def max_rss_kb(command, timer):
    """Peak resident memory of one run of `command`, in KiB: from `/usr/bin/time -v` when it is
    there, else from ru_maxrss of RUSAGE_CHILDREN in a fresh python process that runs only it."""
    if timer:
        done = subprocess.run([timer, "-v", *command], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.strip()[:500]}")
        return int(re.findall(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)[-1])
    done = subprocess.run([sys.executable, "-c", CHILD_MAXRSS, *command], stdout=subprocess.PIPE, text=True, check=True)
    return int(done.stdout.split()[-1])


def peak(command, timer, repeats=3):
    return statistics.median(max_rss_kb(command, timer) for _ in range(repeats))


# ---------------------------------------------------------------------------------------------
# Output.

def duration(ns):
    if ns is None:
        return "—"
    if ns < 1_000_000:
        return f"{ns / 1000:.1f} µs"
    return f"{ns / 1_000_000:.2f} ms"


def ratio(a, b):
    if a is None or b is None:
        return "—"
    if b <= 0:
        return "∞"
    r = a / b
    return f"{r:.2f}×" if r < 10 else f"{r:.1f}×"


def cell(text, width, right=False):
    text = str(text)
    if len(text) > width:
        text = text[:width - 1] + "…"
    return text.rjust(width) if right else text.ljust(width)


def mb(kb):
    return f"{kb / 1024:.1f} MB"


NOTES = [
    "SQLite times are net of Python's call overhead: each median minus the median of an empty "
    "`SELECT 1` ({baseline}), run and fetched the same way (execute + fetchall).",
    "SQL is compiled on every run (statement cache off), as newsq parses every query on every run. "
    "Every query fetches all its rows, as newsq builds its whole result, so SQLite's time includes making "
    "Python tuples of them, which grows with rows x columns (`quotes`: 31 x 21).",
    "Text forms (who said, mentioning, has): SQLite's LIKE does no stemming, diacritic or typographic-quote "
    "folding and no word or phrase matching, so the SQL does less work there; this compares the query path, "
    "not identical semantics. The rows column shows where the answers differ.",
    "Set-up: newsq builds its interpreter from the model in memory (validates every span; its tables, text "
    "and name indexes are built on first use); SQLite loads the parsed JSON into :memory: (tables, derived fields, indexes; "
    "no validation). JSON parsing is outside both.",
]


def print_sqlite_only(data):
    print(f"SQLite reference — in-memory, SQLite {data['sqlite_version']} via Python {data['python_version']}, "
          f"{data['runs']} runs per query (medians)")
    print(f"load into :memory: = {duration(data['load_ns'])} ({data['setup_runs']} runs); "
          f"`SELECT 1` baseline = {duration(data['baseline_ns'])}, subtracted below")
    print()
    print(cell("query", 62) + cell("net", 11, True) + cell("raw", 11, True) + cell("rows", 6, True))
    for query, result in data["queries"].items():
        print(cell(query, 62) + cell(duration(result["net_ns"]), 11, True) + cell(duration(result["raw_ns"]), 11, True)
              + cell(result["rows"], 6, True))


def print_side_by_side(data, newsq, memory):
    print(f"newsq vs SQLite — one run of both over the same model, release build, "
          f"{newsq['runs']} runs per query, medians")
    print(f"SQLite {data['sqlite_version']} in memory via Python {data['python_version']}'s sqlite3")
    print()
    for note in NOTES:
        print("- " + note.format(baseline=duration(data["baseline_ns"])))
    print()
    widths = (62, 11, 11, 9, 10)
    print(cell("set-up", widths[0]) + cell("newsq", widths[1], True) + cell("SQLite", widths[2], True)
          + cell("ratio", widths[3], True))
    print(cell(f"interpreter set-up vs load into :memory: ({newsq['setup_runs']} runs)", widths[0])
          + cell(duration(newsq["setup_ns"]), widths[1], True) + cell(duration(data["load_ns"]), widths[2], True)
          + cell(ratio(newsq["setup_ns"], data["load_ns"]), widths[3], True))
    print()
    print(cell("query", widths[0]) + cell("newsq", widths[1], True) + cell("SQLite", widths[2], True)
          + cell("ratio", widths[3], True) + cell("rows", widths[4], True))
    print("-" * sum(widths))
    logs, differ = [], []
    for entry in newsq["queries"]:
        query, ns = entry["query"], entry["median_ns"]
        sql = data["queries"].get(query)
        net = sql["net_ns"] if sql else None
        if sql and net > 0:
            logs.append((ns / net))
        if not sql:
            rows = f"{entry['rows']}/—"
        elif entry["rows"] < 0:
            rows = "plan"
        else:
            rows = f"{entry['rows']}/{sql['rows']}"
            if entry["rows"] != sql["rows"]:
                rows += "*"
                differ.append(query)
        print(cell(query, widths[0]) + cell(duration(ns), widths[1], True) + cell(duration(net), widths[2], True)
              + cell(ratio(ns, net), widths[3], True) + cell(rows, widths[4], True))
    print("-" * sum(widths))
    if logs:
        geomean = statistics.geometric_mean(logs)
        print(cell(f"geometric mean of the {len(logs)} ratios", widths[0]) + cell("", widths[1] + widths[2])
              + cell(ratio(geomean, 1), widths[3], True))
    missing = [e["query"] for e in newsq["queries"] if e["query"] not in data["queries"]]
    if missing:
        print("no SQL equivalent for: " + "; ".join(missing))
    if differ:
        print(f"* rows differ (newsq's matching folds and stems; LIKE does not): {len(differ)} of "
              f"{len(newsq['queries'])} queries")
    print("rows: newsq's / SQLite's. explain is timed against EXPLAIN QUERY PLAN of the who-said SQL.")
    print()
    if memory:
        print(f"peak memory (max RSS, median of 3 runs, {memory['how']})")
        for label, kb in memory["rows"]:
            print("  " + cell(label, 70) + cell(mb(kb), 10, True))
        python_kb = memory["rows"][2][1]
        print("  " + cell("ratio newsq -c 'quotes' / python3 + sqlite3", 70) + cell(ratio(memory["rows"][0][1], python_kb), 10, True))
        print("  " + cell("ratio newsq --model MODEL.json / python3 + sqlite3", 70)
              + cell(ratio(memory["rows"][1][1], python_kb), 10, True))
        print()
    worst = max(newsq["queries"], key=lambda e: e["median_ns"])
    verdict = "under" if worst["median_ns"] < 1_000_000 else "NOT under"
    print(f"slowest newsq query: {worst['query']} — {duration(worst['median_ns'])}, {verdict} 1 ms")


def main():
    parser = argparse.ArgumentParser(description="Time the SQLite equivalents of newsq's query forms.")
    parser.add_argument("model", help="model JSON from `newsq --export-model`")
    parser.add_argument("--runs", type=int, help="runs per query (default: newsq's, else 200)")
    parser.add_argument("--setup-runs", type=int, help="runs of the load (default: newsq's, else 20)")
    parser.add_argument("--newsq", help="newsq-bench --json output, to print side by side")
    parser.add_argument("--newsq-binary", help="the newsq executable, to measure peak memory")
    parser.add_argument("--json", action="store_true", help="print the SQLite medians as JSON")
    parser.add_argument("--load-only", action="store_true", help="load, run the SQL for `quotes`, print its rows")
    args = parser.parse_args()

    with open(args.model, encoding="utf-8") as file:
        model = json.load(file)

    if args.load_only:
        con = load(model)
        out = sys.stdout
        for row in con.execute(QUERIES["quotes"]):
            out.write("\t".join("" if v is None else str(v) for v in row) + "\n")
        return

    newsq = None
    if args.newsq:
        with open(args.newsq, encoding="utf-8") as file:
            newsq = json.load(file)
    runs = args.runs or (newsq["runs"] if newsq else 200)
    setup_runs = args.setup_runs or (newsq["setup_runs"] if newsq else 20)
    data = measure(model, runs, setup_runs)

    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if not newsq:
        print_sqlite_only(data)
        return

    memory = None
    if args.newsq_binary:
        timer = gnu_time()
        script = os.path.abspath(__file__)
        rows = [
            ("newsq -c 'quotes' --format plain (bundled model)",
             peak([args.newsq_binary, "-c", "quotes", "--format", "plain"], timer)),
            ("newsq --model MODEL.json -c 'quotes' --format plain (parses the JSON)",
             peak([args.newsq_binary, "--model", args.model, "-c", "quotes", "--format", "plain"], timer)),
            ("python3 + sqlite3: load MODEL.json into :memory:, run the 'quotes' SQL",
             peak([sys.executable, script, args.model, "--load-only"], timer)),
            ("  of which bare python3 importing sqlite3 and json",
             peak([sys.executable, "-c", "import sqlite3, json"], timer)),
        ]
        memory = {"how": "/usr/bin/time -v" if timer else "ru_maxrss of RUSAGE_CHILDREN, one fresh python3 per run", "rows": rows}
    print_side_by_side(data, newsq, memory)


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:  # `| head`: end quietly
        sys.stderr.close()
        sys.exit(1)
