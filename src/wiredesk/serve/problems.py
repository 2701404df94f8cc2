"""Errors a request can meet, and the one JSON shape the API gives them.

A ``Problem`` raised anywhere in a request becomes a JSON error on the API and
on JSON twins, an HTML page on the site, with the same status and message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# The short code beside each status in a JSON error.
CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    413: "too_large",
    415: "unsupported_media_type",
    422: "unprocessable",
    431: "headers_too_large",
    500: "server_error",
    503: "unavailable",
}


class Marked(str):
    """A message marked for the catalogs."""

    __slots__ = ()


def N_(message: str) -> Marked:
    """Marks a message for the catalogs (``make translations``): pages show it
    translated, the API in English."""
    return Marked(message)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A marked message with its values, given as a value of a ``Problem``'s message:
    pages show it translated too, the API in English."""

    template: str
    values: dict[str, object]

    def __str__(self) -> str:
        return self.template % self.values if self.values else self.template


class Problem(Exception):
    """A request that cannot be answered as asked: a status and a message for the user.

    ``message`` may hold ``%(name)s`` places for ``values``; one marked with
    ``N_`` is shown translated on the site.
    """

    def __init__(
        self,
        status: int,
        message: str,
        headers: dict[str, str] | None = None,
        **values: object,
    ) -> None:
        super().__init__(message % values if values else message)
        self.status = status
        self.template = message
        self.values = values
        self.headers = headers or {}

    @property
    def message(self) -> str:
        return str(self)


# What a page says for an error it has no message of its own for.
PAGE_MESSAGES = {
    400: N_("The request is not one this site can answer."),
    404: N_("There is nothing at this address."),
    405: N_("This address cannot be used that way."),
    413: N_("That is more than this site takes at once."),
    500: N_("Something went wrong on the server; it has been noted."),
}


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "code": CODES.get(status, "error"), "message": message}}
