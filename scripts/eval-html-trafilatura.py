#!/usr/bin/env python3
"""Runs trafilatura on the same pages as newsq-eval-html, in one process, for scripts/eval-html.

  eval-html-trafilatura.py main-text PAGES_DIR GROUND_TRUTH.json PREDICTIONS_DIR
  eval-html-trafilatura.py metadata PAGES_DIR EVALDATA.json

Pages are read into memory first; only extraction is timed. Prints one JSON object (pages,
seconds, pages_per_second; for metadata also the title and date exact-match rates, compared the
way newsq-eval-html compares them). Scoring of main text is left to newsq-eval-html's `score`, so
both tools are scored by the same code.
"""
import json, sys, time
from pathlib import Path

import trafilatura


def main_text(pages, gold_path, out):
    gold = json.loads(Path(gold_path).read_text(encoding="utf8"))
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    inputs = [(k, (Path(pages) / f"{k}.html").read_bytes()) for k in sorted(gold)]
    start = time.perf_counter()
    results = [(k, trafilatura.extract(html) or "") for k, html in inputs]
    seconds = time.perf_counter() - start
    for k, text in results:
        (out / f"{k}.txt").write_text(text, encoding="utf8")
    return {"pages": len(inputs), "seconds": seconds, "pages_per_second": len(inputs) / seconds}


def norm(s):
    return " ".join((s or "").split())


def metadata(pages, eval_path):
    data = json.loads(Path(eval_path).read_text(encoding="utf8"))
    entries = sorted(data.items())
    inputs = [(url, e, (Path(pages) / e["file"]).read_bytes()) for url, e in entries]
    titles = dates = 0
    start = time.perf_counter()
    found = [(e, trafilatura.extract_metadata(html, default_url=url)) for url, e, html in inputs]
    seconds = time.perf_counter() - start
    for e, m in found:
        title = (m.title if m else None) or ""
        date = ((m.date if m else None) or "")[:10]
        titles += norm(title) == norm(e.get("title", ""))
        dates += date == (e.get("date") or "")
    n = len(inputs)
    return {"pages": n, "seconds": seconds, "pages_per_second": n / seconds,
            "title_rate": titles / n, "date_rate": dates / n, "titles": titles, "dates": dates}


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    result = {"main-text": main_text, "metadata": metadata}[command](*args)
    result["version"] = trafilatura.__version__
    print(json.dumps(result))
