"""Who said what: direct quotes with their speaker, and indirect statements.

Direct: a quotation of two words or more ("…", “…”, „…“, «…») with the speaker named
beside it — after it ("…", zei de woordvoerder; "…", aldus Starmer; "…," Blinken said),
or before it in the sentence (Zelensky had gezegd dat hij verrast is door "…"). A quotation
split around its attribution ("…", zei hij, "…") is one quote. A pronoun ("hij", "she")
is the last person named; a bare role ("de woordvoerder") the role the story named first.

Indirect: "X zei dat …" / "X said that …" / "X sagte, dass …" / "X a dit que …";
"Volgens X …" / "According to X, …" / "Laut X …" / "Selon X, …"; "…, heeft X gezegd";
"Dat zei X." (the sentence before).
"""

from __future__ import annotations

import bisect
import operator
import re
from itertools import compress, count

from wiredesk.enrich.cues import ACCORDING_TO, PRONOUNS, SPEECH_WORDS, THAT
from wiredesk.enrich.spots import Block, Spot, Word, sentences_of, words_of
from wiredesk.model import Quote, Speaker

# A straight quotation mark opens a quotation where no letter or digit stands before it;
# the test is made after the mark ("(?<!\w")), so that every branch opens with its mark and
# the expression is tried only where one is, not at every character (2.6 times as fast
# on a sentence; the same matches, tests/enrich/test_fast_paths.py).
QUOTATION_RE = re.compile(r'“([^”“]+)”|„([^“”„]+)[“”]|«\s?([^»]+?)\s?»|"(?<!\w")([^"]+)"')
# Words between a quotation and its speech verb: "heeft", "has", "a", "hat" (a-t-il dit).
_AUXILIARIES = frozenset(["heeft", "hebben", "had", "has", "have", "a", "hat", "haben", "ont", "t"])
# "Dat zei X." / "Das sagte X." / "That is what X said." / "C'est ce qu'a déclaré X."
_THAT_SAID = re.compile(
    r"^(?:dat|dit|das|dies|that|this|c'est ce qu'|c’est ce qu’|c'est ce que)\b", re.IGNORECASE
)
_SPEAKING = ("person", "role", "organisation")
# The marks QUOTATION_RE opens a quotation with.
_QUOTATION_MARKS = ("“", "„", "«", '"')
_QUOTATION_MARKS = ("“", "„", "«", '"')
_QUOTATION_MARK = re.compile('[“„«"]')
# The openings ``_indirect`` reads as "according to X" ("aldus" names its speaker after a
# statement instead).
_OPENINGS = tuple(opening + " " for opening in ACCORDING_TO if opening != "aldus")
_START = operator.attrgetter("start")


def find_quotes(blocks: list[Block], spots: list[Spot], language: str | None) -> tuple[Quote, ...]:
    """The story's quotes, in reading order; ``spots`` are the story's, in reading order
    (as ``find_spots`` gives them)."""
    quotes: list[Quote] = []
    last_person: list[Spot] = []  # the person named last, for pronouns
    previous_sentence = ""  # the sentence before the one read (made when ``_indirect`` reads it)
    previous_speaker: Speaker | None = None
    previous_block: int | None = None
    spots_in: dict[int, list[Spot]] = {}
    for spot in spots:
        spots_in.setdefault(spot.block, []).append(spot)
    for block in blocks:
        if block.index < 0:
            continue
        text = block.text
        here = sorted(spots_in.get(block.index, ()), key=_START)
        here_starts = [spot.start for spot in here]
        people = [spot for spot in here if spot.type == "person"]
        people_starts = [spot.start for spot in people]
        # Most sentences quote nobody: the finders run where a quotation mark, a speech
        # verb or an opening "Volgens", "According to" is (the same quotes, found sooner).
        # What the block has none of, its sentences are not asked about.
        words = words_of(text)
        # (four substring searches in C: an expression's search of a block takes longer)
        has_quotation = any(mark in text for mark in _QUOTATION_MARKS)
        speech = [words.starts[index] for index in words.indexes(SPEECH_WORDS.__contains__)]
        before: tuple[int, int] | None = None  # the sentence before, in this block
        for sentence in sentences_of(text):
            start, end = sentence
            is_quoted = has_quotation and _QUOTATION_MARK.search(text, start, end) is not None
            may_report = (bool(speech) and _has_speech(speech, start, end)) or text[
                start : min(end, start + 20)
            ].lower().startswith(_OPENINGS)
            if is_quoted or may_report:
                sentence_spots = here[
                    bisect.bisect_left(here_starts, start) : bisect.bisect_left(here_starts, end)
                ]
                found = []
                if is_quoted:
                    found += _direct(
                        block, start, end, sentence_spots, last_person, previous_speaker,
                        previous_block,
                    )  # fmt: skip
                if may_report:
                    if before is not None:
                        previous_sentence = text[before[0] : before[1]]
                    found += _indirect(
                        language, block, start, end, sentence_spots, last_person,
                        previous_sentence, is_quoted=is_quoted,
                    )  # fmt: skip
                quotes += found
                if found and found[-1].speaker is not None:
                    previous_speaker, previous_block = found[-1].speaker, block.index
            if people:  # a pronoun is most often the subject: the sentence's first person
                first = bisect.bisect_left(people_starts, start)
                if first < len(people) and people_starts[first] < end:
                    last_person[:] = [people[first]]
            before = sentence
        if before is not None:  # the sentence before the next block's first
            previous_sentence = text[before[0] : before[1]]
    return tuple(quotes)


