"""Rails an HTML page gives no known title: found by their shape, a list of teasers.

Pages of our own making in the four languages, shaped as real sites print their
teaser lists: an untitled block of teasers under the story, a heading in no list
of rail titles over article cards, a list whose markup holds a script, kickers
closed by a colon. And what is no rail: a bulleted list in the story whose links
sit inside sentences, a menu's featured stories, a shop's products.
"""

from __future__ import annotations

from datetime import UTC, datetime

from wiredesk import parse_html
from wiredesk.model import Page

CAPTURED_AT = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)


def story(
    language: str, headline: str, paragraphs: list[str], after: str = "", before: str = ""
) -> str:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{headline}</title></head><body>{before}<main><article><h1>{headline}</h1>"
        f"{body}</article>{after}</main></body></html>"
    )


def parsed(html: str) -> Page:
    return parse_html(html, captured_at=CAPTURED_AT)


def body_text(page: Page) -> str:
    return "\n".join(block.text for block in page.article.body)


GERMAN = [
    "BERLIN (dpa) - Die Bundesregierung will den Ausbau der Stromnetze beschleunigen. Das "
    "Kabinett beschloss am Mittwoch einen Gesetzentwurf, der Genehmigungen vereinfachen soll.",
    "Netzbetreiber sollen künftig schneller bauen dürfen, wenn eine Trasse bereits genehmigt "
    "ist. Umweltverbände kritisierten die Pläne als zu weitgehend.",
    "Der Bundestag soll noch vor der Sommerpause über den Entwurf beraten.",
]
GERMAN_TEASERS = [
    ("Verkehr", "Bahnstrecke zwischen Köln und Bonn wieder frei"),
    ("Wetter", "Sturmtief bringt Orkanböen an die Nordseeküste"),
    ("Bildung", "Länder einigen sich auf gemeinsame Abiturprüfungen"),
    ("Energie", "Stadtwerke senken zum Jahreswechsel die Gaspreise"),
]


def test_an_untitled_block_of_teasers_under_the_story_is_a_rail_and_leaves_the_body() -> None:
    cards = "".join(
        f'<article class="card"><a href="/news/{n}"><span class="kicker">{kicker}</span>'
        f"<h3>{title}</h3></a></article>"
        for n, (kicker, title) in enumerate(GERMAN_TEASERS)
    )
    page = parsed(
        story("de", "Regierung will Netzausbau beschleunigen", GERMAN, after=f"<div>{cards}</div>")
    )

    assert len(page.rails) == 1
    rail = page.rails[0]
    assert rail.title is None
    # the kicker ("Verkehr") is a label, not the teaser's headline
    assert [brief.title for brief in rail.items] == [title for _, title in GERMAN_TEASERS]
    assert "Sturmtief" not in body_text(page)
    assert page.article.body[-1].text == GERMAN[-1]


def test_a_heading_no_list_knows_titles_the_article_cards_under_it() -> None:
    paragraphs = [
        "LONDON (Reuters) - Britain's biggest water companies will have to publish hourly data on "
        "sewage spills from next year, the environment secretary said on Tuesday.",
        "Campaigners welcomed the move but said fines for polluters remained too low.",
        "The rules apply to all companies in England and Wales.",
    ]
    cards = "".join(
        f'<article><h3><a href="/author/{n}">{author}</a></h3>'
        f'<p><a href="/opinion/{n}">{headline}</a></p></article>'
        for n, (author, headline) in enumerate(
            [
                ("Jane Porter", "Why the water regulator keeps missing its own targets"),
                ("Tom Ellis", "Rivers will not clean themselves, whatever the ministers say"),
                ("Asha Rao", "What a century of sewers can teach the next government"),
            ]
        )
    )
    after = f'<section class="block"><h2 class="block-title">Opinion Pieces</h2><div>{cards}</div></section>'
    page = parsed(
        story("en", "Water companies must publish hourly spill data", paragraphs, after=after)
    )

    titled = [rail for rail in page.rails if rail.title == "Opinion Pieces"]
    assert len(titled) == 1
    assert [brief.title for brief in titled[0].items] == [
        "Why the water regulator keeps missing its own targets",
        "Rivers will not clean themselves, whatever the ministers say",
        "What a century of sewers can teach the next government",
    ]
    assert "Opinion Pieces" not in body_text(page)
    assert "Rivers will not" not in body_text(page)


