"""``parse_html``: rails from the markup, machine times over printed ones, the text parser's rules."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wiredesk import parse_html
from wiredesk.parse.html import looks_like_html

CAPTURED_AT = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
STORY = (
    "<p>DEN HAAG (ANP) - Het kabinet wil gemeenten meer ruimte geven om de verhuur van woningen "
    "aan toeristen te beperken. Een wetsvoorstel gaat nog voor de zomer naar de Tweede Kamer.</p>"
    "<p>Volgens de minister worden in populaire steden duizenden woningen vrijwel het hele jaar "
    "aan toeristen verhuurd, terwijl woningzoekenden jaren op een wachtlijst staan.</p>"
    "<p>Verhuurplatforms moeten gegevens over hun verhuurders delen met gemeenten. Wie zonder "
    "registratienummer adverteert, riskeert een boete die kan oplopen tot 21.000 euro.</p>"
)


def page(article: str, aside: str = "", head: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">{head}</head><body>'
        f"<main><article><h1>Kabinet wil strengere regels voor vakantieverhuur</h1>{article}"
        f"</article>{aside}</main></body></html>"
    )


def test_rail_items_take_their_time_from_the_markup_over_the_printed_age() -> None:
    aside = (
        "<aside><h2>Meer uit Binnenland</h2><ul>"
        '<li><a href="/a">Treinstoring rond Utrecht voorbij</a>'
        '<time datetime="2026-03-18T14:10:00+01:00">2 uur geleden</time></li>'
        '<li><a href="/b">Provincies krijgen meer tijd</a><span>3 uur geleden</span></li>'
        "</ul></aside>"
    )
    parsed = parse_html(page(STORY, aside), captured_at=CAPTURED_AT)
    (rail,) = parsed.rails
    assert (rail.title, rail.section) == ("Meer uit Binnenland", "Binnenland")
    timed, printed = rail.items
    assert timed.title == "Treinstoring rond Utrecht voorbij"
    assert timed.age_text == "2 uur geleden"
    assert timed.published_at == datetime(2026, 3, 18, 13, 10, tzinfo=UTC)
    assert timed.age_seconds == 50 * 60
    assert printed.age_text == "3 uur geleden"
    assert printed.published_at == datetime(2026, 3, 18, 11, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "hiding",
    ['style="visibility: hidden"', 'style="color:grey;display:none"', "hidden", "aria-hidden"],
)
def test_a_time_the_page_hides_from_its_readers_prints_no_age(hiding: str) -> None:
    """A teaser's ``<time>`` kept in the markup for scripts but not shown: no printed age
    (its machine time, when it has one, still dates the brief)."""
    shown = "" if hiding == "aria-hidden" else hiding  # read aloud or not, it is seen
    aside = (
        "<aside><h2>Lees meer</h2><ul>"
        f'<li><a href="/a">Treinstoring rond Utrecht voorbij</a><time {hiding}>18/03/2026</time></li>'
        f'<li><a href="/b">Provincies krijgen meer tijd</a><span {hiding}><time '
        'datetime="2026-03-18T12:00:00Z">13:00</time></span></li>'
        '<li><a href="/c">Gemeenten willen eigen verhuurregels</a><time>11:45</time></li>'
        "</ul></aside>"
    )
    (rail,) = parse_html(page(STORY, aside), captured_at=CAPTURED_AT).rails
    undated, timed, printed = rail.items
    assert undated.age_text == (None if shown else "18/03/2026")
    assert timed.age_text == (None if shown else "13:00")
    assert timed.published_at == datetime(2026, 3, 18, 12, 0, tzinfo=UTC)
    assert printed.age_text == "11:45"


def test_the_first_rail_naming_a_section_files_the_article_else_the_given_section() -> None:
    aside = (
        '<aside><h2>Lees ook</h2><ul><li><a href="/x">Gemeenten willen eigen verhuurregels</a>'
        '</li></ul></aside><aside><h2>Meer uit Binnenland</h2><ul><li><a href="/a">Treinstoring '
        'rond Utrecht voorbij</a><time datetime="2026-03-18T14:10:00+01:00">2 uur geleden</time>'
        "</li></ul></aside>"
    )
    named = parse_html(page(STORY, aside), captured_at=CAPTURED_AT, section="Economie")
    assert named.article.section == "Binnenland"  # the page's own word wins
    unnamed = parse_html(page(STORY), captured_at=CAPTURED_AT, section="Economie")
    assert unnamed.article.section == "Economie"  # what the source (a feed) said
    assert parse_html(page(STORY), captured_at=CAPTURED_AT).article.section is None


def test_rail_teasers_stay_out_of_the_body() -> None:
    aside = (
        '<section><h3>Lees ook</h3><div><a href="/x">Gemeenten willen eigen verhuurregels</a>'
        '</div><div><a href="/y">Amsterdam beperkt verhuur tot dertig nachten</a></div></section>'
    )
    parsed = parse_html(page(STORY + aside), captured_at=CAPTURED_AT)
    body = " ".join(block.text for block in parsed.article.body)
    assert "dertig nachten" not in body
    assert [brief.title for brief in parsed.rails[0].items] == [
        "Gemeenten willen eigen verhuurregels",
        "Amsterdam beperkt verhuur tot dertig nachten",
    ]


def test_a_heading_over_plain_paragraphs_is_a_subheading_not_a_rail() -> None:
    article = STORY + "<h2>Meer over de boetes</h2><p>" + "De boetes gaan omhoog. " * 8 + "</p>"
    parsed = parse_html(page(article), captured_at=CAPTURED_AT)
    assert parsed.rails == ()
    assert ("subheading", "Meer over de boetes") in [
        (block.kind, block.text) for block in parsed.article.body
    ]


def test_metadata_lands_in_the_page_and_article() -> None:
    head = (
        '<link rel="canonical" href="/binnenland/vakantieverhuur">'
        '<meta property="og:site_name" content="Het Dagelijks Nieuws">'
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2026-03-18T09:30:00", "author": {"name": "Sanne Bakker"}}</script>'
    )
    parsed = parse_html(
        page(STORY, head=head), captured_at=CAPTURED_AT, url="https://dagelijksnieuws.example.nl/"
    )
    assert parsed.url == "https://dagelijksnieuws.example.nl/binnenland/vakantieverhuur"
    assert parsed.site_name == "Het Dagelijks Nieuws"
    assert parsed.language == "nl"
    article = parsed.article
    assert article.headline == "Kabinet wil strengere regels voor vakantieverhuur"
    assert article.byline == "Sanne Bakker"
    # No offset given: the time is Amsterdam's, the page's own zone.
    assert article.published_at == datetime(2026, 3, 18, 8, 30, tzinfo=UTC)
    assert article.dateline is not None and article.dateline.place == "DEN HAAG"


def test_broken_json_ld_is_passed_over() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "author": </script>'
    parsed = parse_html(page(STORY, head=head), captured_at=CAPTURED_AT)
    assert parsed.article.dateline is not None
    assert parsed.article.byline is None


def test_without_a_capture_time_printed_ages_are_not_placed_but_machine_times_are() -> None:
    aside = (
        "<aside><h2>Net binnen</h2><ul>"
        '<li><a href="/a">Inflatie daalt</a><time datetime="2026-03-18T12:00:00Z">14:00</time></li>'
        '<li><a href="/b">Schaatsbond kiest bondscoach</a><span>2 uur geleden</span></li>'
        "</ul></aside>"
    )
    first = parse_html(page(STORY, aside))
    assert first == parse_html(page(STORY, aside))  # the same page parses the same way
    timed, printed = first.rails[0].items
    assert (timed.published_at, timed.age_seconds) == (datetime(2026, 3, 18, 12, tzinfo=UTC), None)
    assert (printed.published_at, printed.age_seconds) == (None, 7200)


@pytest.mark.parametrize(
    "start",
    [
        "<!DOCTYPE html><html>",
        "\ufeff<!doctype html>",
        "<html lang='nl'>",
        "<!-- saved from url=(0042) -->\n<html>",
        "<article><h1>Titel</h1><p>Tekst</p></article>",
        "<div class=wrap>",
        "<?xml version='1.0' encoding='utf-8'?><html>",
    ],
)
def test_html_is_told_by_its_start(start: str) -> None:
    assert looks_like_html(start + "<p>nieuws</p>")


@pytest.mark.parametrize(
    "text",
    [
        "Kabinet valt\nDEN HAAG (ANP) - Het kabinet is gevallen.",
        "Koers < 100 euro, winst > verwacht <3",
        "Lees ook: <b>vet</b> gedrukt in een mail",
    ],
)
def test_copied_text_is_not_html(text: str) -> None:
    assert not looks_like_html(text)


def test_many_tags_without_a_document_start_are_html() -> None:
    assert looks_like_html("Gekopieerd:\n" + "<p>Een alinea <a href='/x'>link</a></p>\n" * 5)


TAGS = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<h2>Lees ook</h2>", "<ul><li><a href=/a>", "</a></li>",
     "<time datetime='2026-03-18T12:00:00Z'>", "</time>", "<article>", "<script>", "</script>",
     "<h1>", "</h1>", "<!--", "-->", "<table><tr><td>", "<meta charset=utf-8>", "&amp;", "&#0;",
     "<time datetime='garbage'>", "<script type='application/ld+json'>{", "<?xml version='1.0'?>"]
)  # fmt: skip
PIECES = st.one_of(
    TAGS, st.text(max_size=40), st.sampled_from(["1 uur geleden", "DEN HAAG (ANP) -"])
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(PIECES, max_size=40))
def test_parse_html_never_raises(parts: list[str]) -> None:
    parsed = parse_html("".join(parts), captured_at=CAPTURED_AT)
    assert parsed.captured_at == CAPTURED_AT


def test_two_rails_in_one_container_end_where_the_next_begins() -> None:
    aside = (
        "<aside><h2>Meer uit Binnenland</h2><ul>"
        '<li><a href="/a">Treinstoring rond Utrecht voorbij</a></li>'
        '<li><a href="/b">Provincies krijgen meer tijd</a></li></ul>'
        '<h2>Meest gelezen</h2><ol><li><a href="/c">Schaatsster pakt WK-goud</a></li></ol>'
        "</aside>"
    )
    parsed = parse_html(page(STORY, aside), captured_at=CAPTURED_AT)
    assert [(rail.title, len(rail.items)) for rail in parsed.rails] == [
        ("Meer uit Binnenland", 2),
        ("Meest gelezen", 1),
    ]


def test_a_teaser_time_inside_the_article_does_not_date_the_article() -> None:
    related = (
        '<section><h3>Lees ook</h3><ul><li><a href="/x">Amsterdam beperkt verhuur</a>'
        '<time datetime="2026-03-10T08:00:00+01:00">10 maart</time></li></ul></section>'
    )
    parsed = parse_html(page(STORY + related), captured_at=CAPTURED_AT)
    assert parsed.article.published_at is None
    assert parsed.rails[0].items[0].published_at == datetime(2026, 3, 10, 7, 0, tzinfo=UTC)


def test_a_marked_intro_is_the_standfirst_but_a_lead_with_a_dateline_stays_body() -> None:
    intro = '<p class="intro">Gemeenten krijgen meer ruimte om vakantieverhuur te beperken.</p>'
    parsed = parse_html(page(intro + STORY.replace("DEN HAAG (ANP) - ", "")))
    assert parsed.article.standfirst == (
        "Gemeenten krijgen meer ruimte om vakantieverhuur te beperken."
    )
    assert parsed.article.body[0].text.startswith("Het kabinet wil gemeenten")
    lead = STORY.replace("<p>", '<p class="lead">', 1)
    parsed = parse_html(page(lead))
    assert parsed.article.standfirst is None
    assert parsed.article.dateline is not None and parsed.article.dateline.place == "DEN HAAG"
    assert len(parsed.article.body) == 3


def test_the_printed_h1_is_dropped_when_the_headline_comes_from_meta_tags() -> None:
    html = (
        '<html lang="nl"><head><meta property="og:title" content="Kabinet: strengere regels '
        'vakantieverhuur"></head><body><div class="story"><h1>Kabinet wil strengere regels voor '
        f"vakantieverhuur</h1>{STORY}</div></body></html>"
    )
    parsed = parse_html(html)
    assert parsed.article.headline == "Kabinet: strengere regels vakantieverhuur"
    assert parsed.article.body[0].text.startswith("Het kabinet wil gemeenten")
    assert "Kabinet wil strengere regels voor vakantieverhuur" in parsed.dropped


def test_htmldate_guesses_a_date_with_its_offset_when_nothing_else_gives_one() -> None:
    head = '<meta property="og:updated_time" content="2026-03-18T09:30:00+05:00">'
    parsed = parse_html(page(STORY, head=head), captured_at=CAPTURED_AT)
    assert parsed.article.published_at == datetime(2026, 3, 18, 4, 30, tzinfo=UTC)


def test_the_printed_h1_with_its_kicker_set_off_otherwise_is_dropped() -> None:
    html = (
        '<html lang="de"><head><meta property="og:title" content="Stadt sperrt Brücke für '
        'Lastwagen"></head><body><ol class="crumbs"><li><a href="/">Start</a></li><li><h1>'
        "Nach Gutachten: Stadt sperrt Brücke für Lastwagen</h1></li></ol><article><header><h2>"
        "<span>Nach Gutachten&nbsp;</span><span>Stadt sperrt Brücke für Lastwagen</span></h2>"
        "</header><p>Die Brücke über den Kanal ist marode, wie ein "
        "Gutachten zeigt. Nun zieht die Stadt Konsequenzen und sperrt sie.</p><p>Köln - "
        "Lastwagen über 7,5 Tonnen dürfen die Brücke am Hafen von Montag an nicht mehr "
        "befahren, wie die Stadt am Freitag mitteilte. Ein Gutachten hatte schwere Schäden "
        "an den Trägern gefunden.</p><p>Die Sperrung soll mindestens zwei Jahre dauern, bis "
        "ein Neubau fertig ist. Die Umleitung führt über die Nordbrücke.</p></article></body></html>"
    )
    parsed = parse_html(html)
    assert parsed.article.headline == "Stadt sperrt Brücke für Lastwagen"
    assert parsed.article.dateline is not None and parsed.article.dateline.place == "Köln"
    assert parsed.article.body[0].text.startswith("Lastwagen über 7,5 Tonnen")
    assert "Nach Gutachten Stadt sperrt Brücke für Lastwagen" in parsed.dropped


def test_an_intro_marked_by_a_test_id_away_from_the_h1_is_the_standfirst() -> None:
    intro = "Het stadsbestuur trekt tien miljoen euro uit voor nieuwe fietspaden in alle wijken."
    html = (
        '<html lang="nl"><body><article><header><div class="x1"><h1><span>Stad legt '
        "fietspaden aan</span></h1></div></header><figure><img src='a.jpg' alt=''>"
        "<figcaption>Een fietser op de brug. © Foto Jan Smit</figcaption></figure>"
        f'<div class="x7 x9" data-testid="article-intro"><p class="x3">{intro}</p></div>'
        '<div class="x8"><p>De eerste paden komen in de oostelijke wijken, waar nu vaak '
        "auto's en fietsers dezelfde weg delen. Het werk begint volgend voorjaar.</p><p>De "
        "oppositie vindt het bedrag te laag en wil ook geld voor veilige oversteekplaatsen "
        "bij scholen in de binnenstad.</p></div></article></body></html>"
    )
    parsed = parse_html(html)
    assert parsed.article.standfirst == intro
    assert parsed.article.body[0].text.startswith("De eerste paden komen")
    plain = html.replace(' data-testid="article-intro"', "")
    assert parse_html(plain).article.standfirst is None


@pytest.mark.parametrize("kicker", ["Nach Gutachten:", "Verkehr -", "Stadtentwicklung |"])
def test_a_kicker_the_meta_title_adds_before_the_printed_headline_is_left_out(
    kicker: str,
) -> None:
    html = (
        f'<html lang="de"><head><meta property="og:title" content="{kicker} Stadt sperrt Brücke '
        'für Lastwagen"></head><body><nav><ol><li><h1><span>Stadt sperrt Brücke für Lastwagen'
        "</span></h1></li></ol></nav><div><p>Köln - Lastwagen über 7,5 Tonnen dürfen die "
        "Brücke am Hafen von Montag an nicht mehr befahren, wie die Stadt am Freitag "
        "mitteilte.</p><p>Ein Gutachten hatte schwere Schäden an den Trägern gefunden, die "
        "Sperrung soll mindestens zwei Jahre dauern.</p></div></body></html>"
    )
    assert parse_html(html).article.headline == "Stadt sperrt Brücke für Lastwagen"
    longer = html.replace(kicker, "Die Stadt meldet heute am Freitag endlich:")
    assert parse_html(longer).article.headline.startswith("Die Stadt meldet")


@pytest.mark.parametrize(
    ("announcement", "credit", "date_line"),
    [
        (
            "Das folgende Video zeigt die Debatte im Stadtrat:",
            "(dpa)",
            "Erstellt: 12.03.2026, 10:02 Uhr",
        ),
        ("Voici la vidéo du débat :", "(ats/nxp)", "Créé: 12.03.2026, 10h02"),
        ("Watch the full debate below:", "(Reuters)", "Updated: March 12, 2026 10:02 AM"),
        ("Bekijk hieronder de video van het debat:", "(ANP)", "Gepubliceerd: 12-03-2026, 10:02"),
    ],
)
def test_an_embeds_announcement_a_glued_credit_and_the_pages_date_line_leave_the_body(
    announcement: str, credit: str, date_line: str
) -> None:
    paragraphs = [
        "The city council approved four new bus lanes on Tuesday after a debate that lasted most of the evening in the town hall.",
        "Work on the first lane is to start in May and should take about three months, officials said on Wednesday morning.",
    ]
    html = page(
        f"<p>{paragraphs[0]}</p><p>{paragraphs[1]} {credit}</p><p>{date_line}</p>"
        f"<p>{announcement}</p>"
    )
    result = parse_html(html)
    assert [block.text for block in result.article.body] == paragraphs
    assert {announcement, credit, date_line} <= set(result.dropped)


def test_a_list_under_the_last_paragraph_that_announces_it_stays_in_the_body() -> None:
    paragraphs = [
        "The city council approved four new bus lanes on Tuesday after a debate that lasted most of the evening in the town hall.",
        "These are the streets that get a lane:",
    ]
    html = page(
        f"<p>{paragraphs[0]}</p><p>{paragraphs[1]}</p>"
        "<ul><li>Main Street</li><li>Station Road</li><li>Harbour Lane</li></ul>"
    )
    texts = [block.text for block in parse_html(html).article.body]
    assert texts[:2] == paragraphs
    assert texts[2:] == ["- Main Street", "- Station Road", "- Harbour Lane"]


@pytest.mark.parametrize(
    ("wrapper", "is_intro"),
    [
        ('<div class="article-intro"><div class="rich-text">', True),
        ('<div class="c-chapo"><div class="wrap">', True),
        ('<div class="leading-7 text-lg"><div class="wrap">', False),  # no name of an intro
    ],
)
def test_the_headline_again_under_its_kicker_and_an_intro_marked_two_levels_up(
    wrapper: str, is_intro: bool
) -> None:
    """A heading printing "kicker: headline" over the story is the headline's copy, not its
    first paragraph; the intro's mark may sit on a box around the box of its paragraph."""
    intro = "Lastwagen dürfen die marode Brücke am Hafen nicht mehr befahren, hat die Stadt entschieden."
    html = (
        '<html lang="de"><head><meta property="og:title" content="Stadt sperrt Brücke für '
        'Lastwagen"></head><body><article><h2>Nach Gutachten: Stadt sperrt Brücke für Lastwagen'
        f"</h2>{wrapper}<p>{intro}</p></div></div><p>Ein Gutachten hatte schwere Schäden an den "
        "Trägern der Brücke gefunden, wie die Stadt am Freitag mitteilte. Die Sperrung gilt von "
        "Montag an.</p><p>Die Sperrung soll mindestens zwei Jahre dauern, bis ein Neubau fertig "
        "ist. Die Umleitung führt über die Nordbrücke.</p></article></body></html>"
    )
    parsed = parse_html(html)
    assert parsed.article.headline == "Stadt sperrt Brücke für Lastwagen"
    assert "Nach Gutachten: Stadt sperrt Brücke für Lastwagen" in parsed.dropped
    assert parsed.article.standfirst == (intro if is_intro else None)
    first = parsed.article.body[0].text
    assert first.startswith("Ein Gutachten") if is_intro else first == intro


