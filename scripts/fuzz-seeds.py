#!/usr/bin/env python3
"""Writes the query fuzz target's seed corpus, Tests/Fuzz/query/seeds/: every statement line of
examples/*.nq (not comments, expectations or ':' shell commands) and every string literal in
Tests/NewsQueryTests/*.swift that starts with a query keyword. One file per distinct statement,
named by a hash of its text; `scripts/fuzz --seeds` runs this. Replaces the old seed files."""
import hashlib
import pathlib
import re

root = pathlib.Path(__file__).resolve().parent.parent
out = root / "Tests/Fuzz/query/seeds"
starts = ("who", "what", "quotes", "statements", "actors", "people", "organizations", "groups",
          "places", "events", "mentions", "source", "let", "explain", "(")
statements = set()
for path in sorted((root / "examples").glob("*.nq")):
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith(("#", ":", "!")):
            statements.add(line)
literal = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
for path in sorted((root / "Tests/NewsQueryTests").glob("*.swift")):
    for match in literal.finditer(path.read_text(encoding="utf-8")):
        text = match.group(1)
        if "\\(" in text or not text.startswith(starts):
            continue
        text = (text.replace("\\n", "\n").replace("\\t", "\t").replace('\\"', '"')
                .replace("\\\\", "\\"))
        statements.add(text)
out.mkdir(parents=True, exist_ok=True)
for old in out.iterdir():
    old.unlink()
for text in sorted(statements):
    name = hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
    (out / name).write_text(text, encoding="utf-8")
print(f"{len(statements)} seed statements in {out.relative_to(root)}")