def test_links_inside_the_sentences_of_a_bulleted_list_stay_in_the_story() -> None:
    paragraphs = [
        "NEW YORK (AP) - Here is what you need to know about the tech industry this Tuesday.",
        "Several companies reported results after the market closed.",
    ]
    bullets = (
        "<ul>"
        '<li><a href="/a">The state attorney general is investigating the office firm</a>. The '
        "company confirmed it had been contacted by investigators.</li>"
        '<li><a href="/b">The chief executive of a mobile carrier is stepping down</a>. He will '
        "hand over to the chief operating officer in May.</li>"
        '<li><a href="/c">A music service now lets listeners stream free on phones</a>. The '
        "company published a blog post on Monday.</li>"
        "</ul>"
    )
    html = (
        '<!DOCTYPE html><html lang="en"><head><title>Tech news</title></head><body><main>'
        f"<article><h1>Tech news you need to know</h1><p>{paragraphs[0]}</p>{bullets}"
        f"<p>{paragraphs[1]}</p></article></main></body></html>"
    )
    page = parsed(html)

    assert page.rails == ()
    assert "stepping down" in body_text(page)


def test_the_featured_stories_of_a_menu_are_no_rail() -> None:
    paragraphs = [
        "PARIS (AFP) - Le gouvernement a présenté mercredi un projet de loi pour accélérer la "
        "construction de logements sociaux dans les grandes villes.",
        "Les maires disposeront de nouveaux outils pour préempter des terrains.",
        "Le texte sera examiné à l'Assemblée nationale au printemps.",
    ]
    menu = (
        '<header><nav class="menu"><div class="featured">'
        + "".join(
            f'<div class="item"><a href="/rubrique/{n}">{title}</a></div>'
            for n, title in enumerate(
                [
                    "Le phénomène climatique va-t-il aggraver les sécheresses en Europe",
                    "Pourquoi la paix paraît plus lointaine que jamais au Proche-Orient",
                    "Les marchés européens ouvrent en baisse après les annonces américaines",
                ]
            )
        )
        + "</div></nav></header>"
    )
    page = parsed(
        story("fr", "Le gouvernement veut plus de logements sociaux", paragraphs, before=menu)
    )

    assert page.rails == ()
    assert page.article.body[0].text.startswith("Le gouvernement a présenté")


def test_a_list_of_products_with_prices_is_no_rail() -> None:
    shop = (
        "<aside><h3>Testberichte</h3><ul>"
        + "".join(
            f'<li><a href="/shop/{n}">{title}</a><span class="price">{price}</span></li>'
            for n, (title, price) in enumerate(
                [
                    ("Schlägertest 2026: 15 Rackets für Turnierspieler", "2,00 €"),
                    ("Schuhtest: Sandplatzschuhe für die neue Saison", "2,00 €"),
                    ("Saitentest: zwölf Saiten für Vielspieler im Vergleich", "2,50 €"),
                ]
            )
        )
        + "</ul></aside>"
    )
    page = parsed(story("de", "Regierung will Netzausbau beschleunigen", GERMAN, after=shop))

    assert page.rails == ()


