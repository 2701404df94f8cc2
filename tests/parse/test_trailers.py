"""What closes a story after its last sentence, on a line of its own or glued on, is not story."""

from __future__ import annotations

import pytest

from wiredesk import parse_text
from wiredesk.model import Block
from wiredesk.parse.trailers import close_body, is_closing_line, strip_glued_trailer


def paragraphs(*texts: str) -> list[Block]:
    return [Block(kind="paragraph", text=text) for text in texts]


@pytest.mark.parametrize(
    "line",
    ["./.", "ENDS", "(END)", "-0-", "NNNN", "###", "==Kyodo", "/ritzau/", "(ANSA).", "EFE",
     "AAP JKL", "jrg/pl/ks", "dpa abc yyzz n1 def",
     "Associated Press writer Jane Roe in Boston contributed to this report."],
)  # fmt: skip
def test_closing_lines(line: str) -> None:
    assert is_closing_line(line)


@pytest.mark.parametrize(
    "line",
    ["The talks ended.", "Het kabinet valt.", "Ende der Debatte: der Bundestag stimmt ab.",
     "EFE y otras agencias informaron del suceso."],
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