def _has_speech(speech: list[int], start: int, end: int) -> bool:
    """Whether a speech verb (``speech``: where each starts) starts in text[start:end]."""
    at = bisect.bisect_left(speech, start)
    return at < len(speech) and speech[at] < end


def _speaker(spot: Spot | None) -> Speaker | None:
    if spot is None:
        return None
    if spot.type == "person":
        return Speaker(name=spot.name, entity=spot.id, role=spot.role)
    if spot.type == "role":
        return Speaker(name=None, entity=spot.id, role=spot.role)
    return Speaker(name=spot.name, entity=spot.id, role=None)


def _who(
    words: list[Word], spots: list[Spot], last_person: list[Spot], *, last: bool = False
) -> Spot | None:
    """The speaker among ``words``: the first (or ``last``) person, role or organisation
    spot among them, else a pronoun's person."""
    if not words:
        return None
    low, high = words[0].start, words[-1].end
    among = [
        spot for spot in spots if spot.type in _SPEAKING and low <= spot.start and spot.end <= high
    ]
    people = [spot for spot in among if spot.type != "organisation"] or among
    if people:
        return people[-1] if last else people[0]
    for word in words:
        if word.lower in PRONOUNS and last_person:
            return last_person[0]
    return None


def _direct(
    block: Block,
    start: int,
    end: int,
    spots: list[Spot],
    last_person: list[Spot],
    previous: Speaker | None,
    previous_block: int | None,
) -> list[Quote]:
    text = block.text
    every = words_of(text)
    quotations = [
        match
        for match in QUOTATION_RE.finditer(text, start, end)
        if len(next(group for group in match.groups() if group).split()) >= 2
    ]
    quotes: list[Quote] = []
    merged_with_previous = False
    for position, match in enumerate(quotations):
        said = next(group for group in match.groups() if group).strip()
        limit = quotations[position + 1].start() if position + 1 < len(quotations) else end
        low, high = every.bounds(match.end(), limit)  # the first 14 words after it
        speaker = _after(every.run(low, min(low + 14, high)), spots, last_person)
        if speaker is None:
            head_start = quotations[position - 1].end() if position else start
            speaker = _before(
                every.between(head_start, match.start()),
                spots,
                last_person,
                is_introduced=text[head_start : match.start()].rstrip().endswith(":"),
            )
        if merged_with_previous and quotes:
            last = quotes.pop()
            quotes.append(
                Quote(kind="direct", text=f"{last.text} {said}", speaker=last.speaker,
                      block=block.index)
            )  # fmt: skip
            merged_with_previous = False
            continue
        resolved = _speaker(speaker)
        # Unsaid, the speaker is the last one of the paragraph, or of the paragraph before
        # one that is only the quotation.
        if resolved is None and (
            previous_block == block.index or _stands_alone(text, start, end, match)
        ):
            resolved = previous
        quotes.append(Quote(kind="direct", text=said, speaker=resolved, block=block.index))
        gap = text[match.end() : limit].strip()
        merged_with_previous = (
            position + 1 < len(quotations) and gap.endswith(",") and speaker is not None
        )
    return quotes


def _stands_alone(text: str, start: int, end: int, match: re.Match[str]) -> bool:
    """The quotation is all the sentence says."""
    return not text[start : match.start()].strip() and len(text[match.end() : end].strip()) <= 1


def _after(words: list[Word], spots: list[Spot], last_person: list[Spot]) -> Spot | None:
    """The speaker named right after a quotation: "zei de woordvoerder", "aldus Starmer",
    "Blinken said", "a déclaré le ministre", "a-t-il dit"."""
    index = 0
    pronoun = None
    while index < len(words) and (
        words[index].lower in _AUXILIARIES or "-t-" in words[index].lower
    ):
        if "-t-" in words[index].lower and last_person:  # "a-t-il déclaré"
            pronoun = last_person[0]
        index += 1
    if pronoun is not None:
        return pronoun
    if index < len(words) and (words[index].lower in SPEECH_WORDS or words[index].lower == "aldus"):
        return _who(words[index + 1 : index + 8], spots, last_person)
    for position in range(1, len(words)):  # "Blinken said", "…, schrijft Trump op X"
        if words[position].lower in SPEECH_WORDS:
            return _who(words[position + 1 : position + 8], spots, last_person) or _who(
                words[:position], spots, last_person, last=True
            )
    return None


