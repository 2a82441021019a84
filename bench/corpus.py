"""Synthetic seed corpora in the shapes of the real seeds, for the benchmark.

The text is made up here, sentence by sentence, from small vocabularies; nothing is copied from a real
article. Three shapes, as editors paste them:

- ``analysis``: one story, paragraphs only, sometimes with front-matter (title, date, source, author);
- ``edition``: a newsletter — a source line, a "Story A | Story B | Story C" headline, a lead-in, then one
  heading per story, quotes with "said Jane Doe", a sign-off line;
- ``recap``: a "Logo 31 Jan 2026" banner, a "Headline | the weekly recap" line, bullets ("  • "), a
  "What you missed" block of sub-headed items, a signature, a paywall line and the opening repeated as a
  teaser cut short with "...".

Every article is a pure function of (corpus seed, index): the first 1,000 articles of a 10,000-article
corpus are the 1,000-article corpus, so runs of different sizes compare like with like.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

PEOPLE = ["Xi Jinping", "Donald Trump", "Scott Bessent", "Li Qiang", "Lai Ching-te", "Kim Jong Un",
          "Wang Yi", "He Lifeng", "Marco Rubio", "Howard Lutnick", "Jamieson Greer", "Lee Jae-myung",
          "Sanae Takaichi", "Vladimir Putin", "Jensen Huang"]
ORGS = ["Ministry of Commerce", "Commerce Department", "BIS", "USTR", "State Council", "PLA", "Xinhua",
        "TSMC", "Samsung", "Nvidia", "MP Materials", "Lynas", "ASEAN", "European Union", "White House",
        "Central Military Commission", "SK Hynix", "Shenghe Resources"]
PLACES = ["Beijing", "Washington", "Taipei", "Pyongyang", "Seoul", "Tokyo", "Singapore", "Jakarta",
          "Hanoi", "Kuala Lumpur", "Manila", "Canberra", "New Delhi", "Busan", "Shenzhen", "Shanghai",
          "Hong Kong", "the Taiwan Strait", "the South China Sea", "Malaysia", "Vietnam", "Indonesia"]
FIRST = ["Mei", "Daniel", "Priya", "Kenji", "Sofia", "Arun", "Hana", "Lucas", "Min", "Elena", "Tomas",
         "Aisha", "Jun", "Clara", "Ravi", "Yuna", "Oskar", "Leila", "Hiro", "Nadia", "Marco", "Ines",
         "Chen", "Farah", "Jonas", "Keiko", "Victor", "Amara", "Luca", "Sana"]
LAST = ["Tanaka", "Okafor", "Lindqvist", "Moreau", "Castillo", "Novak", "Haddad", "Brennan", "Sato",
        "Kowalski", "Ferreira", "Nakamura", "Osei", "Dubois", "Varga", "Mendes", "Ishikawa", "Keller",
        "Rahman", "Petrov", "Silva", "Yamada", "Larsen", "Quinn", "Bauer", "Costa", "Hoffman", "Iyer"]
AFFILIATIONS = ["Pacific Policy Lab", "Harbor Strategy Group", "Meridian Analytics", "Eastgate Research",
                "Lantern Institute", "Northwind Capital", "Tidewater Advisory", "Summit Minerals Review"]
SOURCES = ["Asia Communique", "Strait Signals", "The Indo-Pacific Ledger", "Supply Chain Weekly",
           "Harbor Briefing", "Red Line Review", "Mineral Markets Digest", "Peninsula Watch"]
TOPICS = {
    "rare-earths": ["rare earth magnets", "rare earths", "critical minerals", "dysprosium refining",
                    "magnet exports", "processing capacity", "rare-earth supply chains"],
    "export-controls": ["export controls", "export licences", "the entity list", "chip restrictions",
                        "licensing requirements", "dual-use equipment", "semiconductor export rules"],
    "trade-truce": ["the trade truce", "tariffs on Chinese goods", "the trade talks", "soybean purchases",
                    "the tariff truce", "the trade deal", "purchase commitments"],
    "taiwan": ["cross-strait tensions", "Taiwan's defence budget", "the Taiwan Strait", "President Lai",
               "Taipei's air defence", "the T-Dome plan", "Taiwan's chip industry"],
    "north-korea": ["North Korea's missile tests", "Pyongyang's nuclear programme", "sanctions on the DPRK",
                    "Kim Jong Un's weapons push", "North Korean troop deployments"],
    "economy": ["property developers", "local government debt", "the invoice lottery", "solar installations",
                "consumer subsidies", "the yuan", "factory output", "export growth"],
}
VERBS = ["tightened", "eased", "reviewed", "extended", "paused", "expanded", "defended", "questioned",
         "signalled support for", "warned against", "pushed back on", "quietly revised"]
ADJECTIVES = ["cautious", "fragile", "steady", "uneven", "abrupt", "measured", "surprising", "long-awaited"]
ANALYSIS = [
    "The move reflects a {adj} recalculation in {place}, where officials weigh {topic} against growth.",
    "{person} {verb} {topic}, according to people familiar with the discussions in {place}.",
    "Markets read the signal as {adj}: shares tied to {topic} moved within hours.",
    "For investors in {place}, the lesson is that {topic} can change faster than supply chains adjust.",
    "Officials at the {org} {verb} {topic} after weeks of {adj} talks.",
    "Analysts expect the {org} to revisit {topic} before the end of the quarter.",
    "The decision adds pressure on {place}, which depends on {topic} more than its neighbours do.",
    "Few expect {topic} to settle quickly, and the {adj} tone of recent statements suggests why.",
    "Behind the headlines, {topic} remains the lever both sides are least willing to give up.",
    "The {org} said it would publish details of {topic} within weeks.",
]
QUOTES = [
    "“This is a {adj} moment for {topic},” said {name} of {aff}.",
    "“Nobody in {place} wants a surprise on {topic},” {name} of {aff} said.",
    "{name}, an analyst at {aff}, said the shift on {topic} was {adj} but real.",
]
FUTURE = [
    "The new rules on {topic} take effect on {date}.",
    "Negotiators are scheduled to meet again in {place} on {date}.",
    "A decision on {topic} is due by {date}.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
SYLLABLES = ["ka", "lo", "mi", "ra", "ven", "tor", "sil", "qua", "dre", "zan", "pel", "oru", "nix", "bel",
             "cor", "fen", "gal", "hul", "ith", "jor"]


class Writer:
    """One article's text; all randomness comes from its own Random, seeded by (corpus seed, index)."""

    def __init__(self, seed: int, index: int):
        self.r = random.Random(seed * 1_000_003 + index)
        self.index = index
        start = dt.date(2019, 1, 1).toordinal()
        self.date = dt.date.fromordinal(start + self.r.randrange(0, 7 * 365))
        self.topics = self.r.sample(sorted(TOPICS), k=self.r.choice((1, 2, 2, 3)))
        # a made-up word only this article holds: what a reader types to find exactly it
        self.codeword = "".join(self.r.choice(SYLLABLES) for _ in range(3)).capitalize() + f"{index:05d}"

    def person(self) -> str:
        return f"{self.r.choice(FIRST)} {self.r.choice(LAST)}"

    def future_date(self) -> str:
        when = self.date + dt.timedelta(days=self.r.randrange(5, 200))
        return f"{MONTHS[when.month - 1]} {when.day}, {when.year}"

    def sentence(self, topic: str) -> str:
        r = self.r
        slots = dict(topic=r.choice(TOPICS[topic]), place=r.choice(PLACES), org=r.choice(ORGS),
                     person=r.choice(PEOPLE), verb=r.choice(VERBS), adj=r.choice(ADJECTIVES),
                     name=self.person(), aff=r.choice(AFFILIATIONS), date=self.future_date())
        roll = r.random()
        pool = QUOTES if roll < 0.12 else FUTURE if roll < 0.17 else ANALYSIS
        return r.choice(pool).format(**slots)

    def paragraph(self, topic: str, n: int | None = None) -> str:
        return " ".join(self.sentence(topic) for _ in range(n or self.r.randint(2, 5)))

    def headline(self, topic: str) -> str:
        words = self.r.choice(TOPICS[topic]).split()
        verb = self.r.choice(["Shift", "Test", "Pressure", "Reset", "Bet", "Standoff", "Gamble", "Pause"])
        place = self.r.choice(PLACES).replace("the ", "")
        return f"{place} and the {verb} Over {' '.join(w.capitalize() for w in words)}"

    def codeword_sentence(self) -> str:
        return f"Insiders call the plan “{self.codeword}”, after the {self.r.choice(ADJECTIVES)} talks that shaped it."

    # --- the three shapes ------------------------------------------------------------------------------

    def analysis(self) -> str:
        r = self.r
        paragraphs = [self.paragraph(r.choice(self.topics)) for _ in range(r.randint(6, 11))]
        paragraphs.insert(r.randint(1, len(paragraphs) - 1), self.codeword_sentence())
        body = "\n".join(paragraphs)
        if r.random() < 0.5:
            head = ["---", f"title: \"{self.headline(self.topics[0])}\"", f"date: {self.date.isoformat()}"]
            if r.random() < 0.6:
                head.append(f"source: {r.choice(SOURCES)}")
            if r.random() < 0.4:
                head.append(f"author: {self.person()}")
            return "\n".join(head + ["---", "", body]) + "\n"
        return body  # like a pasted piece: no front-matter, no final newline

    def edition(self) -> str:
        r = self.r
        stories = [(t, self.headline(t)) for t in self.topics] + \
                  [("economy", self.headline("economy"))] * (len(self.topics) < 2)
        lines = [r.choice(SOURCES), " | ".join(title for _, title in stories)]
        lines.append(f"This week’s developments: {self.paragraph(stories[0][0], 2)} "
                     f"In this edition, we also look at {stories[-1][1].lower()}.")
        for topic, title in stories:
            lines.append(title)
            lines += [self.paragraph(topic) for _ in range(r.randint(3, 6))]
        lines.insert(r.randint(4, len(lines) - 1), self.codeword_sentence())
        lines.append(r.choice(["Thank you for reading!", "Thanks for reading.", "Forward this to a friend."]))
        return "\n".join(lines)

    def recap(self) -> str:
        r = self.r
        d = self.date
        title = f"{self.headline(self.topics[0])} | the weekly recap"
        opening = [self.sentence(self.topics[0]), self.sentence(self.topics[0])]
        out = [f"Logo {d.day} {MONTHS[d.month - 1][:3]} {d.year}", "", title, "", opening[0], "",
               f"  • {opening[1]}", ""]
        for topic in self.topics:
            out += [self.paragraph(topic, 2), ""]
            out += [f"  • {self.sentence(topic)}" for _ in range(r.randint(2, 4))] + [""]
        out += [self.codeword_sentence(), ""]
        out += [f"{self.person()}, Head of Research, {r.choice(AFFILIATIONS)}", "", "What you missed", ""]
        for heading in r.sample(["Econ and finance", "Corporates", "Tech", "Politics", "Foreign affairs"],
                                k=r.randint(2, 4)):
            topic = r.choice(sorted(TOPICS))
            out += [heading, "", self.paragraph(topic, 2), ""]
            out += [f"  • {self.sentence(topic)}" for _ in range(r.randint(2, 3))] + [""]
        out += ["Already a subscriber? Log in.", "", opening[0], "", opening[1][: len(opening[1]) // 2] + "..."]
        return "\n".join(out)

    def text(self) -> str:
        shape = self.r.choices(("analysis", "edition", "recap"), weights=(5, 3, 2))[0]
        return getattr(self, shape)()


def article(seed: int, index: int) -> tuple[str, str, str]:
    """(file name, text, code word) of article ``index`` of the corpus ``seed``."""
    writer = Writer(seed, index)
    text = writer.text()
    return f"{index:05d}_{writer.codeword.lower()}.txt", text, writer.codeword


def write_corpus(folder: Path, n: int, seed: int = 2026) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        name, text, _ = article(seed, i)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":  # print one article of each shape, to eyeball them
    import sys

    for i in range(int(sys.argv[1]) if len(sys.argv) > 1 else 3):
        name, text, _ = article(2026, i)
        print(f"===== {name}\n{text}\n")
