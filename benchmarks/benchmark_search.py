#!/usr/bin/env python3
"""How long search takes to get ready and to answer, in a real browser, for this
checkout and for the course as it was before (a git revision): the index built
from a language's search index (what a learner waits for after the first tap on
the search box) and one query (what they wait for after each key).

  .venv/bin/python benchmarks/benchmark_search.py [--before REV] [--repeat 7] [--record benchmarks/search.md]

Both sites are built (HTML only) into a temporary folder and served on loopback.
In Debian's chromium, for each language of mkdocs.yml, a page of the site starts
the site's own search worker (overrides/assets/javascripts/search-worker.js,
which runs Material's), hands it the language's index as Material does, and
times the answer (ready), then times each query; the worker is started afresh
for every run, the fastest run of --repeat is kept (the others waited for
something else on the machine), the two sites taking turns, and the median
of the queries is given. The
queries are words of the index's titles, typed in lower case without accents.

The course has no language in Cyrillic: a Cyrillic index is made from the Greek
one, each Greek letter replaced by a Cyrillic one (the same number of words,
letters and accents), with Ukrainian's search rules.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import statistics
import sys
import tempfile
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from benchmark_pdf import machine
from benchmark_visits import at_revision, build, default_before, this_checkout

from course.config import default_language, language_root, languages

# Greek letters and their Cyrillic counterparts (accents, separate once decomposed, are kept).
GREEK_TO_CYRILLIC = str.maketrans(
    "αβγδεζηθικλμνξοπρσςτυφχψω" + "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ",
    "абгдезиѳіклмнкопрсстуфхцо" + "АБГДЕЗИѲІКЛМНКОПРСТУФХЦО",
)
WORKER = re.compile(r'"search":\s*"([^"]*search-worker\.js\?material=[^"]+)"')

# In the page: start the worker, hand it the index and time the answer (Material's messages: 0 setup,
# 1 ready, 2 query, 3 result), then time each query.
MEASURE = """async ({worker, index, queries}) => {
  const answer = (w, message, type) => new Promise(resolve => {
    const listen = event => { if (event.data.type === type) { w.removeEventListener("message", listen); resolve(event.data); } };
    w.addEventListener("message", listen);
    w.postMessage(message);
  });
  const w = new Worker(worker);
  let start = performance.now();
  await answer(w, {type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}}, 1);
  const ready = performance.now() - start;
  const asked = [];
  for (const query of queries) {
    start = performance.now();
    const result = await answer(w, {type: 2, data: query}, 3);
    asked.push({ms: performance.now() - start, found: result.data.items.length});
  }
  w.terminate();
  return {ready, asked};
}"""


def log(message: str) -> None:
    print(f"==> {message}", flush=True)


def plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def queries_for(index: dict, count: int = 4) -> list[str]:
    """The longest words of the index's first titles, typed in lower case without accents."""
    words: list[str] = []
    for doc in index["docs"][:30]:
        words += re.findall(r"\w{5,}", doc["title"])
    chosen = sorted(set(words), key=lambda w: (-len(w), w))[:count]
    return [plain(word) for word in chosen]


def cyrillic(index: dict) -> dict:
    """The Greek index in Cyrillic letters, with Ukrainian's search rules."""

    def letters(text: str) -> str:
        return unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(GREEK_TO_CYRILLIC))

    docs = [dict(doc, title=letters(doc["title"]), text=letters(doc["text"])) for doc in index["docs"]]
    course = dict(index["config"].get("course") or {}, variants={"ґ": "г"})
    if "language" in course:
        course["language"] = "uk"
    return {"config": dict(index["config"], course=course), "docs": docs}


def indexes(site: Path) -> dict[str, dict]:
    default = default_language()
    found = {}
    for lang in languages():
        path = site / language_root(lang.code, default) / "search" / "search_index.json"
        found[lang.code] = json.loads(path.read_text(encoding="utf-8"))
    if "el" in found:
        found["uk (Cyrillic, from el)"] = cyrillic(found["el"])
    return found


def worker_of(site: Path) -> str:
    found = WORKER.search((site / "index.html").read_text(encoding="utf-8"))
    if not found:
        raise SystemExit(f"error: {site}/index.html names no search-worker.js")
    return found.group(1)


