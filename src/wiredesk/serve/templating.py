"""The site's templates (``templates/``): the Jinja environment, loaded once, and
rendering one page with them.

Templates autoescape everything: ingested text never becomes markup. Their
words come from the reader's catalogs (``_`` and ``ngettext``).
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.requests import Request

from wiredesk.serve.i18n import LANGUAGES, Reader

# The name each language has in the language switch: its own.
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}


# The reader a template is being rendered for: ``_`` and ``ngettext`` are globals
# that ask it, so that imported macros need no context and are loaded once.
CURRENT_READER: ContextVar[Reader] = ContextVar("reader")


def _gettext(message: str, **values: Any) -> str:
    return CURRENT_READER.get().gettext(message, **values)


def _ngettext(singular: str, plural: str, count: int, **values: Any) -> str:
    return CURRENT_READER.get().ngettext(singular, plural, count, **values)


class Renderer:
    """The site's templates, loaded once."""

    def __init__(self) -> None:
        self.environment = Environment(
            loader=PackageLoader("wiredesk.serve", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.environment.globals.update(_=_gettext, ngettext=_ngettext)

    def html(
        self,
        template: str,
        reader: Reader,
        request: Request,
        nav: list[dict[str, str]],
        **context: Any,
    ) -> str:
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        token = CURRENT_READER.set(reader)
        try:
            return self.environment.get_template(template).render(
                lang=reader.language,
                languages=[(code, LANGUAGE_NAMES[code]) for code in LANGUAGES],
                here=here,
                nav=nav,
                **context,
            )
        finally:
            CURRENT_READER.reset(token)