def _before(
    words: list[Word], spots: list[Spot], last_person: list[Spot], *, is_introduced: bool
) -> Spot | None:
    """The speaker of a quotation named before it in the sentence, by a speech verb, or the
    sentence's subject where a colon introduces the quotation."""
    verbs = [index for index, word in enumerate(words) if word.lower in SPEECH_WORDS]
    if not verbs:
        return None if not is_introduced else _who(words, spots, last_person)
    verb = verbs[-1]
    return _who(words[:verb], spots, last_person) or _who(words[verb + 1 :], spots, last_person)


def _indirect(
    language: str | None,
    block: Block,
    start: int,
    end: int,
    spots: list[Spot],
    last_person: list[Spot],
    previous_sentence: str,
    *,
    is_quoted: bool,
) -> list[Quote]:
    """The statement the sentence text[start:end] reports, if any; ``is_quoted``: whether
    a quotation mark is in it (else no quotation is)."""
    text = block.text
    sentence = text[start:end]
    # The sentence's words are read by index, in lower case; a ``Word`` is made only for
    # the few that ``_who`` reads (making one for each word of every sentence with a
    # speech verb took a tenth of the quote finder's time: 0.85 against 0.77 ms a
    # generated page, 2026-12-05, bench/entities_bench.py).
    every = words_of(text)
    low, high = every.bounds(start, end)
    lowered = every.lowers[low:high]
    if is_quoted and QUOTATION_RE.search(sentence) and not _has_that(lowered):
        return []
    if not lowered:
        return []
    # "Dat zei de Oekraïense president Zelensky."
    if _THAT_SAID.match(sentence) and len(lowered) > 1 and lowered[1] in SPEECH_WORDS:
        said = previous_sentence.strip()
        who = _who(every.run(low + 2, high), spots, last_person)
        if said and who is not None:
            return [_quote(said, who, block)]
        return []
    # "Volgens hem …", "According to Blinken, …"
    head = sentence[:20].lower()  # (longer than any opening)
    for opening in ACCORDING_TO:
        if opening == "aldus" or not head.startswith(opening + " "):
            continue
        first = low + len(opening.split())
        window = every.run(first, min(first + 6, high))
        who = _who(window, spots, last_person)
        if who is None or not window:
            return []
        is_here = who.block == block.index and start <= who.start < end
        said = text[who.end if is_here else window[0].end : end].strip(" ,")
        return [_quote(said, who, block)] if said else []
    # "X zei (…) dat …"
    # the speech verbs' places in the sentence, picked in C: the loops below read only them
    verbs = list(compress(count(), map(SPEECH_WORDS.__contains__, lowered)))
    for index in verbs:
        that = next(
            (i for i in range(index + 1, min(index + 5, len(lowered))) if lowered[i] in THAT),
            None,
        )
        if that is None:
            continue
        who = _who(every.run(low, low + index), spots, last_person)
        if who is None:
            return []
        said = text[every.ends[low + that] : end].strip().lstrip(",").strip()
        if QUOTATION_RE.fullmatch(said.rstrip(".")):  # only a quotation: a direct quote
            return []
        return [_quote(said, who, block)] if said else []
    # "The military said it had struck …", "a annoncé avoir frappé …"
    for index in verbs:
        if index >= len(lowered) - 2:
            break
        if not (language == "en" or lowered[index + 1] == "avoir"):
            continue
        who = _who(every.run(low, low + index), spots, last_person)
        if who is None or _is_time_word(lowered[index + 1]):
            break
        said = text[every.starts[low + index + 1] : end].strip()
        return [_quote(said, who, block)]
    # "…, heeft een Chinese woordvoerder vrijdag gezegd." / "…, said Blinken."
    comma = sentence.rfind(", ")
    if comma > 0:
        # the words that start after the comma, the first fourteen of them
        first = bisect.bisect_right(every.starts, start + comma, low, high)
        tail = min(first + 14, high)
        if any(word in SPEECH_WORDS for word in every.lowers[first:tail]):
            who = _who(every.run(first, tail), spots, last_person)
            if who is not None:
                return [_quote(sentence[:comma].strip(), who, block)]
    return []


def _is_time_word(word: str) -> bool:
    return word in {"on", "in", "at", "last", "this", "during", "after", "before"}


def _has_that(lowered: list[str]) -> bool:
    """A speech verb with "that" ("dat", "dass", "que") within four words after it."""
    return any(
        word in SPEECH_WORDS and any(later in THAT for later in lowered[index + 1 : index + 5])
        for index, word in enumerate(lowered)
    )


def _quote(text: str, who: Spot, block: Block) -> Quote:
    return Quote(kind="indirect", text=text.rstrip(". "), speaker=_speaker(who), block=block.index)