def measure(browser, sites: dict[str, Path], repeat: int) -> dict[str, dict[str, dict]]:
    """For each site (before, after) and language: the fastest of `repeat` runs, the sites' runs
    taking turns, so that the machine's load weighs on both alike."""
    from browser import serve

    found: dict[str, dict[str, dict]] = {name: {} for name in sites}
    with contextlib.ExitStack() as stack:
        urls = {name: stack.enter_context(serve(site)) for name, site in sites.items()}
        context = browser.new_context()
        pages = {}
        for name, url in urls.items():
            pages[name] = context.new_page()
            pages[name].route("**/benchmark.html", lambda route: route.fulfill(body="<!doctype html><title>b</title>"))
            pages[name].goto(f"{url}/benchmark.html")
        all_indexes = {name: indexes(site) for name, site in sites.items()}
        for lang in all_indexes["after"]:
            queries = queries_for(all_indexes["after"][lang])
            runs: dict[str, list] = {name: [] for name in sites}
            for _ in range(repeat):
                for name, site in sites.items():
                    job = {
                        "worker": f"{urls[name]}/{worker_of(site)}",
                        "index": all_indexes[name][lang],
                        "queries": queries,
                    }
                    runs[name].append(pages[name].evaluate(MEASURE, job))
            for name, done in runs.items():
                index = all_indexes[name][lang]
                found[name][lang] = {
                    "size": len(json.dumps(index, ensure_ascii=False).encode()) / 1024,
                    "docs": len(index["docs"]),
                    "ready": min(run["ready"] for run in done),
                    "query": statistics.median(min(run["asked"][i]["ms"] for run in done) for i in range(len(queries))),
                    "found": [done[0]["asked"][i]["found"] for i in range(len(queries))],
                    "queries": queries,
                }
                log(
                    f"{name} {lang}: ready {found[name][lang]['ready']:.0f} ms, query {found[name][lang]['query']:.1f} ms"
                )
        context.close()
    return found


def table(before: dict, after: dict) -> list[str]:
    rows = [
        "| Language | Index (KiB) | Entries | Ready before (ms) | Ready after (ms) | Query before (ms) | Query after (ms) "
        "| Results before → after | Queries |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for name, now in after.items():
        old = before.get(name)
        if not old:
            continue
        results = ", ".join(f"{a}→{b}" for a, b in zip(old["found"], now["found"], strict=True))
        rows.append(
            f"| {name} | {now['size']:.0f} | {now['docs']} | {old['ready']:.0f} | {now['ready']:.0f} | "
            f"{old['query']:.1f} | {now['query']:.1f} | {results} | {' '.join(now['queries'])} |"
        )
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--before", default=None, help="the git revision to compare with (default: merge-base with main)"
    )
    parser.add_argument("--repeat", type=int, default=7, help="runs per language and site (default 7)")
    parser.add_argument("--record", type=Path, help="add the figures to this Markdown file (newest first)")
    args = parser.parse_args(argv)
    before_revision = args.before or default_before()

    from browser import browser_session

    with tempfile.TemporaryDirectory(prefix="benchmark-search-") as tmp:
        folder = Path(tmp)
        log(f"building this checkout and {before_revision} (HTML only)")
        after_site = build(this_checkout(folder / "after"), folder / "after" / "site")
        before_site = build(at_revision(before_revision, folder / "before"), folder / "before" / "site")
        with browser_session() as browser:
            found = measure(browser, {"before": before_site, "after": after_site}, args.repeat)
        before, after = found["before"], found["after"]

    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"## {when}",
        "",
        f"- Machine: {machine()}",
        f"- Before: {before_revision}; after: this checkout. Chromium (Debian), fastest of {args.repeat} runs "
        "each; a query's time is the median of the queries' fastest runs.",
        "",
        *table(before, after),
        "",
    ]
    print("\n".join(lines))
    if args.record:
        header = (
            "# Search figures\n\nRecorded by `benchmarks/benchmark_search.py --record benchmarks/search.md`: "
            "the time the search index takes to get ready in the browser, and a query's, before and after a "
            "change, newest first.\n\n"
        )
        old = args.record.read_text(encoding="utf-8") if args.record.is_file() else header
        body = old[len(header) :] if old.startswith(header) else old
        args.record.write_text(header + "\n".join(lines) + "\n" + body, encoding="utf-8")
        log(f"recorded in {args.record}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
