"""Extraction, stage by stage, and the labelled set held to a floor."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.clean import clean
from generator.extract.dates import find_dates, read_dates
from generator.extract.entities import find_entities
from generator.extract.events import find_events
from generator.extract.keypoints import key_points
from generator.extract.signals import truce_signal
from generator.extract.structure import masthead, without_opening_mark
from generator.extract.topics import tag_story
from generator.markdown import escape, prose
from generator.text import PhraseMatcher, Prose, sentences, slugify
from tests.evaluate import evaluate


def assert_left_out(line: str, reason: str) -> None:
    """``line`` after a sentence of text: left out, for ``reason``, and the sentence kept."""
    cleaned = clean(f"Officials met on Monday.\n\n{line}\n")
    assert [b.text for b in cleaned.blocks] == ["Officials met on Monday."]
    assert [d.reason for d in cleaned.dropped] == [reason]


def assert_kept(line: str) -> None:
    """``line`` after a sentence of text: kept as it is."""
    assert [b.text for b in clean(f"Officials met on Monday.\n\n{line}\n").blocks] == ["Officials met on Monday.", line]


def assert_signal(sentence: str, value: str | None) -> None:
    """The truce signal of a story of one sentence (None: no signal)."""
    signal = truce_signal([sentence])
    assert (signal.value if signal else None) == value


def assert_left_out_or_kept(line: str, reason: str | None) -> None:
    """``line`` left out for ``reason``, or kept as it is when there is none."""
    if reason:
        assert_left_out(line, reason)
    else:
        assert_kept(line)


def test_labelled_set_meets_the_floor():
    score = evaluate()
    tp, fp, fn = (sum(d.values()) for d in (score.tp, score.fp, score.fn))
    assert tp / (tp + fp) >= 0.9 and tp / (tp + fn) >= 0.9, score.failures
    assert all(score.signals) and all(score.dates), score.failures
    assert not score.failures, score.failures


# -- clean -------------------------------------------------------------------------------------------------

def test_bullets_become_list_items_and_spaces_are_normalised():
    cleaned = clean("Intro line.\n  • first\u00a0item\n  – second\u202fitem\n* third\nAfter.\n")
    assert [(b.kind, b.lines) for b in cleaned.blocks] == [
        ("p", ("Intro line.",)), ("ul", ("first item", "second item", "third")), ("p", ("After.",))]


def test_hard_wrapped_lines_join_but_finished_lines_and_headings_do_not():
    cleaned = clean("The vote on the budget was held\nin the capital on Tuesday.\nA new paragraph starts here.\n"
                    "A Heading Without A Stop\nBeijing said it would respond.\n")
    assert [b.text for b in cleaned.blocks] == ["The vote on the budget was held in the capital on Tuesday.",
                                               "A new paragraph starts here.", "A Heading Without A Stop",
                                               "Beijing said it would respond."]


def test_repeated_teaser_and_paywall_are_dropped_by_shape():
    opening = ["Ministers met in the capital to discuss the harvest.", "Prices fell for a third month.",
               "Farmers asked for support before the winter."]
    text = "\n\n".join(opening + ["More analysis follows here with the real ending of the piece."]
                       + ["Members only? Log in."] + opening[:2] + [opening[2][:25] + "..."])
    cleaned = clean(text)
    kept = [b.text for b in cleaned.blocks]
    assert kept == opening + ["More analysis follows here with the real ending of the piece."]
    reasons = [d.reason for d in cleaned.dropped]
    assert reasons == ["boilerplate", "repeated teaser", "repeated teaser", "repeated teaser"]


def test_a_repeated_paragraph_opening_with_a_long_run_of_punctuation_is_a_teaser():
    """Its first word lies past the 80 characters the teaser check reads for probe words."""
    noisy = "!" * 90 + " then the words arrive."
    cleaned = clean("\n\n".join([noisy, "A plain paragraph between the two.", noisy, noisy]))
    assert [b.text for b in cleaned.blocks] == [noisy, "A plain paragraph between the two."]
    assert [d.reason for d in cleaned.dropped] == ["repeated teaser", "repeated teaser"]


def test_a_long_line_with_paywall_words_is_kept():
    line = "Readers who sign in to the ministry portal can file complaints about price gouging at markets."
    assert [b.text for b in clean(line).blocks] == [line]


def test_platform_leftovers_are_dropped_each_with_its_reason():
    story = ["Fishermen returned to the harbour on Tuesday after the storm passed.",
             "Port officials said repairs to the breakwater would take a month."]
    leftovers = [("Good morning,", "greeting"),
                 ("Image: Boats moored in the harbour after the storm. (Agency/Lee Min)", "caption"),
                 ("Reporting by Anna Berg in Busan; Editing by Tom Hale", "credits"),
                 ("Thanks for reading Harbour Watch! Subscribe for free to receive new posts.", "boilerplate"),
                 ("Restack", "button"), ("Leave a comment", "button")]
    text = "\n\n".join([leftovers[0][0], story[0], leftovers[1][0], story[1]] + [t for t, _ in leftovers[2:]])
    cleaned = clean(text)
    assert [b.text for b in cleaned.blocks] == story
    assert [(d.text, d.reason) for d in cleaned.dropped] == leftovers


@pytest.mark.parametrize("line", [
    "Share prices in Taipei fell two percent.",  # a button's word in a sentence
    "Photo opportunities were scarce at the summit in Busan.",  # a caption's word without its colon
    "Reporting by state media suggested that the talks had stalled.",  # "reporting by", then no names
    "Hello Kitty's maker reported record sales across Asia this spring.",  # a greeting's word, then a story
    "Dear readers will remember last year's summit.",  # short, but a sentence
    "Analysts said readers who sign up for the paid tier can read more of the ministry's data, and the firm "
    "expects the service to grow in Asia.",  # two paywall phrases in a long sentence of a story
])
def test_lookalikes_of_platform_leftovers_are_kept(line):
    assert [b.text for b in clean(line).blocks] == [line]


def test_short_bold_lines_are_headings_bold_sentences_stay_text():
    cleaned = clean("**1. Taipei bets on drones**\n\n**Will the truce last?**\n\n"
                    "**The ministry said it would respond.**\n\n__Note:__\n")
    assert [(b.kind, b.text) for b in cleaned.blocks] == [
        ("h", "1. Taipei bets on drones"), ("h", "Will the truce last?"),
        ("p", "The ministry said it would respond."), ("p", "Note:")]


def test_a_byline_ends_at_its_line_and_rules_break_paragraphs():
    cleaned = clean("Why Beijing bets on gallium\nBy Jane Roe, Senior Fellow, Centre for Maritime Studies Asia\n"
                    "Updated: March 5, 2026 at 10:32 a.m. ET\n\nThe ban pushed prices of the metal to record highs "
                    "this week in the port of\n"
                    "Rotterdam, traders said.\n\n* * *\n\nRefiners said new capacity would take years.\n\n---\n")
    assert [b.text for b in cleaned.blocks] == [
        "Why Beijing bets on gallium", "By Jane Roe, Senior Fellow, Centre for Maritime Studies Asia",
        "Updated: March 5, 2026 at 10:32 a.m. ET",
        "The ban pushed prices of the metal to record highs this week in the port of Rotterdam, traders said.",
        "Refiners said new capacity would take years."]


@pytest.mark.parametrize("line, reason", [
    ("Getty Images", "caption"), ("(AP Photo/Ahn Young-joon)", "caption"), ("AFP via Getty Images", "caption"),
    ("Getty Images sold its news archive to a rival last year.", None),
    ("Shutterstock shares fell after the ruling, analysts said.", None),
])
def test_a_picture_agencys_credit_is_left_out(line, reason):
    cleaned = clean(f"Officials met in Seoul on Monday.\n\n{line}\n\nThey agreed to meet again.\n")
    assert [d.reason for d in cleaned.dropped] == ([reason] if reason else [])


def test_paragraphs_opening_with_bold_labels_are_headed_by_them():
    from generator.extract.structure import split_sections

    labelled = clean("**Taipei:** The ministry will buy launchers.\n\n**Seoul**: Markets rose.\n\nThey rose 2%.\n")
    sections, _ = split_sections(labelled.blocks, "Digest", edition=False, newsletter=True)
    assert [(s.title, [b.text for b in s.blocks]) for s in sections] == [
        ("Taipei", ["The ministry will buy launchers."]), ("Seoul", ["Markets rose.", "They rose 2%."])]
    one = clean("**Note:** figures are provisional.\n\nThe ministry will buy launchers.\n")
    sections, _ = split_sections(one.blocks, "Digest", edition=False)
    assert [s.title for s in sections] == ["Digest"]  # a single bold label is the text's own emphasis


@pytest.mark.parametrize("line, author, source", [
    ("By Reuters", None, "Reuters"), ("By Nikkei staff writers", None, "Nikkei"),
    ("By the Harbour Times newsroom", None, "Harbour Times"), ("By Jane Roe", "Jane Roe", None),
    ("By Jane Roe and Reuters Staff", "Jane Roe and Reuters Staff", None), ("By the numbers", None, None),
])
def test_a_byline_naming_a_publisher_gives_the_source_not_an_author(line, author, source):
    from generator.extract.structure import byline, byline_source, masthead

    assert (byline(line), byline_source(line)) == (author, source)
    cleaned = clean(f"Seoul and Tokyo sign a chip pact\n{line}\n\nThe two ministers met in Tokyo on Monday.\n")
    head = masthead(cleaned.blocks, cleaned.dropped)
    assert (head.title, head.author, head.agency) == ("Seoul and Tokyo sign a chip pact", author, source)


@pytest.mark.parametrize("subject, title, name", [
    ("[Strait Notes] Recall votes in Taipei", "Recall votes in Taipei", "Strait Notes"),
    ("Fwd: [Strait Notes] Re: Recall votes", "Recall votes", "Strait Notes"),
    ("[123] Recall votes", "[123] Recall votes", None),  # a ticket number names no newsletter
    ("Recall votes [updated]", "Recall votes [updated]", None),
])
def test_a_mailing_lists_name_in_brackets_leaves_the_subject(subject, title, name):
    from generator.extract.structure import email_list, email_subject

    dropped = clean(f"Subject: {subject}\nDate: Tue, 17 Mar 2026 07:30:00 +0000\n\nThe ministers met.\n").dropped
    assert (email_subject(dropped), email_list(dropped)) == (title, name)


def test_the_name_under_a_left_out_sign_off_goes_with_it():
    signed = clean("The ministers met on Monday.\n\nThanks for reading,\nDana Lee\n")
    assert [b.text for b in signed.blocks] == ["The ministers met on Monday."]
    assert [(d.reason, d.text) for d in signed.dropped] == [("boilerplate", "Thanks for reading,"),
                                                            ("boilerplate", "Dana Lee")]
    kept = clean("The ministers met on Monday.\n\nDana Lee\n")  # no sign-off left out above it
    assert [b.text for b in kept.blocks] == ["The ministers met on Monday.", "Dana Lee"]


@pytest.mark.parametrize("tail, lines, date", [
    ("Ministry of Commerce\nGeneral Administration of Customs\nApril 4, 2026", 3, dt.date(2026, 4, 4)),
    ("April 4, 2026", 1, dt.date(2026, 4, 4)),
    ("Next issue: March 12, 2026", 0, None),  # a date announced, not the one the text was issued on
    ("The rules take effect on May 1, 2026.", 0, None),
    ("Ministry of Commerce\nApril 2026", 0, None),  # no day: not a date of issue
])
def test_an_official_notice_closes_with_its_issuers_and_date(tail, lines, date):
    from generator.extract.structure import issued

    blocks = clean(f"Exporters shall apply for a licence before shipping the items.\n\n{tail}\n").blocks
    assert issued(blocks) == (lines, date)


def test_an_excluded_phrase_holds_no_term_of_a_topic():
    tags = tag_story("", "The People's Republic of China said the rules apply to all exporters. "
                         "The People’s Republic of China will review them.")
    assert "taiwan" not in [t.slug for t in tags]
    tags = tag_story("", "The Republic of China marked its national day in Taipei.")
    assert "taiwan" in [t.slug for t in tags]


def test_numbered_sentences_head_stories_only_each_over_its_own_text():
    from generator.extract.structure import numbered

    watch = clean("1. The Fed decides on Wednesday.\nMarkets expect a hold.\n\n2. China's trade data is due.\n"
                  "Exports fell in February.\n")
    assert numbered(watch.blocks) == [0, 2]
    plain = clean("1. Exports fell.\n2. Imports rose.\n3. Prices held.\n\nAnalysts were surprised.\n")
    assert numbered(plain.blocks) == []  # a numbered list of sentences, not headings over text
    one = clean("1. The Fed decides on Wednesday.\nMarkets expect a hold.\n")
    assert numbered(one.blocks) == []


def test_quoted_lines_lose_their_marks_and_stand_apart():
    cleaned = clean("The minister spoke at length\n> \"we will not retreat,\" she said, adding that\n"
                    "> talks would go on.\nreporters were told later.\n\n>> An older reply\n>\n> Its second part\n")
    assert [(b.kind, b.text) for b in cleaned.blocks] == [
        ("p", "The minister spoke at length"),
        ("p", '"we will not retreat," she said, adding that talks would go on.'),
        ("p", "reporters were told later."), ("p", "An older reply"), ("p", "Its second part")]


def test_a_date_and_a_byline_on_one_line_in_bold_or_not_give_both():
    from generator.extract.structure import masthead

    for line in ("**March 6, 2026** · By Mei Lin", "March 6, 2026 | By Mei Lin", "By Mei Lin · March 6, 2026",
                 "**By Mei Lin** — *March 6, 2026*"):
        cleaned = clean(f"Truce holds through the winter\n\n{line}\n\nTariffs stayed where they were in May.\n")
        head = masthead(cleaned.blocks, cleaned.dropped)
        assert (head.title, head.author, head.date) == ("Truce holds through the winter", "Mei Lin",
                                                        dt.date(2026, 3, 6)), line
    cleaned = clean("Truce holds\n\nMarch 6, 2026 · By the numbers · Tariffs\n\nTariffs stayed put.\n")
    assert masthead(cleaned.blocks, cleaned.dropped).author is None


def test_ornamented_lines_are_headings_alone_and_a_list_in_a_run():
    cleaned = clean("★ Beijing's budget signals restraint\nChina set its defence budget on Thursday.\n\n"
                    "🔹 Exports rose 5% in January.\n🔹\ufe0f Imports fell.\n\n"
                    "▶ Taipei reports record PLA activity\n\nThe ministry tracked 45 aircraft.\n\n"
                    "🔥 Markets fell sharply on the news.\n\n★★★\n\n© 2026 Harbour Media Group\n\n"
                    "🇺🇸 US raises tariffs\n🇨🇳 China answers\n\n📌 Watch next week\n")
    assert [(b.kind, b.lines) for b in cleaned.blocks] == [
        ("h", ("Beijing's budget signals restraint",)), ("p", ("China set its defence budget on Thursday.",)),
        ("ul", ("Exports rose 5% in January.", "Imports fell.")),
        ("h", ("Taipei reports record PLA activity",)), ("p", ("The ministry tracked 45 aircraft.",)),
        ("p", ("Markets fell sharply on the news.",)),  # a sentence: text, its ornament gone
        ("p", ("★★★",)),  # ornaments only: kept as typed
        ("p", ("US raises tariffs",)), ("p", ("China answers",)),  # under each other: neither heads text
        ("p", ("Watch next week",))]  # nothing follows it: not a heading
    # © decorates nothing: its line is no heading, but a copyright notice, left out
    assert [(d.reason, d.text) for d in cleaned.dropped] == [("boilerplate", "© 2026 Harbour Media Group")]


def test_an_edition_without_a_headline_is_named_by_its_stories_and_greetings_name_nothing():
    from generator.extract import extract_cleaned
    from generator.read import Seed

    def article(text):
        seed = Seed(path="seeds/x.txt", file=Path("x.txt"), meta={}, body=text, body_line=1)
        return extract_cleaned(seed, clean(text))

    stories = ["Seoul opens a chip fund", "Manila protests at the shoal", "Hanoi courts investors",
               "Jakarta bans nickel ore"]
    edition = "The Harbour Letter\nIssue 14 — 2 March 2026\n\nGood morning. Here is what matters.\n\n" + \
        "".join(f"★ {s}\nOfficials said the plan would take effect in April.\n\n" for s in stories)
    got = article(edition)
    assert got.source == "The Harbour Letter"
    assert got.title == " | ".join(stories[:3])
    assert [s.title for s in got.sections if not s.lead] == stories
    single = article("Good morning.\n\nSeoul opened a chip fund on Monday, officials said.\n")
    assert single.title == "Seoul opened a chip fund on Monday"  # (who said it is left out)


@pytest.mark.parametrize("top, source, title", [
    ("The Harbour Letter\nIssue 14 — 2 March 2026", "The Harbour Letter", None),  # numbered issue
    ("Strait Signals\nNo. 7, 2 March 2026", "Strait Signals", None),
    ("Seoul Weekly\n2 March 2026", "Seoul Weekly", None),  # a newsletter's name over a plain date
    ("Gallium rules tightened\n2 March 2026", None, "Gallium rules tightened"),  # a headline over its date
])
def test_a_name_over_a_date_line_is_a_source_only_when_it_reads_like_a_newsletter(top, source, title):
    from generator.extract.structure import masthead

    cleaned = clean(top + "\nExporters said the new rules would slow shipments of gallium to Europe.\n")
    head = masthead(cleaned.blocks, cleaned.dropped)
    assert (head.source, head.title, head.date) == (source, title, dt.date(2026, 3, 2))


@pytest.mark.parametrize("opening, agency", [
    ("MANILA, April 8 (Reuters) - The coast guard said", "Reuters"),
    ("BEIJING (AP) — Officials said", "AP"),
    ("SEOUL, South Korea, Jan. 5 (Yonhap) -- The ministry said", "Yonhap"),
    ("TAIPEI, Jan 5 - Taiwan's coast guard said", None),  # a dateline without an agency
    ("US (and allied) officials - not a dateline - said", None),
    ("(Bloomberg) -- The ministry said", "Bloomberg"),  # the agency alone opens the story
    ("(Updates with prices) -- The ministry said", None),  # an update note names no publisher
    ("TOKYO/BEIJING (Kyodo) -- The ministries said", "Kyodo"),
    ("Pyongyang, March 8 (KCNA) -- The party said", "KCNA"),  # the city as written, then date and agency
    ("Seoul, March 8 (local time) - The ministry said", None),
    ("Lai Ching-te (DPP) - The president said", None),  # a party after a name is no dateline
    ("PERTH, Australia, March 4, 2026 /PRNewswire/ -- The miner said", "PRNewswire"),  # a press release's
    ("PERTH, March 4 /and/ -- The miner said", None),  # (a newswire only between the date and the dashes)
])
def test_a_wire_datelines_agency_is_the_source(opening, agency):
    from generator.extract.structure import dateline_source

    assert dateline_source(clean(opening + " on Monday that talks would resume.").blocks) == agency


@pytest.mark.parametrize("opening, date", [
    ("MANILA, March 4, 2026 (Reuters) - The coast guard said", dt.date(2026, 3, 4)),
    ("TOKYO, Jan. 5, 2026 - The ministry said", dt.date(2026, 1, 5)),
    ("SEOUL, South Korea, Jan. 5, 2026 (Yonhap) -- The ministry said", dt.date(2026, 1, 5)),
    ("TOKYO, Jan. 5 - The ministry said", None),  # no year: unknown, never guessed
    ("BEIJING (AP) — Officials said on March 4, 2026", None),  # a date in the story is not the dateline's
    ("Officials in Manila said on March 4, 2026", None),
    ("PERTH, Australia, March 4, 2026 /PRNewswire/ -- The miner said", dt.date(2026, 3, 4)),
])
def test_a_wire_datelines_full_date_is_the_articles(opening, date):
    from generator.extract.structure import dateline_date

    assert dateline_date(clean(opening + " that talks would resume.").blocks) == date


@pytest.mark.parametrize("line, author", [
    ("By Ann Lee", "Ann Lee"), ("By Ann Lee and Bo Park", "Ann Lee and Bo Park"),
    ("By Ann Lee, Bo Park and Cy Diaz | May 2, 2026", "Ann Lee, Bo Park and Cy Diaz"),
    ("By Ann Lee, Reuters", "Ann Lee"),  # an outlet after the comma, not a second author
    ("ANN LEE, staff writer", "Ann Lee"), ("Bo Park, Nikkei bureau chief", "Bo Park"),
    ("Bo Park, who won the vote", None), ("Taiwan, a staff writer", None), ("By the way", None),
    ("By Ann Sun · Jun 3, 2026", "Ann Sun"),
    ("By ANN LEE and BO PARK | May 2, 2026", "Ann Lee and Bo Park"),  # capitals written as names
    ("By Jane McDONALD", "Jane McDONALD"),  # a name not all in capitals is kept as typed
])
def test_bylines_name_their_authors(line, author):
    from generator.extract.structure import byline

    assert byline(line) == author


@pytest.mark.parametrize("line, is_date", [
    ("Published June 2, 2026 | 7 min read", True), ("April 9, 2026 06:15 JST", True),
    ("Updated: 2026-04-09 14:00 GMT", True), ("Ministers met on June 2, 2026 in Seoul", False),
])
def test_date_lines_may_carry_publishing_words(line, is_date):
    from generator.extract.structure import _only_date

    assert _only_date(line) is is_date


def test_rubric_dek_and_link_list_around_a_story():
    from generator.extract import extract_cleaned
    from generator.read import Seed

    text = ("WORLD BRIEFING\nPort strike halts exports from Busan\n"
            "Dockworkers walk out over pay as shipping lines divert vessels to other ports\nBy Ann Lee\n"
            "May 2, 2026\nDockworkers in Busan stopped work on Friday, and shipping lines said they would divert "
            "vessels.\nRelated: What the strike costs exporters\nThe union said talks would resume on Monday.\n"
            "More from this section\nSeoul stocks slip\nWon weakens against the dollar\n")
    cleaned = clean(text)
    article = extract_cleaned(Seed(path="seeds/x.txt", file=Path("x.txt"), meta={}, body=text, body_line=1), cleaned)
    assert (article.title, article.author, article.source) == ("Port strike halts exports from Busan", "Ann Lee", None)
    assert article.date == dt.date(2026, 5, 2) and len(article.sections) == 1
    assert [b.text for b in article.sections[0].blocks] == [
        "Dockworkers walk out over pay as shipping lines divert vessels to other ports",  # the dek opens it
        "Dockworkers in Busan stopped work on Friday, and shipping lines said they would divert vessels.",
        "The union said talks would resume on Monday."]
    assert {(d.reason, d.text) for d in article.dropped} >= {
        ("masthead", "WORLD BRIEFING"), ("links", "Related: What the strike costs exporters"),
        ("links", "More from this section"), ("links", "Won weakens against the dollar")}


@pytest.mark.parametrize("text, rest", [
    ("TAIPEI, March 3 (Reuters) - Taiwan scrambled jets.", "Taiwan scrambled jets."),
    ("SEOUL -- South Korean makers race.", "South Korean makers race."),
    ("BEIJING (AP) — Officials said so.", "Officials said so."),
    ("SEOUL, South Korea, Jan. 5 - Officials said.", "Officials said."),
    ("US - China talks resume.", None), ("NATO — the alliance said.", None),
    ("ASEAN, the bloc, met - Then.", None), ("Taiwan scrambled jets.", None),
    ("2/ Beijing is reminding Washington of its leverage.", "Beijing is reminding Washington of its leverage."),
    ("24/7 ports stay open.", None), ("3/4 of exports go to Asia.", None),  # a fraction is no counter
    ("A: China firmly opposes the listing of its firms.", "China firmly opposes the listing of its firms."),
    ("A2: Beijing answered within a day.", "Beijing answered within a day."),
    ("WASHINGTON — Senators met on Monday.", "Senators met on Monday."),
    ("NEW YORK – Markets fell after the data.", "Markets fell after the data."),
    ("US — China talks resume.", None),
    ("AI: Chips face new export limits.", None),
    ("Kuala Lumpur, Feb 2 — Ministers met on Sunday.", "Ministers met on Sunday."),
    ("Hanoi, Mar. 12, 2026 - The ministry protested.", "The ministry protested."),
    ("Friday, Marked 12 — Talks resumed.", None),  # no month: no dateline
    ("Seoul, March 3 was the date the talks resumed.", None),
])
def test_a_wire_dateline_is_not_part_of_a_title_or_key_point(text, rest):
    from generator.extract.structure import fallback_title, without_opening_mark

    assert without_opening_mark(text) == (rest or text)
    assert fallback_title(clean(text).blocks) == (rest or text).rstrip(".")
    first = text[:-1] + " on Tuesday after drills near the coast."
    story = [first] + [f"Officials in the capital said on Monday that talks number {n} would resume." for n in range(4)]
    assert key_points(story, {})[0] == without_opening_mark(first) == (rest or text)[:-1] + " on Tuesday after drills near the coast."


@pytest.mark.parametrize("text, rest", [
    ("14:30 GMT — Taiwan's ministry tracked 32 aircraft.", "Taiwan's ministry tracked 32 aircraft."),
    ("9:05 a.m. ET - Markets opened lower.", "Markets opened lower."),
    ("14:30 is the deadline for bids.", "14:30 is the deadline for bids."),
    ("3.50 per cent was the rate.", "3.50 per cent was the rate."),
])
def test_a_live_blogs_time_stamp_is_not_part_of_a_key_point(text, rest):
    from generator.extract.structure import without_opening_mark

    assert without_opening_mark(text) == rest


@pytest.mark.parametrize("line, is_date_line", [
    ("Updated 14:32 GMT", True), ("Last updated 9.05 am", True), ("Published June 2, 2026 | 7 min read", True),
    ("Updated 14:32 GMT with new figures from Taipei", False), ("Flight 14:32 departs", False),
])
def test_a_time_with_date_line_words_is_a_date_line(line, is_date_line):
    from generator.extract.structure import _only_date

    assert _only_date(line) == is_date_line


def test_a_title_built_from_the_text_skips_lines_without_a_letter():
    from generator.extract.structure import fallback_title

    assert fallback_title(clean("🔥🔥🔥\n\n!!! 123\n\nTaiwan said on Monday it would buy drones.").blocks) == \
        "Taiwan said on Monday it would buy drones"
    assert fallback_title(clean("🔥🔥🔥\n\n!!!").blocks) == "Untitled article"
    long = "Japan and China held their first high-level economic dialogue in six years on Saturday, in Beijing."
    assert fallback_title(clean(long).blocks).endswith("on Saturday…")  # cut short without its comma


def test_a_line_in_capitals_is_a_label_over_a_headline_but_the_headline_over_text():
    from generator.extract.structure import masthead

    body = "Beijing added gallium to its export licensing list on Monday, officials said.\n"
    over_headline = clean("ANALYSIS\nChina bans gallium exports\n" + body)
    assert masthead(over_headline.blocks, over_headline.dropped).title == "China bans gallium exports"
    over_text = clean("CHINA BANS GALLIUM EXPORTS\n" + body)
    assert masthead(over_text.blocks, over_text.dropped).title == "CHINA BANS GALLIUM EXPORTS"


def test_a_closing_line_about_the_author_is_left_out_a_closing_quote_of_hers_is_not():
    from generator.extract import extract_cleaned
    from generator.read import Seed

    def closing(last: str):
        text = ("Port strike halts exports\n\nBy Ann Lee\n\nDockworkers in Busan stopped work on Friday.\n\n"
                "The union said talks would resume on Monday.\n\n" + last + "\n")
        article = extract_cleaned(Seed(path="seeds/x.txt", file=Path("x.txt"), meta={}, body=text, body_line=1), clean(text))
        return [b.text for s in article.sections for b in s.blocks], [d.reason for d in article.dropped]

    kept, reasons = closing("Ann Lee is a correspondent in Seoul.")
    assert "Ann Lee is a correspondent in Seoul." not in kept and "about the author" in reasons
    kept, reasons = closing("Ann Lee said the port would reopen soon.")
    assert kept[-1] == "Ann Lee said the port would reopen soon." and "about the author" not in reasons


@pytest.mark.parametrize("closing, author", [
    ("Ana Reyes is a senior fellow at the Pacific Forum and a former diplomat.", "Ana Reyes"),
    ("Kim Min-seok is a reporter for the Harbour Times. He covers defence.", "Kim Min-seok"),
    ("Lai Ching-te is the president of Taiwan and a former physician.", None),  # no writer's role
    ("Asia Today is a newsletter for readers across the region.", None),
    ("Jane Roe is the minister who said she was no fellow traveller of Beijing.", None),  # role past sentence 1?
    ("The decision, said Ann Lee, a fellow at the institute, was overdue.", None),
])
def test_a_closing_biography_names_the_author_when_no_byline_did(closing, author):
    from generator.extract import extract_cleaned
    from generator.read import Seed

    text = f"Manila and Tokyo deepen ties\n\nThe two navies held drills off Luzon this week.\n\n{closing}\n"
    article = extract_cleaned(Seed(path="seeds/x.txt", file=Path("x.txt"), meta={}, body=text, body_line=1),
                              clean(text))
    assert article.author == author
    assert ("about the author" in [d.reason for d in article.dropped]) == (author is not None)


def test_a_summary_label_heads_its_list_and_never_titles_the_article():
    from generator.extract.structure import fallback_title, masthead

    cleaned = clean("March 5, 2026\n\nKey takeaways\n• Manila and Tokyo are deepening defence ties.\n"
                    "• The pact lets troops train on each other's soil.\n\nThe two signed the pact in 2024.\n")
    head = masthead(cleaned.blocks, cleaned.dropped)
    assert (head.title, head.date) == (None, dt.date(2026, 3, 5))
    body = cleaned.blocks[head.consumed:]
    assert body[0].text == "Key takeaways"  # kept over its list
    assert fallback_title(body) == "Manila and Tokyo are deepening defence ties"
    headline = clean("Key takeaways from the Busan summit\n\nThe two leaders met for two hours.\n")
    assert masthead(headline.blocks, headline.dropped).title == "Key takeaways from the Busan summit"


@pytest.mark.parametrize("line, title, stories, source", [
    ("China tightens rare earth curbs ahead of summit - Reuters", "China tightens rare earth curbs ahead of summit",
     1, "Reuters"),
    ("Japan and China clash over a seafood ban | The Japan Times", "Japan and China clash over a seafood ban", 1,
     "The Japan Times"),
    ("Opinion | The truce between Washington and Beijing cannot last", "The truce between Washington and Beijing "
     "cannot last", 1, None),
    ("Seoul and Tokyo mend ties - a new era for the alliance", "Seoul and Tokyo mend ties - a new era for the "
     "alliance", 1, None),  # not a publisher's name after the dash
    ("Gallium rules tightened | Seoul opens chip fund | Reuters", "Gallium rules tightened | Seoul opens chip fund",
     2, "Reuters"),
])
def test_a_pages_title_loses_its_publisher_and_rubric(line, title, stories, source):
    from generator.extract.structure import masthead

    cleaned = clean(f"{line}\n\nOfficials said on Monday that the measures would take effect in May.\n")
    head = masthead(cleaned.blocks, cleaned.dropped)
    assert (head.title, len(head.story_titles), head.agency) == (title, stories, source)


def test_an_address_pasted_above_the_headline_is_the_originals():
    from generator.extract import extract_cleaned
    from generator.read import Seed

    def article(text, meta=None):
        seed = Seed(path="seeds/x.txt", file=Path("x.txt"), meta=meta or {}, body=text, body_line=1)
        return extract_cleaned(seed, clean(text))

    body = "\n\nChina tightens rare earth export curbs\n\nOfficials in Beijing said the rules take effect in May.\n"
    got = article("https://www.example.org/world/china-curbs-2026" + body)
    assert (got.title, got.url) == ("China tightens rare earth export curbs", "https://www.example.org/world/china-curbs-2026")
    assert ("masthead", "https://www.example.org/world/china-curbs-2026") in [(d.reason, d.text) for d in got.dropped]
    given = article("https://www.example.org/a" + body, {"url": "https://www.example.org/b"})
    assert given.url == "https://www.example.org/b"  # the editor's wins
    odd = article('javascript:alert(1)' + body)
    assert odd.url is None
    hostile = article('https://example.org/"><script>alert(1)</script>' + body)
    assert hostile.url is None  # not an address the front-matter would accept: text, shown as typed


@pytest.mark.parametrize("second, author, title", [
    ("Mina Cho", "Mina Cho", None),  # the writer's name between the newsletter's and the date
    ("Bill Bishop", "Bill Bishop", None),
    ("Taiwan Votes", None, "Taiwan Votes"),  # a place: a headline
    ("The Fourth Plenum", None, "The Fourth Plenum"),  # a word that never opens a name
])
def test_a_bare_name_under_a_newsletters_name_is_its_writer(second, author, title):
    from generator.extract.structure import masthead

    cleaned = clean(f"The Strait Letter\n{second}\nApr 2, 2026\n\nThe legislature cut the budget on Monday.\n")
    head = masthead(cleaned.blocks, cleaned.dropped)
    assert (head.source, head.author, head.date) == ("The Strait Letter", author, dt.date(2026, 4, 2))
    assert head.title == title


def test_a_title_case_headline_names_nobody_by_its_capitals():
    headline = [e.name for e in find_entities([("", "Exports Jump as Shippers Race Ahead of Tariff Deadline")])]
    assert headline == []
    named = [e.name for e in find_entities([("", "Envoy Jane Roe says talks with Seoul will resume")])]
    assert "Jane Roe" in named  # a headline in sentence case still introduces her


def test_a_name_in_a_city_over_the_date_line_is_the_byline():
    from generator.extract.structure import masthead

    byline = clean("Beijing weighs retaliation over chip curbs\nAnn Lee in Beijing\nThu 5 Mar 2026 04.00 GMT\n\n"
                   "The ministry said it would respond.\n")
    head = masthead(byline.blocks, byline.dropped)
    assert (head.title, head.author, head.date) == ("Beijing weighs retaliation over chip curbs", "Ann Lee",
                                                    dt.date(2026, 3, 5))
    dek = clean("Summit season opens\nXi Jinping in Moscow as talks begin on energy and arms deals\n\n"
                "The leaders met on Monday.\n")
    assert masthead(dek.blocks, dek.dropped).author is None


def test_a_possessive_name_after_a_title_is_a_person():
    people = [e.name for e in find_entities([("", "Prime Minister Hiro Tanabe's cabinet met on Monday.")])
              if e.kind == "people"]
    assert people == ["Hiro Tanabe"]


@pytest.mark.parametrize("line, heading", [
    ("2. Taiwan's opposition courts Beijing", True), ("3) Will the truce last?", True),
    ("1 big thing: Beijing's chip push hits a wall", True), ("Will the truce last?", False),
    ("Exports fell. Prices rose", False),  # a sentence's end inside: not a heading
    ("Link: https://example.com/story", False),  # a web address is never a heading
])
def test_numbered_story_titles_are_headings(line, heading):
    from generator.extract.structure import is_heading
    from generator.model import Block

    assert is_heading(Block("p", (line,), 1)) is heading


def test_a_wrapped_line_opening_with_a_dateline_goes_on_and_is_never_a_heading():
    from generator.extract.structure import is_heading

    wrapped = clean("SEOUL, May 3 (Yonhap) -- The defence ministry said on Sunday that a North Korean drone\n"
                    "Crossed the border near Paju before turning back.\n")
    assert [b.text for b in wrapped.blocks] == [
        "SEOUL, May 3 (Yonhap) -- The defence ministry said on Sunday that a North Korean drone Crossed the "
        "border near Paju before turning back."]
    assert not is_heading(clean("SEOUL (Yonhap) -- North Korea fires a missile\n").blocks[0])
    headline = clean("Seoul says a North Korean drone crossed the border near Paju\nThe ministry said so.\n")
    assert len(headline.blocks) == 2  # a headline over the text stays apart


def test_a_line_holding_a_sentence_end_is_a_wrapped_paragraph_not_a_heading():
    text = ("Two makers said they had three months of stock. Both expect prices to rise, an executive told\n"
            "Reporters in Tokyo on Friday.\nThe ministry declined to comment.\n")
    assert [b.text for b in clean(text).blocks] == [
        "Two makers said they had three months of stock. Both expect prices to rise, an executive told Reporters "
        "in Tokyo on Friday.", "The ministry declined to comment."]


def test_a_forwarded_emails_header_gives_the_date_and_a_title_and_is_left_out():
    from generator.extract import extract_cleaned
    from generator.read import Seed

    text = ("---------- Forwarded message ---------\nFrom: Desk <desk@example.org>\n"
            "Date: Tue, Apr 14, 2026 at 7:02 AM\nSubject: Fwd: Manila and Tokyo sign an access pact\n"
            "To: <editors@example.org>\n\nThe Philippines and Japan signed a reciprocal access agreement on "
            "Monday, officials in Manila said.\n")
    cleaned = clean(text)
    article = extract_cleaned(Seed(path="seeds/x.txt", file=Path("x.txt"), meta={}, body=text, body_line=1), cleaned)
    assert (article.title, article.date) == ("Manila and Tokyo sign an access pact", dt.date(2026, 4, 14))
    assert article.source == "Desk"  # the sender's name
    assert [d.reason for d in cleaned.dropped] == ["email header"] * 5
    assert [b.text[:16] for b in cleaned.blocks] == ["The Philippines "]


@pytest.mark.parametrize("line, reason", [
    ("Editor: Zhang Wei", "credits"), ("Source: Xinhua", "credits"), ("[Image: Missile launch]", "caption"),
    ("(Photo by Ann Lee)", "caption"), ("Click to enlarge", "boilerplate"),
    ("Source: the ministry said on Monday that exports would resume.", None),  # a sentence, not a credit
    ("Editors in Seoul said the rules were unclear.", None),
    ("From: the ministry's notice, as read by state media.", None),  # one header line is no email header
    ("Sponsored: Open an account with Harbour Bank today and earn four percent on deposits for a full year, "
     "with no fees and no minimum balance required.", "advertisement"),  # long, but an advertisement
    ("Presented by Harbour Bank", "advertisement"),
    ("Sponsored by the state, the programme trains 500 engineers a year.", None),
    ("Promoted to general in March, Li now leads the southern command.", None),
    ("Advertisement", "button"), ("State-sponsored hackers breached the ministry's network.", None),
    ("Members only? Log in.", "boilerplate"), ("Sign up for our newsletter", "boilerplate"),
    ("Advertisement · Scroll to continue", "boilerplate"),
    # a paywall's words inside a story's short sentence are the story's
    ("Indonesia wants to become a member of BRICS.", None), ("Tokyo does not subscribe to that view.", None),
    ("Seoul and Tokyo share this concern.", None),
    ("(Reporting by Karen Lema; Editing by Ed Davies)", "credits"),  # a wire's credits in brackets
    ("(Reporting by state media suggested a delay.)", None),
    ("Image credit: Reuters/Ann Lee", "caption"), ("Courtesy of the ministry, the maps were released.", None),
])
def test_more_leftovers_and_their_lookalikes(line, reason):
    cleaned = clean("Officials met in Seoul on Monday to discuss the rules.\n\n" + line + "\n")
    assert [d.reason for d in cleaned.dropped] == ([reason] if reason else [])


@pytest.mark.parametrize("items, briefs", [
    (["Tokyo curbs exports: Japan added 23 items to its export list on Friday.",
      "Seoul holds rates: The central bank kept its policy rate at 2.5 percent."], 2),
    (["Tokyo curbs exports: Japan added 23 items to its export list on Friday.",
      "The central bank kept its policy rate at 2.5 percent."], 0),  # one item is not a brief: a plain list
    (["Date: 3 March", "Place: Seoul"], 0),  # a list of short facts, not stories
])
def test_a_list_of_headline_briefs_is_one_story_each(items, briefs):
    from generator.extract.structure import split_sections

    blocks = clean("Markets digest\n\n" + "\n".join("- " + i for i in items) + "\n").blocks
    sections, _ = split_sections(blocks, "A week in Asia", False, newsletter=True)
    titles = [s.title for s in sections]
    assert titles == (["Markets digest: " + i.split(":")[0] for i in items] if briefs else ["Markets digest"])
    if briefs:
        assert [s.blocks[0].text for s in sections] == [i.split(": ", 1)[1] for i in items]
    # outside a newsletter (an analysis piece's "Why it matters: …" bullets) the list stays one story
    assert [s.title for s in split_sections(blocks, "A week in Asia", False)[0]] == ["Markets digest"]


def test_a_long_run_of_short_lines_is_text_not_nested_headings():
    from generator.extract.structure import split_sections

    lines = [f"Port number {n} stays open" for n in range(1000)]  # heading-shaped, one per line
    sections, _ = split_sections(clean("\n".join(lines) + "\n").blocks, "Ports", False)
    assert [s.title for s in sections] == ["Ports"] and [b.text for b in sections[0].blocks] == lines
    three = clean("Briefing\n\nAsia\n\nPorts\n\nThe port of Busan reopened on Monday.\n").blocks
    assert [s.title for s in split_sections(three, "A week", False)[0]] == ["Briefing: Asia: Ports"]


def test_a_paragraph_pasted_many_times_loses_a_teaser_sized_tail_only():
    paragraph = "Beijing said on Monday that the truce with Washington was holding."
    cleaned = clean("\n\n".join([paragraph] * 200))
    assert len(cleaned.blocks) == 160 and [d.reason for d in cleaned.dropped] == ["repeated teaser"] * 40


def test_a_word_broken_at_a_lines_end_is_joined_whole():
    text = "Makers had to re-\nthink supply chains and ex-\npect shortages\nthat analysts expect to last.\n"
    assert [b.text for b in clean(text).blocks] == [
        "Makers had to re-think supply chains and expect shortages that analysts expect to last."]


def test_pdf_page_numbers_and_the_running_header_beside_them_are_left_out():
    header = "Rare Earth Supply After the Controls"
    text = "\n\n".join([header, "Processing outside China remains thin.", "Page 1 of 3", header,
                        "Lynas is expanding its plant in Malaysia.", "- 2 -", header, "Prices rose again in May.",
                        "Why it matters", "Stockpiles are small.", "Why it matters", "Licences take months."])
    cleaned = clean(text)
    assert [(d.reason, d.text) for d in cleaned.dropped] == [
        ("page number", "Page 1 of 3"), ("running header", header), ("page number", "- 2 -"),
        ("running header", header)]
    assert [b.text for b in cleaned.blocks].count("Why it matters") == 2  # repeated, but beside no page number


# -- matching, sentences, slugs ----------------------------------------------------------------------------

def test_phrase_matcher_whole_words_longest_first_and_acronyms_exact():
    m = PhraseMatcher({"Korea": "k", "South Korea": "sk", "US": "us", "George Washington": None,
                       "Washington": "w", "tariff": "t"})
    found = [(x.phrase, x.value) for x in m.find("South Korea and the US; us; George Washington; tariffs; "
                                                  "Washingtonian")]
    assert found == [("South Korea", "sk"), ("US", "us"), ("tariffs", "t")]


def test_sentences_do_not_break_after_abbreviations():
    assert sentences("The U.S. and Mr. Li met on Jan. 5. Then they left!") == [
        "The U.S. and Mr. Li met on Jan. 5.", "Then they left!"]


@pytest.mark.parametrize("title,slug", [("../../x", "x"), ("Taiwan’s “T-Dome”", "taiwans-t-dome"),
                                        ("Ünïcödé ok", "unicode-ok"), ("???", "")])
def test_slugs_are_clean(title, slug):
    assert slugify(title) == slug


# -- dates and events --------------------------------------------------------------------------------------

date_parts = st.sampled_from(["31 Jan 2026", "June 11, 2025", "2026-01-31", "May", "may", "in April", "Sept.",
                              "the 80th", "12", "-", "2026", "on", "Dec 5", "١٢", "٢٠٢٦-٠١-٣١", "Monday", ",",
                              "2026/1/31", "2026.01.31", "2026年1月31日", "SEPT 9", "JUNE", "MAY", "/", ".", "年"])


@settings(max_examples=300, deadline=None)
@given(st.lists(date_parts, max_size=8).map(" ".join))
def test_the_date_shortcut_skips_only_text_without_dates(text):
    assert find_dates(text) == read_dates(text)


@pytest.mark.parametrize("text, date", [
    ("SEOUL, SEPTEMBER 9, 2026 -", dt.date(2026, 9, 9)), ("Posted 2026/03/07 09:00", dt.date(2026, 3, 7)),
    ("2026.3.7", dt.date(2026, 3, 7)), ("発表2026年3月7日に", dt.date(2026, 3, 7)),
    ("03/07/2026", None),  # the 3rd of July or the 7th of March: unknown stays unknown
    ("PRICES MAY RISE IN 2026", None), ("release v2026.3.7.1", None), ("2026/13/40", None),
])
def test_more_ways_of_writing_a_date(text, date):
    from generator.extract.dates import full_date

    assert full_date(text) == date


def test_dates_never_read_the_verb_may_or_ordinals():
    assert find_dates("We may see the 80th anniversary of it") == []
    mention, = find_dates("It will take effect on December 1.")
    assert (mention.month, mention.day, mention.year) == (12, 1, None)


def test_events_resolve_against_the_article_date_and_need_a_future_cue():
    day = dt.date(2026, 1, 31)
    text = ["On January 16, the council passed rules which will replace the old ones on May 15.",
            "On January 23, the bureau announced a pilot.", "Trump's planned April visit may go well."]
    events = find_events("", text, day)
    assert [(e.date, e.precision) for e in events] == [(dt.date(2026, 5, 15), "day"), (dt.date(2026, 4, 1), "month")]
    assert find_events("", text, None) == []  # undated article: no year written, no event


# -- topics, entities, signals -----------------------------------------------------------------------------

def test_one_stray_word_only_mentions_a_topic():
    tags = {t.slug: t for t in tag_story("Rare earth output climbs", "Rare earth mines in Australia expanded. "
                                         "Rare earth magnets sold well. A buyer in Taiwan called.")}
    assert tags["rare-earths"].about
    assert not tags["taiwan"].about


def test_entities_canonical_names_aliases_and_introduced_people():
    found = find_entities([("", "MOFCOM said Xi would meet U.S. officials, said Ana Lopez of Acme Group.")])
    names = {(e.kind, e.name) for e in found}
    assert {("organizations", "China's Ministry of Commerce"), ("people", "Xi Jinping"),
            ("places", "United States"), ("people", "Ana Lopez")} <= names


@pytest.mark.parametrize("text, person", [
    ("Prime Minister Rosa Ilves said the plan would hold.", "Rosa Ilves"),
    ("Talks resumed, said Tomas Berg, an adviser.", "Tomas Berg"),
    ("Envoy Mara Quist of the agency flew in.", "Mara Quist"),
    ("The Hague Court said it would rule soon.", None),
    ("Meanwhile Harbour Works said it would close.", None),
    ("Kim Jong Un said the test went well.", "Kim Jong Un"),  # listed: one entity, not a new name too
    ("Ines Moro, Chile's trade minister, told reporters the talks went well.", "Ines Moro"),  # possessive role
    ("New Delhi, India's capital, said the talks went well.", None),  # a possessive, but no role
    ("Prime Minister Tran Van An visited the port.", "Tran Van An"),  # a name may end in "An"
    ("An Official said the talks went well.", None),  # but never start with it
    ("Goldman Sachs said the yuan would weaken.", None),  # a listed organisation, not a person
])
def test_introduced_people_by_title_verb_or_affiliation(text, person):
    people = [e.name for e in find_entities([("", text)]) if e.kind == "people"]
    assert people == ([person] if person else [])


def test_tariffs_on_others_give_no_signal_but_truce_cues_do():
    assert truce_signal(["The US imposed new tariffs on Canadian steel."]) is None
    signal = truce_signal(["Washington and Beijing said the trade truce was on track."])
    assert signal and signal.value == "holding"
    negated = truce_signal(["The US chose not to impose tariffs on Chinese chips, keeping the truce stable."])
    assert negated and negated.value == "holding"


# -- escaping: seed text renders literally through the site's own Markdown extensions ----------------------

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "pymdownx.details", "pymdownx.superfences", "toc"]


def _render(md_text: str) -> str:
    return markdown.markdown(md_text, extensions=EXTENSIONS)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80))
def test_escaped_text_renders_as_one_paragraph_of_that_text(text):
    import html as html_lib
    from bs4 import BeautifulSoup

    expected = " ".join(text.split())
    if not expected:
        return
    rendered = _render(escape(text))
    soup = BeautifulSoup(rendered, "html.parser")
    assert [t.name for t in soup.find_all(True)] == ["p"], rendered
    assert html_lib.unescape(soup.p.decode_contents()).strip() == expected


prose_parts = st.sampled_from(["See", "https://example.org/a_(b)", "HTTP://X.ORG", "http://", "://", "*x*", " ",
                               "\u00a0", "1.", "#", "[x](http://o.example/p)", "data:x", "—", ":smile:", "\t", "é"])


@settings(max_examples=300, deadline=None)
@given(st.lists(prose_parts, max_size=10).map("".join))
def test_prose_shortcuts_change_nothing(text):
    """Text without "://" skips the address pattern, plain spacing skips split and join: same Markdown."""
    from generator.markdown import _chars, _line_start, _linked

    assert prose(text) == _line_start(_linked(" ".join(text.split())))
    core = " ".join(text.split())
    edges = (" " if text[:1].isspace() else "", " " if text[-1:].isspace() else "")
    assert escape.__wrapped__(text) == (edges[0] + _line_start(_chars(core)) + edges[1] if core else "")


def test_prose_links_only_plain_http_urls():
    from bs4 import BeautifulSoup

    rendered = _render(prose("See https://example.org/a_(b) and javascript:alert(1), data:text/html,x or "
                             "[x](http://other.example/p)."))
    links = [(a.get_text(), a["href"]) for a in BeautifulSoup(rendered, "html.parser").find_all("a")]
    # the Markdown link syntax is shown literally; the bare http address inside it is linked as itself
    assert links == [("https://example.org/a_(b)", "https://example.org/a_%28b%29"),
                     ("http://other.example/p", "http://other.example/p")]
    assert "[x](" in BeautifulSoup(rendered, "html.parser").get_text()


def test_markdown_seeds_headings_emphasis_bylines_and_wrapped_prose():
    from generator.extract.structure import masthead

    text = ("# Ports brace for a slow quarter\n\n*By Jane Roe | March 4, 2026*\n\n**BUSAN** — Exporters in the southern port city told reporters on\n"
            "Monday, as orders fell for a third month, that they would cut shifts.\n\n"
            "## What comes next\n\n- first point\n  continues here\n* second point\n")
    cleaned = clean(text)
    assert [(b.kind, b.lines) for b in cleaned.blocks] == [
        ("h", ("Ports brace for a slow quarter",)),
        ("p", ("By Jane Roe | March 4, 2026",)),
        ("p", ("**BUSAN** — Exporters in the southern port city told reporters on Monday, as orders fell for a "
               "third month, that they would cut shifts.",)),
        ("h", ("What comes next",)),
        ("ul", ("first point continues here", "second point")),
    ]
    head = masthead(cleaned.blocks, cleaned.dropped)
    assert (head.title, head.author, head.date) == ("Ports brace for a slow quarter", "Jane Roe", dt.date(2026, 3, 4))


def reference_key_points(story_sentences, weights):
    """Key points as first written: every sentence's capitalised words counted."""
    import re

    from generator.extract.keypoints import FIGURE, MAX_WORDS, MIN_WORDS, capitalised_words

    scored = []
    for i, sentence in enumerate(story_sentences):
        if not MIN_WORDS <= len(sentence.split()) <= MAX_WORDS or sentence.rstrip("”\"’')").endswith("?"):
            continue
        score = 1.0 / (1 + 0.15 * i)
        score += 0.4 * weights.get(sentence, 0)
        score += 0.3 * bool(FIGURE.search(sentence))
        score += 0.1 * capitalised_words(sentence)
        score -= 0.3 * sentence.lstrip().startswith(("“", "\""))
        scored.append((score, i, sentence))
    count = 3 if len(story_sentences) < 12 else (4 if len(story_sentences) < 24 else 5)
    best = sorted(scored, key=lambda t: (-t[0], t[1]))[:count]
    chosen, seen = [], set()
    for _, i, sentence in sorted(best, key=lambda t: t[1]):
        key = re.sub(r"\W+", "", sentence.lower())
        if key not in seen:
            seen.add(key)
            chosen.append(sentence)
    return tuple(chosen)


