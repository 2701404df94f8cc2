"""The JSON API, ``/api/v1``: articles, sections, search, and adding captures.

Reads are open. ``POST /api/v1/captures`` needs ``Authorization: Bearer
<token>`` with the server's token (``WIREDESK_TOKEN``): 401 without one, 403
with a wrong one, and 403 on a server with no token, which is read-only.
Every error has one shape: ``{"error": {"status", "code", "message"}}``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from fastapi.security import HTTPAuthorizationCredentials
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from wiredesk.desk import keep_capture
from wiredesk.errors import QueryError
from wiredesk.json_records import hit_to_json, stored_article_to_json, version_to_json
from wiredesk.model import Capture
from wiredesk.query import Filters, read_query
from wiredesk.serve.params import MAX_ID, MAX_TEXT
from wiredesk.serve.problems import Problem, error_body
from wiredesk.serve.settings import desk_of
from wiredesk.serve.slugs import article_path, slugify
from wiredesk.serve.uploads import CAPTURE_BODY, bearer, check_token, read_upload

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "code", "message"],
            "properties": {
                "status": {"type": "integer"},
                "code": {"type": "string"},
                "message": {"type": "string"},
            },
        }
    },
}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": ERROR_SCHEMA}}}


READ_ERRORS: dict[int | str, dict[str, Any]] = {400: _error("A parameter is not valid.")}
router = APIRouter(prefix="/api/v1", responses=READ_ERRORS)

Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
Limit = Annotated[int, Query(ge=1, le=100, description="How many, at most.")]
Offset = Annotated[int, Query(ge=0, le=100_000, description="Skip this many first.")]


def _filters(
    section: Text = None,
    agency: Text = None,
    place: Text = None,
    language: Text = None,
    kind: Literal["article", "brief"] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> Filters:
    """The filters of a listing or a search, read from its query parameters."""

    def utc(moment: datetime | None) -> datetime | None:
        if moment is None:
            return None
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

    def clean(value: str | None) -> str | None:
        if value is not None and "\x00" in value:
            raise Problem(400, "a filter holds a NUL character")
        return value or None

    return Filters(
        section=clean(section),
        agency=clean(agency),
        place=clean(place),
        language=clean(language),
        kind=kind,
        since=utc(since),
        until=utc(until),
    )


# The same filter parameters for every operation that takes them, declared once.
FilterParams = Annotated[Filters, Depends(_filters)]


def _article(article: Any) -> dict[str, Any]:
    return {**stored_article_to_json(article), "url": article_path(article)}


@router.get("/articles", summary="Articles and briefs, newest first")
def list_articles(
    request: Request, filters: FilterParams, limit: Limit = 20, offset: Offset = 0
) -> JSONResponse:
    """The stories matching every filter given, newest first, a page at a time."""
    found = desk_of(request).store.latest(filters, limit=limit + 1, offset=offset)
    return JSONResponse(
        {
            "articles": [_article(article) for article in found[:limit]],
            "limit": limit,
            "offset": offset,
            "has_more": len(found) > limit,
        }
    )


@router.get(
    "/articles/{article_id}",
    summary="One article or brief, with its versions",
    responses={404: _error("No article with this id.")},
)
def get_article(
    request: Request, article_id: Annotated[int, Path(ge=1, le=MAX_ID)]
) -> JSONResponse:
    store = desk_of(request).store
    article = store.article(article_id)  # NotFound: 404
    versions = store.history(article_id)
    return JSONResponse(
        {
            "article": _article(article),
            "versions": [version_to_json(version) for version in versions],
        }
    )


@router.get("/sections", summary="Every section, the most recently active first")
def list_sections(request: Request) -> JSONResponse:
    sections = desk_of(request).store.sections()
    return JSONResponse(
        {
            "sections": [
                {
                    "name": section.name,
                    "slug": slugify(section.name),
                    "count": section.count,
                    "latest_at": section.latest_at.isoformat(),
                }
                for section in sections
            ]
        }
    )


@router.get("/search", summary="Search articles and briefs")
def search(
    request: Request,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=MAX_TEXT,
            description='Words; "a phrase"; a OR b; -word or NOT word.',
        ),
    ],
    filters: FilterParams,
    limit: Limit = 20,
    offset: Offset = 0,
) -> JSONResponse:
    """Ranked matches with snippets; ``highlights`` are character spans of the snippet."""
    if "\x00" in q:
        raise Problem(400, "the query holds a NUL character")
    try:
        query = read_query(q)
    except QueryError as error:
        raise Problem(400, f"cannot search for {q!r}: {error}") from None
    desk = desk_of(request)
    hits = desk.store.search(query, filters, now=desk.now(), limit=limit, offset=offset)
    return JSONResponse(
        {
            "query": q,
            "hits": [{**hit_to_json(hit), "url": f"/article/{hit.id}"} for hit in hits],
            "limit": limit,
            "offset": offset,
        }
    )


@router.post(
    "/captures",
    summary="Add a page",
    status_code=201,
    openapi_extra={"requestBody": CAPTURE_BODY},
    responses={
        200: {"description": "This capture was kept before: nothing changed."},
        201: {"description": "Kept: the stories it showed."},
        401: _error("No token."),
        403: _error("A wrong token, or a read-only server."),
        413: _error("The body is larger than 5 MB."),
        415: _error("Not a body this endpoint reads."),
        422: _error("The page holds no recognisable article; its bytes are kept."),
    },
)
async def add_capture(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> JSONResponse:
    """Parse and keep one page; answer with the stories it showed."""
    check_token(request, credentials)
    upload = await read_upload(request)
    if not upload.data.strip():
        raise Problem(400, "the page is empty")
    capture = Capture(
        data=upload.data,
        source=upload.source,
        captured_at=upload.captured_at or desk_of(request).now(),
        captured_at_from="given" if upload.captured_at else "now",
    )
    result, shown = await run_in_threadpool(
        keep_capture,
        desk_of(request).store,
        capture,
        is_html=upload.is_html,
        url=upload.url,
        language=upload.language,
    )
    if result.is_new_capture:
        desk_of(request).forget_sections()
    if result.error is not None and result.is_new_capture:
        return JSONResponse(error_body(422, result.error), 422)
    stories = [
        {"id": seen.article_id, "role": seen.role, "url": f"/article/{seen.article_id}"}
        for seen in shown
    ]
    body = {
        "capture_id": result.capture_id,
        "is_new": result.is_new_capture,
        "articles": result.articles,
        "briefs": result.briefs,
        "versions": result.versions,
        "duplicates": result.duplicates,
        "stories": stories,
    }
    status = 201 if result.is_new_capture else 200
    headers = {"Location": f"/article/{shown[0].article_id}"} if shown and status == 201 else None
    return JSONResponse(body, status, headers=headers)
