"""Errors a request can meet, and the one JSON shape the API gives them.

A ``Problem`` raised anywhere in a request becomes a JSON error on the API and
on JSON twins, an HTML page on the site, with the same status and message.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse

# The short code beside each status in a JSON error.
CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "unprocessable",
    500: "server_error",
}


class Problem(Exception):
    """A request that cannot be answered as asked: a status and a message for the user."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "code": CODES.get(status, "error"), "message": message}}


def error_json(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The API's one error shape: ``{"error": {"status", "code", "message"}}``."""
    return JSONResponse(error_body(status, message), status_code=status, headers=headers)
