"""How well and how fast enrichment finds places, people, organisations, quotes and figures.

    PYTHONPATH=src python bench/entities_bench.py [--pages 2000] [--seed 0] [-v] [--parse-cost]

Quality: the labelled set ``tests/data/entities_eval_{nl,en,de,fr}.txt`` (written for wiredesk,
80 briefs and articles), scored mention by mention: a found mention is right when its span,
its type and its entity are the label's (a place by its English name, a person by the key of
the surname, an organisation by its id; a label's ``none`` accepts any entity of the type).
Printed per type and language: precision, recall, F1. Quotes: of the labelled quotes, how
many were found (by kind and first words) and how many of those have the right speaker.
Figures: precision and recall of (value, what it counts).

Speed: ``enrich_page`` on pages parsed beforehand (not timed): ``--pages`` generated pages of
1-20 KB (bench/generate.py, nl/en/de/fr) and the labelled set, on one core (CPU time of this
process), as articles (and briefs) per second. ``--parse-cost`` also times what enrichment
adds to reading a capture: ``parse_capture`` alone against ``parse_capture`` and
``enrich_page``, per generated page in CPU time (the best of two alternated runs).

The label format, one story per ``## id`` header::

    H: headline with [Rusland]{place:Russia}
    T: text with [Zelensky]{person:Zelensky} and [NAVO]{org:nato}
    Q: direct|indirect | speaker (person:Surname, org:id, org:none) | first words of the quote
    F: value | what it counts
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from generate import generate_pages

from wiredesk.enrich import Findings, enrich_page, find_all
from wiredesk.enrich.people import person_key
from wiredesk.model import Capture, Page
from wiredesk.parse import parse_capture

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
LANGUAGES = ("nl", "en", "de", "fr")
TYPES = ("place", "person", "organisation")
LABEL_RE = re.compile(r"\[([^\]]+)\]\{(place|person|org):([^}]+)\}")


@dataclass(slots=True, kw_only=True)
class Labelled:
    """One labelled story: its blocks as text, and what should be found in them."""

    id: str
    language: str
    headline: str | None = None
    body: list[str] = field(default_factory=list)
    mentions: set[tuple[int, int, int, str, str]] = field(default_factory=set)
    quotes: list[tuple[str, str, str]] = field(default_factory=list)  # kind, speaker, words
    figures: list[tuple[float, str]] = field(default_factory=list)


def read_set(language: str) -> list[Labelled]:
    stories: list[Labelled] = []
    for line in (DATA / f"entities_eval_{language}.txt").read_text("utf-8").splitlines():
        if line.startswith("## "):
            stories.append(Labelled(id=line[3:].strip(), language=language))
        elif line.startswith(("H: ", "T: ")):
            story = stories[-1]
            block = -1 if line.startswith("H: ") else len(story.body)
            text = _unlabelled(line[3:], block, story)
            if block == -1:
                story.headline = text
            else:
                story.body.append(text)
        elif line.startswith("Q: "):
            kind, speaker, words = (part.strip() for part in line[3:].split("|"))
            stories[-1].quotes.append((kind, speaker, words))
        elif line.startswith("F: "):
            value, counts = (part.strip() for part in line[3:].split("|"))
            stories[-1].figures.append((float(value), counts))
    return stories


def _unlabelled(text: str, block: int, story: Labelled) -> str:
    plain = ""
    position = 0
    for match in LABEL_RE.finditer(text):
        plain += text[position : match.start()]
        kind = "organisation" if match[2] == "org" else match[2]
        start = len(plain)
        plain += match[1]
        story.mentions.add((block, start, len(plain), kind, _key(kind, match[3])))
        position = match.end()
    return plain + text[position:]


def _key(kind: str, label: str) -> str:
    if label == "none":
        return "none"
    if kind == "person":
        return "person:" + person_key(label)
    if kind == "organisation":
        return "org:" + label
    return label


def _found_mentions(findings: Findings) -> set[tuple[int, int, int, str, str]]:
    found = set()
    for entity in findings.entities:
        key = entity.name if entity.type == "place" else entity.id
        for mention in entity.mentions:
            if mention.block != -2:
                found.add((mention.block, mention.start, mention.end, entity.type, key))
    return found


@dataclass(slots=True)
class Score:
    right: int = 0
    found: int = 0
    labelled: int = 0

    def line(self) -> str:
        precision = self.right / self.found if self.found else 1.0
        recall = self.right / self.labelled if self.labelled else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return (
            f"P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}"
            f"  ({self.right} right, {self.found} found, {self.labelled} labelled)"
        )


def score(stories: list[Labelled], verbose: bool) -> None:
    mentions: dict[tuple[str, str], Score] = {}
    quotes: Counter[str] = Counter()
    figures: dict[str, Score] = {}
    for story in stories:
        findings = find_all(story.headline, None, story.body, story.language)
        found = _found_mentions(findings)
        for kind in TYPES:
            tally = mentions.setdefault((kind, story.language), Score())
            labelled = {m for m in story.mentions if m[3] == kind}
            got = {m for m in found if m[3] == kind}
            right = {
                m for m in got
                if m in labelled or (*m[:4], "none") in labelled
            }  # fmt: skip
            tally.right += len(right)
            tally.found += len(got)
            tally.labelled += len(labelled)
            if verbose:
                spans = {m[:4] for m in labelled}
                for miss in sorted(labelled - {m for m in labelled if _hit(m, right)}):
                    print(f"  {story.id} missed {kind}: {_text(story, miss)!r} {miss[4]}")
                for wrong in sorted(got - right):
                    why = "wrong id" if wrong[:4] in spans else "not labelled"
                    print(f"  {story.id} {why} {kind}: {_text(story, wrong)!r} {wrong[4]}")
        _score_quotes(story, findings, quotes, verbose)
        tally = figures.setdefault(story.language, Score())
        got_figures = {(figure.value, (figure.counts or "").lower()) for figure in findings.figures}
        want = {(value, counts.lower()) for value, counts in story.figures}
        tally.right += len(got_figures & want)
        tally.found += len(got_figures)
        tally.labelled += len(want)
        if verbose:
            for miss in sorted(want - got_figures):
                print(f"  {story.id} missed figure {miss}")
            for wrong in sorted(got_figures - want):
                print(f"  {story.id} wrong figure {wrong}")
    print(f"Entities ({len(stories)} labelled stories), mention by mention:")
    for kind in TYPES:
        total = Score()
        for language in LANGUAGES:
            tally = mentions.get((kind, language), Score())
            total.right += tally.right
            total.found += tally.found
            total.labelled += tally.labelled
            print(f"  {kind:<12} {language}   {tally.line()}")
        print(f"  {kind:<12} all  {total.line()}")
    print(
        f"Quotes: {quotes['found']} of {quotes['labelled']} labelled found, "
        f"speaker right for {quotes['speaker']} of them "
        f"({quotes['speaker'] / max(1, quotes['found']):.3f}); "
        f"{quotes['extra']} more found that are not labelled"
    )
    total = Score()
    for language in LANGUAGES:
        tally = figures.get(language, Score())
        total.right += tally.right
        total.found += tally.found
        total.labelled += tally.labelled
        print(f"  figures      {language}   {tally.line()}")
    print(f"  figures      all  {total.line()}")


def _hit(
    labelled: tuple[int, int, int, str, str], right: set[tuple[int, int, int, str, str]]
) -> bool:
    return any(found[:4] == labelled[:4] for found in right)


def _text(story: Labelled, mention: tuple[int, int, int, str, str]) -> str:
    block = story.headline if mention[0] == -1 else story.body[mention[0]]
    return (block or "")[mention[1] : mention[2]]


def _score_quotes(story: Labelled, findings: Findings, tally: Counter[str], verbose: bool) -> None:
    unmatched = list(findings.quotes)
    for kind, speaker, words in story.quotes:
        tally["labelled"] += 1
        quote = next(
            (q for q in unmatched if q.kind == kind and words in q.text.replace("\u00a0", " ")),
            None,
        )
        if quote is None:
            if verbose:
                print(f"  {story.id} missed {kind} quote {words!r}")
            continue
        unmatched.remove(quote)
        tally["found"] += 1
        entity = quote.speaker.entity if quote.speaker else None
        want = _key("person" if speaker.startswith("person:") else "organisation",
                    speaker.split(":", 1)[1]) if speaker != "none" else None  # fmt: skip
        right = entity == want or (want == "none" and entity is not None)
        tally["speaker"] += right
        if verbose and not right:
            print(f"  {story.id} quote {words!r}: speaker {entity}, labelled {want}")
    tally["extra"] += len(unmatched)


def speed(pages: list[Page]) -> tuple[float, int]:
    """Stories enriched per CPU second, and how many stories."""
    stories = sum(1 + sum(len(rail.items) for rail in page.rails) for page in pages)
    started = time.process_time()
    for page in pages:
        enrich_page(page)
    return stories / (time.process_time() - started), stories


def parse_cost(captures: list[Capture], rounds: int = 2) -> tuple[float, float]:
    """CPU milliseconds a capture takes through ``parse_capture`` alone, and through
    ``parse_capture`` and then ``enrich_page`` (what ingest will run): the best of
    ``rounds`` alternated runs of each, as the machine is shared."""
    alone: list[float] = []
    enriched: list[float] = []
    for _ in range(rounds):
        started = time.process_time()
        for capture in captures:
            parse_capture(capture)
        alone.append(time.process_time() - started)
        started = time.process_time()
        for capture in captures:
            enrich_page(parse_capture(capture))
        enriched.append(time.process_time() - started)
    return min(alone) * 1000 / len(captures), min(enriched) * 1000 / len(captures)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--pages", type=int, default=2000)
    options.add_argument("--seed", type=int, default=0)
    options.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    options.add_argument(
        "--parse-cost",
        action="store_true",
        help="also time parse_capture with and without enrich_page on the generated pages",
    )
    arguments = options.parse_args()
    started = time.process_time()
    find_all("Rusland", None, [], "nl")  # load the gazetteer
    print(f"Loading the gazetteer: {time.process_time() - started:.2f} s CPU (once a process)")
    stories = [story for language in LANGUAGES for story in read_set(language)]
    score(stories, arguments.verbose)

    captures = [
        Capture(
            data=synthetic.text.encode(),
            source=str(synthetic.index),
            captured_at=synthetic.captured_at,
            captured_at_from="given",
        )
        for synthetic in generate_pages(arguments.pages, arguments.seed)
    ]
    pages = [parse_capture(capture) for capture in captures]
    rate, count = speed(pages)
    size = sum(len(synthetic.text) for synthetic in generate_pages(arguments.pages, arguments.seed))
    print(
        f"Speed, {len(pages)} generated pages ({size / len(pages) / 1000:.1f} K characters a "
        f"page; {count} articles and briefs): {rate:,.0f} stories/s, "
        f"{len(pages) / (count / rate):,.0f} pages/s on one core"
    )
    if arguments.parse_cost:
        alone, enriched = parse_cost(captures)
        print(
            f"Parsing a generated page: {alone:.2f} ms CPU alone, {enriched:.2f} ms with "
            f"enrichment ({enriched - alone:.2f} ms more, x{enriched / alone:.2f})"
        )
    now = datetime.now(UTC)
    labelled = [
        Page(source=story.id, captured_at=now, language=story.language,
             article=parse_capture(Capture(data="\n".join([story.headline or "Kop",
                                                         *story.body]).encode(),
                                           source=story.id, captured_at=now,
                                           captured_at_from="given")).article,
             rails=(), dropped=())
        for story in stories
    ]  # fmt: skip
    rate, count = speed(labelled * 25)
    print(f"Speed, the labelled set 25 times ({count} stories): {rate:,.0f} stories/s")
    print(f"python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
