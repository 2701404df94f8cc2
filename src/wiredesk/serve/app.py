"""The web app: site pages, their JSON twins, Atom feeds and the JSON API, over one store.

``create_app(settings)`` builds it; ``app_from_environment()`` builds it from
``WIREDESK_*`` environment variables, for ``wiredesk serve --workers N``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, cast
from zoneinfo import ZoneInfo

import anyio.to_thread
from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.staticfiles import StaticFiles

from wiredesk import __version__
from wiredesk.errors import NotFound
from wiredesk.serve import api, feeds, pages
from wiredesk.serve.guard import BodyLimit
from wiredesk.serve.problems import Problem
from wiredesk.serve.render import problem_response
from wiredesk.serve.settings import DEFAULT_ZONE, Settings, Site
from wiredesk.serve.templating import Renderer
from wiredesk.store import Store, resolve_url

log = logging.getLogger(__name__)

TOKEN_VARIABLE = "WIREDESK_TOKEN"
DB_VARIABLE = "WIREDESK_DB"
ZONE_VARIABLE = "WIREDESK_TIMEZONE"
BASE_URL_VARIABLE = "WIREDESK_BASE_URL"


def create_app(settings: Settings, store: Store | None = None) -> FastAPI:
    """The whole app over ``store`` (opened from ``settings.db`` when not given)."""
    site = Site(
        store=store or Store(settings.db),
        settings=settings,
        renderer=Renderer(),
        zone=ZoneInfo(settings.zone),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        try:
            yield
        finally:
            site.store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="wiredesk",
        version=__version__,
        summary="News copy made into articles, briefs and sections: read and add them.",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.site = site
    app.include_router(api.router)
    for route in (*feeds.routes(), *pages.routes()):
        app.router.routes.append(route)
    app.mount("/static", StaticFiles(packages=[("wiredesk.serve", "static")]), name="static")
    app.add_middleware(BodyLimit)

    async def on_problem(request: Request, exc: Exception) -> Response:
        problem = cast(Problem, exc)
        return problem_response(request, problem.status, problem.message, problem.headers, problem)

    async def on_not_found(request: Request, exc: Exception) -> Response:
        return problem_response(request, 404, str(exc))

    async def on_http(request: Request, exc: Exception) -> Response:
        error = cast(HTTPException, exc)
        return problem_response(
            request, error.status_code, str(error.detail), dict(error.headers or {})
        )

    async def on_invalid(request: Request, exc: Exception) -> Response:
        errors = cast(RequestValidationError, exc).errors()
        return problem_response(request, 400, _validation_message(errors))

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return problem_response(request, 500, "something went wrong on the server")

    app.add_exception_handler(Problem, on_problem)
    app.add_exception_handler(NotFound, on_not_found)
    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_invalid)
    app.add_exception_handler(Exception, on_crash)
    return app


# Requests that read the store at once, per process: more only queue on the GIL and
# the database, and each holds a connection and its cache (bench/serve_bench.py).
THREADS = 8


def _validation_message(errors: Any) -> str:
    """One line from FastAPI's validation errors: which parameter, and what is wrong."""
    parts = []
    for error in errors:
        where = ".".join(
            str(part) for part in error.get("loc", ()) if part not in ("query", "path", "body")
        )
        parts.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "the request is not valid"


def app_from_environment() -> FastAPI:
    """The app as ``WIREDESK_DB``, ``WIREDESK_TOKEN``, ``WIREDESK_TIMEZONE`` and
    ``WIREDESK_BASE_URL`` describe it."""
    return create_app(
        Settings(
            db=resolve_url(os.environ.get(DB_VARIABLE)),
            token=os.environ.get(TOKEN_VARIABLE) or None,
            zone=os.environ.get(ZONE_VARIABLE) or DEFAULT_ZONE,
            base_url=os.environ.get(BASE_URL_VARIABLE) or None,
        )
    )