point_words = st.sampled_from(["the", "Beijing", "said", "tariffs", "Li Qiang", "on", "3", "percent", "“We", "rose",
                               "Seoul", "and", "a", "trade", "Kim", "Taiwan", "export", "deal.", "Why?"])
point_sentences = st.lists(point_words, min_size=5, max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(point_sentences, max_size=30), st.data())
def test_key_points_skip_counting_only_where_it_cannot_matter(story, data):
    """Capitalised words are counted only for sentences that could still be chosen: same points as
    counting them everywhere."""
    weights = {s: data.draw(st.sampled_from([0, 1, 2, 5])) for s in story}
    reference = reference_key_points(story, weights)
    assert key_points(story, weights, brief=False) == reference
    # a brief of short sentences only: its first sentence of four words or more, else nothing
    assert key_points(story, weights) == reference or (not reference and key_points(story, weights) == tuple(
        without_opening_mark(s) for s in story if s.count(" ") + 1 >= 4 and not s.endswith("?"))[:1])


def reference_capitalised_words(sentence: str, limit: int = 5) -> int:
    """Capitalised words as first counted: each capital-then-lower-case pair judged by the character before."""
    import re

    count = 0
    for m in re.finditer(r"[A-Z][a-z]", sentence):
        at = m.start()
        before = sentence[at - 1] if at else ""
        if not at or before.isalnum() or before == "_" or (at > 1 and re.match(r"[.!?]\s", sentence[at - 2:])):
            continue
        count += 1
        if count == limit:
            break
    return count


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="AaBbZz éÉ_9.!?,-“(\n\t\u00a0", max_size=40), st.integers(1, 6))
def test_capitalised_words_count_as_the_first_version_did(sentence, limit):
    from generator.extract.keypoints import capitalised_words

    assert capitalised_words(sentence, limit) == reference_capitalised_words(sentence, limit)


