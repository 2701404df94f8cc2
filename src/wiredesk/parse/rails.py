"""Rails: the "Meer uit Buitenland" lists of briefs beside a story.

A rail is a title line and the lines after it up to the next rail. Each brief
has a time label printed either after it or before it; copied pages glue the
label to the neighbouring brief. The page itself tells which: a label left
dangling at the very end means labels follow their briefs (the sample page),
a label at the top and none at the end means they precede them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from functools import lru_cache

from wiredesk.model import Brief, Rail
from wiredesk.parse.dateline import read_dateline
from wiredesk.parse.labels import read_label, split_label
from wiredesk.parse.rules import RAIL_TITLE_RE, SENTENCE_OPENERS

RANK_RE = re.compile(r"\d{1,2}\.?")
# A video's length under its teaser: "00:01:52", "1:02:07" (hours, minutes and seconds).
DURATION_RE = re.compile(r"\d{1,2}:[0-5]\d:[0-5]\d")
# A brief's own title is a short line without a closing full stop.
MAX_TITLE_WORDS = 18
MAX_TITLE_CHARS = 160
# A rail of at least this many lines, this share of them titles, lists titles alone.
MIN_TITLE_LIST = 5
TITLE_LIST_SHARE = 0.8
MAX_RAIL_TITLE_CHARS = 60
CLOSING_QUOTES = "\"'”’»)」』"
# What closes a sentence, never a title; "。" and "、" for Chinese and Japanese pages
# (the scrapinghub benchmark holds a few: every line of them was a title without it).
SENTENCE_ENDS = (".", ",", ";", ":", "。", "、")
# A teaser's kicker: a label of a few words ("Gaza-Krieg", "Middle East").
MAX_KICKER_CHARS = 30
MAX_KICKER_WORDS = 3
# Teasers each under its kicker, at the fewest, for their kickers to be told from titles.
MIN_KICKER_PAIRS = 3
# What a bulleted list prints before each item when copied as text.
BULLETS = frozenset("•·▪◦‣∙")


@dataclass(frozen=True, slots=True, kw_only=True)
class RailTitle:
    title: str | None  # None for a rail the page prints no title over
    section: str | None


@dataclass(slots=True)
class _Item:
    texts: list[str] = field(default_factory=list)
    label: str | None = None


def section_of(rails: Iterable[Rail], given: str | None) -> str | None:
    """The section a page's article is filed under: the first of its rails that names one
    (the sample page's "Meer uit Buitenland"), else ``given``, the one its source gave."""
    return next((rail.section for rail in rails if rail.section), given)


def read_rail_title(line: str) -> RailTitle | None:
    """The rail a title line opens ("Meer uit Buitenland" -> section "Buitenland"), or None."""
    if len(line) > MAX_RAIL_TITLE_CHARS:
        return None  # asked before the cache: most lines are longer, and would crowd it
    return _read_rail_title(line)


@lru_cache(maxsize=2048)
def _read_rail_title(line: str) -> RailTitle | None:
    match = RAIL_TITLE_RE.fullmatch(line)
    if match is None:
        return None
    named = match["section"] or match["more_section"]
    section = named.strip() if named else None
    return RailTitle(title=line.rstrip(" :"), section=section)


def is_title_line(line: str) -> bool:
    """Whether a line reads as a title: short, and not closed like a sentence.

    A closing quote does not hide the full stop before it: 'zei hij: "Nee."'
    """
    return len(line) <= MAX_TITLE_CHARS and is_title_shaped(line, len(line.split()))


def is_title_shaped(line: str, words: int) -> bool:
    """``is_title_line`` for a line of at most ``MAX_TITLE_CHARS`` whose ``words`` are
    counted already (a count that stops past ``MAX_TITLE_WORDS`` does)."""
    return words <= MAX_TITLE_WORDS and not line.rstrip(CLOSING_QUOTES).endswith(SENTENCE_ENDS)


def read_rail(
    title: RailTitle,
    lines: list[str],
    *,
    languages: tuple[str, ...],
    captured_at: datetime | None,
    zone: tzinfo,
) -> tuple[Rail, list[str]]:
    """A rail from the lines under its title, and the labels that belong to no brief."""
    tokens = list(_tokens(lines, languages))
    items, orphans = _group(tokens)
    briefs = []
    for item in items:
        brief = _brief(item, languages, captured_at, zone)
        if brief.title is not None and brief.dateline is None and brief.text is not None:
            kicker, text = split_glued_kicker(brief.text)
            if kicker is not None:
                orphans.append(kicker)
                brief = dataclasses.replace(brief, text=text)
        briefs.append(brief)
    return Rail(title=title.title, section=title.section, items=tuple(briefs)), orphans


def split_glued_kicker(text: str) -> tuple[str | None, str]:
    """A teaser's text without the kicker glued on before it with a space, and that
    kicker: "Pesticide L'interdiction est demandée" is ("Pesticide", "L'interdiction est
    demandée"). A kicker is one to three words, the first capitalised and none a word
    that opens sentences; the text after it opens with a capitalised such word."""
    words = text.split(" ", MAX_KICKER_WORDS + 1)
    if len(words) < 2 or not words[0][:1].isupper() or words[0].casefold() in SENTENCE_OPENERS:
        return None, text
    for count in range(1, min(MAX_KICKER_WORDS, len(words) - 1) + 1):
        last = words[count - 1]
        if last[:1].isupper() and last.casefold() in SENTENCE_OPENERS:
            break  # "Pendant Les Jeux": a title's capitals, no kicker ("Canton de Soleure" is)
        following = words[count]
        opener = following.casefold()
        elided = opener[:2] in ("l'", "l’", "d'", "d’")
        if following[:1].isupper() and (opener in SENTENCE_OPENERS or elided):
            return " ".join(words[:count]), text.split(" ", count)[count]
    return None, text


def _tokens(lines: list[str], languages: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    for line in lines:
        if RANK_RE.fullmatch(line):
            yield "rank", line  # "1", "2." in a "Meest gelezen" list: a marker, not a brief
            continue
        if DURATION_RE.fullmatch(line):
            yield "mark", line  # a video's length: it closes a teaser as a time label does
            continue
        split = split_label(line, languages)
        if split.lead is not None:
            yield "label", split.lead
        if split.text:
            yield "text", split.text
        if split.trail is not None:
            yield "label", split.trail


def _group(tokens: list[tuple[str, str]]) -> tuple[list[_Item], list[str]]:
    """Group texts and labels into items, labels after or before their texts.

    Lines after the last complete brief (a footer under the rail) belong to no
    brief: they are returned with the orphans, for ``dropped``.
    """
    orphans = [value for kind, value in tokens if kind in ("rank", "mark")]
    # A mark ends a teaser as a label does, but tells no time: a label without a value.
    grouped: list[tuple[str, str | None]] = [
        ("label", None) if kind == "mark" else (kind, value)
        for kind, value in tokens
        if kind != "rank"
    ]
    kinds = [kind for kind, _ in grouped]
    if "label" not in kinds:
        return _split_texts([text for _, text in grouped if text is not None]), orphans
    labels_precede = kinds[0] == "label" and kinds[-1] == "text"
    groups: list[_Item] = []
    current = _Item()
    for kind, value in grouped:
        if kind == "text":
            if value is not None:
                current.texts.append(value)
        elif labels_precede:
            if current.texts or current.label is not None:
                groups.append(current)
            current = _Item(label=value)
        elif current.texts:
            current.label = value
            groups.append(current)
            current = _Item()
        elif value is not None:
            orphans.append(value)  # a label with no brief before it
    items: list[_Item] = []
    for group in groups:
        if len(group.texts) == 2 and _is_kicker_over(*group.texts):
            orphans.append(group.texts.pop(0))  # "Olympia 2022" over its teaser's headline
        items.extend(_split_item(group, label_first=labels_precede))
    if labels_precede and current.label is not None:
        pieces = _split_item(current, label_first=True)
        items.append(pieces[0])
        orphans.extend(text for piece in pieces[1:] for text in piece.texts)
    elif current.texts:
        if any(read_dateline(text) is not None for text in current.texts[:2]):
            items.extend(_split_texts(current.texts))  # a last brief whose age is missing
        else:
            orphans.extend(current.texts)
    return items, orphans


def _is_kicker_over(line: str, headline: str) -> bool:
    """Whether the first of a labelled teaser's two title lines is its kicker: a few words,
    far shorter than the headline under it."""
    return (
        is_title_line(line)
        and is_title_line(headline)
        and len(line.split()) <= MAX_KICKER_WORDS + 1
        and len(headline) >= 2 * len(line)
        and read_dateline(line) is None
    )


def _split_texts(texts: list[str]) -> list[_Item]:
    """Items from unlabelled lines: one per line, a title line joining the text below it.

    In a list of titles alone, a title closed by a full stop is one more title ("Outage
    timing unclear. Here's when counties go dark."), not the text of the one above."""
    titles = sum(map(is_title_line, texts))
    titles_only = len(texts) >= MIN_TITLE_LIST and titles >= TITLE_LIST_SHARE * len(texts)
    items: list[_Item] = []
    for text in texts:
        previous = items[-1] if items else None
        if (
            previous is not None
            and len(previous.texts) == 1
            and is_title_line(previous.texts[0])
            and read_dateline(previous.texts[0]) is None
            and (not is_title_line(text) or read_dateline(text) is not None)
            and not (titles_only and len(text.split()) <= MAX_TITLE_WORDS)
        ):
            previous.texts.append(text)
        else:
            items.append(_Item(texts=[text]))
    return items


def _split_item(item: _Item, *, label_first: bool) -> list[_Item]:
    """One labelled group holds one brief; extra lines in it become unlabelled briefs.

    The label stays with the brief it stands beside: the first when labels
    precede their briefs, the last when they follow.
    """
    if len(item.texts) <= 2:
        pieces = _split_texts(item.texts) if len(item.texts) == 2 else [item]
        if len(pieces) == 1:
            return [_Item(texts=item.texts, label=item.label)]
    else:
        pieces = _split_texts(item.texts)
    (pieces[0] if label_first else pieces[-1]).label = item.label
    return pieces


def _brief(
    item: _Item, languages: tuple[str, ...], captured_at: datetime | None, zone: tzinfo
) -> Brief:
    texts = list(item.texts)
    title: str | None = None
    if len(texts) >= 2 and is_title_line(texts[0]):
        title = texts.pop(0)
    text: str | None = " ".join(texts) if texts else None
    dateline = None
    if text is not None:
        found = read_dateline(text)
        if found is not None:
            dateline, text = found.dateline, found.rest or None
        elif title is None and is_title_line(text):
            title, text = text, None
    times = read_label(item.label, languages, captured_at, zone) if item.label else None
    return Brief(
        title=title,
        dateline=dateline,
        text=text,
        age_text=item.label,
        age_seconds=times.age_seconds if times else None,
        published_at=times.published_at if times else None,
    )


def read_marked_rail(
    title: RailTitle,
    teasers: list[list[str]],
    *,
    languages: tuple[str, ...],
    captured_at: datetime | None,
    zone: tzinfo,
) -> Rail:
    """A rail whose page marks where each teaser ends (a "Lees meer »" under each): a
    teaser's first line is its title when more follow, the rest its text."""
    briefs = []
    for lines in teasers:
        split = split_label(lines[-1], languages)
        label = None
        if split.lead is not None and not split.text and split.trail is None and len(lines) > 1:
            label, lines = split.lead, lines[:-1]
        brief = _brief(_Item(texts=lines[1:] or lines, label=label), languages, captured_at, zone)
        if len(lines) > 1:
            # the lines under the title are its text, even one shaped like a title (a
            # teaser cut short: "Wie in Bilzen denkt om nog")
            rest = " ".join(part for part in (brief.title, brief.text) if part) or None
            brief = dataclasses.replace(brief, title=lines[0], text=rest)
        briefs.append(brief)
    return Rail(title=title.title, section=title.section, items=tuple(briefs))


def without_kickers(lines: list[str]) -> list[str]:
    """A teaser's lines without its kicker: a label of a few words over the headline
    ("Gaza-Krieg", "Middle East"), or between the headline and the text ("Pesticide")."""
    kept: list[str] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is not None and is_kicker(line):
            over_headline = is_title_line(following) and len(following) > len(line)
            under_headline = bool(kept) and is_title_line(kept[-1]) and not is_kicker(kept[-1])
            if over_headline or under_headline:
                continue
        kept.append(line)
    return kept


def without_bullets(lines: list[str]) -> tuple[list[str], list[str]]:
    """A rail's lines without the bullets of a bulleted list, and the lines that were only
    a bullet: a list that prints each teaser twice ("• Schools get more money" beside
    "Schools get more money", the bullet's line and the link's) gives each once, and a
    bullet before a title is no part of it."""
    kept: list[str] = []
    bullets: list[str] = []
    for index, line in enumerate(lines):
        if line[:1] not in BULLETS:
            kept.append(line)
            continue
        title = line[1:].strip()
        before = lines[index - 1] if index else None
        after = lines[index + 1] if index + 1 < len(lines) else None
        if not title or title in (before, after):
            bullets.append(line)  # a bullet alone, or its line beside the link's
        else:
            kept.append(title)
    return kept, bullets


def without_paired_kickers(lines: list[str]) -> tuple[list[str], list[str]]:
    """A rail's lines without its kickers, and the kickers, when every teaser is a kicker
    over its headline ("Gaza-Krieg" over "US-Außenministerium: …", three times or more);
    else the lines as they are."""
    pairs = len(lines) // 2
    if (
        pairs < MIN_KICKER_PAIRS
        or len(lines) % 2
        or not all(
            is_kicker(kicker) and is_title_line(headline) and len(headline) > len(kicker)
            for kicker, headline in zip(lines[::2], lines[1::2], strict=True)
        )
    ):
        return lines, []
    return lines[1::2], lines[::2]


def is_kicker(line: str) -> bool:
    """A kicker's or label's shape: a few words, no sentence, no figures ("Gaza-Krieg")."""
    return (
        len(line) <= MAX_KICKER_CHARS
        and len(line.split()) <= MAX_KICKER_WORDS
        and not line.endswith(SENTENCE_ENDS)
        and not any(char.isdigit() for char in line)
    )


def make_brief(
    texts: list[str],
    label: str | None,
    *,
    languages: tuple[str, ...],
    captured_at: datetime | None,
    zone: tzinfo,
) -> Brief:
    """One brief from its lines and its time label, when the page marks up where each brief ends."""
    return _brief(_Item(texts=list(texts), label=label), languages, captured_at, zone)
