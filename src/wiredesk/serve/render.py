"""Turning a page's data into a response: HTML from its template, or the data as JSON.

The JSON twin of a page is the very dict its template renders (``templating.py``).
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from wiredesk.serve.i18n import COOKIE, Reader, choose_language
from wiredesk.serve.problems import PAGE_MESSAGES, Marked, Phrase, Problem, error_body
from wiredesk.serve.settings import site_of

VARY = "Accept, Accept-Language, Cookie"


def reader_of(request: Request) -> Reader:
    return Reader(
        choose_language(request.cookies.get(COOKIE), request.headers.get("accept-language")),
        site_of(request).zone,
    )


def wants_json(request: Request) -> bool:
    """Whether the client asked for JSON rather than a page (``Accept``)."""
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def is_api(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json") or wants_json(request)


def page_response(
    request: Request,
    template: str,
    view: dict[str, Any],
    *,
    as_json: bool,
    status: int = 200,
    reader: Reader | None = None,
) -> Response:
    """The page: its template filled with ``view``, or ``view`` itself as JSON."""
    reader = reader or reader_of(request)
    headers = {"Vary": VARY, "Content-Language": reader.language}
    if as_json or wants_json(request):
        return JSONResponse({"language": reader.language, **view}, status, headers=headers)
    site = site_of(request)
    body = site.renderer.html(template, reader, request, site.nav(), view=view)
    return HTMLResponse(body, status, headers=headers)


def problem_response(
    request: Request,
    status: int,
    message: str,
    headers: dict[str, str] | None = None,
    problem: Problem | None = None,
) -> Response:
    """An error as JSON on the API and JSON twins (in English), else as a page in the
    reader's language: the problem's own message when it was marked for translation,
    else what the site says for that status."""
    if is_api(request):
        return JSONResponse(error_body(status, message), status, headers=headers)
    reader = reader_of(request)
    if problem is not None and isinstance(problem.template, Marked):
        values = {
            name: reader.gettext(value.template, **value.values)
            if isinstance(value, Phrase)
            else value
            for name, value in problem.values.items()
        }
        shown = reader.gettext(problem.template, **values)
    else:
        shown = reader.gettext(PAGE_MESSAGES.get(status, PAGE_MESSAGES[400]))
    view = {"status": status, "message": shown}
    response = page_response(
        request, "error.html", view, as_json=False, status=status, reader=reader
    )
    response.headers.update(headers or {})
    return response
