"""The shared text tools against plain, slow reference versions, on generated text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.text import PhraseMatcher, Prose, ends_clause, fold, sentences, single_spaced, word_count

SPACES = " \t\n\u00a0\u2009\u202f\u3000"
PHRASES = ["rare earth", "US", "U.S.", "export control", "Taiwan", "taiwan strait", "Kim", "Kim Jong Un",
           "George Washington", "Washington", "é-tude", "#tag"]
SUFFIXES = ("s", "es")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def reference_find(phrases: dict, text: str, exact: bool = False) -> list[tuple[int, int, object]]:
    """Every whole-word occurrence of every phrase and suffixed form, then leftmost-longest."""
    found = []
    for phrase, value in phrases.items():
        case = exact or all(c.isupper() for c in phrase if c.isalpha())
        for suffix in ("", *SUFFIXES):
            form = phrase + suffix
            for start in range(len(text) - len(form) + 1):
                piece = text[start:start + len(form)]
                if piece != form if case else fold(piece) != fold(form):
                    continue
                end = start + len(form)
                if start and _is_word(text[start - 1]) and _is_word(form[0]):
                    continue
                if end < len(text) and _is_word(text[end]):
                    continue
                found.append((start, -end, not case, value))
    taken, reached = [], -1
    for start, negative_end, _, value in sorted(found, key=lambda f: f[:3]):
        if start >= reached:
            reached = -negative_end
            if value is not None:
                taken.append((start, reached, value))
    return taken


words = st.sampled_from(PHRASES + ["earths", "USA", "thus", "Kimchi", "Taiwanese", "rare", "a", "b"])
separators = st.sampled_from([" ", ", ", "-", "’s ", "\n", "", "_", "."])
texts = st.lists(st.tuples(words, separators), max_size=14).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=400, deadline=None)
@given(texts, st.booleans())
def test_matcher_agrees_with_the_reference(text, upper):
    text = text.upper() if upper else text
    phrases = {p: p.lower() for p in PHRASES}
    phrases["George Washington"] = None  # blocks the shorter match inside it
    got = [(m.start, m.end, m.value) for m in PhraseMatcher(phrases).find(text)]
    assert got == reference_find(phrases, text)
    assert all(text[m.start:m.end] == m.phrase for m in PhraseMatcher(phrases).find(text))


PUNCTUATED_PHRASES = {p: p.lower() for p in PHRASES}
PUNCTUATED_PHRASES.update({"US-China": "us-china", "rare-earth": "rare earth", "Ché": "che", "George Washington": None,
                           "Us": "us, any case"})  # (the same words as "US" folded: "US" as written is "us")


@settings(max_examples=300, deadline=None)
@given(texts, st.booleans(), st.booleans())
def test_matcher_in_prose_or_exact_agrees_with_the_reference(text, upper, exact):
    """Punctuated phrases and both case modes, in a string or in a story's Prose, whatever case the text
    is in."""
    text = text.upper() if upper else text
    matcher = PhraseMatcher(PUNCTUATED_PHRASES, exact=exact)
    want = reference_find(PUNCTUATED_PHRASES, text, exact)
    assert [(m.start, m.end, m.value) for m in matcher.find(text)] == want
    prose = Prose([text])
    assert [(m.start, m.end, m.value) for m in matcher.find(prose)] == want


def test_an_acronym_and_a_word_spelt_alike_are_told_apart_by_case():
    matcher = PhraseMatcher({"US": "United States", "us": "pronoun", "USS": "ship", "tariffs": "t"})
    text = "Us and US tariffs; USS Ohio; us; USs"
    assert [(m.phrase, m.value) for m in matcher.find(text)] == [
        ("Us", "pronoun"), ("US", "United States"), ("tariffs", "t"), ("USS", "ship"), ("us", "pronoun"),
        ("USs", "United States")]


def test_a_match_lost_to_the_other_case_mode_gives_back_what_it_hid():
    """"CHINA TRADE" (exact) overlaps "TRADE WAR" but loses to "us china" (folded), which starts first:
    the words it would have hidden are free again, and "TRADE WAR" is found."""
    phrases = {"us china": "uc", "CHINA TRADE": "ct", "TRADE WAR": "tw"}
    text = "US CHINA TRADE WAR"
    assert [m.value for m in PhraseMatcher(phrases).find(text)] == ["uc", "tw"]
    assert [v for _, _, v in reference_find(phrases, text)] == ["uc", "tw"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab.É’") + list(SPACES)), max_size=40))
def test_word_count_and_single_spacing_match_split(text):
    assert word_count(text) == len(text.split())
    assert single_spaced(text) == " ".join(text.split())


@given(st.text(max_size=60))
def test_fold_keeps_length_and_folds_ascii(text):
    folded = fold(text)
    assert len(folded) == len(text)
    assert all(f == (c.lower() if c.isascii() else c) for c, f in zip(text, folded))


def reference_sentences(text: str) -> list[str]:
    """The splitter as first written: the last word found by splitting everything before the stop."""
    import re

    from generator.text import ABBREVIATIONS

    out, start = [], 0
    cjk = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"  # (a Chinese or Japanese stop needs no space after it)
    for m in re.finditer(rf"([.!?…。！？]+)([\"”’')\]」』）]*)(\s+(?=[\"“‘'(\[「『（]?[A-Z0-9{cjk}])"
                         r"|(?<=[。！？」』）])\s*(?=[\"“‘'(\[「『（]?[^\W_]))", text):
        before = text[start:m.start()].rsplit(None, 1)
        last_word = before[-1].lower().lstrip("(\"“‘'") if before else ""
        if m.group(1) == "." and (last_word in ABBREVIATIONS or re.fullmatch(r"[a-z]", last_word)
                                  or re.fullmatch(r"(?:[a-z]\.)+[a-z]", last_word)):
            continue
        piece = text[start:m.end(2)].strip()
        if piece:
            out.append(piece)
        start = m.end()
    tail = text[start:].strip()
    return out + ([tail] if tail else [])


sentence_parts = st.sampled_from(["The U.S. said", "Mr. Li", "J. Doe", "e.g. this", "It rose.", "Why?", " ", "?.", "!",
                                  "“Yes.”", "(Jan. 5)", "no.", "A", "x.y.z.", "2026.", "…", "Done!",
                                  "北京说。", "好！", "「是。」", "商务部", "발사했다."])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(sentence_parts, st.sampled_from([" ", "", "\n", "” "])), max_size=12)
       .map(lambda parts: "".join(p + s for p, s in parts)))
def test_sentence_splitter_matches_its_reference(text):
    assert sentences(text) == reference_sentences(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Xi", "said", ".", "!", " ", "\t", "McDonald", "ABc", "_Ab", "3Ab", "(Beijing", "é",
                                 "Émile", "U.S.", "?", "“Tokyo", "a"]), max_size=16).map("".join))
def test_capitalised_word_count_matches_the_pattern_it_replaced(sentence):
    import re

    from generator.extract.keypoints import capitalised_words

    expected = len(re.findall(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+", sentence))
    assert capitalised_words(sentence, limit=100) == expected
    assert capitalised_words(sentence) == min(expected, 5)


@given(st.text(alphabet=st.sampled_from(list("a .,;:!?…\"”’')]“(")), max_size=12))
def test_ends_clause_reads_the_end_as_the_anchored_regex_does(text):
    import re

    assert ends_clause(text) == bool(re.search(r"[.,;:!?…][\"”’')\]]*\Z", text))


def test_unique_numbering_goes_on_from_where_it_got_to():
    """Thirty thousand stories titled alike once took minutes: each slug counted up from 2 again. With the
    caller's counters every call asks the set a bounded number of times, and the slugs are the same."""
    from generator.text import unique

    class Counting(set):
        asked = 0

        def __contains__(self, item):
            Counting.asked += 1
            return super().__contains__(item)

    taken, counters, made = Counting(), {}, []
    for slug in ["taipei"] * 500 + ["taipei-7", "seoul", "taipei"]:
        made.append(unique(slug, taken, counters))
        taken.add(made[-1])
    assert Counting.asked <= 3 * len(made)
    plain: set[str] = set()
    expected = []
    for slug in ["taipei"] * 500 + ["taipei-7", "seoul", "taipei"]:
        expected.append(unique(slug, plain))
        plain.add(expected[-1])
    assert made == expected and len(set(made)) == len(made)
