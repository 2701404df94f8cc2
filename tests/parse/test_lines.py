"""Line cleaning and the joining of hard-wrapped wire copy."""

from __future__ import annotations

from wiredesk.parse.lines import split_lines

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
