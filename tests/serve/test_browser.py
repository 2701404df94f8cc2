"""A reader in a real browser: Debian's Chromium, headless, driven by Playwright, on
``wiredesk demo`` served on 127.0.0.1.

Screenshots land in ``test-artifacts/``. Without Chromium or Playwright the
test skips, saying why; with ``CI=true`` it fails.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.serve.conftest import HEADLINE
from tests.serve.http import demo_server
from wiredesk.store import PollRecord, Store

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps reaching for the network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"the browser test needs {reason} in CI")
    pytest.skip(f"no browser: {reason}")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright (pip install -e '.[dev]')")
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def demo_url() -> Iterator[str]:
    with demo_server() as url:
        yield url


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_a_reader_reads_searches_and_switches_language(browser: Any, demo_url: str) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(locale="nl-NL", viewport={"width": 1200, "height": 900})
    page = context.new_page()
    problems: list[str] = []  # script errors and refused loads (the CSP) would show here
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(demo_url + "/")
    expect(page.get_by_role("heading", name="Laatste nieuws")).to_be_visible()
    shot(page, "1-front-nl")

    page.get_by_role("link", name=HEADLINE).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    rail = page.get_by_role("complementary")
    expect(rail.get_by_role("heading")).to_have_text("Meer uit Buitenland")
    expect(rail.get_by_role("listitem")).to_have_count(7)
    ages = rail.locator("time").all_inner_texts()
    assert ages[0] == "1 uur geleden"
    assert all(re.fullmatch(r"\d uur geleden", age) for age in ages), ages
    shot(page, "2-article-nl")

    search = page.get_by_role("search").first
    search.get_by_label("Zoek in het nieuws").fill("Koersk")
    search.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", name="Resultaten voor Koersk")).to_be_visible()
    expect(page.locator("mark").first).to_have_text("Koersk")
    shot(page, "3-search-nl")
    page.get_by_role("link", name=HEADLINE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADLINE)

    page.get_by_role("button", name="English").click()
    rail = page.get_by_role("complementary")
    expect(rail.get_by_role("heading")).to_have_text("More from Buitenland")
    expect(rail.locator("time").first).to_have_text("1 hour ago")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    shot(page, "4-article-en")
    assert problems == []
    context.close()


def test_a_reader_follows_a_name_to_its_page_and_a_person_to_their_quotes(
    browser: Any, demo_url: str
) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(locale="nl-NL", viewport={"width": 1200, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    page.goto(demo_url + "/")
    news = page.get_by_role("region", name="In het nieuws vandaag")
    expect(news.get_by_role("heading", name="Personen")).to_be_visible()
    news.get_by_role("link", name="Volodymyr Zelensky").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Volodymyr Zelensky")
    expect(page.get_by_role("img", name=re.compile("^Verhalen per dag"))).to_be_visible()
    expect(page.locator("blockquote", has_text="de stilte van China").first).to_be_visible()
    shot(page, "7-entity-person-nl")

    page.get_by_role("link", name=HEADLINE).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    quotes = page.get_by_role("region", name="Wie zei wat")
    expect(quotes.locator("figcaption").first).to_contain_text("woordvoerder")
    page.locator(".body a.entity", has_text="Rusland").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rusland")
    expect(page.locator(".also-known")).to_have_text("Russia")
    shot(page, "8-entity-place-nl")
    assert problems == []
    context.close()


def test_ages_stay_true_in_an_open_page(browser: Any, demo_url: str) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.clock.install()
    page.goto(demo_url + "/section/buitenland")
    first = page.locator("time[data-age]").first
    expect(first).to_have_text(re.compile(r"^(just now|\d+ (seconds|minutes?) ago)$"))
    page.clock.fast_forward("01:00:00")  # an hour later, without reloading
    expect(first).to_have_text("1 hour ago")
    shot(page, "5-section-an-hour-later")
    context.close()


# Every page: text in at least WCAG AA contrast (4.5:1), one of each landmark,
# headings that never skip a level, a label for every field, and nothing wider
# than a phone.
PAGE_CHECK = r"""() => {
  const levels = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
    .map((heading) => Number(heading.tagName[1]));
  const skips = levels.filter((level, i) => i > 0 && level > levels[i - 1] + 1);
  const unlabelled = [...document.querySelectorAll("input:not([type=hidden]), select")]
    .filter((field) => !field.labels.length && !field.getAttribute("aria-label"));
  const rgb = (text) => text.match(/[\d.]+/g).map(Number);
  const light = ([r, g, b]) => [r, g, b].map((v) => {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const backdrop = (node) => {
    for (; node; node = node.parentElement) {
      const color = getComputedStyle(node).backgroundColor;
      if (rgb(color).length === 3 || rgb(color)[3] > 0) return rgb(color).slice(0, 3);
    }
    return [255, 255, 255];
  };
  const contrast = (node) => {
    const [a, b] = [light(rgb(getComputedStyle(node).color)), light(backdrop(node))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  };
  const texts = [...document.querySelectorAll("a, p, h1, h2, li, dt, dd, label, small, time, button, span")]
    .filter((node) => node.offsetParent !== null && node.textContent.trim());
  const faint = texts.filter((node) => contrast(node) < 4.5).map((node) => node.textContent.trim());
  return {
    faint: faint.slice(0, 3),
    main: document.querySelectorAll("main").length,
    banner: document.querySelectorAll("body > header").length,
    footer: document.querySelectorAll("body > footer").length,
    firstHeading: levels[0],
    skips: skips.length,
    unlabelled: unlabelled.map((field) => field.name),
    wider: document.documentElement.scrollWidth > window.innerWidth,
  };
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_are_accessible_and_fit_a_phone(browser: Any, demo_url: str, scheme: str) -> None:
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 375, "height": 740}, color_scheme=scheme
    )
    page = context.new_page()
    page.goto(demo_url + "/")
    article = page.get_by_role("link", name=HEADLINE).first.get_attribute("href")
    paths = (
        "/", article, "/section/binnenland", "/search?q=drone", "/place/londen", "/feeds",
        "/entity/person:selensky", "/entity/geonames:2017370",
    )  # fmt: skip
    for path in (*paths, "/nope"):
        page.goto(demo_url + path)
        found = page.evaluate(PAGE_CHECK)
        assert found == {
            "faint": [],
            "main": 1,
            "banner": 1,
            "footer": 1,
            "firstHeading": 1,
            "skips": 0,
            "unlabelled": [],
            "wider": False,
        }, path
    page.goto(demo_url + article)
    shot(page, f"6-article-phone-{scheme}")
    context.close()


def test_feeds_page_with_long_addresses_and_errors_fits_a_phone(
    browser: Any, tmp_path: Path
) -> None:
    db = tmp_path / "feeds.db"
    now = datetime.now(UTC)
    with Store(f"sqlite:///{db}") as store:
        feed = store.add_feed(
            "https://news.example/" + "a-long-path-segment-" * 10 + "rss.xml",
            section="Binnenland",
            interval_seconds=900,
            is_fetching_articles=False,
            is_private_allowed=False,
            now=now,
        )
        error = PollRecord(
            status="error",
            last_error="cannot connect: " + "no-route-to-host-" * 12,
            attempted_at=now,
            next_poll_at=now + timedelta(hours=1),
            etag=None,
            last_modified=None,
            failures=3,
            is_success=False,
        )
        store.record_poll(feed.id, error)
    context = browser.new_context(locale="nl-NL", viewport={"width": 375, "height": 740})
    page = context.new_page()
    with demo_server("--db", str(db)) as url:
        page.goto(url + "/feeds")
        assert page.get_by_text("3 fouten op rij").is_visible()
        found = page.evaluate(PAGE_CHECK)
        shot(page, "7-feeds-phone")
    assert (found["wider"], found["faint"], found["skips"]) == (False, [], 0)
    context.close()