def test_a_late_sentence_full_of_names_can_still_be_a_key_point():
    """Its position scores it below the first three; its five names lift it above the third."""
    plain = [f"the trade talks went on and on for a while, round {n}" for n in "abcdefghi"]
    named = "the envoys Li Qiang, Kim, Seoul and Beijing officials met there late"
    story = plain[:9] + [named]
    points = key_points(story, {})
    assert named in points and points == reference_key_points(story, {})


@given(st.lists(st.sampled_from(["Jane", "Doe", "Li", "Qiang", " ", "\t", "\u00a0"]), max_size=8).map("".join))
def test_a_names_words_keep_their_offsets(name):
    from generator.extract.entities import WORDS, _words

    assert _words(7, name) == [(7 + w.start(), w.group()) for w in WORDS.finditer(name)]


def test_bold_labels_that_come_back_are_speakers_of_one_conversation():
    from generator.extract.structure import split_sections

    talk = clean("**Desk:** Will Seoul act?\n\n**Park:** Yes, soon.\n\n**Desk:** When?\n\n**Park:** In May.\n")
    sections, _ = split_sections(talk.blocks, "Interview", edition=False)
    assert [(s.title, [b.text for b in s.blocks]) for s in sections] == [
        ("Interview", ["Desk: Will Seoul act?", "Park: Yes, soon.", "Desk: When?", "Park: In May."])]


def test_a_table_of_contents_repeating_the_headings_is_left_out():
    text = ("In this issue:\n1. Chip curbs\n2. Ferry talks\n\n1. Chip curbs\n\nTokyo added items.\n\n"
            "2. Ferry talks\n\nKinmen met Xiamen.\n")
    cleaned = clean(text)
    assert [b.text for b in cleaned.blocks] == ["1. Chip curbs", "Tokyo added items.", "2. Ferry talks",
                                                "Kinmen met Xiamen."]
    assert [(d.text, d.reason) for d in cleaned.dropped] == [
        ("In this issue:", "contents"), ("1. Chip curbs", "contents"), ("2. Ferry talks", "contents")]
    # a list whose lines head nothing further down is the text's own
    kept = "Three ports reopened:\n- Busan\n- Kaohsiung\n\nBusan\n\nShips returned.\n"
    assert not clean(kept).dropped


@pytest.mark.parametrize("line, reason", [
    ("Media contact: Press Office, (202) 555-0143", "contact"), ("press@office.example", "contact"),
    ("+82 2 555 0143", "contact"), ("###", "end mark"), ("-30-", "end mark"), ("(END)", "end mark"),
    ("To contact the reporter on this story: Ann Lee in Manila at alee@example.com", "contact"),
    ("— With assistance from Bo Park", "credits"),
])
def test_a_releases_contacts_and_end_mark_are_left_out(line, reason):
    assert_left_out(line, reason)


@pytest.mark.parametrize("line", [
    "Contact between the two navies has grown: officials said so on Monday.",  # no label, a sentence
    "Contacts with Pyongyang were frozen in 2019, the ministry said.",
    "The firm ends talks.",
    "Sources: officials in Seoul and Tokyo said the talks would resume in May.",
    "1950 - 1953",  # years, not a telephone number
])
def test_lookalikes_of_contacts_end_marks_and_notes_are_kept(line):
    assert_kept(line)


def test_references_under_their_heading_are_left_out_but_prose_under_one_stays():
    notes = clean("Tokyo doubled the budget[1].\n\nNotes\n[1] Budget request, 2026.\n[2] Interview.\n")
    assert [b.text for b in notes.blocks] == ["Tokyo doubled the budget."]  # (its mark goes with the note)
    assert {d.reason for d in notes.dropped} == {"references"}
    prose = clean("Tokyo doubled the budget.\n\nSources\n\nOfficials in Tokyo spoke on condition of anonymity.\n")
    assert not prose.dropped
    assert key_points(["Tokyo doubled the budget of its minerals agency this year[1], officials said."], {}) == (
        "Tokyo doubled the budget of its minerals agency this year, officials said.",)


@pytest.mark.parametrize("text, people", [
    ("Senators Ann Lee and Bo Park introduced the bill on Monday.", ["Ann Lee", "Bo Park"]),
    ("Ministers Ann Lee, Bo Park and Cy Moss met in Seoul.", ["Ann Lee", "Bo Park", "Cy Moss"]),
    ("CEO Ann Lee and Acme Holdings signed the deal.", ["Ann Lee"]),  # one title, one name
    ("Spokesman Jay Tarriela said the ship was hit.", ["Jay Tarriela"]),  # the title is no part of the name
])
def test_titles_introduce_the_names_after_them(text, people):
    found = find_entities([("", text)])
    assert [e.name for e in found if e.kind == "people"] == people


@pytest.mark.parametrize("name, typed", [
    ("THE STRAIT WEEKLY", "The Strait Weekly"), ("ASEAN WATCH", "ASEAN Watch"), ("NK PULSE", "NK Pulse"),
    ("SCMP", "SCMP"), ("The Strait Weekly", "The Strait Weekly"), ("ASIA-PACIFIC LETTER", "Asia-Pacific Letter"),
])
def test_a_newsletters_name_in_capitals_is_written_as_a_name(name, typed):
    from generator.extract.structure import masthead

    cleaned = clean(f"{name}\nIssue 12 · 6 March 2026\n\nTaipei bets on drones\n\nThe ministry will buy more.\n")
    assert masthead(cleaned.blocks, cleaned.dropped).source == typed


def test_a_label_and_a_dash_over_a_headline_is_no_dateline():
    from generator.extract.structure import is_heading
    from generator.model import Block

    assert is_heading(Block("p", ("ANALYSIS — Why Taipei bets on drones",), 1))
    assert not is_heading(Block("p", ("WASHINGTON — Senators met on Monday.",), 1))


def test_chinese_and_japanese_stops_end_sentences():
    assert sentences("北京表示同意。双方将继续磋商！ Talks resume. 「はい。」次") == [
        "北京表示同意。", "双方将继续磋商！", "Talks resume.", "「はい。」", "次"]


def test_a_seed_pasted_as_html_is_read_as_its_text_with_its_line_numbers():
    text = ("<h1>Ferry talks resume</h1>\n<p>Kinmen &amp; Xiamen met on <b>Monday</b>.</p>\n"
            "<script>\nalert(1)\n</script>\n<p>Officials said &ldquo;yes&rdquo;.<br>Trade &lt;grew&gt;.</p>\n")
    cleaned = clean(text, first_line=5)
    assert [(b.kind, b.text, b.line) for b in cleaned.blocks] == [
        ("h", "Ferry talks resume", 5), ("p", "Kinmen & Xiamen met on Monday.", 6),
        ("p", "Officials said “yes”.", 10), ("p", "Trade <grew>.", 10)]


@pytest.mark.parametrize("text", [
    "Use the <b> tag for bold.\nIt shows <b>bold</b> words.\n",  # markup named in prose, not a page's source
    "Officials met.\n\n<p>One pasted line</p>\n\nThe rest is plain text.\n\nAnd so is this.\n",
    "~*subverting expectations*~\n",
    # attacks: an event handler, or elements around a style sheet that is most of the text
    "<p onclick=alert(1)>Officials met.</p>\n\n<p>Talks resumed.</p>\n\n<p>Ships sailed.</p>\n",
    "<style>@keyframes x{from {left:0;}to {left: 1000px;}}:target {animation:10s ease-in-out 0s 1 x;}</style>\n\n"
    "<p>a</p>\n\n<p>b</p>\n\n<p>c</p>\n",
])
def test_markup_in_a_seed_that_is_not_a_pasted_page_stays_as_typed(text):
    lines = [line for line in text.split("\n") if line]
    assert [b.text for b in clean(text).blocks] == lines


def test_markdown_links_read_as_their_words_and_an_image_line_is_left_out():
    cleaned = clean("![Port of Busan](https://example.org/p.jpg)\n\nSee [the report](https://example.org/r) "
                    "and [this](javascript:alert(1)).\n")
    assert [b.text for b in cleaned.blocks] == ["See the report and [this](javascript:alert(1))."]
    assert [d.reason for d in cleaned.dropped] == ["image"]


@pytest.mark.parametrize("line, reason", [
    ("4 min read", "reading time"), ("Reading time: 6 minutes", "reading time"),
    ("#Taiwan #Chips #SupplyChains", "hashtags"), ("Facebook Twitter LinkedIn Email", "button"),
    ("Share on: X | WhatsApp", "button"),
    ("Correction (May 2): An earlier version of this story misstated the vote.", "correction"),
    ("Editor's note: This article was updated to correct a date.", "correction"),
    ("Follow for more trade analysis!", "boilerplate"),
    ("Listen on Spotify or wherever you get your podcasts.", "boilerplate"),
    ("Produced by Nora Bell. Music by Tidewater Sound.", "credits"),
])
def test_page_leftovers_of_social_posts_podcasts_and_corrections_are_left_out(line, reason):
    assert_left_out(line, reason)


@pytest.mark.parametrize("line", [
    "It took 4 minutes to read the statement aloud.",
    "#1 priority for Seoul is the chip talks, the minister said.",
    "Facebook and Twitter removed the accounts on Monday.",
    "Correction officers in Manila said the inmates were moved.",
    "Update: China's commerce ministry said on Friday it would review the rules.",
    "The chart of the week shows exports rising.",
    "Produced by state media, the film drew protests.",
])
def test_lookalikes_of_social_post_and_podcast_leftovers_are_kept(line):
    assert_kept(line)


def test_a_charts_title_source_and_subtitle_go_together_and_the_text_after_stays():
    cleaned = clean("Yuan slid on Friday.\n\nChart of the week\nSource: LSEG\nYuan per dollar, daily close\n\n"
                    "Exporters sold dollars.\n")
    assert [b.text for b in cleaned.blocks] == ["Yuan slid on Friday.", "Exporters sold dollars."]
    assert [d.reason for d in cleaned.dropped] == ["chart", "credits", "chart"]


def test_headlines_under_a_links_label_already_left_out_go_with_it():
    cleaned = clean("Officials met on Monday.\n\nRelated coverage:\nPatrols step up near Kinmen\n"
                    "Seoul weighs its options\n")
    assert [b.text for b in cleaned.blocks] == ["Officials met on Monday."]
    assert [d.reason for d in cleaned.dropped] == ["links"] * 3
    # a sentence after the label is text again, and so is everything before it
    kept = clean("Officials met on Monday.\n\nRelated:\nSeoul weighs its options.\n")
    assert [b.text for b in kept.blocks] == ["Officials met on Monday.", "Seoul weighs its options."]


def test_a_line_wrapped_after_a_comma_goes_on_but_a_capital_starts_anew():
    assert [b.text for b in clean("Tokyo said demand would grow,\nand exports would follow.\n").blocks] == [
        "Tokyo said demand would grow, and exports would follow."]
    assert [b.text for b in clean("Ports reopened in Busan,\nKaohsiung and Kobe.\n").blocks] == [
        "Ports reopened in Busan,", "Kaohsiung and Kobe."]


def test_a_question_or_a_whether_is_no_truce_evidence():
    asked = ["Will the US–China trade truce collapse?", "Traders ask whether the truce will collapse."]
    assert truce_signal(asked) is None
    assert truce_signal([*asked, "The trade truce remains intact, officials said."]).value == "holding"


@pytest.mark.parametrize("text, source, date, title", [
    ("PACIFIC LEDGER · Issue 45 · 12 April 2026\n\nPHILIPPINES\nShips collided near the shoal on Monday.\n",
     "Pacific Ledger", dt.date(2026, 4, 12), None),
    ("Asia Notes | Week 10 | 7 March 2026\n\nChips rebound\n\nExports rose in March, data showed.\n",
     "Asia Notes", dt.date(2026, 3, 7), "Chips rebound"),
    # a headline with a number is no masthead (the date closing it is the page's)
    ("Taiwan votes · 10 seats at stake · 7 March 2026\n\nVoters went to the polls on Saturday.\n",
     None, dt.date(2026, 3, 7), "Taiwan votes · 10 seats at stake · 7 March 2026"),
])
def test_a_one_line_masthead_names_the_newsletter_and_dates_the_issue(text, source, date, title):
    cleaned = clean(text)
    head = masthead(cleaned.blocks, cleaned.dropped)
    assert (head.source, head.date, head.title) == (source, date, title)


def test_a_reports_front_page_gives_title_issuer_and_authors():
    cleaned = clean("Executive Summary\n\nGallium after the ban\nA report of the Northbridge Institute\n"
                    "Authors: Clara Voss and Idris Okafor\n\nChina makes most gallium, the report finds.\n")
    head = masthead(cleaned.blocks, cleaned.dropped)
    assert (head.title, head.agency, head.author) == ("Gallium after the ban", "Northbridge Institute",
                                                      "Clara Voss and Idris Okafor")
    # a summary label over a list is kept as its heading, with no headline
    listed = clean("Key findings\n\n- China makes most gallium.\n- Recycling could help.\n")
    assert masthead(listed.blocks, listed.dropped).title is None


def test_a_name_over_a_role_is_a_byline_but_a_name_over_text_is_not():
    two_lines = clean("Seoul passes a record budget\n\nSohee Kim\nSeoul correspondent\n\nLawmakers voted on Tuesday.\n")
    assert masthead(two_lines.blocks, two_lines.dropped).author == "Sohee Kim"
    heading = clean("Seoul passes a record budget\n\nBudget Fight\n\nLawmakers voted on Tuesday.\n")
    assert masthead(heading.blocks, heading.dropped).author is None


def test_a_statements_closing_place_and_date_dates_it():
    from generator.extract.structure import issued
    blocks = clean("1. Japan protested the launch.\n\n(Tokyo, March 14, 2026)\n").blocks
    assert issued(blocks) == (1, dt.date(2026, 3, 14))
    assert issued(clean("Japan protested.\n\n(Reporting by Ann Lee)\n").blocks) == (0, None)


def test_a_line_pointing_at_what_follows_is_no_heading():
    from generator.extract.structure import is_heading
    from generator.model import Block

    assert not is_heading(Block("p", ("Three things stand out 👇",), 1))
    assert is_heading(Block("p", ("Three things stand out",), 1))


