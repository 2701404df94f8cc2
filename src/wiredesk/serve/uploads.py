"""What ``POST /api/v1/captures`` reads: the write token, and the page in the request.

A page comes as JSON (``text`` or ``html``, with ``captured_at``, ``url``,
``language``), as a multipart upload (a ``file`` part and the same fields), or
as a bare ``text/plain`` or ``text/html`` body. Anything else is a 400 or 415
saying what was expected.
"""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.datastructures import UploadFile
from starlette.requests import Request

from wiredesk.serve.problems import Problem
from wiredesk.serve.settings import site_of

CAPTURE_FIELDS = {
    "text": {"type": "string", "description": "The page as text copied from a browser."},
    "html": {"type": "string", "description": "The page as HTML."},
    "captured_at": {
        "type": "string",
        "format": "date-time",
        "description": "When the page was captured (UTC if no offset). Default: now.",
    },
    "url": {"type": "string", "description": "Where the page came from."},
    "language": {"type": "string", "description": "The page's language; default: detected."},
}
CAPTURE_BODY = {
    "required": True,
    "description": "A page: JSON with text or html, a multipart upload (file), "
    "or the page itself as text/plain or text/html. At most 5 MB.",
    "content": {
        "application/json": {
            "schema": {"type": "object", "properties": CAPTURE_FIELDS, "minProperties": 1}
        },
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {
                    "file": {"type": "string", "format": "binary"},
                    **{name: CAPTURE_FIELDS[name] for name in ("captured_at", "url", "language")},
                },
                "required": ["file"],
            }
        },
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
    },
}
bearer = HTTPBearer(auto_error=False, description="The server's WIREDESK_TOKEN.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Upload:
    """A capture as a request sends it, before parsing."""

    data: bytes
    is_html: bool | None
    captured_at: datetime | None
    url: str | None
    language: str | None
    source: str


def check_token(request: Request, credentials: HTTPAuthorizationCredentials | None) -> None:
    """Writes need the server's token: 401 without one, 403 with another or on a
    read-only server."""
    token = site_of(request).settings.token
    if token is None:
        raise Problem(403, "this server is read-only: it has no write token (WIREDESK_TOKEN)")
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Problem(
            401,
            "adding captures needs a token: Authorization: Bearer <token>",
            {"WWW-Authenticate": 'Bearer realm="wiredesk"'},
        )
    if not hmac.compare_digest(credentials.credentials.encode(), token.encode()):
        raise Problem(403, "the token is not this server's")


def _time(value: object, name: str) -> datetime | None:
    if value is None or value == "":
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        raise Problem(400, f"{name} is not an ISO-8601 time: {str(value)[:60]!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _optional_text(value: object, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > 2000:
        raise Problem(400, f"{name} must be a string of at most 2000 characters")
    return value


async def read_upload(request: Request) -> Upload:
    """The capture in a request: JSON, a multipart upload, or a bare text or HTML body."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            record = json.loads(await request.body())
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise Problem(400, f"the body is not JSON: {error}") from None
        if not isinstance(record, dict):
            raise Problem(400, "the body must be a JSON object")
        content = record.get("text", record.get("html"))
        if not isinstance(content, str) or not content.strip():
            raise Problem(400, 'the JSON needs a "text" or "html" string with the page')
        return Upload(
            data=content.encode("utf-8", errors="replace"),
            is_html="html" in record and "text" not in record,
            captured_at=_time(record.get("captured_at"), "captured_at"),
            url=_optional_text(record.get("url"), "url"),
            language=_optional_text(record.get("language"), "language"),
            source="<api>",
        )
    if kind == "multipart/form-data":
        try:
            form = await request.form()
        except Exception as error:  # the multipart reader's own errors
            raise Problem(400, f"the upload cannot be read: {error}") from None
        try:
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise Problem(400, 'the upload needs a "file" part with the page')
            data = await upload.read()
            name = upload.filename or "upload"
            html = name.lower().endswith((".html", ".htm")) or upload.content_type == "text/html"
            return Upload(
                data=data,
                is_html=True if html else None,
                captured_at=_time(form.get("captured_at"), "captured_at"),
                url=_optional_text(form.get("url"), "url"),
                language=_optional_text(form.get("language"), "language"),
                source=f"<api>/{name}"[:200],
            )
        finally:
            await form.close()  # the uploaded files' temporary copies
    if kind in ("text/plain", "text/html"):
        return Upload(
            data=await request.body(),
            is_html=kind == "text/html",
            captured_at=None,
            url=None,
            language=None,
            source="<api>",
        )
    raise Problem(
        415, "send the page as application/json, multipart/form-data, text/plain or text/html"
    )
