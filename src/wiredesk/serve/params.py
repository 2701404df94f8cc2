"""Query parameters read strictly: a bad one is a 400 saying which and why, never a 500.

Filters and words are read by ``wiredesk.query``, as the command line and the
API read them; here what it refuses becomes a 400 the site can translate.
"""

from __future__ import annotations

from collections.abc import Mapping

from wiredesk.errors import ParameterError
from wiredesk.query import FILTER_NAMES, Filters, read_filters, read_text
from wiredesk.serve.problems import N_, Marked, Problem

PAGE_SIZE = 20
MAX_PAGE = 10_000
# Ids are 32-bit integers in the database: a larger one names nothing.
MAX_ID = 2**31 - 1


def _problem(error: ParameterError) -> Problem:
    # The template is one of REQUEST_REASONS (pages.py), so a page says it translated.
    return Problem(400, Marked(error.template), name=error.name)


def text(params: Mapping[str, str], name: str) -> str | None:
    try:
        return read_text(params.get(name), name=name)
    except ParameterError as error:
        raise _problem(error) from None


def number(params: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    value = params.get(name)
    if value is None or value == "":
        return default
    try:
        found = int(value)
    except ValueError:
        raise Problem(
            400, N_("%(name)s must be a whole number, not %(value)r"), name=name, value=value[:40]
        ) from None
    if not low <= found <= high:
        raise Problem(
            400, N_("%(name)s must be between %(low)s and %(high)s"), name=name, low=low, high=high
        )
    return found


def filters(params: Mapping[str, str]) -> Filters:
    """The filters of ``wiredesk search``, from a query string."""
    try:
        return read_filters(**{name: params.get(name) for name in FILTER_NAMES})
    except ParameterError as error:
        raise _problem(error) from None


def page(params: Mapping[str, str]) -> int:
    """The page number of a paginated list, from 1."""
    return number(params, "page", 1, 1, MAX_PAGE)