def test_a_markdown_table_is_one_block_of_rows_and_its_cells_tag_nothing():
    text = ("Where the seafood talks stand:\n\n| Product | Status |\n| :--- | ---: |\n| Scallops | Banned |\n"
            "| Sea \\| cucumber | Allowed | extra |\n\nTalks resume in May.\n")
    cleaned = clean(text)
    assert [(b.kind, b.lines, b.line) for b in cleaned.blocks] == [
        ("p", ("Where the seafood talks stand:",), 1),
        ("table", ("Product\tStatus", "Scallops\tBanned", "Sea | cucumber\tAllowed\textra"), 3),
        ("p", ("Talks resume in May.",), 8)]
    from generator.extract import story_proses
    from generator.model import Section
    section = Section("Seafood", "seafood", cleaned.blocks)
    assert story_proses([section])[0].sentences == ["Where the seafood talks stand:", "Talks resume in May."]


@pytest.mark.parametrize("text", [
    "Taiwan votes | Weekly recap\n\nVoters went to the polls.\n",  # a headline with a pipe, no rule under it
    "Ships | ports\n---\n\nText follows.\n",  # a rule without pipes: a break between paragraphs
])
def test_lines_with_pipes_but_no_table_rule_are_no_table(text):
    assert "table" not in {b.kind for b in clean(text).blocks}


def test_a_tables_cells_are_escaped_and_cut_to_the_header():
    from generator.model import Block
    from generator.pieces import blocks

    md = blocks([Block("table", ("Item\tNote", "<b>x</b>\t*y*\tz", "only one"), 1)])
    assert md == ("| Item | Note |\n| --- | --- |\n| &#60;b&#62;x&#60;/b&#62; | &#42;y&#42; |\n"
                  "| only one |\n\n")
    # a header wider than any table a reader could read keeps its lines as text
    wide = "|" + "|".join("c" * 21) + "|\n|" + "---|" * 21 + "\n|" + "|".join("x" * 21) + "|\n"
    assert "table" not in {b.kind for b in clean(wide).blocks}


def test_a_timestamp_is_a_date_and_a_city_with_a_hyphen_is_a_dateline():
    from generator.text import DATELINE

    assert [(d.year, d.month, d.day) for d in find_dates("Updated 2026-02-14T09:30:00+08:00 · 2 hours ago")] == [
        (2026, 2, 14)]
    assert find_dates("build 2026-02-14Tx") == []  # (not a time after the T)
    assert DATELINE.match("MANILA - The navy sent a frigate.").group() == "MANILA - "
    assert DATELINE.match("US - China talks resume.") is None  # (too few capitals)


def test_the_details_under_a_contact_label_go_with_it_until_a_blank_line():
    cleaned = clean("Officials met on Monday.\n\nMedia contact:\nInformation Office\nTel: +86 10 5555 0199\n\n"
                    "The talks resume in May.\n")
    assert [b.text for b in cleaned.blocks] == ["Officials met on Monday.", "The talks resume in May."]
    assert [d.reason for d in cleaned.dropped] == ["contact"] * 3


def test_a_rubric_or_an_issuer_over_the_headline_is_not_the_title():
    analysis = clean("_Analysis_\n\nWhy Taipei stockpiles fuel\n\nTaiwan raised its reserves on Monday.\n")
    head = masthead(analysis.blocks, analysis.dropped)
    assert (head.title, head.source) == ("Why Taipei stockpiles fuel", None)
    release = clean("PRESS RELEASE\n\nMinistry of Industry and Information Technology\n\nQuotas set for 2026\n\n"
                    "The ministry set quotas on Monday.\n")
    head = masthead(release.blocks, release.dropped)
    assert (head.title, head.source) == ("Quotas set for 2026", "Ministry of Industry and Information Technology")
    # a line naming an organisation among other words is a headline
    other = clean("Ministry of Industry and Information Technology sets quotas\n\nThe ministry acted on Monday.\n")
    assert masthead(other.blocks, other.dropped).title == "Ministry of Industry and Information Technology sets quotas"


@pytest.mark.parametrize("heading, title", [
    ("SOUTH KOREA", "South Korea"), ("CHIP EXPORTS", "Chip Exports"), ("ASEAN", "ASEAN"), ("SCMP", "SCMP"),
    ("Taiwan's budget fight", "Taiwan's budget fight"),
])
def test_a_heading_in_capitals_reads_as_a_title_in_an_editions_title(heading, title):
    from generator.extract.structure import as_written

    assert as_written(heading) == title


def test_stage_directions_leave_a_speech_and_their_lookalikes_stay():
    cleaned = clean("Thank you. [Applause] We will stay.\n\n(Laughter.)\n\nTalks (and music) resumed [1].\n")
    assert [b.text for b in cleaned.blocks] == ["Thank you. We will stay.", "Talks (and music) resumed [1]."]
    assert [(d.reason, d.text) for d in cleaned.dropped] == [("stage direction", "(Laughter.)")]


def test_a_list_whose_every_item_has_a_bold_label_is_a_digest_but_a_mixed_list_stays_a_list():
    from generator.extract.structure import split_sections

    digest = clean("- **Taiwan:** Taipei approved funds.\n- **Trade:** Talks resume.\n").blocks
    sections, _ = split_sections(digest, "Briefing", edition=False)
    assert [(s.title, [b.text for b in s.blocks]) for s in sections] == [
        ("Taiwan", ["Taipei approved funds."]), ("Trade", ["Talks resume."])]
    mixed = clean("- **Taiwan:** Taipei approved funds.\n- Talks resume.\n").blocks
    sections, _ = split_sections(mixed, "Briefing", edition=False)
    assert [s.title for s in sections] == ["Briefing"] and sections[0].blocks[0].kind == "ul"


def test_a_summary_line_opens_the_story_and_a_lookalike_is_text():
    summary = clean("In short: Seoul and Tokyo will share data.\n\nSeoul and Tokyo share warnings\n\n"
                    "The two agreed on Friday.\n")
    head = masthead(summary.blocks, summary.dropped)
    assert (head.title, head.dek.text) == ("Seoul and Tokyo share warnings", "In short: Seoul and Tokyo will share data.")
    text = clean("In short order, Seoul and Tokyo agreed to share data.\n\nThe two met on Friday.\n")
    head = masthead(text.blocks, text.dropped)
    assert head.title is None and head.dek is None


@pytest.mark.parametrize("text, title", [
    ("Beijing will cut tariffs on soybeans, the finance ministry said on Tuesday. More follows.",
     "Beijing will cut tariffs on soybeans"),
    ("Officials said the talks would resume in May after a pause. More follows.",
     "Officials said the talks would resume in May after a pause"),
])
def test_a_title_built_from_the_opening_sentence_leaves_out_who_said_it(text, title):
    from generator.extract.structure import fallback_title

    assert fallback_title(clean(text).blocks) == title


def test_a_heading_that_is_a_topics_name_tags_the_story_given_its_context():
    tags = tag_story("Taiwan", "Taipei's legislature approved funds for coast guard cutters, the defence committee said.")
    assert [t.slug for t in tags if t.about] == ["taiwan"]
    # a topic's name over text with none of its context stays a mention
    tags = tag_story("Taiwan", "Night markets serve beef noodle soup and bubble tea until midnight.")
    assert [t.slug for t in tags if t.about] == [] and [t.slug for t in tags] == ["taiwan"]


@pytest.mark.parametrize("line", [
    "Residents walk past a barrier on the beach. REUTERS/Bo Park",
    "Soldiers drill on Kinmen. (Photo by Ann Lee/Getty Images)",
    "Photo 3/4: A coast guard vessel patrols off Kinmen.",
    "Image 2: Trucks queue at the border.",
])
def test_a_pictures_caption_is_left_out_by_its_credit_or_number(line):
    cleaned = clean(f"Officials met on Monday.\n\n{line}\n")
    assert [b.text for b in cleaned.blocks] == ["Officials met on Monday."]
    assert [d.reason for d in cleaned.dropped] == ["caption"]


@pytest.mark.parametrize("line", [
    "Talks continue between the EU/UK and Beijing.", "Trade between US/China fell in March.",
    "Officials met (Photo courtesy of the ministry) in Seoul.", "Photo exhibitions drew 3 visitors: all officials.",
])
def test_lookalikes_of_captions_are_kept(line):
    assert_kept(line)


def test_a_korean_wire_dateline_is_no_part_of_a_key_point_and_names_the_agency():
    from generator.extract.structure import dateline_source
    from generator.text import DATELINE

    blocks = clean("(Seoul=Yonhap) North Korea fired missiles on Monday, the JCS said.\n").blocks
    assert dateline_source(blocks) == "Yonhap"
    assert DATELINE.match("(Seoul=Yonhap) North Korea fired.").group() == "(Seoul=Yonhap) "
    assert DATELINE.match("(x=1) is the answer.") is None


def test_a_place_and_a_dash_open_a_key_point_only_when_the_place_is_listed():
    from generator.extract.structure import without_opening_mark

    assert without_opening_mark("Tokyo — Japan's ruling party elected a leader.") == "Japan's ruling party elected a leader."
    assert without_opening_mark("Good news — The talks resumed.") == "Good news — The talks resumed."


def test_a_title_case_headline_may_end_with_a_full_stop_but_a_sentence_may_not():
    from generator.extract.structure import is_heading
    from generator.model import Block

    assert is_heading(Block("p", ("China Retaliates Against New US Chip Curbs.",), 1), headline=True)
    assert not is_heading(Block("p", ("China retaliated against the new curbs.",), 1), headline=True)
    assert not is_heading(Block("p", ("China Retaliates Against New US Chip Curbs.",), 1))  # (at the top only)
    head = masthead(*(lambda c: (c.blocks, c.dropped))(clean("Xi Meets Biden In The U.S.\n\nThe two met.\n")))
    assert head.title == "Xi Meets Biden In The U.S."


def test_bold_labels_make_a_digest_but_markdown_headings_do_not():
    from generator.extract.structure import labelled

    assert labelled(clean("**Taiwan**: Taipei met.\n**Korea**: Seoul met.\n").blocks)
    assert not labelled(clean("Intro text here.\n\n## A slow queue\n\nText.\n\n## Who gains\n\nMore text.\n").blocks)
    assert not labelled(clean("**Sato:** Yes.\n\n**Desk:** Why?\n\n**Sato:** Because.\n").blocks)  # speakers


def test_a_written_by_credit_names_the_author_when_no_byline_did():
    from generator.extract.structure import reporter
    from generator.model import Dropped

    assert reporter((Dropped(4, "credits", "Written by Kenji Mori"),)) == "Kenji Mori"
    assert reporter((Dropped(4, "credits", "Edited by Ann Lee"),)) is None


@pytest.mark.parametrize("line, reason", [
    ("@meichen_trade", "handle"), ("Replying to @meichen_trade", "handle"),
    ("412 Reposts 96 Quotes 1.5K Likes", "engagement"), ("2d • Edited", "timestamp"), ("3h", "timestamp"),
    ("9:12 AM · Apr 7, 2026", "timestamp"), ("·", "ornament"), ("…see more", "button"), ("Repost", "button"),
])
def test_a_copied_posts_chrome_is_left_out(line, reason):
    assert_left_out(line, reason)


@pytest.mark.parametrize("line", [
    "3K likes later, the post was deleted by its author.", "Write to @meichen_trade for the data.",
    "2d round of talks opens in Geneva.", "9:12 AM is when the markets in Tokyo open.",
])
def test_lookalikes_of_a_posts_chrome_are_kept(line):
    assert_kept(line)


def test_the_name_over_a_handle_is_the_posts_author():
    cleaned = clean("Mei Chen\n@meichen_trade\nBeijing cut the wait.\n\nShips sail.\n")
    assert [(d.reason, d.text) for d in cleaned.dropped] == [("post author", "Mei Chen"), ("handle", "@meichen_trade")]
    # a heading over a line that is no handle stays
    assert not clean("Mei Chen\nBeijing cut the wait.\n").dropped


def test_citation_marks_leave_the_text_but_brackets_in_prose_stay():
    cleaned = clean("The islands are Chinese.[1] Vietnam claims them.[2][3] Roads exist.[citation needed]\n\n"
                    "The index [a] rose; see item [2] below.\n")
    assert [b.text for b in cleaned.blocks] == ["The islands are Chinese. Vietnam claims them. Roads exist.",
                                                "The index [a] rose; see item [2] below."]


@pytest.mark.parametrize("line, author", [
    ("BY KIM MIN-JI [kim.minji@example.kr]", "Kim Min-Ji"), ("By Ann Lee (alee@example.org)", "Ann Lee"),
    ("BY THE NUMBERS", None), ("By The Way, talks resumed", None),
    # a name and a role beside the date
    ("Ian Lee, Senior Analyst | March 12, 2026", "Ian Lee"), ("Ann Lee, staff writer · 5 March 2026", "Ann Lee"),
    ("Taiwan votes | March 12, 2026", None), ("Taiwan, the island, votes | March 12, 2026", None),
])
def test_a_byline_in_capitals_with_an_email_or_beside_a_date_names_its_writer(line, author):
    from generator.extract.structure import byline

    assert byline(line) == author


def test_reporter_labels_open_questions_and_leave_titles():
    from generator.extract.structure import asked, without_opening_mark

    blocks = clean("Reporter: Will China respond?\n\nLin Jian: Yes.\n\nReporter: And Pyongyang?\n\nLin Jian: No.\n").blocks
    assert asked(blocks) == [0, 2]
    assert without_opening_mark("Reporter: Will China respond?") == "Will China respond?"
    assert without_opening_mark("Reporters said China would respond.") == "Reporters said China would respond."
    assert asked(clean("Reporter Jane Doe asked about chips.\n\nReporter Bo Park asked too.\n").blocks) == []


def test_a_rubric_in_brackets_leaves_the_headline_and_a_notes_label_opens_the_story():
    head = masthead(*(lambda c: (c.blocks, c.dropped))(clean("[ANALYSIS] Why Tokyo buys missiles\n\nJapan bought them.\n")))
    assert head.title == "Why Tokyo buys missiles"
    kept = masthead(*(lambda c: (c.blocks, c.dropped))(clean("[Draft 2] Why Tokyo buys missiles\n\nJapan bought them.\n")))
    assert kept.title is None  # (a bracket that is no rubric opens no headline)
    noted = clean("Editor's note: Part two of a series.\n\nOn Matsu, every family has a drone\n\nResidents fly drones.\n")
    head = masthead(noted.blocks, noted.dropped)
    assert (head.title, head.dek.text) == ("On Matsu, every family has a drone", "Editor's note: Part two of a series.")


def test_a_fact_box_is_text_but_a_lone_labelled_heading_stays_a_heading():
    from generator.extract.structure import split_sections

    box = clean("Ships sailed on Monday.\n\nLocation: Taiwan Strait\nUnits: Two destroyers\n\nThey left.\n").blocks
    sections, _ = split_sections(box, "Transit", edition=False)
    assert [s.title for s in sections] == ["Transit"]
    heading = clean("Ships sailed on Monday.\n\nTaiwan: the view from Taipei\n\nThey left.\n").blocks
    sections, _ = split_sections(heading, "Transit", edition=False)
    assert [s.title for s in sections] == ["Transit", "Taiwan: the view from Taipei"]


@pytest.mark.parametrize("line, date", [
    ("Japan Ministry of Defense | Joint Staff Press Release | 2026.03.12", dt.date(2026, 3, 12)),
    ("Kyodo | Tokyo | March 5, 2026", dt.date(2026, 3, 5)),
    ("Taiwan votes | Chips rebound | Ferries resume", None),  # stories, no date
])
def test_a_line_of_parts_with_a_date_dates_the_article(line, date):
    cleaned = clean(f"Headline of the day\n\n{line}\n\nOfficials met on Monday.\n")
    assert masthead(cleaned.blocks, cleaned.dropped).date == date


def test_evidence_is_quoted_without_a_threads_counter_or_a_dateline():
    assert truce_signal(["5/ The US-China trade truce is holding, officials said."]).evidence == (
        "The US-China trade truce is holding, officials said.")
    from generator.extract import extract
    from generator.read import Seed

    text = "Beijing tightens magnet rules\n\nBEIJING, April 2 (Xinhua) -- China tightened rare earth export controls.\n"
    article = extract(Seed(path="seeds/x.txt", file=Path("x.txt"), meta={}, body=text, body_line=1))
    assert article.sections[0].tags[0].evidence[0] == "China tightened rare earth export controls."


@pytest.mark.parametrize("line", [
    "<script>document.forms[0].message.value='1';</script>", "x = nodes[3].text and more",
    "The list[1]was typed without a space.",
])
def test_brackets_in_code_or_glued_to_text_are_no_citation_marks(line):
    assert_kept(line)


def test_mojibake_is_repaired_and_text_that_only_looks_like_it_is_kept():
    cleaned = clean("Chinaâ€™s exports fell, Beijingâ€™s data showed.\n")
    assert [b.text for b in cleaned.blocks] == ["China’s exports fell, Beijing’s data showed."]
    assert_kept("SÃO PAULO, March 5 (Reuters) - Brazil and China signed a soybean deal.")


def test_a_colon_dateline_a_numbered_bold_heading_and_a_dashed_sign_off():
    from generator.extract.structure import signature, without_opening_mark
    from generator.model import Block

    assert without_opening_mark("TAIPEI: Taiwan's cabinet met on Thursday.") == "Taiwan's cabinet met on Thursday."
    assert without_opening_mark("US: China talks resume on Monday.") == "US: China talks resume on Monday."
    assert [(b.kind, b.text) for b in clean("1. **Rare earth licences resume**\nChina approved licences.\n").blocks] == [
        ("h", "1. Rare earth licences resume"), ("p", "China approved licences.")]
    assert signature(Block("ul", ("Ann Lee, Tokyo",), 9)) == ("Ann Lee", None)
    assert signature(Block("ul", ("a long aside about ships and ports",), 9)) is None
    assert signature(Block("ul", ("Ann Lee, Tokyo", "Bo Park, Seoul"), 9)) is None  # a list of two


def test_numbered_bold_headings_make_a_digest_titled_by_its_stories():
    from generator.extract import extract
    from generator.read import Seed

    text = ("1. **Rare earth licences resume**\nChina approved magnet export licences on Monday.\n\n"
            "2. **North Korea's missile test**\nPyongyang fired a ballistic missile on Tuesday.\n")
    article = extract(Seed(path="seeds/x.txt", file=Path("x.txt"), meta={}, body=text, body_line=1))
    assert article.title == "Rare earth licences resume | North Korea's missile test"
    assert [t for s in article.sections for t in s.topics] == ["rare-earths", "export-controls", "north-korea"]


def test_a_first_heading_other_than_the_front_matter_title_heads_the_first_story():
    from generator.extract import extract
    from generator.read import Seed

    def article(title, body):
        return extract(Seed(path="seeds/x.md", file=Path("x.md"), meta={"title": title}, body=body, body_line=4))

    parts = article("Weekly: chips and magnets", "## Chips\n\nJapan widened curbs.\n\n## Magnets\n\nExports rose.\n")
    assert [s.title for s in parts.sections] == ["Chips", "Magnets"]
    assert "masthead" not in {d.reason for d in parts.dropped}
    same = article("Manila protests a map", "# Manila protests a map\n\nThe ministry protested.\n")
    assert [s.title for s in same.sections] == ["Manila protests a map"]  # (the heading repeats the title)
    assert [d.reason for d in same.dropped] == ["masthead"]


def test_a_links_label_over_a_list_of_titles_goes_anywhere_but_a_list_of_facts_stays():
    cleaned = clean("Most Read from Bloomberg\n- Samsung Weighs Texas Fab\n- Oil Jumps\n\nJapan added firms to its list.\n")
    assert [b.text for b in cleaned.blocks] == ["Japan added firms to its list."]
    assert [d.reason for d in cleaned.dropped] == ["links", "links"]
    facts = clean("Related facts:\n- Exports rose 8 percent.\n- Imports fell.\n\nJapan added firms to its list.\n")
    assert [b.kind for b in facts.blocks] == ["p", "ul", "p"]  # (sentences, not titles)


@pytest.mark.parametrize("line, reason", [("03:24", "timestamp"), ("Listen to this article", "boilerplate"),
                                          ("Supported by", "button")])
def test_an_audio_players_length_and_a_sponsor_label_are_left_out(line, reason):
    assert_left_out(line, reason)


def test_lookalikes_of_an_audio_players_length_are_kept():
    assert_kept("03:24 GMT was when the launch was detected, officials said.")
    assert_kept("Supported by the state, the programme grew fast.")


def test_a_time_glued_to_the_year_still_dates_and_new_tab_notes_leave_the_text():
    assert [(d.year, d.month, d.day) for d in find_dates("March 7, 20262:14 AM GMT+8")] == [(2026, 3, 7)]
    assert [d.year for d in find_dates("March 7, 20262")] == [None]  # (digits glued on with no time: no year)
    assert [b.text for b in clean("Data showed, opens new tab on Friday, that exports rose.\n").blocks] == [
        "Data showed on Friday, that exports rose."]
    assert_kept("The new tab on the ministry's website lists the rules.")


def test_breadcrumbs_at_the_top_are_left_out_but_a_slash_in_a_heading_stays():
    crumbs = clean("Home > News > Asia\n\nAsia\n/\nDiplomacy\n\nSeoul and Tokyo met.\n")
    assert [b.text for b in crumbs.blocks] == ["Seoul and Tokyo met."]
    assert {d.reason for d in crumbs.dropped} == {"breadcrumb"}
    kept = clean("Taiwan / China relations\n\nSeoul and Tokyo met.\n")
    assert [b.text for b in kept.blocks] == ["Taiwan / China relations", "Seoul and Tokyo met."]


@pytest.mark.parametrize("last, date", [
    ("Published: 8:00pm, 5 Mar 2026", dt.date(2026, 3, 5)), ("Next issue: March 12, 2026", None),
])
def test_a_date_line_closing_a_copied_page_dates_it(last, date):
    from generator.extract.structure import issued

    blocks = clean(f"Officials met on Monday.\n\n{last}\n").blocks
    assert issued(blocks)[1] == date


def test_a_sites_section_over_a_bylined_headline_is_no_source_but_a_newsletters_name_is():
    section = clean("Taiwan News\n\nCabinet approves a drone budget\n\nBy Lin Hsiao-yun / Staff reporter\n\n"
                    "The Cabinet approved it.\n")
    head = masthead(section.blocks, section.dropped)
    assert (head.source, head.title, head.author) == (None, "Cabinet approves a drone budget", "Lin Hsiao-yun")
    letter = clean("The Harbour Letter\n\nCabinet approves a drone budget\n\nBy Lin Hsiao-yun\n\nThe Cabinet approved it.\n")
    assert masthead(letter.blocks, letter.dropped).source == "The Harbour Letter"


def test_an_issue_numbered_headline_with_commas_is_the_headline_under_a_newsletters_name():
    post = clean("The China Chip Report\nIssue #42: Huawei's node, Dutch curbs, and a twist\n\nJordan Blake\n"
                 "Mar 09, 2026\n\nHuawei's chip uses a new process.\n")
    head = masthead(post.blocks, post.dropped)
    assert (head.source, head.title, head.author, head.date) == (
        "The China Chip Report", "Issue #42: Huawei's node, Dutch curbs, and a twist", "Jordan Blake", dt.date(2026, 3, 9))


