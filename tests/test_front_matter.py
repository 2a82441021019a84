"""Front-matter written by render.py's own emitter is byte for byte PyYAML's (through python-frontmatter), on
any text: plain where PyYAML writes plain, quoted where it quotes, and PyYAML itself for anything else."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render import page_text, yaml_page_text

text = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),
    st.text(alphabet="aZ é“”’'\"#:-?,[]{}&*!|>%@`~=<.+0129 \t\n\\", max_size=40),
    st.sampled_from(["yes", "No", "null", "~", "2026-01-31", "1.5", "0x1F", ".inf", "- a", "a: b", "a #b",
                     "a:", "C# and F#", "“quoted”: yes", "https://x.example/a?b=c#d", "'single'", "x" * 700]),
)
value = st.one_of(text, st.dates(), st.lists(text, max_size=3))
meta = st.dictionaries(st.sampled_from(["title", "date", "source", "key_points", "seed", "a b"]),
                       st.one_of(value, st.dictionaries(st.sampled_from(["people", "places"]), value, max_size=2),
                                 st.lists(st.dictionaries(st.sampled_from(["title", "anchor", "topics"]), value,
                                                          max_size=3), max_size=2)),
                       max_size=5)


@settings(max_examples=600, deadline=None)
@given(meta=meta, body=st.sampled_from(["Body.", "", "  # Heading\n\ntext  \n"]))
def test_front_matter_is_pyyamls(meta, body):
    assert page_text(meta, body) == yaml_page_text(meta, body)


def test_a_date_and_nested_lists():
    meta = {"title": "What you missed: Tech", "date": dt.date(2026, 1, 31), "topics": [],
            "entities": {"people": ["Xi Jinping"], "places": []}, "sections": [{"title": "A", "topics": ["b"]}]}
    assert page_text(meta, "x") == yaml_page_text(meta, "x")
