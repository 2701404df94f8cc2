"""The JSON API, ``/api/v1``: articles, sections, search, and adding captures.

Reads are open. ``POST /api/v1/captures`` needs ``Authorization: Bearer
<token>`` with the server's token (``WIREDESK_TOKEN``): 401 without one, 403
with a wrong one, and 403 on a server with no token, which is read-only.
Every error has one shape: ``{"error": {"status", "code", "message"}}``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from fastapi.security import HTTPAuthorizationCredentials
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from wiredesk import desk
from wiredesk.desk import keep_capture
from wiredesk.errors import ParameterError, QueryError
from wiredesk.json_records import (
    findings_to_json,
    hit_to_json,
    stored_article_to_json,
    version_to_json,
)
from wiredesk.query import KINDS, MAX_TEXT, Filters, read_filters, read_moment, read_text
from wiredesk.serve import entity_views
from wiredesk.serve.params import MAX_ID
from wiredesk.serve.problems import Problem, error_body
from wiredesk.serve.settings import site_of
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

Limit = Annotated[int, Query(ge=1, le=100, description="How many, at most.")]
Offset = Annotated[int, Query(ge=0, le=100_000, description="Skip this many first.")]
# The filters are read by ``read_filters``, as the site and the command line read
# them: here they are strings, described for the schema, never checked twice.
TIME = {"format": "date-time"}


def _filter(description: str, **schema: Any) -> Any:
    """A filter's parameter: a name of at most ``MAX_TEXT`` characters, unless ``schema``
    says what it is instead (one of some words, a time)."""
    return Query(description=description, json_schema_extra=schema or {"maxLength": MAX_TEXT})


def _filters(
    section: Annotated[str | None, _filter("Only this section (Buitenland, World...).")] = None,
    agency: Annotated[str | None, _filter("Only copy from this agency (ANP, Reuters...).")] = None,
    place: Annotated[str | None, _filter("Only this dateline place (LONDEN, Berlin...).")] = None,
    language: Annotated[str | None, _filter("Only this language (nl, en, de, fr).")] = None,
    kind: Annotated[str | None, _filter("Only articles or only briefs.", enum=list(KINDS))] = None,
    since: Annotated[
        str | None, _filter("Only from this time on (UTC without an offset).", **TIME)
    ] = None,
    until: Annotated[
        str | None, _filter("Only before this time (UTC without an offset).", **TIME)
    ] = None,
    entity: Annotated[
        str | None,
        _filter("Only stories naming this entity (geonames:2017370, person:selensky, org:nato)."),
    ] = None,
) -> Filters:
    """The filters of a listing or a search, read from its query parameters."""
    try:
        return read_filters(
            section=section,
            agency=agency,
            place=place,
            language=language,
            kind=kind,
            since=since,
            until=until,
            entity=entity,
        )
    except ParameterError as error:
        raise Problem(400, str(error)) from None


# The same filter parameters for every operation that takes them, declared once.
FilterParams = Annotated[Filters, Depends(_filters)]


def _article(article: Any) -> dict[str, Any]:
    return {**stored_article_to_json(article), "url": article_path(article)}


@router.get("/articles", summary="Articles and briefs, newest first")
def list_articles(
    request: Request, filters: FilterParams, limit: Limit = 20, offset: Offset = 0
) -> JSONResponse:
    """The stories matching every filter given, newest first, a page at a time."""
    site = site_of(request)
    found = desk.list_stories(site.store, filters, limit=limit, offset=offset, now=site.now())
    return JSONResponse(
        {
            "articles": [_article(article) for article in found.articles],
            "limit": limit,
            "offset": offset,
            "has_more": found.has_more,
        }
    )


@router.get(
    "/articles/{article_id}",
    summary="One article or brief, with its entities, quotes, figures and versions",
    responses={404: _error("No article with this id.")},
)
def get_article(
    request: Request, article_id: Annotated[int, Path(ge=1, le=MAX_ID)]
) -> JSONResponse:
    """The story, with what enrichment found in it (``entities`` with every mention,
    ``quotes``, ``figures``, as in the page JSON), and its versions."""
    site = site_of(request)
    # NotFound: 404 (killed, embargoed too)
    found = site.store.article_with_rail(article_id, rail_items=0, now=site.now())
    story = found.article.article
    return JSONResponse(
        {
            "article": {
                **_article(found.article),
                **findings_to_json(story),
            },
            "versions": [version_to_json(version) for version in found.versions],
        }
    )


EntityId = Annotated[
    str,
    Path(
        min_length=1,
        max_length=MAX_TEXT,
        description="The id enrichment gives it: geonames:2017370, person:selensky, org:nato.",
    ),
]
Since = Annotated[
    str | None, _filter("Only stories from this time on (UTC without an offset).", **TIME)
]


def _since(since: str | None) -> Any:
    try:
        return read_moment(since, name="since")
    except ParameterError as error:
        raise Problem(400, str(error)) from None


@router.get("/entities", summary="The places, people and organisations named most")
def list_entities(
    request: Request,
    since: Since = None,
    type: Annotated[
        Literal["place", "person", "organisation"] | None,
        Query(description="Only places, only people or only organisations."),
    ] = None,
    limit: Limit = 20,
) -> JSONResponse:
    """The entities the stories shown name most, with how many stories name each."""
    site = site_of(request)
    found = site.store.top_entities(type=type, since=_since(since), limit=limit, now=site.now())
    return JSONResponse({"entities": [entity_views.entity_json(entity) for entity in found]})


@router.get(
    "/entities/{entity_id}",
    summary="One entity: its stories over time, the entities seen with it, its quotes",
    responses={404: _error("No story shown names this entity.")},
)
def get_entity(
    request: Request, entity_id: EntityId, limit: Limit = 20, offset: Offset = 0
) -> JSONResponse:
    """What ``/entity/<id>`` shows: the entity (with its name per language where known),
    its stories per day, the entities most often named with it, its quotes (a person's),
    and a page of its stories, newest first."""
    site = site_of(request)
    found = desk.entity_page(site.store, entity_id, now=site.now(), limit=limit, offset=offset)
    return JSONResponse(
        {
            **entity_views.page_json(found),
            "articles": [_article(article) for article in found.stories.articles],
            "limit": limit,
            "offset": offset,
        }
    )


@router.get("/quotes", summary="Who said what, newest first")
def list_quotes(
    request: Request,
    by: Annotated[
        str | None,
        _filter("Only quotes of a speaker whose name holds this (any case), or of this id."),
    ] = None,
    since: Since = None,
    limit: Limit = 20,
) -> JSONResponse:
    site = site_of(request)
    try:
        wanted = read_text(by, name="by")
    except ParameterError as error:
        raise Problem(400, str(error)) from None
    found = site.store.quotes(by=wanted, since=_since(since), limit=limit, now=site.now())
    return JSONResponse({"quotes": [entity_views.quote_json(seen) for seen in found]})


@router.get("/sections", summary="Every section, the most recently active first")
def list_sections(request: Request) -> JSONResponse:
    site = site_of(request)
    sections = site.store.sections(now=site.now())
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
            description='Words; "a phrase"; a OR b; -word or NOT word.',
            # read_query refuses a longer one, as it does for every face
            json_schema_extra={"maxLength": MAX_TEXT},
        ),
    ],
    filters: FilterParams,
    limit: Limit = 20,
    offset: Offset = 0,
) -> JSONResponse:
    """Ranked matches with snippets; ``highlights`` are character spans of the snippet."""
    site = site_of(request)
    try:
        found = desk.search(site.store, q, filters, now=site.now(), limit=limit, offset=offset)
    except QueryError as error:
        raise Problem(400, f"cannot search for {q!r}: {error}") from None
    return JSONResponse(
        {
            "query": q,
            "hits": [{**hit_to_json(hit), "url": f"/article/{hit.id}"} for hit in found.hits],
            "limit": limit,
            "offset": offset,
            "has_more": found.has_more,
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
    capture = await read_upload(request, site_of(request).now())
    if not capture.data.strip():
        raise Problem(400, "the page is empty")
    kept = await run_in_threadpool(keep_capture, site_of(request).store, capture)
    result, shown = kept.result, kept.shown
    if result.is_new_capture:
        site_of(request).forget_sections()
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
