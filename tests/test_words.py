"""Words as wiredesk indexes and compares them: the fast reading gives what the expression gives."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from wiredesk.words import WORD_RE, words

# Characters news copy holds, and some that trip a reading of words up: curly quotes,
# dashes, spaces that are not ASCII, combining marks, ligatures that casefold to two
# letters, digits of other scripts, symbols, an underscore, astral letters.
TRICKY = (
    "abcXYZ019 _-.,;:'\"()/\n\t"
    "éëïçßẞİıǅﬁﬀ’‘“”„«»–—…·\u00a0\u2009\u200b\u200d\u0301\u0300"
    "٣١²½Ⅻ①中文😀𝔘"
)


def expected(text: str) -> list[str]:
    return WORD_RE.findall(text.casefold())


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(TRICKY), max_size=80) | st.text(max_size=80))
@example("Noord-Koreaanse soldaten aan het front in Koersk")
@example("l’armée d’été — «la grève» continue… à Paris")
@example("Straße İstanbul ﬁnale x_y")
@example("")
def test_words_are_what_the_expression_finds(text: str) -> None:
    assert words(text) == expected(text)


def test_words_of_a_page_of_copy() -> None:
    text = (
        "KOERSK (ANP/AFP) - Duizenden Noord-Koreaanse soldaten vechten “inmiddels” mee,\n"
        "zegt de Oekraïense inlichtingendienst. Ein Warnstreik der Lokführer; l’armée\u00a0a dit."
    )
    assert words(text) == expected(text)
    assert words(text)[:4] == ["koersk", "anp", "afp", "duizenden"]
    assert "lokführer" in words(text)
    assert words(text)[-4:] == ["l", "armée", "a", "dit"]