def test_a_script_between_the_items_does_not_hide_them_and_kickers_stay_on_their_line() -> None:
    paragraphs = [
        "AMSTERDAM (ANP) - Het kabinet trekt extra geld uit voor het onderhoud van bruggen en "
        "sluizen. Dat heeft de minister woensdag laten weten.",
        "Volgens Rijkswaterstaat is een groot deel van de kunstwerken meer dan vijftig jaar oud.",
        "De eerste projecten beginnen volgend jaar.",
    ]
    items = [
        ("Verkeer:", "File op de A2 na ongeluk bij Utrecht opgelost"),
        ("Weer:", "Code oranje voor storm langs de hele kust"),
        ("Onderwijs:", "Scholen krijgen meer geld voor bijles in rekenen"),
        ("Zorg:", "Ziekenhuizen in het oosten werken vaker samen"),
    ]
    rail = (
        "<aside><h2>Ook interessant</h2><div><ul>"
        + "".join(
            f'<li><a href="/nieuws/{n}"><div class="kicker">{kicker}</div><h3>{title}</h3></a></li>'
            for n, (kicker, title) in enumerate(items)
        )
        + "<script>window.teasers = true;</script></ul></div></aside>"
    )
    page = parsed(story("nl", "Kabinet trekt geld uit voor bruggen", paragraphs, after=rail))

    found = [rail for rail in page.rails if rail.title == "Ook interessant"]
    assert len(found) == 1
    assert [brief.title or brief.text for brief in found[0].items] == [
        f"{kicker} {title}" for kicker, title in items
    ]


def test_kickers_and_bylines_are_not_taken_for_a_teasers_headline() -> None:
    cards = [
        (
            "Médias",
            "Jeanne Martin",
            "Pourquoi les radios locales perdent leurs auditeurs",
            "Une étude publiée mardi montre un recul de dix pour cent en deux ans.",
        ),
        (
            "Climat",
            "Paul Girard",
            "Les glaciers alpins ont encore reculé cet été",
            "Les relevés de l'été confirment une fonte record sur tout le massif.",
        ),
        (
            "Santé",
            "Inès Roux",
            "Les urgences pédiatriques sous tension dans le Sud",
            "Plusieurs hôpitaux ont déclenché leur plan blanc ce week-end.",
        ),
    ]
    after = (
        '<section><h2>À la une ailleurs</h2><div class="cards">'
        + "".join(
            f'<div class="card"><div class="kicker">{kicker}</div>'
            f'<h3><a href="/auteur/{n}">{author}</a></h3>'
            f'<h4><a href="/article/{n}">{headline}</a></h4>'
            f'<p><span class="topic">{kicker}</span> {summary}</p></div>'
            for n, (kicker, author, headline, summary) in enumerate(cards)
        )
        + "</div></section>"
    )
    paragraphs = [
        "LYON (AFP) - La métropole a voté jeudi un plan de rénovation de ses écoles, le plus "
        "important depuis vingt ans, pour un coût de 300 millions d'euros.",
        "Les travaux commenceront à la rentrée prochaine dans une trentaine d'établissements.",
        "L'opposition a dénoncé un calendrier trop serré.",
    ]
    page = parsed(story("fr", "Lyon va rénover ses écoles", paragraphs, after=after))

    (rail,) = [rail for rail in page.rails if rail.title == "À la une ailleurs"]
    assert [(brief.title, brief.text) for brief in rail.items] == [
        (headline, summary) for _, _, headline, summary in cards
    ]


def test_a_teasers_printed_time_is_the_first_its_time_element_shows() -> None:
    items = "".join(
        f'<li><a href="/world/{n}">{headline}</a>'
        f'<time datetime="2026-03-18T{hour}:07:00Z">{hour}:07 PM UTC · Updated ago</time></li>'
        for n, (headline, hour) in enumerate(
            [
                ("Ceasefire talks resume in Cairo as envoys arrive", "12"),
                ("Oil prices slip on view that rate cuts could be delayed", "11"),
                ("Court asks for more measures to protect aid convoys", "10"),
            ]
        )
    )
    paragraphs = [
        "GENEVA (Reuters) - Aid agencies said on Monday that deliveries had resumed after a "
        "three-day pause, but warned that fuel stocks would last only a week.",
        "The agencies called for a second crossing to open.",
    ]
    after = f"<aside><h2>Read Next</h2><ul>{items}</ul></aside>"
    page = parsed(story("en", "Aid deliveries resume after pause", paragraphs, after=after))

    (rail,) = page.rails
    assert [brief.age_text for brief in rail.items] == [
        "12:07 PM UTC",
        "11:07 PM UTC",
        "10:07 PM UTC",
    ]


