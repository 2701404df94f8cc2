"""The exception tree of wiredesk.

::

    WiredeskError
      InputError      a capture could not be read or decoded (names the input)
      ParseError      a capture held no recognisable article (names the input, says why)
      SourceError     a feed or page could not be fetched (url, status, reason)
      QueryError      a request could not be read: its search query or a parameter (says why)
        ParameterError  a parameter's value could not be read (names the parameter)
      StoreError
        NotFound
      ConfigError

Bad copy is normal: callers catch ``InputError`` and ``ParseError`` per
capture and go on. The command line turns any ``WiredeskError`` into a
one-line message and exit status 1.
"""

from __future__ import annotations


class WiredeskError(Exception):
    """Base of every error wiredesk raises on purpose."""


class InputError(WiredeskError):
    """A capture could not be read or decoded."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ParseError(WiredeskError):
    """A capture held no recognisable article."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class SourceError(WiredeskError):
    """A feed or page could not be fetched or read.

    ``status`` is the HTTP status when the server answered; ``retry_after`` the
    seconds the server asked to wait (429, 503), when it said.
    """

    def __init__(
        self,
        url: str,
        reason: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


class QueryError(WiredeskError):
    """A request that cannot be read: ``template % values`` says why.

    The message is English; the web reader's catalogs hold each template, so a
    page says it in the reader's language with the same values.
    """

    def __init__(self, template: str, **values: object) -> None:
        super().__init__(template % values if values else template)
        self.template = template
        self.values = values


class ParameterError(QueryError):
    """A parameter of a request (a filter, a name) whose value cannot be read.

    ``name`` is the parameter's, as the site and the API spell it; the command
    line's option is ``--name``. The template may use it as ``%(name)s``.
    """

    def __init__(self, name: str, template: str) -> None:
        super().__init__(template, name=name)
        self.name = name


class StoreError(WiredeskError):
    """The store could not do what was asked."""


class NotFound(StoreError):
    """No record with that id."""


class ConfigError(WiredeskError):
    """A setting is missing or wrong."""
