"""The site's words come from the gettext catalogs, in Dutch and English, kept complete."""

from __future__ import annotations

import ast
import io
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from tests.conftest import ROOT
from wiredesk.serve.i18n import LANGUAGES, Reader, language_from_header
from wiredesk.serve.pages import REQUEST_REASONS

LOCALE = ROOT / "src" / "wiredesk" / "serve" / "locale"
NOW = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)


def text(value: object) -> str:
    """A message id or string as text; a plural's forms (a tuple in .po, a list in .mo) are
    joined, and count as untranslated ("") while any of them is."""
    if isinstance(value, tuple | list):
        return " | ".join(value) if all(value) else ""
    return str(value)


def catalog(language: str, suffix: str) -> dict[str, str]:
    path = LOCALE / language / "LC_MESSAGES" / f"messages.{suffix}"
    with path.open("rb") as file:
        read = read_po(file) if suffix == "po" else read_mo(file)
    return {text(message.id): text(message.string) for message in read if message.id}


def test_every_string_of_the_site_is_in_the_catalogs_and_translated(tmp_path: Path) -> None:
    template = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable, "-m", "babel.messages.frontend", "extract",
            "-F", str(LOCALE / "babel.cfg"), "-k", "_", "-k", "gettext", "-k", "ngettext:1,2", "-k", "N_",
            "--no-location", "--omit-header", "-o", str(template), ".",
        ],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    with template.open("rb") as file:
        wanted = {text(message.id) for message in read_po(file) if message.id}
    assert len(wanted) > 40
    for language in LANGUAGES:
        po = catalog(language, "po")
        assert wanted <= set(po), f"{language}: run make translations"
    dutch = catalog("nl", "po")
    assert all(dutch[message] for message in wanted), "untranslated Dutch strings"


def test_compiled_catalogs_match_their_sources() -> None:
    for language in LANGUAGES:
        po = {key: value for key, value in catalog(language, "po").items() if value}
        assert catalog(language, "mo") == po, f"{language}: run make translations"


def test_both_languages_render_words_times_and_ages() -> None:
    amsterdam = ZoneInfo("Europe/Amsterdam")
    dutch, english = Reader("nl", amsterdam), Reader("en", amsterdam)
    assert dutch.gettext("Latest news") == "Laatste nieuws"
    assert english.gettext("Latest news") == "Latest news"
    assert dutch.gettext("More from %(section)s", section="Buitenland") == "Meer uit Buitenland"
    hour_ago = NOW - timedelta(hours=1)
    assert dutch.age(hour_ago, NOW) == "1 uur geleden"
    assert english.age(hour_ago, NOW) == "1 hour ago"
    assert dutch.age(NOW - timedelta(minutes=110), NOW) == "2 uur geleden"
    assert english.age(NOW - timedelta(seconds=20), NOW) == "just now"
    assert dutch.age(NOW - timedelta(seconds=20), NOW) == "zojuist"
    assert dutch.time(NOW) == "18 maart 2026 15:00"
    assert english.time(NOW) == "18 March 2026 15:00"


def test_language_is_chosen_from_the_header() -> None:
    assert language_from_header(None) == "nl"
    assert language_from_header("en-US,en;q=0.9") == "en"
    assert language_from_header("de-DE,nl;q=0.8,en;q=0.5") == "nl"
    assert language_from_header("fr-FR") == "en"
    assert language_from_header("nl;q=0.2,en;q=0.9") == "en"
    assert language_from_header("en;q=bad,nl") == "nl"


def test_catalog_files_ship_in_the_package() -> None:
    from importlib.resources import files

    for language in LANGUAGES:
        compiled = files("wiredesk.serve") / "locale" / language / "LC_MESSAGES" / "messages.mo"
        assert compiled.is_file()
        assert str(read_mo(io.BytesIO(compiled.read_bytes())).locale) == language


def test_templates_hold_no_words_outside_the_catalogs() -> None:
    templates = sorted((ROOT / "src" / "wiredesk" / "serve" / "templates").glob("*.html"))
    assert templates, "no templates found"
    for template in templates:
        text = template.read_text(encoding="utf-8")
        for pattern in (r"\{#.*?#\}", r"\{\{.*?\}\}", r"\{%.*?%\}", r"<[^>]*>"):
            text = re.sub(pattern, "", text, flags=re.DOTALL)
        words = set(re.findall(r"[^\W\d_]{2,}", text)) - {"wiredesk"}  # the name stays
        assert not words, f"{template.name}: {sorted(words)}"


def test_every_reason_the_request_reader_gives_is_in_the_catalogs() -> None:
    """wiredesk/query.py says why a query or a parameter cannot be read in English; the
    site lists each of its reasons for the catalogs, so a Dutch page says it in Dutch."""
    source = (ROOT / "src" / "wiredesk" / "query.py").read_text()
    # Where each error takes its template: QueryError(template, ...), ParameterError(name, template).
    template_at = {"QueryError": 0, "ParameterError": 1}
    raised = {
        call.args[template_at[call.func.id]].value
        for call in ast.walk(ast.parse(source))
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Name)
        and call.func.id in template_at
        and isinstance(call.args[template_at[call.func.id]], ast.Constant)
    }
    assert raised and raised == set(REQUEST_REASONS)
    dutch = catalog("nl", "mo")
    assert all(dutch.get(reason) for reason in raised)