@pytest.mark.parametrize(
    ("deck", "standfirst", "kicker"),
    [
        (
            "<h3><span class='keyword'>Agriculture</span>L'Office fédéral retire avec effet "
            "immédiat l'autorisation des produits contenant ce fongicide.</h3>",
            "L'Office fédéral retire avec effet immédiat l'autorisation des produits contenant "
            "ce fongicide.",
            "Agriculture",
        ),
        (
            "<h2>Le fongicide est jugé dangereux pour les eaux souterraines depuis des années.</h2>",
            "Le fongicide est jugé dangereux pour les eaux souterraines depuis des années.",
            None,
        ),
        ("<h2>Une décision attendue</h2>", None, None),  # a heading of a few words
    ],
)
def test_a_sentence_set_as_a_heading_under_the_headline_is_the_standfirst(
    deck: str, standfirst: str | None, kicker: str | None
) -> None:
    first = (
        "Le chlorothalonil sera interdit dès 2020 en Suisse, a annoncé jeudi l'office "
        "fédéral à Berne."
    )
    html = (
        '<html lang="fr"><body><div id="article"><h1>Berne interdit le chlorothalonil</h1>'
        f"{deck}<p>{first}</p><p>Une centaine de produits sont concernés par ce retrait, qui "
        "fait suite au réexamen des anciens produits phytosanitaires.</p><p>Les agriculteurs "
        "devront écouler leurs stocks avant la fin de l'année prochaine.</p></div></body></html>"
    )
    parsed = parse_html(html)
    assert parsed.article.standfirst == standfirst
    if standfirst is not None:
        assert parsed.article.body[0].text == first
    if kicker is not None:
        assert kicker in parsed.dropped
