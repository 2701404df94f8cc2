"""What closes a story after its last sentence, on a line of its own or glued on, is not story."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wiredesk import parse_text
from wiredesk.model import Block
from wiredesk.parse.trailers import (
    MAX_GLUED_CHARS,
    SCANNING_MARK_WORDS,
    SENTENCE_CLOSE,
    close_body,
    closing_mark_regex,
    glued_trailer_regex,
    is_closing_line,
    is_closing_mark,
    strip_glued_trailer,
)

# Pieces of a story's last paragraph and of what agencies glue to it.
PARAGRAPH_PIECES = ["The port was closed", ".", " ", "(ANSA)", "EFE", ")", '"', "»", "!",
                    "(Reporting by Jane Doe; Editing by John Roe)", "x" * 150, "(", "AFP."]  # fmt: skip


def paragraphs(*texts: str) -> list[Block]:
    return [Block(kind="paragraph", text=text) for text in texts]


@pytest.mark.parametrize(
    "line",
    ["./.", "ENDS", "(END)", "-0-", "NNNN", "###", "==Kyodo", "/ritzau/", "(ANSA).", "EFE",
     "AAP JKL", "jrg/pl/ks", "dpa abc yyzz n1 def",
     "Associated Press writer Jane Roe in Boston contributed to this report.",
     "Reporting by Jane Doe in Beirut and Piet Jansen in The Hague; Writing by Jane Doe; "
     "Editing by John Roe",
     "Additional reporting by Ana Silva; Editing by Tom Hale.",
     "Meld je aan voor de nieuwsbrief van de redactie: elke ochtend het belangrijkste nieuws. "
     "Schrijf je in.",
     "The Morning Brief is our weekly newsletter with the stories behind the news. Sign up here."],
)  # fmt: skip
def test_closing_lines(line: str) -> None:
    assert is_closing_line(line)


@pytest.mark.parametrize(
    "line",
    ["The talks ended.", "Het kabinet valt.", "Ende der Debatte: der Bundestag stimmt ab.",
     "EFE y otras agencias informaron del suceso.",
     "Reporting by the local paper had first revealed the payments in March.",
     "The newsletter, which the ministry sent to all schools, asked parents to sign up their "
     "children for the trial."],
)  # fmt: skip
def test_story_lines_do_not_close(line: str) -> None:
    assert not is_closing_line(line)


@pytest.mark.parametrize(
    ("paragraph", "kept", "trailer"),
    [
        ('... disse il sindaco".(ANSA).', '... disse il sindaco".', "(ANSA)."),
        ("... según la policía. EFE", "... según la policía.", "EFE"),
        (
            "The port reopened. (Reporting by Jane Doe; Editing by John Roe)",
            "The port reopened.",
            "(Reporting by Jane Doe; Editing by John Roe)",
        ),
        ("The report was denied by the AP", "The report was denied by the AP", None),
    ],
)
def test_a_trailer_glued_to_the_last_sentence(
    paragraph: str, kept: str, trailer: str | None
) -> None:
    assert strip_glued_trailer(paragraph) == (kept, trailer)


def _strip_character_by_character(paragraph: str) -> tuple[str, str | None]:
    """``strip_glued_trailer`` as it was first written: a loop over the last characters."""
    start = max(1, len(paragraph) - MAX_GLUED_CHARS)
    for index in range(len(paragraph) - 2, start - 2, -1):
        if paragraph[index] not in SENTENCE_CLOSE:
            continue
        trailer = paragraph[index + 1 :].strip()
        if trailer and glued_trailer_regex().fullmatch(trailer):
            kept = paragraph[: index + 1].rstrip()
            return (kept, trailer) if kept else (paragraph, None)
    return paragraph, None


@given(st.lists(st.sampled_from(PARAGRAPH_PIECES), max_size=12).map("".join))
def test_a_glued_trailer_is_found_where_a_loop_over_the_characters_finds_it(
    paragraph: str,
) -> None:
    assert strip_glued_trailer(paragraph) == _strip_character_by_character(paragraph)


def test_close_body_takes_trailers_off_the_end_only() -> None:
    body = paragraphs("ENDS is a word here.", "Second paragraph. EFE", "jrg/pl/ks", "./.")
    kept, dropped = close_body(body)
    assert [block.text for block in kept] == ["ENDS is a word here.", "Second paragraph."]
    assert dropped == ["EFE", "jrg/pl/ks", "./."]


def test_a_signature_closes_a_story_of_more_than_one_paragraph() -> None:
    kept, dropped = close_body(paragraphs("First.", "Second.", "Anna Berg"))
    assert (len(kept), dropped) == (2, ["Anna Berg"])
    assert close_body(paragraphs("Anna Berg"))[1] == []


def test_the_text_parser_leaves_trailers_out() -> None:
    text = (
        "Haven heropend\n\nODENSE (ritzau) - De haven is weer open, meldt de gemeente.\n"
        "De schepen varen weer uit.\n/ritzau/\n"
    )
    page = parse_text(text)
    assert page.article.body[-1].text == "De schepen varen weer uit."
    assert "/ritzau/" in page.dropped


def test_a_closing_mark_ends_a_story_with_titles_printed_under_it() -> None:
    body = paragraphs(
        "Der Verband will die Spiele trotzdem nutzen, um auf die Lage aufmerksam zu machen.",
        "Die Mannschaft reist am Freitag ab.",
        "(SID)",
        "Olympia: Die neuen Disziplinen im Programm der Winterspiele",
    )

    kept, dropped = close_body(body)

    assert [block.text for block in kept] == [block.text for block in body[:2]]
    assert dropped == ["(SID)", "Olympia: Die neuen Disziplinen im Programm der Winterspiele"]


def test_a_short_last_paragraph_without_a_closing_mark_before_it_stays() -> None:
    body = paragraphs(
        "The council will vote on the plan next week.",
        "Residents can comment until Friday.",
        "What happens next",
    )

    assert close_body(body) == (body, [])


@pytest.mark.parametrize(
    "pointer",
    ["Das könnte Dich auch interessieren: Fackellauf in Peking gestartet",
     "Zie ook: Rijkswaterstaat sluit brug bij Zaltbommel",
     "See also: Regulator orders water firms to cut spills",
     "Voir aussi : Le Sénat adopte la réforme des retraites"],
)  # fmt: skip
def test_a_line_pointing_to_another_story_is_no_story_text(pointer: str) -> None:
    page = parse_text(
        "Kabinet trekt extra geld uit voor bruggen\n"
        "DEN HAAG (ANP) - Het kabinet trekt extra geld uit voor het onderhoud van bruggen en "
        "sluizen, heeft de minister woensdag laten weten.\n"
        f"{pointer}\n"
        "Volgens Rijkswaterstaat is een groot deel van de kunstwerken meer dan vijftig jaar oud.\n",
        language="nl",
    )

    assert pointer not in [block.text for block in page.article.body]
    assert pointer in page.dropped


# Closing marks and look-alikes, with the letters an IGNORECASE regex matches beyond ASCII.
MARK_PIECES = ["Jane Doe", " ", "contributed to this report", "CONTRIBUTED TO THE STORY",
               "contrıbuted to thıs report", "Sign up here.", "newsletter", "nieuwsbrief",
               "NIEUWSBRİEF", "Newſletter", "lettre d'information", ". ", "(AFP)", "./.",
               "=== dpa", "Reporting by Jane Doe", "; Editing by John Roe", "x" * 120, "\u212a"]  # fmt: skip


@given(st.lists(st.sampled_from(MARK_PIECES), max_size=8).map("".join))
def test_a_closing_mark_is_told_as_its_whole_regex_tells_it(text: str) -> None:
    assert is_closing_mark(text) == (closing_mark_regex().fullmatch(text) is not None)


@pytest.mark.parametrize(
    "line",
    [
        "Associated Press writer Jane Doe contributed to this report.",
        "ASSOCIATED PRESS WRITER JANE DOE CONTRIBUTED TO THIS REPORT.",
        "Associated Press writer Jane Doe contrıbuted to this report.",  # a dotless i
        "Get our weekly newsletter in your inbox every Friday. Sign up here.",
        "Abonnez-vous à notre lettre d'information du matin. Inscrivez-vous ici.",
        "Ontvang onze nieuwsbrief elke ochtend in je mailbox. Schrijf je hier in.",
        "Get our weekly newſletter in your inbox every Friday. Sign up here.",  # a long s
    ],
)
def test_a_mark_found_anywhere_in_a_long_line_is_still_found(line: str) -> None:
    assert is_closing_mark(line)
    assert closing_mark_regex().fullmatch(line) is not None


def test_every_mark_that_scans_its_line_has_a_word_to_be_looked_for_first() -> None:
    # A new pattern opening with ".{0," needs its own word in SCANNING_MARK_WORDS: without
    # it, lines holding that mark would not be tried against it.
    from wiredesk.parse.rules import CLOSING_MARK_PATTERNS

    scanning = [p for p in CLOSING_MARK_PATTERNS if p.startswith(".{0,")]
    words = ["contributed", "newsletter|nieuwsbrief|lettre d"]
    assert len(scanning) == len(words)
    for pattern, word in zip(scanning, words, strict=True):
        assert word in pattern
    assert all(not set(word) & set("iks") for word in SCANNING_MARK_WORDS)