@pytest.mark.parametrize("sentence", [
    "The two sides held talks on the US-China trade truce in Geneva.",
    "Police held protesters in Beijing after the US-China trade talks.",
])
def test_held_talks_or_held_protesters_are_no_truce_signal(sentence):
    assert truce_signal([sentence]) is None


def test_a_newsletters_name_and_date_between_pipes_and_an_attribution_by_according_to():
    from generator.extract.structure import fallback_title

    cleaned = clean("KOREA WATCH | 18 MARCH 2026\n\nPyongyang's new destroyer\n\nNorth Korea launched it.\n")
    head = masthead(cleaned.blocks, cleaned.dropped)
    assert (head.source, head.date, head.title) == ("Korea Watch", dt.date(2026, 3, 18), "Pyongyang's new destroyer")
    assert fallback_title(clean("North Korea fired missiles on Tuesday, according to Seoul's military.\n").blocks) == (
        "North Korea fired missiles on Tuesday")


def _article(text: str):
    from generator.extract import extract_cleaned
    from generator.read import Seed

    seed = Seed(path="seeds/t.md", file=Path("t.md"), meta={}, body=text, body_line=1)
    return extract_cleaned(seed, clean(text))


@pytest.mark.parametrize("headings, is_round_up", [
    (("TAIWAN", "NORTH KOREA"), True), (("🇯🇵 Japan", "🇰🇷 South Korea"), True),
    (("Taiwan", "Why it matters"), False),  # one place: an analysis piece's sub-headings
    (("Taipei bets on drones", "Seoul holds rates"), False),  # headlines naming places are no round-up
    (("RARE EARTHS", "TAIWAN"), True),  # a topic's name heads its part too
    (("Rare earth magnets surge", "Export curbs widen"), False),
])
def test_headings_naming_places_or_topics_alone_make_a_round_up(headings, is_round_up):
    from generator.extract.structure import round_up

    text = "".join(f"{h}\nOfficials there met on Monday to discuss the budget.\n\n" for h in headings)
    assert round_up(clean(text).blocks) is is_round_up
    article = _article(text)
    assert (article.title == " | ".join(s.title.title() if s.title.isupper() else s.title.lstrip("🇯🇵🇰🇷 ")
                                        for s in article.sections)) is is_round_up


@pytest.mark.parametrize("tail, author, kept", [
    ("Lin Yu-hsuan\nTaichung, Taiwan", "Lin Yu-hsuan", []),
    ("Lin Yu-hsuan", "Lin Yu-hsuan", []),
    ("Taichung, Taiwan", None, ["Taichung, Taiwan"]),  # a place alone signs nothing
    ("Kinmen Ferry Plan", None, ["Kinmen Ferry Plan"]),  # capitalised words naming a place: no name
])
def test_a_letters_closing_name_and_town_sign_it(tail, author, kept):
    article = _article(f"Letter: A ferry for Kinmen\n\nSir, a ferry would serve the island better.\n\n{tail}\n")
    assert article.author == author
    assert [b.text for s in article.sections for b in s.blocks] == ["Sir, a ferry would serve the island better.", *kept]


@pytest.mark.parametrize("line, credit", [
    ("Answers by Rosa Ibarra, commodities correspondent in Madrid.", True),
    ("Reporting by Dan Ortiz, staff writer; Editing by Ruth Keller", True),
    ("Answers by officials were vague, the ministry said.", False),
    ("Reporting by Dan Ortiz, who says the talks failed", False),
])
def test_a_credit_line_may_give_a_writers_role(line, credit):
    assert_left_out_or_kept(line, "credits" if credit else None)


@pytest.mark.parametrize("line, author, source", [
    ("Kenji Sato, Nikkei staff writer", "Kenji Sato", "Nikkei"),
    ("Kenji Sato, staff writer", "Kenji Sato", None),
    ("Kenji Sato, Reuters correspondent", "Kenji Sato", "Reuters"),
    ("Tokyo, Nikkei said", None, None),
])
def test_a_writers_role_may_name_the_publisher(line, author, source):
    from generator.extract.structure import byline, byline_source

    assert (byline(line), byline_source(line)) == (author, source)


@pytest.mark.parametrize("sentence, signal", [
    ("If Washington and Beijing fail to agree, the tariff truce could collapse.", None),
    ("The US and China will extend the truce unless talks stall.", "de-escalation"),  # the cue comes first
    ("Washington will impose new tariffs on China if the truce talks fail.", "escalation"),
])
def test_a_cue_after_if_is_asked_about_not_reported(sentence, signal):
    found = truce_signal([sentence])
    assert (found.value if found else None) == signal


@pytest.mark.parametrize("kicker, source", [
    ("THE HARBOUR GAZETTE", "The Harbour Gazette"), ("TRADE WAR", None), ("ANALYSIS", None),
])
def test_a_newsletters_name_in_capitals_over_the_headline_is_its_source(kicker, source):
    cleaned = clean(f"{kicker}\n\nManila protests new buoys near the shoal\nThe coast guard said so on Monday.\n")
    head = masthead(cleaned.blocks, cleaned.dropped)
    assert (head.source, head.title) == (source, "Manila protests new buoys near the shoal")


@pytest.mark.parametrize("headline, date", [
    ("Speech by the Minister at the Shangri-La Dialogue, Singapore, 31 May 2026", dt.date(2026, 5, 31)),
    ("Kim Yo Jong statement, April 2, 2026 (full text)", dt.date(2026, 4, 2)),
    ("Why March 5, 2026 marks a turning point for Taipei", None),  # a date inside: its subject's
    ("Talks set for 5 May 2026 (postponed from April by both sides)", None),
    ("Taiwan, Japan, Korea and the Philippines hold drills", None),  # two commas outside a date: no headline
])
def test_a_headline_closing_with_a_full_date_dates_the_page(headline, date):
    cleaned = clean(f"{headline}\n\nOfficials met on Monday to discuss the budget.\n")
    head = masthead(cleaned.blocks, cleaned.dropped)
    assert head.date == date
    assert (head.title == headline) is (headline[:6] != "Taiwan")


@pytest.mark.parametrize("text, lists", [
    ("- Tokyo voted.\n- Seoul voted.\n\n- Taipei voted.\n", [["Tokyo voted.", "Seoul voted.", "Taipei voted."]]),
    ("• Tokyo voted.\n• Seoul voted.\n\n— The Asia Desk\n", [["Tokyo voted.", "Seoul voted."], ["The Asia Desk"]]),
    ("• Tokyo voted.\n- Seoul voted.\n", [["Tokyo voted.", "Seoul voted."]]),  # no blank line: one list
])
def test_another_bullet_mark_past_a_blank_line_starts_another_list(text, lists):
    assert [list(b.lines) for b in clean(text).blocks] == lists


@pytest.mark.parametrize("subject, found", [
    ("Daily China Brief — 7 April 2026", ("Daily China Brief", dt.date(2026, 4, 7))),
    ("Rare earth exports surge — 7 April 2026", None),  # a headline with its date names no newsletter
    ("Daily China Brief", None),
])
def test_a_subject_may_name_the_newsletter_and_its_issue(subject, found):
    from generator.extract.structure import edition

    assert edition(subject) == found


@pytest.mark.parametrize("credit, author", [
    ("(Reporting by Ann Lee in Manila; Writing by Bo Park; Editing by Tom Hale)", "Bo Park"),
    ("(Reporting by Ann Lee and Dan Ortiz in Manila and Beijing; Editing by Tom Hale)", "Ann Lee and Dan Ortiz"),
    ("(Editing by Tom Hale)", None),  # an editor is no author
])
def test_a_wires_credits_name_the_writer(credit, author):
    from generator.extract.structure import reporter

    assert reporter(clean(f"Officials met on Monday.\n\n{credit}\n").dropped) == author


@pytest.mark.parametrize("opening, title", [
    ("Top line: Beijing will keep licences flowing to US firms.", "Beijing will keep licences flowing to US firms"),
    ("Topline figures: exports rose 5% in May, officials said.",  # "Topline figures" is no label
     "Topline figures: exports rose 5% in May, officials said"),
])
def test_a_title_built_from_the_text_leaves_a_summary_label_out(opening, title):
    from generator.extract.structure import fallback_title

    assert fallback_title(clean(f"{opening}\n").blocks) == title


def test_a_week_aheads_days_are_stories_and_watch_list_events():
    from generator.read import Seed

    text = ("The week ahead\n\nMon 9 March: China releases trade data.\nTue 10 March: Taiwan's legislature debates"
            " the budget.\n")
    article = _article(text)
    assert [s.title for s in article.sections] == ["Mon 9 March", "Tue 10 March"]
    assert article.sections[1].key_points == ("Taiwan's legislature debates the budget.",)
    assert article.events == ()  # no date of its own: the days' year is unknown
    from generator.extract import extract_cleaned
    dated = extract_cleaned(Seed(path="seeds/t.md", file=Path("t.md"), meta={"date": dt.date(2026, 3, 7)},
                                 body=text, body_line=1), clean(text))
    assert [(e.date, e.sentence) for e in dated.events] == [
        (dt.date(2026, 3, 9), "China releases trade data."), (dt.date(2026, 3, 10), "Taiwan's legislature debates the budget.")]
    one = _article("Notes\n\nMon 9 March: China releases trade data.\n\nExports are expected to rise.\n")
    assert [s.title for s in one.sections] == ["Notes"]  # one day is no calendar


@pytest.mark.parametrize("url, date", [
    ("https://news.example.org/2026/02/27/asia/x", dt.date(2026, 2, 27)),
    ("https://news.example.org/2026/02/30/asia/x", None),  # no such day
    ("https://news.example.org/asia/2026/x-27", None),
    (None, None),
])
def test_a_news_sites_address_may_date_its_page(url, date):
    from generator.extract.dates import url_date

    assert url_date(url) == date


@pytest.mark.parametrize("top, title", [
    ("By Ana Reyes\nManila bureau chief", None),  # a role under the byline: no headline
    ("By Ana Reyes\nManila braces for typhoon", "Manila braces for typhoon"),
    ("台湾国防部：解放军军机创新高\nTaiwan reports record aircraft", "Taiwan reports record aircraft"),
    ("Taiwan reports record aircraft\n台湾国防部：解放军军机创新高", "Taiwan reports record aircraft"),
])
def test_a_role_under_a_byline_or_a_headline_in_another_script_titles_nothing(top, title):
    cleaned = clean(f"{top}\n\nThe ministry said on Sunday it had tracked 91 aircraft near the island.\n")
    assert masthead(cleaned.blocks, cleaned.dropped).title == title


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["<div>", "a", " ", "**", "|", "x:y", "&", "word", "# ", "1. "]), max_size=400)
       .map("".join), st.integers(2, 40))
def test_a_paragraph_heavy_with_markup_is_cut_into_paragraphs_that_show_all_of_it(text, limit):
    """Python-Markdown's inline pass costs the square of the references in a paragraph: a paragraph is cut
    where it holds too many, and the pieces still show every character (ordinary text is never cut)."""
    import html as html_lib
    from unittest import mock

    from bs4 import BeautifulSoup

    from generator import markdown as md

    with mock.patch.object(md, "MARKS_PER_PARAGRAPH", limit):
        pieces = md.paragraphs(text)
    expected = " ".join(text.split())
    if not expected:
        return
    assert all(md.marks(html_lib.unescape(p)) <= limit for p in pieces)  # (each piece's own characters)
    assert len(pieces) == 1 or md.marks(expected) > limit
    soup = BeautifulSoup(_render("\n\n".join(pieces)), "html.parser")
    assert [t.name for t in soup.find_all(True)] == ["p"] * len(pieces)
    shown_text = " ".join(html_lib.unescape(p.decode_contents()) for p in soup.find_all("p"))
    assert "".join(shown_text.split()) == "".join(expected.split())  # every character, in order (a word too
    # long to cut at a space is cut where it must be)


def test_a_sentence_too_long_to_show_is_quoted_nowhere():
    giant = "Taiwan " + "<" * 5000 + " drills near the island raised tariffs on China and the US trade truce."
    story = [giant, "Officials in Taipei said the drills were the largest this year near Taiwan."]
    assert giant not in key_points(story, {})
    assert all(giant not in t.evidence for t in tag_story("", " ".join(story)))


def test_names_found_by_pattern_are_capped_per_article_listed_ones_are_not():
    from generator.extract.entities import MAX_UNLISTED_NAMES

    names = [f"Minister {a}{b}n Park{c}{b}" for a in "BCDFGHJKLM" for b in "aeiou" for c in "nrst"][:MAX_UNLISTED_NAMES + 50]
    story = " ".join(f"{n} met officials." for n in names) + " Later Xi Jinping visited Taiwan."
    found = find_entities([("", story)])
    people = [e.name for e in found if e.kind == "people"]
    assert len(set(names)) > MAX_UNLISTED_NAMES
    assert len([p for p in people if p != "Xi Jinping"]) == MAX_UNLISTED_NAMES  # the first ones named
    assert {"Xi Jinping", "Taiwan"} <= {e.name for e in found}


def test_an_article_adds_at_most_fifty_dates_to_watch_the_nearest_first():
    from generator.extract import MAX_EVENTS

    text = "Talks\n\n" + " ".join(f"The talks will resume on March {1 + i % 28}, {2027 + i // 28}." for i in range(120))
    article = _article(text)
    assert len(article.events) == MAX_EVENTS
    assert [e.date for e in article.events] == sorted(e.date for e in article.events)
    assert article.events[0].date == dt.date(2027, 3, 1)


def test_a_short_storys_closing_remark_is_a_mention_unless_its_lines_are_separate_facts():
    from generator.text import Prose

    told = ["Samsung reported a record profit on Thursday.", "Its memory sales rose 40% in the quarter.",
            "One analyst warned that US export controls on China could dent sales."]
    prose = Prose(told, connected=True)
    assert [t.slug for t in tag_story("Samsung posts a record profit", prose) if t.about] == []
    assert [t.slug for t in tag_story("Samsung posts a record profit", Prose(told, connected=False))
            if t.about] == ["export-controls"]  # a list of one-line facts: its last line is an item, no remark
    # named in the heading, the same sentence is the story's subject
    assert "export-controls" in [t.slug for t in tag_story("US export controls hit Samsung", prose) if t.about]


@pytest.mark.parametrize("text, date", [
    ("5.3.2026", dt.date(2026, 3, 5)), ("31.12.2025", dt.date(2025, 12, 31)),
    ("version 1.2.2026.1", None),  # more numbers after it: no date
    ("32.1.2026", None), ("03/05/2026", None),  # no such day; slashes: March 5 or May 3
])
def test_a_day_first_date_between_full_stops_is_read(text, date):
    from generator.extract.dates import full_date

    assert full_date(text) == date


def test_a_reading_lists_described_items_go_with_its_label_a_list_of_facts_stays():
    reading = clean("Seoul held rates on Monday.\n\nWhat we're reading\n- A paper on rare earth stockpiles.\n"
                    "- An essay on reserve forces.\n")
    assert [b.text for b in reading.blocks] == ["Seoul held rates on Monday."]
    facts = clean("Seoul held rates on Monday.\n\nRelated\n- Exports rose 8 percent.\n- Imports fell.\n")
    assert [b.kind for b in facts.blocks] == ["p", "p", "ul"]  # (a links label over sentences: they stay)
    prose_after = clean("Seoul held rates on Monday.\n\nWhat we're reading\n\nThe bank said growth would slow. "
                        "It expects two cuts.\n")
    assert len(prose_after.blocks) == 3  # (a paragraph of two sentences is no reading list)


@pytest.mark.parametrize("line, author", [
    ("— Mina Cho, editor", "Mina Cho"), ("— Mina Cho, Seoul", "Mina Cho"),
    ("— Mina Cho, who covers trade", None),
])
def test_a_dash_sign_off_may_give_the_writers_role(line, author):
    article = _article(f"Seoul held rates\n\nThe bank held its rate at 2.5 percent on Monday.\n\n{line}\n")
    assert article.author == author


@pytest.mark.parametrize("line, dropped", [
    ("[ⓒ Korea JoongAng Daily]", True), ("© 2026 Reuters", True), ("Copyright 2026 Nikkei Inc.", True),
    ("(c) Asia Desk", True), ("Copyright law changes were debated on Monday.", False),
    ("(C) is the right answer, officials said.", False),
])
def test_a_copyright_line_is_left_out(line, dropped):
    assert_left_out_or_kept(line, "boilerplate" if dropped else None)


@pytest.mark.parametrize("sentence, people", [
    ("The party elected Cheng Li-wun as its chair on Saturday.", ["Cheng Li-wun"]),
    ("Seoul named Park Jin-ho as the new foreign minister.", ["Park Jin-ho"]),
    ("Tokyo Electron as a supplier grew fast.", []),  # no title after "as"
    ("He served Samsung Electronics as its chairman.", []),  # a firm's name ends in a firm's word
])
def test_a_name_before_as_and_a_title_is_a_person(sentence, people):
    assert [e.name for e in find_entities([("", sentence)]) if e.kind == "people"] == people


@pytest.mark.parametrize("brief, truce", [
    ("China halted rare earth magnet exports to US defence firms, a move likely to test the trade truce.", True),
    ("Rare earth prices rose on Monday, echoing the 2019 trade war between Washington and Beijing.", False),
])
def test_a_briefs_second_subject_named_strongly_is_a_topic_unless_named_as_history(brief, truce):
    tags = {t.slug: t.about for t in tag_story("", brief)}
    assert tags["rare-earths"] and tags["trade-truce"] is truce


@pytest.mark.parametrize("paragraphs, titles", [
    (["TAIWAN — The legislature passed the budget.", "JAPAN — Tokyo added chip tools to its list."],
     ["TAIWAN", "JAPAN"]),
    (["TAIPEI — Taiwan's legislature passed the budget on Friday.", "The vote was 60 to 40."],
     ["Budget passes"]),  # one wire dateline: one story
    (["ANALYSIS — Why Taipei bets on drones.", "UPDATE — The vote was moved."], ["Budget passes"]),  # no places
])
def test_paragraphs_opening_with_place_labels_in_capitals_are_stories(paragraphs, titles):
    article = _article("Budget passes\n\n" + "\n\n".join(paragraphs) + "\n")
    assert [s.title for s in article.sections] == titles


@pytest.mark.parametrize("items, titles", [
    (["China: Exports rose 8 percent in April, beating forecasts.", "Taiwan: President Lai reshuffled his cabinet on Friday.",
      "Japan: Toyota cut its profit forecast, citing US tariffs."], ["China", "Taiwan", "Japan"]),
    (["Outlook: Exports should keep rising through the summer.", "Risks: A stronger yen could hurt the big exporters."],
     ["Morning note"]),  # labels, not places: one story
])
def test_a_newsletters_place_labelled_items_are_stories(items, titles):
    article = _article("MORNING NOTE WEEKLY\n\nMorning note\n\n" + "\n".join(f"• {i}" for i in items) + "\n")
    assert [s.title for s in article.sections] == titles


def test_a_trackers_verdict_line_counts_only_under_a_heading_on_the_truce():
    lines = ["Tariffs: levies stay at 10% this week.", "Verdict: holding, with friction over paperwork."]
    assert truce_signal(lines, "China–US trade truce: where things stand").value == "holding"
    assert truce_signal(lines, "Washington and Beijing: the weekly scorecard").value == "holding"
    assert truce_signal(lines, "Rice prices in Bangkok: where things stand") is None
    assert truce_signal(lines) is None
    # (a verdict in a sentence's middle is the text's own: it must name the truce or both sides)
    assert truce_signal(["Our verdict is that prices are holding."], "The trade truce tracker") is None


BRIEF_ITEMS = ("1) Seoul's central bank held its policy rate at 2.5 percent on Thursday morning.\n"
               "2) Taiwan's cabinet approved a bill on drone procurement for the coast guard.\n"
               "3) Vietnam's exports of shrimp rose nine percent in April from a year earlier.\n")


@pytest.mark.parametrize("title, items, stories", [
    ("Morning brief", BRIEF_ITEMS, 3),  # a newsletter's title: one story per item
    ("Morning brief", f"Three things today:\n\n{BRIEF_ITEMS}", 3),  # under the line announcing them
    ("Morning brief", f"Rates, drones and shrimp.\n\n{BRIEF_ITEMS}", 1),  # a story's own sentence first
    ("Three decisions this week", BRIEF_ITEMS, 1),  # an article's own list stays in its story
    ("Morning brief", BRIEF_ITEMS.replace("1)", "4)"), 1),  # counted from elsewhere: a list's tail
    ("Morning brief", BRIEF_ITEMS.replace("3)", "2)"), 1),  # numbers repeated: not a count
    ("Morning brief", "1) Rates.\n2) Drones.\n3) Shrimp prices.\n", 1),  # words, not stories
])
def test_a_newsletters_numbered_items_are_stories_of_their_own(title, items, stories):
    from generator.extract.structure import split_sections

    sections, _ = split_sections(clean(items).blocks, title, edition=False)
    found = [s for s in sections if not s.lead]
    assert len(found) == stories
    assert [s.blocks[0].text for s in sections if s.lead] == (["Three things today:"] if "today" in items else [])
    if stories > 1:
        assert found[0].title == "Seoul's central bank held its policy rate at 2.5 percent on Thursday morning"
        assert [s.blocks[0].text[:6] for s in found] == ["Seoul'", "Taiwan", "Vietna"]


def test_a_dateline_under_a_standfirst_still_opens_the_story():
    from generator.extract.structure import dateline_date

    blocks = clean("Plant to process heavy rare earths from Australian ore\n\n"
                   "JOHOR BAHRU, Malaysia, April 21, 2026 /GlobeNewswire/ -- The company said its plant opened.\n\n"
                   "MANILA, May 1, 2026 (Reuters) - A third paragraph's dateline is a quoted report's.\n").blocks
    assert dateline_date(blocks) == dt.date(2026, 4, 21)
    assert dateline_date(blocks[2:]) == dt.date(2026, 5, 1)
    assert dateline_date(clean("One.\n\nTwo.\n\nMANILA, May 1, 2026 (Reuters) - Three.\n").blocks) is None


RELEASE = ("Officials met on Monday.\n\nThe plant opened in Johor.\n\nBuyers signed up.\n\n{heading}\n{text}\n\n"
           "Outlook\nProduction doubles next year.\n")


@pytest.mark.parametrize("heading, text, reason", [
    ("Forward-Looking Statements", "This release contains forward-looking statements.", "disclaimer"),
    ("Analyst certification", "The analysts certify that these views are their own.", "disclaimer"),
    ("About Kestrel Metals Corp.", "Kestrel Metals is a processing company listed in Toronto.", "about the issuer"),
    ("About Kestrel Metals", "The company was founded in 2011 in Toronto.", None),  # not its description
    ("About the talks", "The talks resumed in Geneva after a pause of a month.", None),  # a story's heading
    ("About the author", "About the author Jane Roe is a fellow at a think tank.", None),
])
def test_a_releases_legal_text_and_company_description_are_left_out_to_the_next_heading(heading, text, reason):
    cleaned = clean(RELEASE.format(heading=heading, text=text))
    kept = [b.text for b in cleaned.blocks]
    assert kept[-2:] == ["Outlook", "Production doubles next year."]  # the next heading and its text stay
    assert (heading in kept and text in kept) == (reason is None)
    assert [d.reason for d in cleaned.dropped] == ([reason, reason] if reason else [])


