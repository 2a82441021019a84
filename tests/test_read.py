"""Reading seeds: every kind of bad input is a problem with the seed's path and line, never a crash."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import SeedError
from generator.read import read_seed, read_seeds
from tests.conftest import write

ARTICLE = "Beijing widened its export controls on rare earths on Thursday, officials said.\n"

BAD = [
    ("empty.txt", "", 1, "no article text"),
    ("blank.txt", "  \n\t\n   \n", 1, "no article text"),
    ("nul.txt", "First line\nsecond\x00line\n", 2, "control character U+0000"),
    ("bell.txt", "ok\n\nbad \x07 here\n", 3, "control character U+0007"),
    ("unclosed.md", "---\ntitle: x\n" + ARTICLE, 1, "never closed"),
    ("yaml.md", "---\ntitle: [unclosed\n---\n" + ARTICLE, 2, "invalid YAML"),
    ("list.md", "---\n- a\n- b\n---\n" + ARTICLE, 2, "must be `key: value` lines"),
    ("scalar.md", "---\njust text\n---\n" + ARTICLE, 2, "single value"),
    ("tag.md", "---\ntitle: !!python/object/apply:os.system ['echo hi']\n---\n" + ARTICLE, 2, "YAML tags"),
    ("alias.md", "---\na: &x [1, 2]\ntitle: *x\n---\n" + ARTICLE, 2, "anchors and aliases"),
    ("unknown.md", "---\nsorce: Reuters\n---\n" + ARTICLE, 2, "unknown key `sorce`; did you mean `source`?"),
    ("date.md", "---\ndate: 2026-02-30\n---\n" + ARTICLE, 2, "`date` must be a real date"),
    ("datefmt.md", "---\ndate: 31/01/2026\n---\n" + ARTICLE, 2, "`date` must be a real date"),
    ("datewords.md", "---\ndate: March 5, 2026\n---\n" + ARTICLE, 2, "got 'March 5, 2026': write 2026-03-05"),
    ("type.md", "---\ntitle: [a, b]\n---\n" + ARTICLE, 2, "`title` must be text, got a list"),
    ("topic.md", "---\ntopics: [taiwn]\n---\n" + ARTICLE, 2, "unknown topic 'taiwn'; did you mean 'taiwan'?"),
    ("signal.md", "---\ntruce_signal: calm\n---\n" + ARTICLE, 2, "`truce_signal` must be one of"),
    ("url.md", "---\nurl: javascript:alert(1)\n---\n" + ARTICLE, 2, "`url` must be a plain http"),
    ("dupe.md", "---\ntitle: a\ntitle: b\n---\n" + ARTICLE, 3, "set twice"),
    ("onlyfm.md", "---\ntitle: Nothing below\n---\n\n", 4, "no article text"),
]


@pytest.mark.parametrize("name,text,line,message", BAD, ids=[b[0] for b in BAD])
def test_bad_seed_is_a_problem_with_path_and_line(empty_seeds, name, text, line, message):
    path = write(empty_seeds, name, text)
    with pytest.raises(SeedError) as exc:
        read_seed(path, f"seeds/{name}")
    problem = exc.value.problems[0]
    assert problem.path == f"seeds/{name}"
    assert problem.line == line, str(problem)
    assert message in problem.message


def test_not_utf8_names_the_line(empty_seeds):
    path = write(empty_seeds, "latin1.txt", "fine\nalso fine\ncaf\xe9 au lait\n".encode("latin-1"))
    with pytest.raises(SeedError) as exc:
        read_seed(path, "seeds/latin1.txt")
    assert str(exc.value.problems[0]) == "seeds/latin1.txt:3: not UTF-8 text (byte 0xe9); save the file as UTF-8"


def test_all_problems_of_a_run_are_reported(empty_seeds):
    for name, text, *_ in BAD:
        write(empty_seeds, name, text)
    write(empty_seeds, "good.txt", ARTICLE)
    seeds, problems = read_seeds(str(empty_seeds))
    assert [s.file.name for s in seeds] == ["good.txt"]
    assert {p.path.rsplit("/", 1)[1] for p in problems} == {b[0] for b in BAD}


def test_bom_crlf_and_front_matter_are_read(empty_seeds):
    text = "\ufeff---\r\ntitle: Héllo\r\ndate: 2026-01-31\r\ntopics: taiwan\r\n---\r\n" + ARTICLE.replace("\n", "\r\n")
    path = write(empty_seeds, "bom crlf é.md", text)
    seed = read_seed(path, "seeds/bom crlf é.md")
    assert seed.meta == {"title": "Héllo", "date": "2026-01-31", "topics": "taiwan"}
    assert seed.body.strip() == ARTICLE.strip()
    assert seed.body_line == 6
    assert seed.meta_lines == {"title": 2, "date": 3, "topics": 4}


def test_other_files_are_reported_not_silently_dropped(empty_seeds):
    write(empty_seeds, "story.docx", "binary-ish")
    write(empty_seeds, "README.md", "# how to add seeds")
    write(empty_seeds, "ok.md", ARTICLE)
    seeds, problems = read_seeds(str(empty_seeds))
    assert [str(p) for p in problems] == [
        f"{empty_seeds}/story.docx:1: not a seed: seeds are .txt or .md files; rename or remove it"]
    assert [s.file.name for s in seeds] == ["ok.md"]


yaml_scalars = st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False),
                         st.dates().map(str), st.sampled_from(["'quoted'", '"a\\tb"', "~", "yes", "2026-01-31",
                                                               '"\\ud83d\\ude00"', "[a, b]", "{x: 1}", "|\n  block"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["title", "date", "topics", "x", "date"]), yaml_scalars), max_size=5))
def test_fast_and_pure_python_yaml_read_front_matter_alike(pairs):
    """libyaml reads front-matter first; whatever it accepts (front-matter without a tab: libyaml takes
    "title: \\t" as an empty title, the pure-Python parser refuses it) must read exactly as the pure-Python
    parser reads it (each key's line included), so the reader gives the pure-Python parser's result always."""
    from generator import read

    fm_text = "\n" + "".join(f"{key}: {value if isinstance(value, str) else yaml.safe_dump(value).split(chr(10))[0]}\n"
                             for key, value in pairs)
    if read._FastLoader is None:
        pytest.skip("PyYAML without libyaml")
    fast_problems, slow_problems, problems = [], [], []
    fast = read._parse_with(read._FastLoader, fm_text, "x.md", fast_problems)
    slow = read._parse_with(read._StrictLoader, fm_text, "x.md", slow_problems)
    if not fast_problems and "\t" not in fm_text:
        assert fast == slow and not slow_problems
    assert (read._parse_yaml(fm_text, "x.md", problems), problems) == (slow, slow_problems)
