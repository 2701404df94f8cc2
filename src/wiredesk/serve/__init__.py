"""serve: the faces of wiredesk on the web — pages, JSON twins, Atom feeds, the JSON API.

``create_app(Settings(db=...))`` gives the ASGI app; ``wiredesk serve`` and
``wiredesk demo`` run it with uvicorn.
"""

from wiredesk.serve.app import app_from_environment, create_app
from wiredesk.serve.settings import Settings

__all__ = ["Settings", "app_from_environment", "create_app"]
