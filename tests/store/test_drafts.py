"""How bodies and statements are written down for the store: pure, no database."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wiredesk.model import Block
from wiredesk.store import save
from wiredesk.store.drafts import decode_body, encode_body, encode_layout
from wiredesk.store.sql import Statement, statement

blocks = st.lists(
    st.builds(Block, kind=st.sampled_from(["paragraph", "heading"]), text=st.text()), max_size=6
).map(tuple)


@given(blocks)
def test_a_layout_with_its_text_gives_back_the_body(body: tuple[Block, ...]) -> None:
    body_text = "\n".join(block.text for block in body)
    assert decode_body(encode_layout(body), body_text) == body
    assert decode_body(encode_body(body)) == body


def test_a_body_with_line_breaks_in_a_block_is_kept_whole() -> None:
    body = (Block(kind="paragraph", text="two\nlines"),)
    assert decode_body(encode_layout(body)) == body
    assert decode_body(encode_layout((Block(kind="heading", text="one"),)), "one") == (
        Block(kind="heading", text="one"),
    )


def test_a_layout_that_does_not_fit_its_text_is_an_error() -> None:
    with pytest.raises(ValueError, match="2 blocks beside 1 lines"):
        decode_body('["paragraph", "paragraph"]', "only one")


TIME_NAMES = re.compile(r"(_at|^earliest|^latest)$")


def test_every_timestamp_parameter_of_ingest_is_declared() -> None:
    """SQLite gets timestamps as SQLAlchemy writes them only where a statement names them."""
    statements = [value for value in vars(save).values() if isinstance(value, Statement)]
    assert len(statements) > 10
    for which in statements:
        names = set(re.findall(r"(?<!:):(\w+)", which.sqlite))
        assert {name for name in names if TIME_NAMES.search(name)} == set(which.times), which


def test_a_timestamp_parameter_must_be_in_its_statement() -> None:
    with pytest.raises(ValueError, match="seen_at"):
        statement("SELECT :id", times=("seen_at",))