def test_legal_text_opening_a_seed_is_its_text():
    cleaned = clean("Disclaimer\nThe minister's disclaimer of any deal with Beijing drew scorn in Taipei.\n")
    assert not cleaned.dropped


@pytest.mark.parametrize("line, reason", [
    ("(ATTN: ADDS details in paras 4-7, photo)", "wire note"),
    ("(EDS: updates with ministry comment)", "wire note"),
    ("(Attention turned to Taipei on Monday.)", None),  # a sentence in brackets: no note to editors
    ("Keywords", "tags"),
    ("Tags: Taiwan, drones, defence budget", "tags"),
    ("Keywords: officials in Taipei said the drones would carry serial numbers, and exports would be logged.", None),
    ("#N. Korea #ballistic missile #East Sea #JCS", "hashtags"),
    ("#1 priority for Seoul is the alliance, officials said.", None),
])
def test_a_wires_note_to_editors_and_a_pages_tags_are_left_out(line, reason):
    assert_left_out_or_kept(line, reason)


@pytest.mark.parametrize("headline, title", [
    ("(LEAD) N. Korea fires ballistic missile into East Sea: JCS", "N. Korea fires ballistic missile into East Sea: JCS"),
    ("(3rd LD, ADDS quotes) Seoul and Tokyo agree on radar data", "Seoul and Tokyo agree on radar data"),
    ("(News Focus) Why Seoul hedges on Taiwan", "Why Seoul hedges on Taiwan"),
])
def test_a_wires_mark_before_its_headline_is_no_part_of_the_title(headline, title):
    head = masthead(*_cleaned(f"{headline}\n\nSEOUL, May 2 (Yonhap) -- The ministry said talks would resume.\n"))
    assert head.title == title


def test_an_unknown_bracket_before_a_line_keeps_it_out_of_headlines():
    head = masthead(*_cleaned("(Updated) Seoul and Tokyo agree on radar data\n\nThe ministry said talks would resume.\n"))
    assert head.title is None


def _cleaned(text: str):
    cleaned = clean(text)
    return cleaned.blocks, cleaned.dropped


@pytest.mark.parametrize("sentence, name", [
    ("said Managing Director Craig Doherty on Monday.", "Craig Doherty"),
    ("said Chief Executive Officer Lena Voss in a statement.", "Lena Voss"),
    ("said Spokesman Jay Tarriela on Monday.", "Jay Tarriela"),
])
def test_a_title_of_several_words_before_a_name_is_no_part_of_it(sentence, name):
    people = [e.name for e in find_entities([("", f"The deal was signed, {sentence}")]) if e.kind == "people"]
    assert people == [name]


@pytest.mark.parametrize("below, author, dek", [
    ("Owen Liao\nMar 12, 2026", "Owen Liao", True),  # a post's writer and date under its standfirst
    ("By Owen Liao", "Owen Liao", True),
    ("Mar 12, 2026", None, False),  # no writer: the sentences are the story's opening
    ("Taiwan Strait\nMar 12, 2026", None, False),  # a place is no writer
])
def test_a_standfirst_of_sentences_between_headline_and_writer(below, author, dek):
    standfirst = "The special budget is stalled. The cost of delay is counted in years."
    head = masthead(*_cleaned(f"Taiwan's budget fight is a fight about time\n\n{standfirst}\n\n{below}\n\n"
                              "The headline number is easy to remember, officials in Taipei said on Monday.\n"))
    assert head.title == "Taiwan's budget fight is a fight about time"
    assert head.author == author
    assert (head.dek is not None and head.dek.text == standfirst) == dek


@pytest.mark.parametrize("line, source", [
    ("Thanks for reading The Strait Dispatch! Subscribe for free to receive new posts.", "The Strait Dispatch"),
    ("Thank you for reading Peninsula Ledger. Subscribe for free.", "Peninsula Ledger"),
    ("Thanks for reading this far! Subscribe for free to receive new posts.", None),
    ("Thanks for reading my newsletter! Subscribe for free to receive new posts.", None),
])
def test_a_platforms_thanks_names_the_newsletter(line, source):
    from generator.extract.structure import thanked_by

    assert thanked_by(clean(f"Officials met on Monday.\n\n{line}\n").dropped) == source


@pytest.mark.parametrize("line, reason", [
    ("Source: Department of Security and Control Release date: 2026-03-02 Font size: [L] [M] [S]", "timestamp"),
    ("Updated: 5 March 2026 Views: 1,204", "timestamp"),
    ("Source: Ministry of Defence Font size: [L] [M] [S]", "page details"),
    ("Date: March 7, 2026", None),  # one field: an incident report's
    ("Date: March 7, 2026 Location: Second Thomas Shoal", None),  # a story's fields, none of them a page's
    ("The source: a ministry official. Date: unknown, he said.", None),  # fields inside a sentence
    ("[Print] [Close]", "button"),
    ("[Photo] A coast guard ship at sea", None),
])
def test_a_pages_details_and_bracketed_buttons_are_left_out(line, reason):
    assert_left_out_or_kept(line, reason)


def test_a_notices_issuer_over_its_closing_date_is_the_source():
    notice = _article("Notice on gallium export licences\n\nLicences for gallium items shall again be issued.\n\n"
                      "General Administration of Customs\nJune 9, 2026\n")
    assert (notice.source, notice.date) == ("General Administration of Customs", dt.date(2026, 6, 9))
    dated_only = _article("Notice on gallium export licences\n\nLicences for gallium items shall again be issued.\n\n"
                          "June 9, 2026\n")
    assert (dated_only.source, dated_only.date) == (None, dt.date(2026, 6, 9))


REEF_HEADLINE = "Chinese militia boats swarm Whitsun Reef for a second week"


@pytest.mark.parametrize("top, title, source", [
    ("SHOAL MONITOR — Open Source Maritime Tracking\nIncident Report No. SM-2026-114\n\n", REEF_HEADLINE,
     "Shoal Monitor"),  # an issuer over its report's number over the headline
    ("Policy Brief #12\n\n", REEF_HEADLINE, None),  # the number alone: no title of its own
])
def test_a_reports_number_between_its_issuer_and_headline(top, title, source):
    head = masthead(*_cleaned(f"{top}{REEF_HEADLINE}\n\nClassification: PUBLIC\nLocation: Whitsun Reef\n\n"
                              "Satellite images show 38 boats moored at the reef, officials said on Monday.\n"))
    assert (head.title, head.source) == (title, source)


def test_a_fact_box_under_a_headline_is_the_texts_not_a_standfirst_or_headings():
    article = _article(f"{REEF_HEADLINE}\n\nClassification: PUBLIC\nDate observed: May 19, 2026\n\n"
                       "Location: Whitsun Reef\n\nSatellite images show 38 boats moored at the reef, officials said.\n")
    assert [s.title for s in article.sections] == [REEF_HEADLINE]
    assert article.sections[0].blocks[0].text.startswith("Classification: PUBLIC")
    dated = _article(f"{REEF_HEADLINE}\n\nPublished: 8:00pm, 5 Mar 2026\nUpdated: 9:15pm, 5 Mar 2026\n\n"
                     "Satellite images show 38 boats moored at the reef, officials said.\n")
    assert dated.date == dt.date(2026, 3, 5)  # a page's date lines are no fact box


def test_a_cue_inside_the_truces_own_name_is_no_signal():
    assert truce_signal(["The tariff pause between Washington and Beijing was discussed at length."]) is None
    assert truce_signal(["Washington and Beijing agreed to pause the dispute for 90 days."]).value == "de-escalation"
    assert truce_signal(["The tariff pause between Washington and Beijing cleared a week without incident."]).value \
        == "holding"


@pytest.mark.parametrize("sentence, people", [
    ("Economists at Harbour Street Research said the calm would last.", []),  # where people work
    ("Harbour Street said the calm would last, economists at the bank added.", ["Harbour Street"]),
    ("The launch was confirmed, said Colonel Ri Jin-ho of the army.", ["Ri Jin-ho"]),
    ("Spokesperson Commodore Andres Dalisay said the barriers would go.", ["Andres Dalisay"]),
])
def test_people_are_named_without_their_rank_or_their_employer(sentence, people):
    assert [e.name for e in find_entities([("", sentence)]) if e.kind == "people"] == people


def test_a_price_in_us_dollars_names_no_country():
    places = [e.name for e in find_entities([("", "A bowl cost NT$100, about US$3, in Taipei.")]) if e.kind == "places"]
    assert places == ["Taipei"]
    assert "United States" in [e.name for e in find_entities([("", "The US and Taiwan agreed on prices.")])]


def test_an_editions_lead_in_names_its_stories_topics_but_is_about_none():
    edition = _article("PACIFIC MORNING NOTE\nTuesday, June 2, 2026 | Issue #88\n\n"
                       "Today: Pyongyang tests a cruise missile, and Manila protests at Scarborough Shoal.\n\n"
                       "Pyongyang tests a cruise missile off its west coast\n\n"
                       "North Korea test-fired a cruise missile over the Yellow Sea, state media said.\n\n"
                       "Manila files a protest over Scarborough Shoal barriers\n\n"
                       "The Philippines protested after its coast guard found barriers at Scarborough Shoal.\n")
    lead = [s for s in edition.sections if s.lead]
    assert lead and not lead[0].topics and lead[0].mentions
    assert [s.topics for s in edition.stories] == [("north-korea",), ("south-china-sea",)]


@pytest.mark.parametrize("line, reason", [
    ("Priya Raman, CFA priya.raman@harbourline-sec.com | +852 3916 4470", "contact"),
    ("ann.lee@example.com | +852 3916 4470", "contact"),
    ("contact the desk desk@example.com", None),  # no name before the address: a sentence's words
])
def test_a_named_contact_line_is_left_out(line, reason):
    assert_left_out_or_kept(line, reason)


@pytest.mark.parametrize("top, source, author", [
    ("Eastgate Research\nAsia Semiconductors | 11 May 2026\n\nJoon Lim, CFA\njoon.lim@example.com | +82 2 3771 0912\n",
     "Eastgate Research", "Joon Lim"),
    ("Seoul Desk\nAsia Semiconductors | 11 May 2026\n", None, None),  # a desk's name ends like no firm
])
def test_a_research_houses_name_over_its_date_line_and_its_analysts(top, source, author):
    note = _article(f"Korean memory makers face slower upgrades in China this year\n\n{top}\n"
                    "US export controls on chip tools cut shipments to plants in China, the firms said on Monday.\n")
    assert (note.source, note.author, note.date) == (source, author, dt.date(2026, 5, 11))


def test_a_press_contact_closing_a_release_is_no_author():
    release = _article("Miner opens a plant in Johor\n\nThe plant opened on Monday, the company said in a statement.\n\n"
                       "Fiona Lachlan fiona@example.com | +61 8 6110 4420\n")
    assert release.author is None


@pytest.mark.parametrize("sentence, value", [
    ("Washington and Beijing agreed to pause their tariff escalation.", "de-escalation"),  # the escalation stops
    ("Officials in Washington and Beijing worked to avert new tariffs.", None),
    ("China and the US said the pause will stay fragile.", None),  # "the pause" is the truce, not a new one
    ("China and the US agreed to pause the dispute.", "de-escalation"),
    ("The Commerce Department added eight Chinese firms to the entity list.", "escalation"),  # the US's ministry
    ("China's commerce ministry added eight firms to its unreliable entity list.", None),  # China's alone
])
def test_what_stops_a_move_and_the_pause_by_name(sentence, value):
    assert_signal(sentence, value)


@pytest.mark.parametrize("text, ends", [
    ("Kim visited the test site twice in ten days. 🚀", True),
    ("So what does this mean? 🤔", True),
    ("Beijing and Washington: the week ahead 🇨🇳🇺🇸", False),  # a heading with flags still ends in none
    ("Officials met on Monday.", True), ("Why Seoul is hedging", False),
])
def test_a_sentence_ends_before_its_emoji(text, ends):
    from generator.text import ends_clause

    assert ends_clause(text) is ends


def test_a_posts_writer_roles_and_age_lines_stay_apart():
    post = clean("Daniel Ferreira\nTrade Policy Analyst | Former customs official\n5d • 🌐\n\n"
                 "Everyone talks about the tariff numbers, and fewer people look at the licences, he said.\n")
    assert [b.text for b in post.blocks][:2] == ["Daniel Ferreira", "Trade Policy Analyst | Former customs official"]
    assert [d.reason for d in post.dropped] == ["timestamp"]
    head = masthead(post.blocks, post.dropped)
    assert (head.author, head.title) == ("Daniel Ferreira", None)


@pytest.mark.parametrize("line, reason", [
    ("98 · 12 comments · 4 reposts", "engagement"),
    ("Like Comment Repost Send", "button"),
    ("Like Comment Repost Send money to Seoul, the minister said.", None),
    ("Share Save", "button"),
])
def test_a_posts_counts_and_row_of_buttons_are_left_out(line, reason):
    assert_left_out_or_kept(line, reason)


@pytest.mark.parametrize("line, reason", [
    ("👁 12.4K", "engagement"),  # a channel post's views…
    ("🔥 312  😱 97  👍 41", "engagement"),  # …and its reactions
    ("❤️ 1,204 🔁 88", "engagement"),
    ("Exports rose 12% 📈 in March.", None),  # counts among words
    ("$4.2 12", None),  # not a pictograph before the count
    ("Forwarded from Tokyo Defense Monitor", "handle"),
    ("Forwarded from Tokyo, the report says the talks stalled.", None),
    ("edited", "button"),
    ("Mute · Discuss · Share", "button"),
])
def test_a_channel_posts_counts_and_marks_are_left_out(line, reason):
    assert_left_out_or_kept(line, reason)


@pytest.mark.parametrize("line, source", [
    ("By Kenneth Lau and Sophie Tan, Harbour Daily News", "Harbour Daily News"),
    ("By Ann Lee, Reuters", "Reuters"),
    ("By Ann Lee, Seoul", None),  # where she writes from names no outlet
    ("By Ann Lee, senior correspondent", None),
])
def test_an_outlet_after_the_writers_names_in_a_byline(line, source):
    from generator.extract.structure import byline_source

    assert byline_source(line) == source


@pytest.mark.parametrize("line, reason", [
    ("Follow our live coverage | Share | 🔔 Get alerts", "button"),
    ("Share | Taiwan's drills in pictures", None),  # a link's title among them
])
def test_a_row_of_buttons_between_pipes(line, reason):
    assert_left_out_or_kept(line, reason)


@pytest.mark.parametrize("sentence, value", [
    ("When Beijing tightened licensing last spring, US buyers of Chinese magnets turned to stockpiles.", None),
    ("The trade truce agreed last year is still holding.", "holding"),  # the date names the truce, not the news
    ("Beijing tightened licensing for US buyers again this week, and shipments from China collapsed.", "escalation"),
    ("Last spring's curbs are gone; Washington and Beijing now say the truce is holding.", "holding"),
    ("China and the US say the truce is holding.", "holding"),
    ("In 2025 the US and China escalated their trade war, but the truce is holding.", "holding"),
])
def test_a_clause_dated_in_the_past_is_background(sentence, value):
    assert_signal(sentence, value)


@pytest.mark.parametrize("line, heading", [
    ("Figure 1: China's magnet exports to the US, tonnes", False),
    ("Table 2. Tariff rates by product", False),
    ("Figures show a recovery in magnet exports", True),
])
def test_a_figures_caption_is_no_heading(line, heading):
    from generator.extract.structure import is_heading
    from generator.model import Block

    assert is_heading(Block("p", (line,), 1)) is heading


@pytest.mark.parametrize("line, source", [
    ("The Materials Ledger · Chart of the week", "The Materials Ledger"),
    ("Cautious optimism springs eternal | the weekly recap", None),  # a headline and its series
    ("Magnets are flowing again · for now", None),
])
def test_a_name_and_its_series_under_the_headline(line, source):
    head = masthead(*_cleaned(f"Chart of the week: Magnets are flowing again, for now\n\n{line}\n\n"
                              "China's magnet exports to American buyers rose again in February, customs data showed.\n"))
    assert head.source == source


@pytest.mark.parametrize("top, source, title", [
    ("THE STRAIT & SEA BRIEF\nYour weekly guide to Asian geopolitics\n", "The Strait & Sea Brief", None),
    ("THE STRAIT & SEA BRIEF\nYour coast guard is watching the shoal tonight\n", "The Strait & Sea Brief",
     "Your coast guard is watching the shoal tonight"),  # a headline, not a motto
    ("Pacific Trade Monitor — Weekly Digest\nYour weekly guide to Asian trade\n", "Pacific Trade Monitor", None),
])
def test_a_newsletters_name_and_motto_title_nothing(top, source, title):
    head = masthead(*_cleaned(f"{top}Issue 31 · 4 June 2026\n\n"
                              "Vietnam has added land at four outposts this year, satellite images show.\n"))
    assert (head.source, head.title) == (source, title)


def test_arrows_open_list_items():
    cleaned = clean("Picks:\n→ How a reef becomes an island\n→ The sanctions panel, one year on\n")
    assert [(b.kind, b.lines) for b in cleaned.blocks][-1] == (
        "ul", ("How a reef becomes an island", "The sanctions panel, one year on"))
    assert clean("Exports rose → imports fell.\n").blocks[0].text == "Exports rose → imports fell."


@pytest.mark.parametrize("line, owner", [
    ("© 2026 The Peninsula Observer. All rights reserved.", "The Peninsula Observer"),
    ("Copyright 2026 The Jakarta Post. All rights reserved.", "The Jakarta Post"),
    ("© 2026 Ann Lee", None),  # a writer's own copyright names no publisher
])
def test_a_copyright_line_names_the_publisher_when_nothing_else_does(line, owner):
    from generator.extract.structure import copyright_owner

    assert copyright_owner(clean(f"Officials met on Monday.\n\n{line}\n").dropped) == owner


@pytest.mark.parametrize("sentence, year, value", [
    ("Oct 10, 2025 — Washington threatens new tariffs on Chinese goods.", 2026, None),  # an earlier entry
    ("Oct 10, 2025 — Washington threatens new tariffs on Chinese goods.", 2025, "escalation"),  # that year's news
    ("Oct 10, 2025 — Washington threatens new tariffs on Chinese goods.", None, "escalation"),  # no date known
    ("The US and China fought a trade war in 2025; now they say the truce is holding.", 2026, "holding"),
    ("In 2026 the US and China say the truce is holding.", 2026, "holding"),  # the article's own year
    ("The truce agreed by the US and China in November 2025 is holding.", 2026, "holding"),
    ("When Washington raised tariffs on China in 2025, Beijing answered within days.", 2026, None),
])
def test_an_entry_dated_before_the_articles_year_is_background(sentence, year, value):
    signal = truce_signal([sentence], year=year)
    assert (signal.value if signal else None) == value


@pytest.mark.parametrize("top, title, source", [
    ("Republic of the Philippines\nDepartment of Foreign Affairs\n\nNo. 112-2026\n08 April 2026\n\n",
     "DFA PROTESTS COAST GUARD ACTIONS AT SABINA SHOAL", "Department of Foreign Affairs"),
    ("Department of Foreign Affairs\n\nNo. 112-2026\n08 April 2026\n\n",
     "DFA PROTESTS COAST GUARD ACTIONS AT SABINA SHOAL", "Department of Foreign Affairs"),
])
def test_a_releases_state_ministry_and_number_over_its_headline(top, title, source):
    from generator.extract.structure import STATE

    assert STATE.fullmatch("People's Republic of China") and not STATE.fullmatch("State Department")
    head = masthead(*_cleaned(f"{top}DFA PROTESTS COAST GUARD ACTIONS AT SABINA SHOAL\n\n"
                              "The department lodged a protest with the embassy of China in Manila on Monday.\n"))
    assert (head.title, head.source) == (title, source)


@pytest.mark.parametrize("line, below, title", [
    ("Seoul's reservists, not its missiles, decide deterrence", "By Staff Reporter | Updated: 2026-05-03 08:30",
     "Seoul's reservists, not its missiles, decide deterrence"),
    ("Seoul's reservists train, drill, and wait for orders.", "May 3, 2026", None),  # a sentence over a date
])
def test_a_headline_with_commas_over_its_byline_or_date(line, below, title):
    head = masthead(*_cleaned(f"{line}\n\n{below}\n\nSouth Korea's reserve forces train for a few days a year, "
                              "planners in Seoul said on Monday.\n"))
    assert head.title == title


@pytest.mark.parametrize("text, lines", [
    ("Buying Time: What the Truce Means for\nChip Export Controls\n", ["Buying Time: What the Truce Means for Chip Export Controls"]),
    ("Nexperia spat drags on\nThe Dutch government and Beijing remain at odds.\n",
     ["Nexperia spat drags on", "The Dutch government and Beijing remain at odds."]),  # a phrasal verb ends it
    ("Why rare earths matter to\nEurope's carmakers\n", ["Why rare earths matter to Europe's carmakers"]),
])
def test_a_line_ending_in_an_article_or_preposition_goes_on(text, lines):
    assert [b.text for b in clean(text).blocks] == lines


def test_a_paragraph_cut_by_a_page_break_is_one_again():
    pdf = ("Asia Brief | March 2026\n\nThe tariff pause has held for longer than observers expected.\n\n"
           "Three developments suggest that the line between trade and technology\n\n2\n\nAsia Brief | March 2026\n\n"
           "is already blurring, officials say.\n\nA new paragraph starts here.\n\n3\n\nAsia Brief | March 2026\n\n"
           "Another starts after the break.\n")
    blocks = [b.text for b in clean(pdf).blocks]
    assert "Three developments suggest that the line between trade and technology is already blurring, officials say." \
        in blocks
    assert "Another starts after the break." in blocks and "A new paragraph starts here." in blocks
    assert blocks.count("Asia Brief | March 2026") == 1  # the title page's copy stays; those by page numbers go


@pytest.mark.parametrize("names, author", [
    ("Daniel R. Whitcombe and Hana Sato", "Daniel R. Whitcombe and Hana Sato"),
    ("Ann Lee, Bo Park & Cy Diaz", "Ann Lee, Bo Park & Cy Diaz"),
    ("Taiwan and Japan", None),  # places
    ("Trade and Technology", None),
])
def test_writers_names_alone_under_a_papers_title(names, author):
    head = masthead(*_cleaned(f"Buying Time: What the Truce Means for Chip Export Controls\n\n{names}\n\n"
                              "The tariff pause has held for longer than observers in either capital expected.\n"))
    assert head.author == author


