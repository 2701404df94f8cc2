"""Furniture lines asked of directly: the rules' quick exits keep their answers."""

from __future__ import annotations

from wiredesk.parse.furniture import is_furniture

LONG_TITLE = (
    "Article réservé à nos abonnés Dans les campagnes, des écoles qui ferment faute d’élèves "
    "et des maires qui se battent pour garder leurs classes ouvertes"
)


def test_a_furniture_line_printed_twice_is_furniture() -> None:
    assert is_furniture("Partager Partager")
    assert is_furniture("Ajouter à vos sélections Ajouter à vos sélections")
    assert is_furniture("PARTAGER\tpartager")


def test_words_printed_twice_that_are_no_furniture_line_are_not() -> None:
    assert not is_furniture("Partager Partager Partager")
    assert not is_furniture("New York New York")
    assert not is_furniture("Partager les Partager")


def test_a_long_pointer_to_another_story_is_furniture() -> None:
    assert is_furniture(f"Lire aussi : {LONG_TITLE}")
    assert is_furniture(f"Lees ook | {LONG_TITLE}")


def test_a_long_paragraph_opening_like_a_pointer_without_its_colon_is_not() -> None:
    assert not is_furniture(f"Lire aussi {LONG_TITLE}")
    assert not is_furniture(f"Related {LONG_TITLE}")
