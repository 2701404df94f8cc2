"""Line cleaning and the joining of hard-wrapped wire copy."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wiredesk.parse.lines import UNUSUAL_RE, split_lines

WRAPPED = """\
LONDON, Nov 8 (Reuters) - Oil prices fell on Friday as worries about
demand in China outweighed supply cuts by big producers, with both
benchmarks heading for a weekly loss.

Brent crude futures fell 62 cents, or 0.8%, to $73.01 a barrel by
0938 GMT, while U.S. West Texas Intermediate crude lost 58 cents.

Demand
"China's data was disappointing," said one analyst in Singapore, who
asked not to be named because he was not authorised to speak.
"""


def test_hard_wrapped_paragraphs_are_joined() -> None:
    lines = split_lines(WRAPPED)
    assert lines[0].startswith("LONDON, Nov 8 (Reuters) - Oil prices fell")
    assert lines[0].endswith("heading for a weekly loss.")
    assert lines[1].endswith("crude lost 58 cents.")
    assert lines[2] == "Demand"
    assert lines[3].endswith("not authorised to speak.")
    assert len(lines) == 4


def test_crlf_and_invisible_characters() -> None:
    text = "Kop\r\n\r\nEen\u00a0zin\u200b met\tspaties.\r\nTwee\u00adde"
    assert split_lines(text) == ["Kop", "Een zin met spaties.", "Tweede"]


def test_site_copy_keeps_one_paragraph_per_line() -> None:
    text = "Kop\n" + "\n".join(
        f"Zin nummer {n} is een volledige zin die eindigt met een punt." for n in range(5)
    )
    assert len(split_lines(text)) == 6


def test_one_overlong_line_does_not_set_the_wrap_width() -> None:
    text = (
        "N i e u w bericht, vervangt: Oekraine dreigt met nieuwe sancties tegen Iran\n\n"
        "Een woordvoerder van het Kremlin wil voor het einde van het jaar de\n"
        "defensie-uitgaven verhogen tot 2 procent van het bbp. Het ministerie\n"
        "van Buitenlandse Zaken in Beijing reageerde nog niet op vragen van\n"
        "journalisten, meldt het persbureau.\n"
    )
    lines = split_lines(text)
    assert len(lines) == 2
    assert lines[1].endswith("vragen van journalisten, meldt het persbureau.")


def test_no_break_space_binds_words_when_wraps_are_measured() -> None:
    text = (
        "La ministre a convoqué l'ambassadeur jeudi après une série de\n"
        "déclarations jugées hostiles par le gouvernement. « C'est notre\n"
        "pays\u00a0», a-t-elle déclaré devant les députés réunis à Paris.\n"
        "La mesure entrera en vigueur le 7 mai et durera six mois au moins\n"
        "selon le texte publié mercredi soir au Journal officiel du pays.\n"
    )
    lines = split_lines(text)
    assert lines[0].startswith("La ministre a convoqué")
    assert "« C'est notre pays », a-t-elle déclaré" in lines[0]


def test_a_list_of_titles_is_not_taken_for_wrapped_copy() -> None:
    titles = [
        "Kabinet wil extra geld voor dijkversterking in Zeeland en Friesland",
        "2 uur geleden",
        "Oppositie eist opheldering over uitgelekte notitie van ministerie",
        "3 uur geleden",
        "Vakbonden dreigen met landelijke staking in het openbaar vervoer",
        "4 uur geleden",
    ]
    assert split_lines("\n".join(titles)) == titles


def test_titles_with_lower_case_ages_are_not_taken_for_wrapped_copy() -> None:
    lines = [
        "Au moins 45 morts dans des incendies de forêt à Bruxelles",
        "à l'instant",
        "Bruxelles veut durcir les règles pour les géants du numérique",
        "il y a 35 minutes",
        "Le Japon conclut un accord sur les exportations de céréales",
        "il y a 3 heures",
        "La Chine décrète l'état d'urgence après de graves inondations",
        "il y a 4 heures",
    ]
    assert split_lines("\n".join(lines)) == lines


def test_every_character_the_clean_up_acts_on_is_one_that_does_not_print() -> None:
    # ``split_lines`` asks whether copy prints before it searches it for these characters.
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    found = [match.group() for match in UNUSUAL_RE.finditer(every)]
    assert len(found) > 80
    assert not any(char.isprintable() for char in found)


@pytest.mark.parametrize(
    ("char", "line"),
    [("\u00a0", "Een regel"), ("\x0c", "Een regel"), ("\u2028", "Een regel"),
     ("\u00ad", "Eenregel"), ("\u200b", "Eenregel"), ("\ufeff", "Eenregel")],
)  # fmt: skip
def test_one_character_that_does_not_print_is_cleaned_from_copy(char: str, line: str) -> None:
    assert split_lines(f"Een{char}regel zonder\nnog een") == [f"{line} zonder", "nog een"]


def test_text_below_u0100_is_in_nfc() -> None:
    # ``split_lines`` leaves such text unnormalised without asking unicodedata.
    every = "".join(map(chr, range(0x100)))
    assert unicodedata.is_normalized("NFC", every)
    assert all(unicodedata.is_normalized("NFC", a + b) for a in every for b in every)


def test_decomposed_accents_are_composed() -> None:
    assert split_lines("Cafe\u0301 in Zu\u0308rich") == ["Café in Zürich"]


@given(
    st.text(alphabet=st.sampled_from("ab \t\u00a0\u2009\u3000\x0b\x0c\x1c\u200b\n\r."), max_size=60)
)
def test_lines_hold_one_plain_space_between_words(text: str) -> None:
    # The parser counts a line's words by its spaces (``LineFacts``).
    for line in split_lines(text):
        assert line.count(" ") + 1 == len(line.split())


def test_a_space_that_nfc_turns_into_another_is_cleaned() -> None:
    # NFC makes "\u2000" a "\u2002": the spaces to clean are found in the composed copy.
    assert split_lines("Cafe\u0301\u2000en\u00a0terras") == ["Café en terras"]


ODD_RUN_RE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000 ]+"
)


@given(
    st.text(
        alphabet=st.sampled_from("ab. \t\u00a0\u2000\u2009\u3000\x0b\x0c\x1c\u200b\u00ad\n\u0301"),
        max_size=60,
    )
)
def test_odd_spaces_and_invisible_characters_are_cleaned_as_one_regex_would(text: str) -> None:
    # ``split_lines`` replaces the characters it finds one by one; a run of them, plain
    # spaces included, is one space all the same.
    composed = unicodedata.normalize("NFC", re.sub("[\u200b\u00ad]", "", text))
    expected = [ODD_RUN_RE.sub(" ", line).strip() for line in composed.split("\n")]
    assert split_lines(text) == [line for line in expected if line]


def test_a_dateline_after_a_wrapped_line_opens_its_own_paragraph() -> None:
    # The wrapper broke before "(Reuters)" would have fitted, and before "(a rise" too:
    # the dateline opens a story, the parenthesis goes on the sentence.
    text = (
        "Oil prices fell on Friday as worries about demand in China weighed on\n"
        "(a rise of 2%) markets in Asia, and both benchmarks headed for a loss as\n"
        "LONDON, Nov 8 (Reuters) - Brent crude futures fell 62 cents, or 0.8%,\n"
        "to $73.01 a barrel by 0938 GMT, while U.S. West Texas Intermediate lost\n"
        "58 cents in the morning's trade in London.\n"
    )
    assert split_lines(text) == [
        "Oil prices fell on Friday as worries about demand in China weighed on"
        " (a rise of 2%) markets in Asia, and both benchmarks headed for a loss as",
        "LONDON, Nov 8 (Reuters) - Brent crude futures fell 62 cents, or 0.8%,"
        " to $73.01 a barrel by 0938 GMT, while U.S. West Texas Intermediate lost"
        " 58 cents in the morning's trade in London.",
    ]