@pytest.mark.parametrize("line, author", [
    ("By Tran Minh Chau in Hanoi and Oliver Grant in Singapore", "Tran Minh Chau and Oliver Grant"),
    ("By Ann Lee in Seoul", "Ann Lee"),
    ("By the numbers in Seoul and Tokyo", None),
])
def test_a_byline_naming_where_each_writer_filed(line, author):
    from generator.extract.structure import byline

    assert byline(line) == author


@pytest.mark.parametrize("line, kind", [
    ("Published April 17, 2026, 7:05 AM SGT | Updated April 17, 2026, 11:32 AM SGT", "date"),
    ("Published April 17, 2026 | Seoul bets on drones to deter the North", "heading"),
])
def test_a_date_line_of_dates_between_pipes(line, kind):
    from generator.extract.structure import _top_kind
    from generator.model import Block

    assert _top_kind(Block("p", (line,), 1)) == kind


@pytest.mark.parametrize("line, reason", [
    ("Share   Save   Gift this article", "button"),
    ("Share the gift of reading with a friend in Seoul today", None),
])
def test_a_row_of_button_phrases(line, reason):
    assert_left_out_or_kept(line, reason)


def test_a_letters_signature_before_its_postscript_names_writer_and_organisation():
    letter = _article("Dear colleagues,\n\nThe tariff pause has held for six months, officials in Beijing said.\n\n"
                      "With best wishes,\nDaniel Moreau\nDirector, Harbour Institute for Asian Affairs\n\n"
                      "P.S. Please send your questions by Friday.\n")
    assert (letter.author, letter.source) == ("Daniel Moreau", "Harbour Institute for Asian Affairs")
    assert [b.text for s in letter.sections for b in s.blocks][-1] == "P.S. Please send your questions by Friday."
    unsigned = _article("Dear colleagues,\n\nThe tariff pause has held for six months, officials in Beijing said.\n\n"
                        "With best wishes,\nThe talks resume in Geneva next week, and we will report on them.\n")
    assert unsigned.author is None and "The talks resume in Geneva next week, and we will report on them." in [
        b.text for s in unsigned.sections for b in s.blocks]


def test_a_person_sending_an_email_is_no_source():
    from generator.extract.structure import email_sender

    sent = clean("From: Daniel Moreau <d@example.org>\nTo: Members\nSubject: A note\n\nThe pause held.\n")
    assert email_sender(sent.dropped) is None
    desk = clean("From: Pacific Desk <desk@example.org>\nTo: Members\nSubject: A note\n\nThe pause held.\n")
    assert email_sender(desk.dropped) == "Pacific Desk"


INTERVIEW = ("Kim Soo-ah advised two South Korean defence ministers and now teaches in Seoul.\n\n{note}"
             "Q: How close is North Korea to a new nuclear test?\n\n"
             "Closer than a year ago. Pyongyang has rebuilt the tunnels at Punggye-ri and its missiles fly further.\n\n"
             "Q: What should Seoul do about its reservists?\n\n"
             "Train them more often. Two days a year is not enough for any army, she said.\n")


@pytest.mark.parametrize("note, one_piece", [
    ("This interview has been edited for length and clarity.\n\n", True),
    ("", False),  # a transcript's questions without the note: one story each, as a press conference's
])
def test_an_interviews_questions_head_parts_of_one_story(note, one_piece):
    interview = _article(INTERVIEW.format(note=note))
    stories = [s for s in interview.sections if not s.lead]
    assert len(stories) == 3
    assert (len({s.topics for s in stories}) == 1) == one_piece
    assert ("interview note" in [d.reason for d in interview.dropped]) == one_piece


@pytest.mark.parametrize("text, reasons", [
    ("Home   About   Archive   Subscribe\n\nTaiwan ordered 3,200 drones, officials said on Monday.\n", ["navigation"]),
    ("Trang chủ | Thời sự | Thế giới | Kinh tế | Biển đảo | Video\n\nVietnam protested on Monday, officials said.\n",
     ["navigation"]),
    ("Taiwan | Japan | Korea | China\n\nFour capitals met on Monday, officials said.\n", []),  # a headline's four
    ("Vietnam protested on Monday, officials said.\n\nExports rose again.\n\nImports fell.\n\n"
     "Month   Tonnes   Change   Note\nJan 2025   612   +3%   record\n\nTrade grew.\n\nPrices held.\n\n"
     "Ships sailed.\n\nPorts reopened.\n", []),  # a text table's header far from the page's edges
])
def test_a_sites_menu_at_the_pages_edge_is_left_out(text, reasons):
    assert [d.reason for d in clean(text).dropped] == reasons


def test_readers_comments_after_the_post_are_left_out():
    post = ("Taiwan ordered 3,200 drones last year.\n\nOfficials say production will double.\n\n"
            "Analysts say the pace trails plans.\n\nThe ministry will report in June.\n\n9 Comments\n\n"
            "dronewatcher\nGreat post. What about North Korea?\nReply\n")
    cleaned = clean(post)
    assert [b.text for b in cleaned.blocks][-1] == "The ministry will report in June."
    assert "comments" in [d.reason for d in cleaned.dropped]
    top = clean("9 comments\n\nTaiwan ordered 3,200 drones last year.\n\nOfficials say production will double.\n\n"
                "Analysts say the pace trails plans.\n\nThe ministry will report in June.\n")
    assert len(top.blocks) == 4  # a count over the post opens no comments


@pytest.mark.parametrize("top, source, title", [
    ("STRAIT SIGNALS\nnotes on ships, chips and the spaces between\n\n", "Strait Signals",
     "Is Taiwan's drone push working? A progress report"),
    ("STRAIT SIGNALS\n\n", None, "Is Taiwan's drone push working? A progress report"),  # no motto: a label
])
def test_a_name_in_capitals_over_its_motto(top, source, title):
    head = masthead(*_cleaned(f"{top}Is Taiwan's drone push working? A progress report\n\n"
                              "Posted by Mei-ling Huang-Carter on May 9, 2026 · 6 min read\n\n"
                              "Taiwan ordered 3,200 military drones from local makers last year, officials said.\n"))
    assert (head.source, head.title) == (source, title)
    if source:
        assert (head.author, head.date) == ("Mei-ling Huang-Carter", dt.date(2026, 5, 9))


@pytest.mark.parametrize("text, date", [
    ("Thứ Ba, 17/03/2026 - 09:15 (GMT+7)", dt.date(2026, 3, 17)),  # a day past 12 first: day first
    ("Posted 03/17/2026", dt.date(2026, 3, 17)),  # a day past 12 second: month first
    ("Posted 03/05/2026", None),  # either order: unknown, never guessed
    ("Rule 1/13/2026b", None),
])
def test_a_date_with_slashes_is_read_only_when_its_order_shows(text, date):
    from generator.extract.dates import full_date

    assert full_date(text) == date


def test_a_long_headline_takes_no_date_line_or_buttons_as_its_end():
    cleaned = clean("Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on April 9, 2026\n"
                    "Updated: April 09, 2026 20:14\n[Print]  [Close]\n\nMao Ning: Premier Li Qiang will visit.\n")
    assert cleaned.blocks[0].text == "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on April 9, 2026"


@pytest.mark.parametrize("line, label", [
    ("ARTS & CULTURE | Shanghai", True), ("Opinion | Taipei", True),
    ("Shanghai | Taipei", False),  # places alone: no section named
    ("Opinion | The truce cannot last", False),  # a rubric over a headline
])
def test_a_sections_name_and_a_place_between_pipes_is_a_label(line, label):
    from generator.extract.structure import _rubric_and_places

    assert _rubric_and_places(line) is label


@pytest.mark.parametrize("line, crumb", [
    ("Home > Press and Media Service > Spokesperson's Remarks", True),
    ("China > Press and Media Service > Remarks", False),  # long parts only after "Home"
])
def test_a_breadcrumb_from_home_may_hold_longer_parts(line, crumb):
    assert ("breadcrumb" in [d.reason for d in clean(f"{line}\n\nThe ministry said talks would resume.\n").dropped]) \
        is crumb


@pytest.mark.parametrize("top, source, title", [
    ("THE WHITE HOUSE\n\nBriefing Room\nStatements & Releases\n\n", "The White House",
     "Readout of the Vice President's Meeting with President Marcos"),
    ("THE PACIFIC LEDGER\n\nToday\n\n", "The Pacific Ledger", "Readout of the Vice President's Meeting with President Marcos"),
])
def test_an_issuers_name_in_capitals_and_its_sites_sections(top, source, title):
    head = masthead(*_cleaned(f"{top}Readout of the Vice President's Meeting with President Marcos\n\nMay 12, 2026\n\n"
                              "The Vice President met President Marcos in Manila on Monday, officials said.\n"))
    assert (head.source, head.title) == (source, title)


def test_a_byline_and_date_in_label_form_are_no_fact_box():
    head = masthead(*_cleaned("Drills resume near Kinmen after a quiet week\n\nBy: Ann Lee\nDate: March 4, 2026\n\n"
                              "Taiwan said on Monday that drills resumed near Kinmen.\n"))
    assert (head.author, head.date) == ("Ann Lee", dt.date(2026, 3, 4))


@pytest.mark.parametrize("line, reason", [
    ("We use cookies to measure traffic and improve the site. [Accept all] [Manage settings]", "cookie notice"),
    ("This site uses cookies. By continuing to browse you agree to our use of cookies.", "cookie notice"),
    ("We value your privacy", "cookie notice"),
    ("Regulators said the app never told its users that it would use cookies to follow them.", None),
    ("Skip to main content", "button"),
    ("Jump to navigation Jump to search", "button"),
    ("Share: 🅕 𝕏 ✉ 🔗", "button"),
    ("Share prices fell in Seoul on Monday.", None),
    ("🔊 Listen to article (7 min)   🎁 Gift this article   💬 312", "button"),
    ("Listen to article 7 times a day, the coach said.", None),
    ("[f]  [𝕏]  [in]  [✉]    ☆ Save article", "button"),  # logos in brackets, then a button
    ("[Note] [Draft] Officials said the talks would resume.", None),
])
def test_a_pages_cookie_notice_and_its_readers_buttons_are_left_out(line, reason):
    assert_left_out_or_kept(line, reason)


@pytest.mark.parametrize("line, menu", [
    ("☰ Menu    Episodes    Guests    About    Search 🔍", True),  # the symbols beside its items
    ("Markets  ▾   Transcripts  ▾   Premium   Log in", True),
    ("COSPA  |  Research   Imagery Briefs   Data   Events   About", True),  # a pipe between wide spaces
    ("中文 | English | Sitemap | Contact us", True),  # four between pipes, a site's own pages
    ("Taiwan | Tariffs | Rare earths | Korea", False),  # four subjects: a digest's headline
])
def test_a_sites_menu_at_the_top_is_left_out(line, menu):
    cleaned = clean(f"{line}\n\nOfficials met on Monday to discuss the budget.\n")
    assert [d.reason for d in cleaned.dropped] == (["navigation"] if menu else [])


def test_a_breadcrumb_is_read_past_the_menu_and_notice_over_it():
    cleaned = clean("Skip to main content\nHome | About | Sitemap | Contact us\n\n"
                    "We use cookies. [Accept all]\n\nMINISTRY OF TRADE\n\nHome › Services › Guidance › FAQs\n\n"
                    "Licences for gallium exports now take thirty days, the ministry said on Monday.\n")
    assert "breadcrumb" in [d.reason for d in cleaned.dropped]


def test_a_paywalls_offers_under_it_are_left_out():
    cleaned = clean("The talks stalled on Thursday, and both sides said they would meet again.\n\n"
                    "Subscribe to continue reading\nGet unlimited access to our journalism.\n\n"
                    "◉ Digital Basic   $1 for 6 months\nThen $19.99/month after intro period. Cancel anytime.\n"
                    "Includes the app and the Weekend Edition.\n\n[ Continue ]\n")
    assert [b.text for b in cleaned.blocks] == ["The talks stalled on Thursday, and both sides said they would "
                                                "meet again."]
    # one priced line after a subscription prompt is the story's own
    kept = clean("Subscribe to continue reading\n\nThe subsidy costs $4 per household, officials said.\n")
    assert [b.text for b in kept.blocks] == ["The subsidy costs $4 per household, officials said."]


@pytest.mark.parametrize("rule", ["━━━━━━━━━━━━", "––––––––––––", "═════"])
def test_a_drawn_rule_between_paragraphs_is_no_text(rule):
    cleaned = clean(f"Officials met on Monday.\n\n{rule}\n\nThe talks went on.\n")
    assert [b.text for b in cleaned.blocks] == ["Officials met on Monday.", "The talks went on."]


def test_a_desks_timed_entries_are_stories_tagged_apart():
    text = ("Morning brief\n\n07:45 — Truce holding, Bessent says after call\n\n"
            "Treasury Secretary Scott Bessent said the trade truce with Beijing was holding after a call with "
            "Vice Premier He Lifeng, and tariffs on soybeans stay suspended.\n\n"
            "08:20 — Taiwan reports Chinese aircraft near the island\n\n"
            "Taiwan's defence ministry said 23 Chinese military aircraft were detected around Taiwan, and "
            "Taipei scrambled jets.\n")
    stories = {s.title: [t.slug for t in s.tags if t.about] for s in _article(text).sections}
    assert stories["07:45 — Truce holding, Bessent says after call"] == ["trade-truce"]
    assert stories["08:20 — Taiwan reports Chinese aircraft near the island"] == ["taiwan"]


def test_a_numbered_line_with_bold_words_keeps_the_words_after_them():
    cleaned = clean("Officials met on Monday.\n\n1. **Rare earths** shipments resumed on Monday.\n")
    assert "shipments resumed on Monday" in " ".join(line for b in cleaned.blocks for line in b.lines)
    heading = clean("Officials met on Monday.\n\n1. **Rare earth licences resume**\n\nThe ministry said so.\n")
    assert ("h", ("1. Rare earth licences resume",)) in [(b.kind, b.lines) for b in heading.blocks]


FORWARDED_NOTE = """[EXTERNAL] CAUTION: This email originated from outside of the organization.

From: Tom Brandt <tom@example.com>
Sent: Wednesday, November 12, 2025 9:14 AM
Subject: Fwd: Quick take on magnet licences

Team, worth five minutes before Thursday.

Sent from my iPhone

---------- Forwarded message ---------
From: Priya Raman <priya@example.com>
Date: Mon, Nov 10, 2025 at 7:52 AM
Subject: Quick take on magnet licences

Beijing's suspension of the October rare-earth measures does not end the licence regime for dysprosium.

Every shipment still needs a dual-use export licence from the commerce ministry.

Best,
Priya

--
Priya Raman
Director, Critical Minerals Research
Harbour Ridge Advisory LLP
CONFIDENTIALITY NOTICE: This email and any attachments are confidential.
"""


def test_a_forwarded_note_is_read_without_the_forwarders_words_and_signature():
    article = _article(FORWARDED_NOTE)
    assert (article.title, article.date, article.author, article.source) == (
        "Quick take on magnet licences", dt.date(2025, 11, 10), "Priya Raman", "Harbour Ridge Advisory LLP")
    text = " ".join(line for s in article.sections for b in s.blocks for line in b.lines)
    assert text.startswith("Beijing's suspension") and text.endswith("from the commerce ministry.")


def test_a_forwards_sender_is_not_its_writer():
    article = _article("From: Tom Brandt <tom@example.com>\nSubject: Fwd: Magnet licences\n\n"
                       "Beijing's suspension of the October rare-earth measures does not end the licence regime.\n")
    assert article.author is None
    # a closing word without a signature after it stays as written in a story with no email header
    assert [b.text for b in clean("The talks ended.\n\nBest,\nPriya\n").blocks][-1] == "Priya"


TRANSCRIPT = """Acme Magnetics Q3 2025 Earnings Call Transcript

Operator

Good morning, and welcome to the Acme Magnetics earnings call. Please go ahead.

Julia Marchetti -- Vice President, Investor Relations

Thank you. Today's remarks include forward-looking statements about dysprosium supply.

Robert Ainsley-Chu -- President and Chief Executive Officer

Every shipment of dysprosium from China needed an export licence from the commerce ministry this quarter.

Marcus Feld -- Halvorsen Securities -- Analyst

What happens to your rare earth magnets if licence approvals slip?

Sunita Rao -- Chief Financial Officer

We hold five months of rare-earth inventory, so the magnets keep shipping.
"""


def test_a_transcripts_speakers_set_before_their_words_are_people_of_one_story():
    article = _article(TRANSCRIPT)
    assert len(article.sections) == 1
    assert article.sections[0].blocks[0].text.startswith("Operator: Good morning")
    people = [e.name for e in article.entities if e.kind == "people"]
    assert people == ["Julia Marchetti", "Robert Ainsley-Chu", "Marcus Feld", "Sunita Rao"]


@pytest.mark.parametrize("text, people", [
    ("The note was signed by Mara Okonkwo-Lin, the desk's editor.", ["Mara Okonkwo-Lin"]),  # a hyphenated surname
    ("Supply Chains — Beijing's move surprised traders.", []),  # a dash with no title after it
    ("Call participants\nJulia Marchetti -- Vice President, Investor Relations\n"
     "Robert Ainsley-Chu -- President", ["Julia Marchetti", "Robert Ainsley-Chu"]),  # never across lines
    ("Director-General Yeh Pei-chun said the rules take effect in March.", ["Yeh Pei-chun"]),
])
def test_names_by_a_dash_and_a_title_and_hyphens(text, people):
    found = [e.name for e in find_entities([("", Prose(text.split("\n")) if "\n" in text else text)])
             if e.kind == "people"]
    assert found == people


def test_a_firm_in_a_byline_is_the_source_not_the_author():
    from generator.extract.structure import byline, byline_source

    assert (byline("By CallScribe Transcripts"), byline_source("By CallScribe Transcripts")) == (
        None, "CallScribe Transcripts")
    assert (byline("By Ann Lee"), byline_source("By Ann Lee")) == ("Ann Lee", None)


SPEECH = """Straits Security Forum 2025  |  Transcripts & Speeches
Home › Programme › Plenary Sessions

THIRD PLENARY SESSION: Keeping the Sea Lanes Open

Remarks by the Hon. Teresita M. Valdehueza
Secretary of National Defense, Republic of the Philippines

Singapore, 31 May 2025

CHECK AGAINST DELIVERY

Thank you, Chair. I will speak this morning about the South China Sea and the shoals our coast guard patrols.
"""


def test_a_speech_page_names_its_forum_speaker_and_day():
    article = _article(SPEECH)
    assert (article.title, article.source, article.author, article.date) == (
        "THIRD PLENARY SESSION: Keeping the Sea Lanes Open", "Straits Security Forum 2025",
        "Teresita M. Valdehueza", dt.date(2025, 5, 31))
    assert article.sections[0].blocks[0].text.startswith("Thank you, Chair.")


@pytest.mark.parametrize("line, author", [
    ("Remarks by the Hon. Teresita M. Valdehueza", "Teresita M. Valdehueza"),
    ("Statement by the Press Secretary on the Missile Launch", None),  # a headline: a title, not a name
    ("Keynote address by H.E. Ana Reyes", "Ana Reyes"),
])
def test_a_speakers_line(line, author):
    from generator.extract.structure import byline

    assert byline(line) == author


def test_an_honorific_abbreviation_ends_no_sentence():
    assert sentences("Remarks by the Hon. Teresita Valdehueza opened the day. Delegates listened.") == [
        "Remarks by the Hon. Teresita Valdehueza opened the day.", "Delegates listened."]


def test_a_long_correction_in_bold_a_breadcrumb_with_a_button_and_a_long_date_line():
    text = ("The Harbour Review\nWorld  ›  Asia  ›  Korean Peninsula          [ Subscribe ]\n\n"
            "> **Correction, March 3:** An earlier version of this story misstated the location of the launch "
            "ceremony. It took place at the Nampho shipyard on the west coast, not at Chongjin. The story also "
            "incorrectly described the destroyer as the second of its class; it is the third of the class.\n\n"
            "# North Korea launches third heavy destroyer\n\nBy Jonah Whitcombe\n"
            "Published February 27, 2026  ·  Updated March 3, 2026  ·  6 min read\n\n"
            "North Korean leader Kim Jong Un presided over the launch of a third destroyer on Thursday.\n")
    article = _article(text)
    assert (article.title, article.date, article.author) == (
        "North Korea launches third heavy destroyer", dt.date(2026, 2, 27), "Jonah Whitcombe")
    reasons = {d.reason for d in article.dropped}
    assert {"correction", "breadcrumb"} <= reasons
    assert [b.text for s in article.sections for b in s.blocks] == [
        "North Korean leader Kim Jong Un presided over the launch of a third destroyer on Thursday."]


WORKING_PAPER = """CENTRE FOR ECONOMIC STATECRAFT
Working Paper Series

Working Paper No. 25-117
This version: 14 October 2025  (first circulated: March 2024)
PRELIMINARY DRAFT — please do not cite or circulate without the authors’ permission

   Chokepoints and Workarounds: Firm-Level Evidence on U.S.
   Semiconductor Export Controls and Chinese Importers

Helena Marchetti¹, Tomoaki Kuribayashi², and Sun-hee Baek¹ ²

¹ Department of Economics, University of Eastmoor
² Institute for International Trade Policy, Hokuriku Graduate School

Abstract

We study how Chinese firms responded to the semiconductor export controls imposed by the United States.
"""


def test_a_working_papers_first_page():
    article = _article(WORKING_PAPER)
    assert (article.title, article.date, article.source, article.author) == (
        "Chokepoints and Workarounds: Firm-Level Evidence on U.S. Semiconductor Export Controls and Chinese "
        "Importers", dt.date(2025, 10, 14), "Centre for Economic Statecraft",
        "Helena Marchetti, Tomoaki Kuribayashi, and Sun-hee Baek")
    assert "affiliation" in {d.reason for d in article.dropped}
    assert [b.text for s in article.sections for b in s.blocks] == [
        "We study how Chinese firms responded to the semiconductor export controls imposed by the United States."]


def test_a_title_wrapped_after_an_abbreviation_goes_on():
    cleaned = clean("Chokepoints and Workarounds: Firm-Level Evidence on U.S.\nSemiconductor Export Controls\n\n"
                    "Washington made demands. The audience was not only Beijing but also the U.S.\n"
                    "John Noh, the nominee, agreed.\n")
    assert [b.text for b in cleaned.blocks] == [
        "Chokepoints and Workarounds: Firm-Level Evidence on U.S. Semiconductor Export Controls",
        "Washington made demands. The audience was not only Beijing but also the U.S.",
        "John Noh, the nominee, agreed."]


