"""``digest`` — argument parsing and exit codes only; the work happens in build.py.

Exit 0 success, 1 invalid input (every problem on stderr as ``PATH:LINE: message``), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator.config import SEED_FIELDS, load_topics
from generator.errors import ConfigError, DigestError, Problem, SeedError


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_usage(sys.stderr)
        return 2
    try:
        return args.run(args)
    except SeedError as exc:
        _report(exc.problems, getattr(args, "format", "text"))
        print(f"digest: {len(exc.problems)} problem{'s' if len(exc.problems) != 1 else ''}; nothing written",
              file=sys.stderr)
        return 1
    except (ConfigError, DigestError) as exc:
        print(f"digest: {exc}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="digest", description="Seeds to a MkDocs Material digest site.")
    sub = parser.add_subparsers(dest="command")

    gen = sub.add_parser("generate", help="write the generated pages into the docs folder")
    gen.add_argument("--seeds", default="seeds", metavar="DIR")
    gen.add_argument("--docs", default="docs", metavar="DIR")
    gen.set_defaults(run=_generate)

    check = sub.add_parser("check", help="validate seeds; writes nothing")
    check.add_argument("--seeds", default="seeds", metavar="DIR")
    check.add_argument("--format", choices=("text", "github"), default="text")
    check.set_defaults(run=_check)

    build = sub.add_parser("build", help="generate, then build the site with MkDocs (--strict)")
    build.add_argument("--seeds", default="seeds", metavar="DIR")
    build.add_argument("--docs", default="docs", metavar="DIR")
    build.add_argument("--site", default="site", metavar="DIR")
    build.set_defaults(run=_build)

    new = sub.add_parser("new", help="write a new seed skeleton for an editor to fill")
    new.add_argument("--seeds", default="seeds", metavar="DIR")
    new.add_argument("--title", default="", help="headline, also used for the file name")
    new.set_defaults(run=_new)
    return parser


def _generate(args) -> int:
    from generator.build import generate

    print(generate(args.seeds, args.docs).summary())
    return 0


def _check(args) -> int:
    from generator.build import analyse
    from generator.checks import duplicates
    from generator.read import read_seeds

    try:
        seeds, articles = analyse(args.seeds)
        problems = []
    except SeedError as exc:  # report duplicates in the same run as every other problem
        seeds, articles, problems = read_seeds(args.seeds)[0], (), list(exc.problems)
    problems += [p for p in duplicates(seeds) if p not in problems]
    if problems:
        raise SeedError(problems)
    print(f"digest: {len(articles)} seeds checked, no problems")
    return 0


def _build(args) -> int:
    from generator.build import build_site, generate

    result = generate(args.seeds, args.docs)
    build_site(args.docs, args.site)
    print(result.summary() + f"; site built in {args.site}")
    return 0


def _new(args) -> int:
    from generator.text import slugify

    today = dt.date.today()
    folder = Path(args.seeds)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{today.isoformat()}-{slugify(args.title, 40) or 'new-seed'}"
    path = folder / f"{stem}.md"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}.md"
        n += 1
    path.write_text(skeleton(today, args.title), encoding="utf-8")
    print(path)
    return 0


def skeleton(today: dt.date, title: str = "") -> str:
    """A seed with every key explained; optional keys stay commented out until the editor needs them."""
    slugs = ", ".join(t.slug for t in load_topics())
    lines = ["---"]
    for field in SEED_FIELDS.values():
        lines.append(f"# {field.name}: {field.doc}")
        if field.name == "date":
            lines.append(f"date: {today.isoformat()}")
        elif field.name == "title" and title:
            lines.append(f"title: {_yaml_text(title)}")
        elif field.name == "topics":
            lines.append(f"# topics: [{slugs.split(', ')[0]}]    # one or more of: {slugs}")
        else:
            lines.append(f"# {field.name}: {field.example}")
    lines += ["---", "", "Paste the article's text here, one paragraph per line or separated by blank lines.", ""]
    return "\n".join(lines)


def _yaml_text(text: str) -> str:
    import json
    return json.dumps(text, ensure_ascii=False)


def _report(problems: list[Problem], fmt: str) -> None:
    for p in problems:
        if fmt == "github":
            where = f"file={_gh_property(p.path)},line={p.line}"
            print(f"::error {where}::{_gh_data(p.message)}", file=sys.stderr)
        else:
            print(p, file=sys.stderr)


def _gh_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's runner unescapes it (one line, ``%`` literal)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    """A workflow command's property value (``file=``): the message rules plus ``:`` and ``,``."""
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


if __name__ == "__main__":
    raise SystemExit(main())
