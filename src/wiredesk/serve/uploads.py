"""What ``POST /api/v1/captures`` reads: the write token, and the page in the request.

A page comes as JSON (``text`` or ``html``, with ``captured_at``, ``url``,
``language``), as a multipart upload (a ``file`` part and the same fields), or
as a bare ``text/plain`` or ``text/html`` body. Anything else is a 400 or 415
saying what was expected; so is an upload with two ``file`` parts (or any field
twice): one request is one page.
"""

from __future__ import annotations

import hmac
from datetime import datetime

from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.datastructures import UploadFile
from starlette.requests import Request

from wiredesk.errors import InputError
from wiredesk.model import Capture
from wiredesk.serve.problems import Problem
from wiredesk.serve.settings import site_of
from wiredesk.sources.records import read_json_record, with_fields

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
API_SOURCE = "<api>"
# The parts of a multipart upload: the page, and what is said of it.
FORM_FIELDS = ("file", "captured_at", "url", "language", "section")
bearer = HTTPBearer(auto_error=False, description="The server's WIREDESK_TOKEN.")


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


async def read_upload(request: Request, now: datetime) -> Capture:
    """The capture in a request: JSON, a multipart upload, or a bare text or HTML body;
    captured ``now`` unless it says when. Its fields are read as a JSON Lines record's are."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        if kind == "application/json":
            body = await request.body()
            return read_json_record(body, API_SOURCE, captured_at=now, captured_at_from="now")
        if kind == "multipart/form-data":
            return await _from_form(request, now)
    except InputError as error:
        raise Problem(400, error.reason) from None
    if kind in ("text/plain", "text/html"):
        return Capture(
            data=await request.body(),
            source=API_SOURCE,
            captured_at=now,
            captured_at_from="now",
            content_type="html" if kind == "text/html" else "text",
        )
    raise Problem(
        415, "send the page as application/json, multipart/form-data, text/plain or text/html"
    )


async def _from_form(request: Request, now: datetime) -> Capture:
    try:
        form = await request.form()
    except Exception as error:  # the multipart reader's own errors
        raise Problem(400, f"the upload cannot be read: {error}") from None
    try:
        for key in FORM_FIELDS:
            if len(form.getlist(key)) > 1:  # which one was meant? Say so rather than guess
                raise Problem(
                    400,
                    f'the upload holds {len(form.getlist(key))} "{key}" parts: send one page, '
                    "and each field once, per request",
                )
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise Problem(400, 'the upload needs a "file" part with the page')
        name = upload.filename or "upload"
        html = name.lower().endswith((".html", ".htm")) or upload.content_type == "text/html"
        fields = {key: form.get(key) for key in FORM_FIELDS if key != "file"}
        return with_fields(
            await upload.read(),
            fields,
            f"{API_SOURCE}/{name}"[:200],
            content_type="html" if html else None,
            captured_at=now,
            captured_at_from="now",
        )
    finally:
        await form.close()  # the uploaded files' temporary copies
