#!/usr/bin/env python3
"""Do the course's quizzes test understanding? Figures and rules, per unit and language.

  .venv/bin/python scripts/check_quizzes.py [--lang LANG ...]
  .venv/bin/python scripts/check_quizzes.py --blind LANG > quiz-LANG.md
  .venv/bin/python scripts/check_quizzes.py --score LANG answers.txt

For every language: per unit, the number of questions, the position of the
right option in each single-answer question (m: several answers), how often
the right option is the longest, the options per question and the questions
that ask the learner to apply the unit to a situation; then the same over the
course. Then every broken rule (course/blocks/quiz_quality.py, AUTHORING.md), with
its file and line. Exits 1 when a rule is broken.

--blind writes a language's questions and lettered options, with no answer
key and no feedback: the sheet a reader who never read the course answers
(benchmarks/quizzes.md), or a quiz a trainer prints. --score reads such a
reader's answers ('1: B', '2: A C', one line per question) and prints what
they got right, beside blind chance.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course import PROJECT_ROOT
from course.blocks.quiz_quality import course_problems, language_figures, problems, report_lines, source_units
from course.blocks.quiz_sheet import blind_sheet, read_answers, score
from course.config import Project
from course.errors import ContentError
from course.sources.strings import load_strings


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--lang", action="append", metavar="LANG", help="only this language (repeat for more)")
    parser.add_argument(
        "--blind", metavar="LANG", help="write LANG's questions and lettered options, no keys, no feedback"
    )
    parser.add_argument(
        "--score", nargs=2, metavar=("LANG", "ANSWERS"), help="score a file of answers to --blind's sheet"
    )
    parser.add_argument("--project", type=Path, default=PROJECT_ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    project = Project(args.project.resolve())
    pages = project.nav_pages
    try:
        if args.blind:
            words = load_strings(args.blind, project.strings_dir)["quiz"]
            print(
                blind_sheet(language_figures(project.docs, args.blind, pages), words["choose_one"], words["choose_all"])
            )
            return 0
        if args.score:
            lang, answers = args.score
            result = score(
                language_figures(project.docs, lang, pages),
                read_answers(Path(answers).read_text(encoding="utf-8"), answers),
            )
            print("\n".join(result.lines()))
            return 0
        broken = []
        every_language = [language_figures(project.docs, lang, pages) for lang in project.languages]
        for figures in every_language:
            if args.lang and figures.lang not in args.lang:
                continue
            print("\n".join(report_lines(figures)) + "\n")
            broken += problems(figures, load_strings(figures.lang, project.strings_dir)["quiz"])
        design = course_problems(source_units(every_language))
        broken += [p for p in design if not args.lang or any(f"/{lang}/" in str(p.path) for lang in args.lang)]
    except ContentError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for problem in broken:
        print(problem, file=sys.stderr)
    print(f"==> {len(broken)} broken rule(s)" if broken else "==> every quiz keeps the rules", file=sys.stderr)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