def test_a_ministrys_release_with_its_headline_in_two_scripts():
    text = ("::: Home > News > Press Releases\nMinistry of Economic Affairs, R.O.C. (Taiwan)\n"
            "A-  A  A+   |  中文  |  English  |  Sitemap\n\n"
            "經濟部新增9家實體至出口管制名單\nMOEA Adds Nine Entities to Its Export Control Entity List\n\n"
            "Publish Date：2026-02-26      Last updated：2026-02-27      Views：1,482\nDepartment：Trade Administration\n\n"
            "FOR IMMEDIATE RELEASE\n\n"
            "Taipei, February 26, 2026 — The ministry today added nine foreign entities to its export control list "
            "for advanced chips.\n")
    article = _article(text)
    assert (article.title, article.source, article.date) == (
        "MOEA Adds Nine Entities to Its Export Control Entity List", "Ministry of Economic Affairs, R.O.C. (Taiwan)",
        dt.date(2026, 2, 26))
    assert [b.text for s in article.sections for b in s.blocks] == [
        "Taipei, February 26, 2026 — The ministry today added nine foreign entities to its export control list "
        "for advanced chips."]


def test_a_standfirst_over_a_date_beside_the_pages_buttons():
    text = ("THE MERIDIAN REVIEW\n\n# Controls are a tax on trust, says a veteran of Taiwan's chip fabs\n\n"
            "For three decades she helped build the factories that make the most advanced processors.\n\n"
            "Interview by Julian Okafor\n27 February 2026  ·  Listen to this article ▶ 14 min  ·  🎁 Gift this article\n\n"
            "Lin Hsiao-wen spent 28 years in fab operations in Hsinchu before export controls reshaped her work.\n")
    article = _article(text)
    assert (article.date, article.author) == (dt.date(2026, 2, 27), "Julian Okafor")
    assert len(article.sections) == 1


def test_a_desks_brief_is_titled_by_its_entries():
    text = ("THE PACIFIC LEDGER · LIVE\n\nTuesday, 11 November 2025\n\n"
            "07:45 — **Truce holding, Bessent says after call**\n\n"
            "Treasury Secretary Scott Bessent said the trade truce with Beijing was holding after a call with "
            "Vice Premier He Lifeng.\n\n08:20 — **Taiwan reports Chinese aircraft near the island**\n\n"
            "Taiwan's defence ministry said 23 Chinese military aircraft were detected around Taiwan.\n")
    article = _article(text)
    assert (article.source, article.date) == ("The Pacific Ledger", dt.date(2025, 11, 11))
    assert article.title == "Truce holding, Bessent says after call | Taiwan reports Chinese aircraft near the island"
    assert [s.title for s in article.sections] == ["07:45 — Truce holding, Bessent says after call",
                                                   "08:20 — Taiwan reports Chinese aircraft near the island"]


@pytest.mark.parametrize("line, reason", [
    ("▲", "ornament"), ("1.4k", "engagement"),  # a thread's vote arrows and score
    ("1.4k points (93% upvoted)", "engagement"),
    ("412   Reply   Share   Report   Save", "engagement"),  # a reply's score before its buttons
    ("412 delegates met in Seoul.", None),
    ("level 2\nu/ferrite_and_fury  OP", "handle"),
    ("· 5 hr. ago", "timestamp"),
    ("submitted 5 hours ago by u/ferrite_and_fury", "handle"),
    ("Search r/SupplyChainWatch", "handle"),
    ("Search teams reached the village on Monday.", None),
    ("[deleted]", "button"),
])
def test_a_forum_threads_marks_are_left_out(line, reason):
    assert_left_out_or_kept(line, reason)


def test_a_forums_name_over_its_post():
    article = _article("r/SupplyChainWatch\n\nMagnet stocks are down to six weeks. How worried should we be? "
                       "(self.SupplyChainWatch)\n\nI work in procurement, and our rare earth magnet supplier in "
                       "Ningbo says export licence approvals now take 45 days.\n")
    assert (article.source, article.title) == ("r/SupplyChainWatch",
                                               "Magnet stocks are down to six weeks. How worried should we be?")


@pytest.mark.parametrize("line, motto", [
    ("Asia-Pacific security & trade, every Friday", True),
    ("Notes on ships and chips, every week", True),
    ("Officials meet every Friday.", False),  # a sentence
])
def test_a_newsletters_motto_says_when_it_comes(line, motto):
    from generator.extract.structure import _motto
    from generator.model import Block

    assert _motto(Block("p", (line,), 2)) is motto


@pytest.mark.parametrize("sentence, value", [
    ("Under the trade truce, China will remove retaliatory duties on US soybeans.", None),  # undoing, not a move
    ("Under the trade truce, China imposed retaliatory duties on US soybeans.", "escalation"),
    ("The US and China announced tariff reductions under the trade truce.", "de-escalation"),
])
def test_undoing_a_retaliation_is_no_escalation(sentence, value):
    assert_signal(sentence, value)


def test_a_wire_page_with_its_tools_source_line_and_end_mark():
    text = ("Home  >  English  >  China  >  Business\nFont size:  A+  |  A-        Print  |  Close\n\n"
            "China approves first general licences for rare-earth exports\n\n"
            "Source: Huayu English | 2026-03-05 20:41:17\n\n"
            "Share to:   WeChat   Weibo   Facebook   X   LinkedIn   ✉\n\n"
            "BEIJING, March 5 (Huayu) -- China's commerce ministry approved the first general licences for "
            "rare-earth magnet exports on Thursday.\n\nEnditem\n\nEditor: Zhang Wei\n")
    article = _article(text)
    assert (article.title, article.date) == ("China approves first general licences for rare-earth exports",
                                             dt.date(2026, 3, 5))
    assert [b.text for s in article.sections for b in s.blocks] == [
        "BEIJING, March 5 (Huayu) -- China's commerce ministry approved the first general licences for rare-earth "
        "magnet exports on Thursday."]


def test_a_posts_letters_from_the_maths_block_are_read_as_letters():
    cleaned = clean("𝟭. 𝗧𝗵𝗲 𝗰𝗵𝗼𝗸𝗲𝗽𝗼𝗶𝗻𝘁 𝗶𝘀 𝗺𝗶𝗱𝘀𝘁𝗿𝗲𝗮𝗺\n\nRefining, not mining, is where rare earths get stuck.\n")
    assert [b.text for b in cleaned.blocks] == ["1. The chokepoint is midstream",
                                                "Refining, not mining, is where rare earths get stuck."]


def test_a_profiles_name_twice_over_its_headline_and_date():
    text = ("Rare Earths Aren’t Rare. Processing Capacity Is\n\nDaniel Okonkwo-Reyes\nDaniel Okonkwo-Reyes\n"
            "VP, Critical Minerals Strategy at Northvale Materials | Board Advisor | Building supply chains\n"
            "Published on March 3, 2026\n\n"
            "Every few months the same headline comes around about rare earths and magnet supply.\n")
    article = _article(text)
    assert (article.author, article.date) == ("Daniel Okonkwo-Reyes", dt.date(2026, 3, 3))


@pytest.mark.parametrize("caps, title", [
    ("TRUCE HOLDS AS BESSENT AND HE LIFENG TALK SOYBEANS", "Truce Holds As Bessent and He Lifeng Talk Soybeans"),
    ("KIM JONG UN WATCHES MISSILE SALVO", "Kim Jong Un Watches Missile Salvo"),  # a listed name of several words
    ("US AND UN ENVOYS MEET", "US and UN Envoys Meet"),  # acronyms stay
])
def test_a_headline_in_capitals_as_written(caps, title):
    from generator.extract.structure import _as_title

    assert _as_title(caps) == title


def test_a_writers_credit_then_an_editors():
    from generator.extract.structure import reporter
    from generator.model import Dropped

    assert reporter((Dropped(48, "credits", "Written by Hana Sato-Whitfield. Edited by Owen Marsh."),)) == \
        "Hana Sato-Whitfield"


def test_a_newsletters_name_edition_line_curator_poll_and_sponsor():
    text = ("THE INDO-PACIFIC MINUTE\nWeek in Review — Issue No. 87 · Friday, 13 March 2026\n"
            "Curated by Hana Lindqvist · 6 min read\n\n## China\n\n"
            "US and Chinese negotiators said the trade truce is holding after two days of talks on tariffs.\n\n"
            "## Taiwan\n\nTaiwan's legislature passed the special defence budget after a long fight.\n\n"
            "🗳️ **Vote: Will the truce hold? Yes / No**\n\n— SPONSORED —\n"
            "**Navigating export controls?** Ledgerline screens every shipment against the Entity List.\n"
            "— END SPONSORED —\n")
    article = _article(text)
    assert (article.source, article.date, article.author) == ("The Indo-Pacific Minute", dt.date(2026, 3, 13),
                                                              "Hana Lindqvist")
    text_kept = " ".join(b.text for s in article.sections for b in s.blocks)
    assert "Ledgerline" not in text_kept and "Vote" not in text_kept
    assert [s.title for s in article.sections] == ["China", "Taiwan"]


def test_a_feeds_timed_lines_are_never_one_paragraph():
    cleaned = clean("07:02\t*CHINA'S MOFCOM SAYS IT APPROVED MORE GENERAL LICENCES FOR RARE-EARTH MAGNET EXPORTS\n"
                    "07:05\t*LYNAS SHARES DROP 5.8% AT SYDNEY OPEN ON THE NEWS FROM BEIJING THIS MORNING\n")
    assert len(cleaned.blocks) == 2


def test_a_japanese_date_line_with_its_era_dates_the_page():
    head = masthead(*_cleaned("関東経済日報　KANTO KEIZAI NIPPO\n令和8年4月2日（木）　2026年4月2日\n\n"
                              "Japan to triple its rare-earth stockpile target\n\n"
                              "The government decided on Thursday to raise the stockpile target for heavy rare earths.\n"))
    assert head.date == dt.date(2026, 4, 2)


def test_an_encyclopedias_edit_marks_footer_and_last_edited_date():
    text = ("2026 Penang Tariff Pause Agreement\n\nNegotiations[edit]\n\n"
            "Negotiators from the United States and China met in Penang to agree a pause in tariffs.[1]\n\n"
            " This page was last edited on 2 April 2026, at 09:14 (UTC).\n"
            "Text is available under the Creative Commons Attribution-ShareAlike License; additional terms may "
            "apply.\nPrivacy policy\tAbout Panopedia\tDisclaimers\tContact Panopedia\tMobile view\n")
    article = _article(text)
    assert article.date == dt.date(2026, 4, 2)
    assert [s.title for s in article.sections][-1] == "Negotiations"
    assert [b.text for s in article.sections for b in s.blocks] == [
        "Negotiators from the United States and China met in Penang to agree a pause in tariffs."]


def test_a_threads_handle_is_a_line_of_its_own_and_read_on_x_is_a_button():
    cleaned = clean("Ines Takahara-Reyes\n@shoalwatch_ines\nmaritime analyst | views my own\n\n"
                    "1/ What happened at Second Thomas Shoal yesterday was a test of a new tactic.\n\nRead on X\n")
    assert [d.reason for d in cleaned.dropped] == ["post author", "handle", "button"]
    assert "maritime analyst | views my own" in [b.text for b in cleaned.blocks]


def test_a_sites_name_and_section_over_its_breadcrumb_and_a_short_headline_under_it():
    text = ("UK Parliament\nWritten questions, answers and statements\n\n"
            "Home  ›  Written questions and answers  ›  HL4872\n\nExport Controls: China\n\n"
            "Question for Department for Business and Trade\n\n"
            "To ask the Government what assessment it has made of export controls on advanced chips to China.\n")
    article = _article(text)
    assert (article.title, article.source) == ("Export Controls: China", "UK Parliament")


@pytest.mark.parametrize("line, reason", [
    ("Translated by Lena Fischbach for The Bund Brief", "credits"),
    ("Reporting by Ann Lee for Reuters", "credits"),
    ("Translated by state media for domestic audiences, the statement softened.", None),
])
def test_a_credit_for_an_outlet(line, reason):
    assert_left_out_or_kept(line, reason)


def test_a_long_translators_note_in_brackets_is_left_out():
    note = ("[Translator's note: What follows is a full translation of a piece published on a WeChat public "
            "account that covers trade, which circulated widely over the weekend and which we have kept close "
            "to the original, including its section headings and its fondness for four-character phrases.]")
    cleaned = clean(f"{note}\n\nThe truce between Washington and Beijing has held for four months now.\n")
    assert [d.reason for d in cleaned.dropped] == ["wire note"]


def test_a_magazines_drop_cap_back_link_and_photographer():
    text = ("THE TIDEWATER REVIEW\n‹ Back to Features\n\nLONG READ\n\nThe Shoal Is Still There\n\n"
            "By Marisol Agbayani\nPhotographs by Teodoro Rivas\nMarch 9, 2026  ·  22 min read\n\n"
            "T\nhe morning the ships came, the fishermen of Masinloc had been at sea near Scarborough Shoal.\n")
    article = _article(text)
    assert (article.title, article.source, article.author, article.date) == (
        "The Shoal Is Still There", "The Tidewater Review", "Marisol Agbayani", dt.date(2026, 3, 9))
    assert [b.text for s in article.sections for b in s.blocks] == [
        "The morning the ships came, the fishermen of Masinloc had been at sea near Scarborough Shoal."]


@pytest.mark.parametrize("line, menu", [
    ("LEDGERLINE   ≡ Menu   Markets   Policy   Explainers   Log in", True),
    ("Home  ›  Fact Checks  ›  Taiwan", False),  # a breadcrumb, not a menu
])
def test_a_menus_hamburger_sign(line, menu):
    cleaned = clean(f"{line}\n\nOfficials met on Monday to discuss the budget.\n")
    assert ("navigation" in [d.reason for d in cleaned.dropped]) is menu


def test_a_newsletters_html_source_with_its_doctype_preheader_and_edition_line():
    page = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/x.dtd">\n'
            '<html><body>\n<span style="display:none;font-size:1px;">A preview only inboxes show</span>\n'
            '<p>Issue #212 · Tuesday, November 4, 2025 · By Hana Lindqvist (Singapore) and Joon-ho Park (Seoul)</p>\n'
            '<h2>1. The truce, now with paperwork</h2>\n'
            '<p>US and Chinese negotiators signed the text of the trade truce in Busan on Thursday.</p>\n'
            '<h2>2. North Korea: Kim at the slipway</h2>\n'
            '<p>Kim Jong Un watched a destroyer launched at the Nampho shipyard, North Korean media said.</p>\n'
            '</body></html>\n')
    article = _article(page)
    assert (article.date, article.author) == (dt.date(2025, 11, 4), "Hana Lindqvist and Joon-ho Park")
    text = " ".join(b.text for s in article.sections for b in s.blocks) + " ".join(s.title for s in article.sections)
    assert "DOCTYPE" not in text and "preview only" not in text


def test_a_wire_flash_in_capitals():
    text = ("ACP  FLASH  0114 GMT  07/11/2025   ASIA CONTINENTAL PRESS -- ASIA SERVICE\n"
            "PRIORITY: URGENT      SLUG: NKOREA-MISSILE/ (UPDATE 1)      WORDS: 318\n"
            "========================================================================\n\n"
            "NORTH KOREA FIRES BALLISTIC MISSILE TOWARD EAST SEA, SOUTH KOREAN MILITARY SAYS\n\n"
            "SEOUL, NOV 7 (ACP) - NORTH KOREA FIRED AT LEAST ONE SHORT-RANGE BALLISTIC MISSILE OFF ITS EAST COAST "
            "ON FRIDAY MORNING, SOUTH KOREA'S JOINT CHIEFS OF STAFF SAID.\n\n"
            "(REPORTING BY KWON JI-HOON; EDITING BY MARTIN ASHCROFT)\n"
            "((SEOUL NEWSROOM +82 2 3701 5500; SEOUL.DESK@ACPNEWS.EXAMPLE))\n\n"
            "KEYWORDS: NORTHKOREA MISSILES/ (URGENT)  ASIA  DEFENCE  POL  JAPAN  SKOREA\n")
    article = _article(text)
    assert article.title == "NORTH KOREA FIRES BALLISTIC MISSILE TOWARD EAST SEA, SOUTH KOREAN MILITARY SAYS"
    assert article.author == "Kwon Ji-Hoon" and article.source == "ACP"
    assert [b.text[:20] for s in article.sections for b in s.blocks] == ["SEOUL, NOV 7 (ACP) -"]


def test_a_broadcast_transcripts_page():
    text = ("PBN  |  TRANSCRIPTS\nHome  >  Transcripts  >  Asia Tonight\n\nReturn to Transcripts main page\n\n"
            "ASIA TONIGHT\n\nNorth Korea Says Spy Satellite Reached Orbit; Seoul Condemns Launch. Aired 9-10p ET\n\n"
            "Aired January 22, 2026 - 21:00   ET\n\n"
            "THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM AND MAY BE UPDATED.\n\n[21:00:04]\n\n"
            "ANCHOR: Good evening. North Korea says it has placed a reconnaissance satellite in orbit.\n")
    article = _article(text)
    assert (article.title, article.date, article.source) == (
        "North Korea Says Spy Satellite Reached Orbit; Seoul Condemns Launch", dt.date(2026, 1, 22), "PBN")
    assert [b.text for s in article.sections for b in s.blocks] == [
        "ANCHOR: Good evening. North Korea says it has placed a reconnaissance satellite in orbit."]


# Pages and what their masthead names (title, source, author, date): one shape each
MASTHEADS = [
    pytest.param("MINISTRY OF COMMERCE AND ECONOMIC SECURITY\n"
                 "Bureau of Strategic Trade Control\n"
                 "\n"
                 "Frequently asked questions on dual-use licences\n"
                 "\n"
                 "This page answers exporters' questions about licences for gallium and germanium items.\n",
                 {
                     "title": "Frequently asked questions on dual-use licences",
                     "source": "Ministry of Commerce and Economic Security",
                 }, id="public_bodys_name_in_capitals_over_its_page_is_the_source"),
    pytest.param("THE QUARTERLY LANTERN\n"
                 "Books & Ideas  /  Reviews\n"
                 "\n"
                 "# Ballots before bullets: how Taiwan talked its way out of martial law\n"
                 "\n"
                 "Reviewed by **Tobias Arkwright**\n"
                 "April 7, 2026\n"
                 "\n"
                 "Histories of democratisation in Taiwan tend to be written backwards, from the happy ending.\n",
                 {
                     "title": "Ballots before bullets: how Taiwan talked its way out of martial law",
                     "source": "The Quarterly Lantern",
                     "author": "Tobias Arkwright",
                     "date": dt.date(2026, 4, 7),
                 }, id="reviews_publication_section_and_reviewer"),
    pytest.param("NORTHSTAR IMAGERY BRIEFS · No. 2025-19\n"
                 "\n"
                 "Yongbyon: New Hall Beside the Enrichment Plant Nears Completion\n"
                 "\n"
                 "Anneke Vos¹, Min-jae Park², and Thomas R. Ellery¹\n"
                 "¹ Center for Open-Source Proliferation Analysis, Vancouver\n"
                 "\n"
                 "Published: 22 September 2025\n"
                 "\n"
                 "A large new building inside the security perimeter of the Yongbyon plant appears complete.\n",
                 {
                     "title": "Yongbyon: New Hall Beside the Enrichment Plant Nears Completion",
                     "source": "Northstar Imagery Briefs",
                     "author": "Anneke Vos, Min-jae Park, and Thomas R. Ellery",
                     "date": dt.date(2025, 9, 22),
                 }, id="series_and_its_number_over_the_headline"),
    pytest.param("VeriLine Asia\n"
                 "Independent. Nonpartisan. Sourced.\n"
                 "\n"
                 "Home  ›  Fact Checks  ›  Taiwan\n"
                 "\n"
                 "FACT CHECK\n"
                 "\n"
                 "No, this video does not show Chinese warships shelling Kinmen\n"
                 "\n"
                 "By Hana Lindqvist and Wei-ting Chao\n"
                 "Published 14 April 2025, 16:05 GMT+8 | Updated 15 April 2025, 09:30 GMT+8\n"
                 "\n"
                 "Claim: A video posted online shows warships firing at Taiwan's Kinmen islands this week.\n",
                 {
                     "title": "No, this video does not show Chinese warships shelling Kinmen",
                     "source": "VeriLine Asia",
                     "author": "Hana Lindqvist and Wei-ting Chao",
                     "date": dt.date(2025, 4, 14),
                 }, id="fact_checks_page"),
    pytest.param("STRAIT TALK — The Asia Security Podcast\n"
                 "Ep. 147: A Truce With Teeth? Magnets, Tariffs and the Busan Aftermath\n"
                 "\n"
                 "Published November 4, 2025 · 58 min\n"
                 "\n"
                 "This week the hosts unpack what the US–China trade truce means for rare earth magnets.\n",
                 {
                     "title": "Ep. 147: A Truce With Teeth? Magnets, Tariffs and the Busan Aftermath",
                     "source": "Strait Talk",
                     "date": dt.date(2025, 11, 4),
                 }, id="podcasts_name_over_its_episode"),
    pytest.param("OPINION  /  Commentary\n"
                 "Share:  f   𝕏   in   ✉        🔖 Save\n"
                 "\n"
                 "*The author is a senior fellow at a maritime institute in Quezon City.*\n"
                 "\n"
                 "# Beijing's gray-zone playbook is running out of road\n"
                 "\n"
                 "By Maria Teresa Lualhati  |  March 14, 2026, 6:00 a.m.\n"
                 "\n"
                 "For a decade, China's strategy in the South China Sea has rested on a simple bet.\n",
                 {
                     "title": "Beijing's gray-zone playbook is running out of road",
                     "author": "Maria Teresa Lualhati",
                     "date": dt.date(2026, 3, 14),
                 }, id="opinions_rubric_path_and_its_writers_bio_over_the_headline"),
    pytest.param("An official website of the United States government\n"
                 "Here’s how you know\n"
                 "\n"
                 "Official websites use .gov\n"
                 "A .gov website belongs to an official government organization in the United States.\n"
                 "\n"
                 "BUREAU OF INDUSTRY AND SECURITY\n"
                 "U.S. DEPARTMENT OF COMMERCE\n"
                 "\n"
                 "Thursday, March 12, 2026\n"
                 "\n"
                 "Commerce Adds Nine Entities to the Entity List\n"
                 "\n"
                 "WASHINGTON — The bureau today added nine entities that diverted advanced chips to China.\n",
                 {
                     "title": "Commerce Adds Nine Entities to the Entity List",
                     "source": "Bureau of Industry and Security",
                     "date": dt.date(2026, 3, 12),
                 }, id="government_sites_banner_and_its_bureau_under_the_department"),
]


@pytest.mark.parametrize("text, expected", MASTHEADS)
def test_a_pages_masthead(text, expected):
    article = _article(text)
    assert {field: getattr(article, field) for field in expected} == expected


def test_a_date_line_keeps_apart_from_the_share_row_under_it():
    cleaned = clean("Officials met on Monday.\n\nUpdated: 7:42pm, 14 Oct, 2025\nf   𝕏   in   ✉   🔗 Copy link     |   A-  A+\n\n"
                    "🔊 Listen   |   🖨 Print   |   Share:  f   X   ✉\n")
    # (the date line stays, alone, for the masthead to read; the rows of buttons go)
    assert [b.text for b in cleaned.blocks] == ["Officials met on Monday.", "Updated: 7:42pm, 14 Oct, 2025"]