def test_a_teaser_card_between_paragraphs_leaves_the_body_as_a_brief() -> None:
    card = (
        '<a class="card" href="/sport/olympia"><div class="kicker">Olympia</div>'
        '<div class="title">Langlauf-Team kämpft mit Überschwemmung im Quartier</div>'
        '<div class="time">VOR 14 STUNDEN</div></a>'
    )
    html = (
        '<!DOCTYPE html><html lang="de"><head><title>Team sorgt für Aufregung</title></head>'
        "<body><main><article><h1>Team sorgt für Aufregung</h1>"
        f"<p>{GERMAN[0]}</p>{card}<p>{GERMAN[1]}</p><p>{GERMAN[2]}</p></article></main></body></html>"
    )
    page = parsed(html)

    assert "Überschwemmung" not in body_text(page)
    titles = [brief.title for rail in page.rails for brief in rail.items]
    assert titles == ["Langlauf-Team kämpft mit Überschwemmung im Quartier"]
    assert page.article.body[-1].text == GERMAN[-1]


def test_a_heading_several_wrappers_above_the_teasers_titles_them() -> None:
    paragraphs = [
        "MONTRÉAL — La Ville imposera des amendes aux utilisateurs de trottinettes qui les "
        "abandonnent sur les trottoirs, a annoncé mercredi l’administration municipale.",
        "Les entreprises de location devront aussi payer pour chaque appareil mal stationné.",
        "Le nouveau règlement entrera en vigueur le 1er avril.",
    ]
    teasers = "".join(
        f'<div class="card"><article><a href="/actualites/{n}"><span class="img"></span>'
        f"<h2>{headline}</h2></a><p>{text}</p><time>{day}</time></article></div>"
        for n, (headline, text, day) in enumerate(
            [
                (
                    "Les trottinettes reviennent en ville",
                    "Trois entreprises obtiennent un permis.",
                    "14 septembre 2025",
                ),
                (
                    "Le casque deviendra obligatoire",
                    "La mesure vise d’abord les mineurs.",
                    "3 décembre 2025",
                ),
                (
                    "Des amendes pour les opérateurs",
                    "La Ville se dit déçue du bilan de l’été.",
                    "7 février 2026",
                ),
            ]
        )
    )
    after = (
        '<div class="col"><aside class="related"><h2>Pour aller plus loin</h2><div class="a">'
        f'<div class="b"><div class="c"><div class="d"><div class="e">{teasers}</div></div>'
        "</div></div></div></aside></div>"
    )
    page = parsed(story("fr", "Montréal sévira contre les trottinettes", paragraphs, after=after))
    titled = [rail for rail in page.rails if rail.title == "Pour aller plus loin"]
    assert len(titled) == 1
    assert [brief.title for brief in titled[0].items] == [
        "Les trottinettes reviennent en ville",
        "Le casque deviendra obligatoire",
        "Des amendes pour les opérateurs",
    ]
    assert "Pour aller plus loin" not in body_text(page)


def test_a_title_the_markup_names_by_class_titles_the_list_under_it() -> None:
    paragraphs = [
        "PARIS (AFP) - Le gouvernement a présenté mercredi un plan de rénovation des écoles "
        "rurales, qui doit toucher près de 2 000 établissements d'ici 2030.",
        "Les maires des petites communes réclamaient depuis longtemps une aide de l'État.",
        "Selon le ministère, la moitié des bâtiments datent d'avant 1975.",
    ]
    links = "".join(
        f'<li><a href="/societe/{n}">{headline}</a></li>'
        for n, headline in enumerate(
            [
                "Écoles rurales : les maires réclament plus de moyens",
                "Fermetures de classes : la colère des parents d'élèves",
                "Le plan de rénovation des collèges prend du retard",
            ]
        )
    )
    after = (
        '<aside><div class="bloc list"><span class="title">Dans le même dossier</span>'
        f'<ul class="list-square">{links}</ul></div></aside>'
    )
    page = parsed(story("fr", "Un plan pour rénover les écoles rurales", paragraphs, after=after))
    titled = [rail for rail in page.rails if rail.title == "Dans le même dossier"]
    assert len(titled) == 1
    assert len(titled[0].items) == 3
    assert "Dans le même dossier" not in body_text(page)
