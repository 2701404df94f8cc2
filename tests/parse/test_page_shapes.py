"""Page shapes that once came out wrong: each test names the shape and what it must give."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from wiredesk import parse_text
from wiredesk.model import Page
from wiredesk.parse.rails import split_glued_kicker

CAPTURED_AT = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
BODY = "DEN HAAG (ANP) - Het kabinet wil volgend jaar twee miljard euro extra uitgeven aan defensie, meldt de minister vrijdag.\nDe oppositie noemt het plan onvoldoende en wil meer geld voor de politie."


def body_texts(page: Page) -> list[str]:
    """The texts of a page's body blocks, in order."""
    return [block.text for block in page.article.body]


def body_blocks(page: Page) -> list[tuple[str, str]]:
    """The kinds and texts of a page's body blocks, in order."""
    return [(block.kind, block.text) for block in page.article.body]


@pytest.mark.parametrize(
    ("under", "published_at"),
    [
        ("Politiek", None),
        ("Vandaag, 14:02", datetime(2026, 3, 18, 13, 2, tzinfo=UTC)),
        ("Gisteren, 22:15", datetime(2026, 3, 17, 21, 15, tzinfo=UTC)),
        ("2 uur geleden", datetime(2026, 3, 18, 12, 0, tzinfo=UTC)),
        ("(Foto: ANP)", None),
    ],
)
def test_a_short_line_under_the_headline_does_not_take_its_place(
    under: str, published_at: datetime | None
) -> None:
    page = parse_text(
        f"Kabinet wil meer geld voor defensie\n{under}\n{BODY}", captured_at=CAPTURED_AT
    )
    assert page.article.headline == "Kabinet wil meer geld voor defensie"
    assert page.article.published_at == published_at
    assert page.dropped == (under,)
    assert page.article.dateline is not None and page.article.dateline.place == "DEN HAAG"


def test_a_kicker_above_the_headline_is_dropped() -> None:
    page = parse_text(f"Oorlog in Oekraïne\nKabinet wil meer geld voor defensie\n{BODY}")
    assert page.article.headline == "Kabinet wil meer geld voor defensie"
    assert page.dropped == ("Oorlog in Oekraïne",)


def test_a_banner_that_is_the_only_headline_keeps_its_text() -> None:
    page = parse_text(f"LIVE: Kabinet gevallen over stikstofwet\n{BODY}")
    assert page.article.headline == "Kabinet gevallen over stikstofwet"
    assert page.dropped == ("LIVE:",)


def test_a_sub_heading_that_reads_like_a_rail_title_stays_in_the_body() -> None:
    text = (
        "Government wins vote on welfare reform\n"
        "LONDON (Reuters) - Britain's government won a parliamentary vote on its welfare reforms on Tuesday after last-minute concessions to rebels.\n"
        "More on the vote\n"
        "The bill passed by 335 votes to 260, with dozens of lawmakers from the ruling party voting against it.\n"
        "Ministers said the changes would still save billions of pounds a year by the end of the decade.\n"
    )
    page = parse_text(text, language="en")
    assert page.rails == ()
    assert [block.kind for block in page.article.body] == [
        "paragraph", "subheading", "paragraph", "paragraph",
    ]  # fmt: skip


def test_a_french_sub_heading_starting_with_plus_de_is_no_rail() -> None:
    text = (
        "Le gouvernement présente son plan pour l'hôpital\n"
        "PARIS (AFP) - Le gouvernement a présenté mercredi un plan de deux milliards d'euros pour les hôpitaux publics.\n"
        "Plus de moyens pour les hôpitaux\n"
        "Les établissements recevront des crédits supplémentaires dès le mois de juin, selon le ministère.\n"
    )
    page = parse_text(text, language="fr")
    assert page.rails == ()
    assert page.article.body[1].text == "Plus de moyens pour les hôpitaux"


def test_a_footer_under_the_last_rail_is_dropped_not_taken_for_briefs(sample_text: str) -> None:
    footer = "Download de app\nVolg ons op Instagram\nAlgemene voorwaarden\n"
    page = parse_text(sample_text + footer, captured_at=CAPTURED_AT)
    assert len(page.rails[0].items) == 7
    assert page.rails[0].items[-1].age_text == "5 uur geleden"
    # (furniture among a rail's lines is dropped as it is read, the rail's leftovers after)
    assert sorted(page.dropped) == [
        "Algemene voorwaarden",
        "Download de app",
        "Volg ons op Instagram",
    ]


@pytest.mark.parametrize(
    ("title", "teasers", "footer"),
    [
        (
            "Related stories",
            (
                "Council approves new budget after long debate",
                "Storm brings flooding to coastal towns",
                "Local school wins national science award",
            ),
            ("Site Index", "Browse", "World", "Business", "Markets", "About us", "Careers"),
        ),
        (
            "Meistgelesen",
            (
                "Stadt sperrt Brücke für Lastwagen",
                "Neuer Radweg am Rhein eröffnet",
                "Zoo freut sich über Nachwuchs bei den Pinguinen",
            ),
            ("Impressum", "Datenschutz", "Kontakt", "Mediadaten", "Abo", "E-Paper"),
        ),
    ],
)
def test_a_site_menu_under_a_rail_of_titles_is_dropped_not_taken_for_briefs(
    title: str, teasers: tuple[str, ...], footer: tuple[str, ...]
) -> None:
    text = "\n".join(("Kabinet wil meer geld voor defensie", BODY, title, *teasers, *footer))
    page = parse_text(text)
    assert [brief.title for brief in page.rails[0].items] == list(teasers)
    assert page.dropped[-len(footer) :] == footer


def test_ranks_in_a_most_read_list_are_dropped() -> None:
    text = f"Kabinet wil meer geld voor defensie\n{BODY}\nMeest gelezen\n1\nTweede Kamer stemt in met asielwet\n2\nMinister treedt af na kritiek\n"
    page = parse_text(text)
    assert [brief.title for brief in page.rails[0].items] == [
        "Tweede Kamer stemt in met asielwet",
        "Minister treedt af na kritiek",
    ]
    assert page.dropped == ("1", "2")


def test_an_age_glued_to_a_title_without_punctuation_is_split_off() -> None:
    text = f"Kabinet wil meer geld voor defensie\n{BODY}\nLaatste nieuws\nTweede Kamer stemt in met asielwet1 uur geleden\nMinister treedt af na kritiek2 uur geleden\n"
    page = parse_text(text, captured_at=CAPTURED_AT)
    items = page.rails[0].items
    assert [(b.title, b.age_seconds) for b in items] == [
        ("Tweede Kamer stemt in met asielwet", 3600),
        ("Minister treedt af na kritiek", 7200),
    ]


def test_a_brief_starting_with_yesterdays_keeps_its_first_word() -> None:
    text = (
        "Rail chaos continues\n"
        "LONDON (PA) - Commuters faced another day of cancellations on Wednesday as the dispute over pay went on.\n"
        "Related\n"
        "Yesterday's train strike cost the economy millions, business groups said.\n"
        "2 hours ago\n"
    )
    page = parse_text(text, captured_at=CAPTURED_AT, language="en")
    [brief] = page.rails[0].items
    assert brief.text == "Yesterday's train strike cost the economy millions, business groups said."
    assert brief.age_seconds == 7200


def test_short_wire_item_with_headers_is_unwrapped() -> None:
    text = (
        "ZCZC\nAFP-0127 18-03-26 10:52\n\nIncendie dans une usine chimique près de Nantes\n\n"
        "NANTES, 18 mars (AFP) - Un incendie s'est déclaré mardi matin dans une\n"
        "usine chimique de la zone portuaire de Nantes-Saint-Nazaire, sans faire\n"
        "de victime, a-t-on appris auprès des pompiers de Loire-Atlantique.\n\n"
        "Les habitants des communes voisines ont été invités à rester chez eux\n"
        "et à fermer leurs fenêtres par mesure de précaution, selon la préfecture.\n\n"
        "mpf/sba\nNNNN\n"
    )
    page = parse_text(text)
    assert [block.kind for block in page.article.body] == ["paragraph", "paragraph"]
    assert page.article.body[0].text.endswith("des pompiers de Loire-Atlantique.")
    assert page.dropped == ("ZCZC", "AFP-0127 18-03-26 10:52", "mpf/sba", "NNNN")


@pytest.mark.parametrize(
    ("line", "is_byline"),
    [
        ("Door ANP", True),
        ("Door: Jan de Vries", True),
        ("By Jane Doe and John Smith", True),
        ("Van onze correspondent Jan Jansen", True),
        ("Par Jean Dupont (AFP)", True),
        ("From Monday, all shops in Berlin must close at 8 p.m.", False),
        ("By Wednesday, the talks had collapsed.", False),
        ("Von Montag an gelten neue Regeln.", False),
    ],
)
def test_bylines(line: str, is_byline: bool) -> None:
    page = parse_text(f"Kabinet wil meer geld voor defensie\n{line}\n{BODY}")
    assert (page.article.byline == line) is is_byline


def test_a_sentence_about_copyright_is_story_text() -> None:
    text = f"Kabinet wil meer geld voor defensie\n{BODY}\nCopyright holders say the new law goes too far, according to a group of publishers.\n"
    page = parse_text(text)
    assert page.article.body[-1].text.startswith("Copyright holders say")
    assert page.dropped == ()


MENU = "Inloggen\nAbonneer\nNieuws\nSport\nCultuur\nWeer\n"


def test_a_whole_page_copy_without_a_headline_gives_none() -> None:
    """Menus above a body that opens with its dateline: no menu line is promoted."""
    page = parse_text(MENU + BODY, captured_at=CAPTURED_AT)
    assert page.article.headline is None
    assert page.article.dateline is not None and page.article.dateline.place == "DEN HAAG"
    assert page.dropped == tuple(MENU.split())


def test_the_headline_over_the_body_wins_over_a_notice_in_the_menu() -> None:
    notice = "Omdat wij ook webmail aanbieden, vragen we je eenmalig om je voorkeur op te geven."
    page = parse_text(
        f"{MENU}Kies je webmail\n{notice}\nKabinet wil meer geld voor defensie\n"
        f"Kabinet wil meer geld voor defensie\n{BODY}",
        captured_at=CAPTURED_AT,
    )
    assert page.article.headline == "Kabinet wil meer geld voor defensie"
    assert page.article.body[0].text.startswith("Het kabinet wil volgend jaar")
    assert page.dropped == (
        *MENU.split(),
        "Kies je webmail",
        notice,
        "Kabinet wil meer geld voor defensie",  # its second printing
    )


@pytest.mark.parametrize(
    "caption",
    [
        "Soldaten bij een oefening in Litouwen, dinsdag 17 maart. (Foto: ANP/Remko de Waal)",
        "A soldier walks past a tank during an exercise in Lithuania. (AP Photo/Jane Doe)",
        "FILE PHOTO: Soldiers take part in an exercise in Lithuania. REUTERS/Ints Kalnins",
        "FILE - Soldiers take part in an exercise near Vilnius, Lithuania, on March 17, 2026.",
    ],
)
def test_a_photo_caption_between_headline_and_body_is_dropped(caption: str) -> None:
    page = parse_text(
        f"{MENU}Kabinet wil meer geld voor defensie\n{caption}\n{caption}\n{BODY}",
        captured_at=CAPTURED_AT,
    )
    assert page.article.headline == "Kabinet wil meer geld voor defensie"
    assert page.article.body[0].text.startswith("Het kabinet wil volgend jaar")
    assert page.dropped[-2:] == (caption, caption)


def test_a_byline_glued_to_its_date_dates_the_story() -> None:
    page = parse_text(
        f"{MENU}Kabinet wil meer geld voor defensie\nRedactie Binnenland18 maart 2026, 09:15\n"
        + BODY,
        captured_at=CAPTURED_AT,
    )
    assert page.article.headline == "Kabinet wil meer geld voor defensie"
    assert page.article.published_at == datetime(2026, 3, 18, 8, 15, tzinfo=UTC)


def test_a_regional_paper_copy_with_standfirst_dated_byline_and_credit() -> None:
    """German regional papers: kicker and headline, a standfirst, "Von dpa" with its date on
    one line, a caption closed by a photographer's credit, and a place with no agency."""
    page = parse_text(
        "Politik\nSturm über Norddeutschland: Bahn stellt Fernverkehr ein\n"
        "Ein Orkantief hat am Dienstag den Fernverkehr im Norden lahmgelegt. Reisende sollen "
        "ihre Fahrten verschieben, heißt es bei der Bahn.\n"
        "Von dpa 17.03.2026, 18:58\n"
        "Ein umgestürzter Baum liegt auf den Gleisen bei Hamburg-Harburg. Marcus Brandt/dpa\n"
        "Hamburg - Die Deutsche Bahn hat wegen des Sturms den Fernverkehr in ganz "
        "Norddeutschland eingestellt. Betroffen seien alle Strecken nördlich von Hannover.\n"
        "Auch im Regionalverkehr fielen zahlreiche Züge aus, teilte ein Sprecher mit.\n",
        captured_at=CAPTURED_AT,
    )
    article = page.article
    assert article.headline == "Sturm über Norddeutschland: Bahn stellt Fernverkehr ein"
    assert article.standfirst is not None and article.standfirst.startswith("Ein Orkantief")
    assert article.byline == "Von dpa"
    assert article.published_at == datetime(2026, 3, 17, 17, 58, tzinfo=UTC)
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.agencies) == ("Hamburg", ())
    assert article.body[0].text.startswith("Die Deutsche Bahn hat")
    assert "Ein umgestürzter Baum liegt auf den Gleisen bei Hamburg-Harburg. Marcus Brandt/dpa" in (
        page.dropped
    )


def test_a_sub_heading_in_the_opening_of_a_story_without_dateline_keeps_its_headline() -> None:
    """Short opening sentences, then a sub-heading, then the long paragraphs: the story
    starts with the short sentences, and the sub-heading is no headline."""
    page = parse_text(
        "Actualités\nMenu\nLa mairie ferme trois piscines pour l'été\nPar Claire Martin\n"
        "Mis à jour le 17/03/2026 à 07:05\n"
        "Les travaux doivent commencer en juin.\n"
        "Les usagers ont été prévenus lundi soir.\n"
        "Réactions\n"
        "Les associations de nageurs dénoncent une décision prise sans concertation et "
        "demandent un calendrier précis pour la réouverture des bassins concernés.\n"
        "La mairie répond que la sécurité des installations ne permettait plus d'attendre et "
        "promet des créneaux supplémentaires dans les autres piscines de la ville.\n",
        captured_at=CAPTURED_AT,
    )
    assert page.article.headline == "La mairie ferme trois piscines pour l'été"
    assert page.article.body[0].text == "Les travaux doivent commencer en juin."
    assert any(block.text == "Réactions" for block in page.article.body)


ENGLISH_BODY = (
    "PORTLAND, Maine (AP) — State health officials said Tuesday that a third case of a "
    "mosquito-borne virus had been confirmed this year, and urged people to avoid bites.\n"
    "The officials said the risk would last until the first hard frost."
)


@pytest.mark.parametrize(
    "lines",
    [
        ["Filed Under: Health, Maine, mosquito-borne virus, West Nile"],
        ["The Associated Press", "Published Tuesday, March 17, 2026 8:22AM EDT"],
        ["0", "The Associated Press"],
        ["By Jane Porter - Associated Press - Tuesday, March 17, 2026"],
        [
            "A health worker sprays a marsh near Portland on Monday. (Maine CDC via AP, File)",
            "By Jane Porter",
        ],
        ["Ein Mitarbeiter besprüht ein Sumpfgebiet. © Jane Porter/Press Association/dpa/Archiv"],
        ["Article réservé aux abonnés"],
        ["Un agent sanitaire à Portland, le 12 juillet 2026. JEANNE DUPONT / AFP"],
    ],
)
def test_lines_between_the_headline_and_the_story_do_not_take_its_place(
    lines: list[str],
) -> None:
    under = "\n".join(lines)
    page = parse_text(
        f"Home\nNews\nHealth\nThird case of mosquito-borne virus confirmed in Maine\n{under}\n"
        f"{ENGLISH_BODY}",
        captured_at=CAPTURED_AT,
        language="en",
    )

    assert page.article.headline == "Third case of mosquito-borne virus confirmed in Maine"
    assert page.article.body[0].text.startswith("State health officials said Tuesday")


def test_a_copied_pages_footer_ends_the_story_even_with_a_sentence_under_it() -> None:
    footer = "\n".join(
        ["zur Startseite", "Newsletter", "E-Paper", "Digital-Abo", "Impressum", "Datenschutz"]
    )
    page = parse_text(
        "Stromnetze sollen schneller wachsen\n"
        "BERLIN (dpa) - Die Bundesregierung will den Ausbau der Stromnetze beschleunigen.\n"
        "Der Bundestag soll noch vor der Sommerpause über den Entwurf beraten.\n"
        f"{footer}\n"
        "Aktuelle Nachrichten und Hintergründe aus der Region, aus Politik und Sport.\n",
        language="de",
    )

    assert body_texts(page) == [
        "Die Bundesregierung will den Ausbau der Stromnetze beschleunigen.",
        "Der Bundestag soll noch vor der Sommerpause über den Entwurf beraten.",
    ]
    assert "Digital-Abo" in page.dropped
    assert "Aktuelle Nachrichten und Hintergründe aus der Region, aus Politik und Sport." in (
        page.dropped
    )


def test_a_short_list_in_a_story_does_not_end_it() -> None:
    page = parse_text(
        "Vier Kandidaten für den Vorsitz\n"
        "BERLIN (dpa) - Für den Parteivorsitz haben sich bis Freitag vier Mitglieder beworben:\n"
        "Anna Berg\nJonas Keller\nLea Wolf\nTim Braun\n"
        "Die Mitglieder stimmen im Mai ab, das Ergebnis soll am Parteitag verkündet werden.\n",
        language="de",
    )

    assert page.article.body[-1].text.startswith("Die Mitglieder stimmen im Mai ab")


@pytest.mark.parametrize(
    ("place", "language"),
    [("Helsinki", "fi"), ("Den Haag", "nl"), ("Rio de Janeiro", "en")],
)
def test_a_place_alone_between_the_standfirst_and_the_story_is_its_dateline(
    place: str, language: str
) -> None:
    page = parse_text(
        "Court sentences hacker to six years for data breach\n"
        "The breach happened in the autumn of 2018. Two years later the clinic received a demand "
        "for money.\n"
        f"{place}\n"
        "A district court on Friday sentenced a 27-year-old man to six years in prison for "
        "breaking into the patient records of a chain of clinics.\n"
        "The court said the attack had been planned in detail over several months.\n",
        language=language,
    )

    assert page.article.dateline is not None
    assert page.article.dateline.place == place
    assert page.article.standfirst is not None
    assert page.article.standfirst.startswith("The breach happened")
    assert page.article.body[0].text.startswith("A district court on Friday")


def test_a_subheading_deeper_in_the_story_stays_a_subheading() -> None:
    page = parse_text(
        "Court sentences hacker to six years for data breach\n"
        "A district court on Friday sentenced a 27-year-old man to six years in prison.\n"
        "The court said the attack had been planned in detail over several months.\n"
        "Appeal\n"
        "The defence said it would appeal against the sentence.\n",
        language="en",
    )

    assert page.article.dateline is None
    assert [block.kind for block in page.article.body] == [
        "paragraph", "paragraph", "subheading", "paragraph"
    ]  # fmt: skip


def test_a_rails_last_teaser_cut_off_by_the_capture_is_still_one_brief() -> None:
    page = parse_text(
        "Kabinet wil meer geld voor defensie\n"
        f"{BODY}\n"
        "Meer uit Binnenland\n"
        "Treinverkeer rond Utrecht weer op gang\n"
        "UTRECHT (ANP) - Het treinverkeer rond Utrecht rijdt weer volgens de dienstregeling.\n"
        "12 minuten geleden\n"
        "Provincies: meer tijd voor natuurplannen\n"
        "ZWOLLE (ANP) - De provincies krijgen een jaar extra om hun plannen voor de natuur in te "
        "die",
        captured_at=CAPTURED_AT,
        language="nl",
    )

    (rail,) = page.rails
    assert [
        (brief.title, brief.dateline.place if brief.dateline else None) for brief in rail.items
    ] == [
        ("Treinverkeer rond Utrecht weer op gang", "UTRECHT"),
        ("Provincies: meer tijd voor natuurplannen", "ZWOLLE"),
    ]
    assert rail.items[1].age_text is None


def test_a_rail_of_one_teaser_cut_off_keeps_its_title_with_its_text() -> None:
    page = parse_text(
        "Kabinet wil meer geld voor defensie\n"
        f"{BODY}\n"
        "Meer uit Financieel\n"
        "Bloomberg: investeerder praat over koop van diervoedingstak\n"
        "AMSTERDAM (ANP/BLOOMBERG) - Een investeringsmaatschappij is in vergev",
        captured_at=CAPTURED_AT,
        language="nl",
    )

    (rail,) = page.rails
    (brief,) = rail.items
    assert brief.title == "Bloomberg: investeerder praat over koop van diervoedingstak"
    assert brief.dateline is not None and brief.dateline.agencies == ("ANP", "BLOOMBERG")


def test_teasers_closed_by_read_more_under_a_rail_title_are_a_rail_not_story() -> None:
    page = parse_text(
        "Kabinet wil meer geld voor defensie\n"
        f"{BODY}\n"
        "Meer krantenkoppen in Nederland\n"
        "Boer (58) redt buurman uit brandende schuur in Drenthe: “Geen seconde te vroeg, echt "
        "niet, hij lag al op de grond toen ik binnenkwam en de rook was overal”\n"
        "“Ik zag hem liggen en heb hem meteen naar buiten gesleept.” De buurman liep\n"
        "Lees meer »\n"
        "Scouting krijgt nieuw clubhuis aan de rand van het dorp, maar wat doet de gemeente aan de "
        "wateroverlast? “We wachten al jaren op een oplossing voor die wei”\n"
        "Binnen enkele jaren zal de rand van het dorp er heel anders uitzien.\n"
        "Lees meer »\n",
        captured_at=CAPTURED_AT,
        language="nl",
    )

    assert [block.kind for block in page.article.body] == ["paragraph", "paragraph"]
    (rail,) = page.rails
    assert rail.title == "Meer krantenkoppen in Nederland"
    assert len(rail.items) == 2


def test_clock_times_heading_the_entries_of_a_live_story_are_subheadings() -> None:
    page = parse_text(
        "The Latest: Storm cuts power to thousands on the coast\n"
        "BOSTON (AP) — The Latest on the storm hitting the New England coast (all times local):\n"
        "10 p.m.\n"
        "Utility companies say more than 40,000 homes are without power after the storm.\n"
        "4:14 p.m.\n"
        "The National Weather Service has extended its warning until Friday morning.\n",
        language="en",
    )

    assert [(block.kind, block.text[:12]) for block in page.article.body] == [
        ("paragraph", "The Latest o"),
        ("subheading", "10 p.m."),
        ("paragraph", "Utility comp"),
        ("subheading", "4:14 p.m."),
        ("paragraph", "The National"),
    ]


GERMAN_BODY = (
    "Hamburg - Die Feuerwehr kämpft seit dem Morgen gegen einen Großbrand im Hafen. Anwohner "
    "sollen Fenster und Türen geschlossen halten.\n"
    "Verletzt wurde nach ersten Angaben niemand."
)


def test_a_headline_printed_with_its_kicker_set_off_and_glued_on_loses_the_kicker() -> None:
    page = parse_text(
        "Startseite\nHamburg\n>\n"
        "Großbrand im Hafen: Feuerwehr warnt vor giftigem Rauch\n"
        "Großbrand im Hafen Feuerwehr warnt vor giftigem Rauch\n"
        "Von dpa 18.03.2026, 09:12\n"
        f"{GERMAN_BODY}\n",
        language="de",
    )

    assert page.article.headline == "Feuerwehr warnt vor giftigem Rauch"


@pytest.mark.parametrize(
    "between",
    [
        ["Einsatzkräfte der Feuerwehr am Hafen am Morgen. © Picture Alliance | Jana Weber"],
        ["Ein Löschboot der Feuerwehr kühlt die Kaimauer am Hafen", "Fotocredit: dpa"],
        ["Von", "dpa", "Publiziert 18/03/2026 um 09:12 GMT"],
    ],
)
def test_a_caption_or_a_date_line_between_headline_and_story_is_not_the_headline(
    between: list[str],
) -> None:
    lines = "\n".join(between)
    page = parse_text(
        "Startseite\nHamburg\n"
        "Feuerwehr warnt Anwohner vor giftigem Rauch über dem Hafen\n"
        f"{lines}\n{GERMAN_BODY}\n",
        language="de",
    )

    assert page.article.headline == "Feuerwehr warnt Anwohner vor giftigem Rauch über dem Hafen"


def test_a_standfirst_then_a_caption_over_its_credit_and_a_byline_on_two_lines() -> None:
    page = parse_text(
        "Feuerwehr warnt Anwohner vor giftigem Rauch über dem Hafen\n"
        "Seit dem Morgen brennt eine Lagerhalle im Hafen; die Feuerwehr ist mit einem Großaufgebot "
        "im Einsatz und bittet Anwohner, Fenster und Türen geschlossen zu halten\n"
        "Ein Löschboot der Feuerwehr kühlt die Kaimauer am Hafen\n"
        "Fotocredit: dpa\n"
        "Werbung\n"
        "Von\n"
        "Hafenblatt\n"
        "Publiziert 18/03/2026 um 09:12 GMT\n"
        "Die Feuerwehr kämpft seit dem Morgen gegen einen Großbrand im Hafen.\n"
        "Verletzt wurde nach ersten Angaben niemand.\n",
        language="de",
        captured_at=CAPTURED_AT,
    )

    assert page.article.standfirst is not None
    assert page.article.standfirst.startswith("Seit dem Morgen brennt")
    assert page.article.byline == "Von Hafenblatt"
    assert page.article.published_at == datetime(2026, 3, 18, 9, 12, tzinfo=UTC)
    assert [block.text[:20] for block in page.article.body] == [
        "Die Feuerwehr kämpft",
        "Verletzt wurde nach ",
    ]
    assert "Ein Löschboot der Feuerwehr kühlt die Kaimauer am Hafen" in page.dropped


@pytest.mark.parametrize(
    ("language", "paragraphs", "subheading"),
    [
        (
            "fr",
            (
                "Le gouvernement a présenté mercredi un plan de rénovation des écoles rurales, qui doit toucher près de 2 000 établissements d'ici 2030.",
                "Les maires des petites communes réclamaient depuis longtemps une aide de l'État pour financer ces travaux coûteux.",
                "Selon le ministère, la moitié des bâtiments concernés datent d'avant 1975 et consomment trop d'énergie.",
            ),
            "Une enveloppe jugée insuffisante par les élus des communes rurales",
        ),
        (
            "de",
            (
                "Die Landesregierung will bis zum Sommer ein neues Gesetz für den Nahverkehr vorlegen, wie der Verkehrsminister am Dienstag mitteilte.",
                "Vor allem auf dem Land sollen Busse künftig öfter fahren, auch am Wochenende und in den Abendstunden.",
                "Die Kommunen sollen dafür mehr Geld bekommen, die genaue Summe steht aber noch nicht fest.",
            ),
            "Verkehrsverbund kritisiert die Pläne der Landesregierung als viel zu vage",
        ),
    ],
)
def test_a_sub_heading_of_ten_words_between_paragraphs_is_a_sub_heading(
    language: str, paragraphs: tuple[str, str, str], subheading: str
) -> None:
    first, second, third = paragraphs
    text = f"Une école pour chaque village\n\n{first}\n\n{second}\n\n{subheading}\n\n{third}\n"
    page = parse_text(text, language=language)
    assert [block.kind for block in page.article.body] == [
        "paragraph", "paragraph", "subheading", "paragraph",
    ]  # fmt: skip
    assert page.article.body[2].text == subheading


@pytest.mark.parametrize(
    "pointer",
    [
        "Lesen Sie hier: Was Mieter jetzt über die neue Grundsteuer wissen müssen",
        "Mehr zum Thema: Wie die Stadt ihre Brücken saniert",
        "RELATED: City council delays vote on new stadium deal",
        "Lisez aussi : Les maires ruraux dénoncent un plan trop timide",
        "Lees hier: Hoe de gemeente de bruggen wil repareren",
    ],
)
def test_a_pointer_to_another_story_between_paragraphs_is_dropped(pointer: str) -> None:
    text = (
        "Gemeente trekt extra geld uit voor bruggen\n\n"
        f"{BODY.splitlines()[0]}\n\n{pointer}\n\n{BODY.splitlines()[1]}\n"
    )
    page = parse_text(text)
    assert [block.text[:12] for block in page.article.body] == ["Het kabinet ", "De oppositie"]
    assert pointer in page.dropped


def test_a_regional_page_with_a_gallery_a_glued_kicker_an_agency_credit_and_a_sign_off() -> None:
    text = """Startseite
Lokales
Politik
Stadt sperrt Brücke am Hafen für Lastwagen

Nach Gutachten Stadt sperrt Brücke am Hafen für Lastwagen
12.03.2026 - 09:41 Uhr
8
Die Brücke über den Hafenkanal ist marode. Foto: Jana Beispiel/dpa

8 Bilder - Fotostrecke öffnen

8 Bilder - Fotostrecke öffnen

Ein Gutachten findet schwere Schäden an den Trägern – für schwere Fahrzeuge ist die Hafenbrücke ab Montag tabu

dpa
12.03.2026 - 09:41 Uhr

Köln - Lastwagen über 7,5 Tonnen dürfen die Brücke am Hafen von Montag an nicht mehr befahren, wie die Stadt am Freitag mitteilte. Ein Gutachten hatte schwere Schäden an den Trägern gefunden.

Die Sperrung soll mindestens zwei Jahre dauern, bis ein Neubau fertig ist. Die Umleitung führt über die Nordbrücke und die Rheinuferstraße.

KSA

Stellenmarkt
Sachbearbeiter/in Buchhaltung (m/w/d)
Muster Logistik GmbH & Co. KG
Alle Angebote »
"""
    page = parse_text(text, language="de")
    article = page.article
    assert article.headline == "Stadt sperrt Brücke am Hafen für Lastwagen"
    assert article.standfirst is not None and article.standfirst.startswith("Ein Gutachten")
    assert article.dateline is not None and article.dateline.place == "Köln"
    assert [block.text[:20] for block in article.body] == [
        "Lastwagen über 7,5 T",
        "Die Sperrung soll mi",
    ]
    assert "8 Bilder - Fotostrecke öffnen" in page.dropped
    assert "Nach Gutachten Stadt sperrt Brücke am Hafen für Lastwagen" in page.dropped
    assert "KSA" in page.dropped and "Stellenmarkt" in page.dropped


@pytest.mark.parametrize("mark", ["NYT", "AFP", "./.", "ENDS"])
def test_a_sign_off_under_the_last_paragraph_ends_a_copied_story(mark: str) -> None:
    text = (
        "Menu\nNews\nWorld\nCouncil approves new budget after long debate\n"
        "By Jane Example\n"
        "LONDON (Reuters) - The city council approved its budget on Tuesday after a debate that ran late into the night, officials said.\n"
        "The budget raises spending on schools and roads by five percent over last year.\n"
        f"{mark}\nCareers\nSenior accountant (m/f/d) for our London office\nAll jobs »\n"
    )
    page = parse_text(text, language="en")
    assert [block.text[:12] for block in page.article.body] == ["The city cou", "The budget r"]
    assert mark in page.dropped and "Careers" in page.dropped


def test_initials_between_paragraphs_do_not_end_the_story() -> None:
    text = (
        "Menu\nNews\nWorld\nCouncil approves new budget after long debate\n"
        "LONDON (Reuters) - The city council approved its budget on Tuesday after a debate that ran late into the night, officials said.\n"
        "AD\n"
        "The budget raises spending on schools and roads by five percent over last year, the mayor said.\n"
        "Opposition members said the rise was too small to repair the damage of years of cuts.\n"
    )
    page = parse_text(text, language="en")
    assert len(page.article.body) == 3


def test_a_long_caption_opening_with_its_credit_and_a_bare_byline_stand_between_headline_and_story() -> (
    None
):
    text = (
        "Créez-vous un compte\nDéjà abonné? Connectez-vous.\n\n"
        "Le tramway de Québec coûtera deux milliards de plus\n[Accueil]\n[Actualités]\n[Québec]\n"
        "Photo: Marie Exemple Archives Le Journal Les travaux du tramway ont commencé l’an dernier dans le quartier Saint-Roch, où les commerçants se plaignent du bruit\n"
        "Paul Exemple\n19 février 2026\nQuébec\n\n"
        "Le coût du tramway de Québec grimpera de deux milliards de dollars, a reconnu mercredi la mairie, qui blâme la hausse du prix des matériaux.\n\n"
        "Les travaux devraient se terminer en 2032, soit deux ans plus tard que prévu, selon le nouvel échéancier présenté au conseil municipal.\n"
    )
    page = parse_text(text, language="fr")
    assert page.article.headline == "Le tramway de Québec coûtera deux milliards de plus"
    assert [block.text[:20] for block in page.article.body] == [
        "Le coût du tramway d",
        "Les travaux devraien",
    ]


@pytest.mark.parametrize(
    ("title", "teasers"),
    [
        (
            "Meest bekeken",
            (
                "Kabinet wil meer geld voor defensie",
                "Storm veroorzaakt schade in Zeeland",
            ),
        ),
        (
            "Most viewed",
            (
                "Council approves new budget after long debate",
                "Storm brings flooding to coastal towns",
            ),
        ),
        (
            "Weitere Themen",
            (
                "Stadt sperrt Brücke für Lastwagen",
                "Neuer Radweg am Rhein eröffnet",
            ),
        ),
        (
            "Les plus populaires",
            (
                "Le tramway coûtera deux milliards de plus",
                "Tempête: des milliers de foyers privés d’électricité",
            ),
        ),
    ],
)
def test_rails_titled_most_viewed_or_more_topics_in_four_languages(
    title: str, teasers: tuple[str, ...]
) -> None:
    text = "\n".join(("Kabinet wil meer geld voor defensie", BODY, title, *teasers))
    page = parse_text(text)
    assert page.rails[0].title == title
    assert [brief.title for brief in page.rails[0].items] == list(teasers)
    assert len(page.article.body) == 2


def test_a_french_rail_more_in_a_section_names_it() -> None:
    text = "\n".join(
        (
            "Kabinet wil meer geld voor defensie",
            BODY,
            "Plus en Économie",
            "Les taux d’intérêt restent stables",
            "La bourse de Paris termine en hausse",
        )
    )
    page = parse_text(text)
    assert (page.rails[0].title, page.rails[0].section) == ("Plus en Économie", "Économie")


@pytest.mark.parametrize(
    "notice",
    [
        "Il vous reste 62.5% de cet article à lire. La suite est réservée aux abonnés.",
        "La suite de cet article est réservée aux abonnés.",
        "The rest of this article is for subscribers only.",
        "Der Rest dieses Artikels ist Abonnenten vorbehalten.",
        "De rest van dit artikel is alleen voor abonnees.",
        "(Graphic: Oil prices since January - here)",
        "- landscape-tablet-and-above",
    ],
)
def test_a_paywall_notice_a_graphic_pointer_or_a_layout_name_under_the_story_is_dropped(
    notice: str,
) -> None:
    text = f"Kabinet wil meer geld voor defensie\n{BODY}\n{notice}\n"
    page = parse_text(text, headline="Kabinet wil meer geld voor defensie")
    assert page.article.body[-1].text.startswith("De oppositie noemt")
    assert notice in page.dropped


@pytest.mark.parametrize(
    ("language", "page"),
    [
        (
            "fr",
            """Se connecter
Politique
Écologie
Le gouvernement présente son plan pour les écoles rurales
Le ministre a détaillé mercredi un plan de deux milliards d’euros, jugé insuffisant par les maires
Par Claire Exemple
Publié le 12 mars 2026 à 10h02
Temps de Lecture 3 min.
Ajouter à vos sélections Ajouter à vos sélections
Pour ajouter l’article à vos sélections
identifiez-vous
S’inscrire gratuitement
Vous possédez déjà un compte ?
Se connecter
Partager Partager
Partager sur Twitter
Partager sur Messenger
Partager sur Facebook
Envoyer par e-mail
Partager sur Whatsapp
Copier le lien
Article réservé aux abonnés
Le gouvernement a présenté mercredi un plan de rénovation des écoles rurales, qui doit toucher près de 2 000 établissements d’ici 2030.
Lire aussi : Article réservé à nos abonnés Dans les campagnes, des écoles qui ferment faute d’élèves et des maires qui se battent pour garder leurs classes ouvertes
Les maires des petites communes réclamaient depuis longtemps une aide de l’État pour financer ces travaux coûteux.
Il vous reste 64.12% de cet article à lire. La suite est réservée aux abonnés.
Lecture du journal en cours sur un autre appareil.
Vous pouvez lire le journal sur un seul appareil à la fois.
""",
        ),
        (
            "en",
            """Sign in
Politics
Government unveils plan to repair rural schools
Ministers promise two billion pounds over five years, but councils say the money falls far short of what is needed
By Claire Example
March 12, 2026
Save to reading list
Sign up for free
Already have an account? Sign in
Share Share
Share on Twitter
Share on Facebook
Share on WhatsApp
Share by email
Copy link
Subscribers only
The government on Wednesday unveiled a plan to repair rural schools, covering nearly 2,000 buildings by 2030.
Council leaders had long asked for help to pay for the costly works, which many small towns cannot afford alone.
The rest of this article is for subscribers only.
You are reading on another device.
Only one device can read at a time.
""",
        ),
    ],
)
def test_a_subscribers_page_with_share_login_and_bookmark_prompts_and_a_paywall(
    language: str, page: str
) -> None:
    parsed = parse_text(page, language=language)
    article = parsed.article
    assert article.headline is not None and article.headline.startswith(
        ("Le gouvernement", "Government")
    )
    assert len(article.body) == 2
    assert article.body[-1].text.startswith(("Les maires", "Council leaders"))


@pytest.mark.parametrize(
    ("language", "age"),
    [
        ("de", "VOR 14 STUNDEN"),
        ("nl", "2 uur geleden"),
        ("fr", "il y a 3 heures"),
        ("en", "5 hours ago"),
    ],
)
def test_a_teasers_age_printed_inside_the_story_is_dropped_not_a_sub_heading(
    language: str, age: str
) -> None:
    first, second = BODY.splitlines()
    text = (
        f"Kabinet wil meer geld voor defensie\n{first}\nDefensie krijgt er een nieuwe minister bij\n"
        f"{age}\n{second}\nDe coalitie wil volgende week stemmen over het plan van de minister.\n"
    )
    page = parse_text(text, language=language)
    assert age in page.dropped
    assert all(block.text != age for block in page.article.body)


def test_a_rail_of_kickers_headlines_ages_and_video_lengths_gives_one_brief_a_teaser() -> None:
    rail = [
        "Meistgelesen",
        "Fußball-Bundesliga", "Köln gewinnt das Derby gegen Gladbach in letzter Minute", "VOR 5 STUNDEN",
        "Handball-WM", "Deutschland verliert knapp gegen Dänemark im Halbfinale", "gestern am 21:40",
        "Ski Alpin", "Die schönsten Abfahrten des Winters im Video zusammengefasst", "00:03:31",
        "Olympia 2026", "Zeitplan und Termine der Winterspiele in Mailand und Cortina", "1:02:07",
    ]  # fmt: skip
    text = "\n".join(("Kabinet wil meer geld voor defensie", BODY, *rail))
    page = parse_text(text, language="de", captured_at=CAPTURED_AT)
    briefs = page.rails[0].items
    assert [brief.title[:20] for brief in briefs] == [
        "Köln gewinnt das Der",
        "Deutschland verliert",
        "Die schönsten Abfahr",
        "Zeitplan und Termine",
    ]
    assert [brief.age_text for brief in briefs] == [
        "VOR 5 STUNDEN", "gestern am 21:40", None, None,
    ]  # fmt: skip
    assert briefs[1].published_at == datetime(2026, 3, 17, 20, 40, tzinfo=UTC)
    for dropped in ("Fußball-Bundesliga", "Olympia 2026", "00:03:31", "1:02:07"):
        assert dropped in page.dropped


@pytest.mark.parametrize(
    ("language", "teasers"),
    [
        (
            "de",
            [
                "Nahost",
                "Außenministerium: Gespräche über Waffenruhe gehen weiter",
                "Tarife",
                "Bahn legt in Tarifgesprächen neues Angebot vor",
                "Bayern",
                "Hochwasser: Pegel an der Donau sinken langsam",
                "USA",
                "Studierende protestieren an mehreren Universitäten",
            ],
        ),
        (
            "en",
            [
                "Transport",
                "Council votes to extend the city's night bus service",
                "Weather",
                "Storm warning issued for the coast as winds pick up",
                "Health",
                "Local hospital opens new children's ward after delays",
            ],
        ),
    ],
)
def test_teasers_right_under_the_story_with_no_title_are_an_untitled_rail(
    language: str, teasers: list[str]
) -> None:
    menu = ["Lokal", "Halle", "Magdeburg", "Dessau", "Impressum", "Datenschutz"]
    text = "\n".join(("Kabinet wil meer geld voor defensie", BODY, *teasers, *menu))
    page = parse_text(text, language=language)
    headlines = [line for line in teasers if len(line.split()) >= 4]
    assert len(page.rails) == 1 and page.rails[0].title is None
    assert [brief.title for brief in page.rails[0].items] == headlines
    assert len(page.article.body) == 2
    for kicker in set(teasers) - set(headlines):
        assert kicker in page.dropped


@pytest.mark.parametrize(
    "source", ["Bron: BELGA", "Source: AFP", "Quelle: dpa, Reuters", "Quelle: ntv.de, mau/dpa/rts"]
)
def test_a_standfirst_over_the_source_credited_on_its_own_line(source: str) -> None:
    standfirst = (
        "De federale regering krijgt een nieuwe minister van Justitie, die eerder al "
        "Binnenlandse Zaken leidde en nu de gevangenissen moet hervormen"
    )
    text = (
        "Menu\nNieuws\nBinnenland\nMinister wisselt van departement\n"
        f"{standfirst}\n{source}\n{BODY}\n"
    )
    page = parse_text(text, language="nl")
    assert page.article.standfirst == standfirst
    assert page.article.dateline is not None and page.article.dateline.place == "DEN HAAG"
    assert source in page.dropped


@pytest.mark.parametrize(
    "line",
    [
        "Verlinden tijdens de persconferentie. — © BELGA",
        "Ontdek je voordeel ›",
        "Jetzt testen »",
        "See all our offers →",
    ],
)
def test_a_caption_closed_by_a_dashed_credit_and_links_closed_by_an_arrow_are_furniture(
    line: str,
) -> None:
    first, second = BODY.splitlines()
    text = f"Kabinet wil meer geld voor defensie\n{first}\n{line}\n{second}\n"
    page = parse_text(text, language="nl")
    assert line in page.dropped
    assert len(page.article.body) == 2


@pytest.mark.parametrize(
    "subheading", ["Aufklären über «Mythos Stadtluft»", "Le maire répond « non »"]
)
def test_a_sub_heading_closed_by_a_guillemet_is_no_link(subheading: str) -> None:
    first, second = BODY.splitlines()
    third = "De coalitie wil volgende week stemmen over het plan van de minister van defensie."
    text = f"Kabinet wil meer geld voor defensie\n{first}\n{second}\n{subheading}\n{third}\n"
    page = parse_text(text, language="nl")
    assert subheading not in page.dropped


@pytest.mark.parametrize(
    "credit", ["Nathalie Exemple / Photothèque / AFP", "Jan Jansen/ANP", "Jane Doe / Reuters"]
)
def test_a_caption_over_its_agency_credit_between_paragraphs_leaves_the_body(credit: str) -> None:
    first, second = BODY.splitlines()
    caption = "De minister tijdens een werkbezoek aan de kazerne in Oirschot, vorige week."
    text = f"Kabinet wil meer geld voor defensie\n{first}\nréagir\n{caption}\n{credit}\n{second}\n"
    page = parse_text(text, language="nl")
    assert [block.text[:12] for block in page.article.body] == ["Het kabinet ", "De oppositie"]
    assert {caption, credit, "réagir"} <= set(page.dropped)


STORIES_UNDER_COMMENTS = {
    "en": (
        "Council approves new bus lanes for the city centre",
        "The city council approved four new bus lanes on Tuesday after a debate that lasted most of the evening.",
        "Work on the first lane is to start in May and should take about three months, officials said.",
    ),
    "de": (
        "Stadtrat beschließt neue Busspuren in der Innenstadt",
        "Der Stadtrat hat am Dienstag nach langer Debatte vier neue Busspuren in der Innenstadt beschlossen.",
        "Die Arbeiten an der ersten Spur sollen im Mai beginnen und etwa drei Monate dauern, hieß es.",
    ),
    "fr": (
        "Le conseil municipal adopte de nouvelles voies de bus",
        "Le conseil municipal a adopté mardi quatre nouvelles voies de bus après un long débat en séance.",
        "Les travaux de la première voie doivent commencer en mai et durer environ trois mois, selon la ville.",
    ),
    "nl": (
        "Gemeenteraad stemt in met nieuwe busbanen in het centrum",
        "De gemeenteraad heeft dinsdag na een lang debat ingestemd met vier nieuwe busbanen in het centrum.",
        "Het werk aan de eerste busbaan begint in mei en duurt ongeveer drie maanden, aldus de gemeente.",
    ),
}


# Three teasers' titles per language, for the rails the tests build.
TEASERS = {
    "en": (
        "Mayor defends the cost of the new tram line",
        "Schools to get more money for repairs",
        "Police close the old bridge for a week",
    ),
    "de": (
        "Bürgermeister verteidigt die Kosten der Tramlinie",
        "Schulen bekommen mehr Geld für Reparaturen",
        "Polizei sperrt die alte Brücke für eine Woche",
    ),
    "fr": (
        "Le maire défend le coût de la nouvelle ligne de tram",
        "Les écoles recevront plus d'argent pour les réparations",
        "La police ferme le vieux pont pendant une semaine",
    ),
    "nl": (
        "Burgemeester verdedigt de kosten van de nieuwe tramlijn",
        "Scholen krijgen meer geld voor reparaties",
        "Politie sluit de oude brug een week lang af",
    ),
}


@pytest.mark.parametrize(
    ("language", "under"),
    [
        (
            "en",
            "Please read our comment policy before commenting.\nClick to Read More and View Comments\nThe council meets again next month to discuss the budget for the coming year.",
        ),
        (
            "en",
            "You must log in to post a comment.\nName *\nEmail *\nThe council meets again next month to discuss the budget for the coming year.",
        ),
        (
            "de",
            "Jetzt Artikel teilen!\nName (erforderlich)\nE-Mail (wird nicht veröffentlicht) (erforderlich)\nKommentar\nAktuelle Kommentare\nIch finde das eine gute Entscheidung für alle Radfahrer und Fußgänger der Stadt.",
        ),
        (
            "fr",
            "Publier un nouveau commentaire\nNous vous invitons ici à donner votre point de vue, vos informations et vos arguments en toute liberté.\nLa rédaction",
        ),
        (
            "nl",
            "Je moet ingelogd zijn om te reageren.\nPlaats een reactie\nIk vind het een prima besluit voor alle fietsers en voetgangers in de stad.",
        ),
    ],
)
def test_a_comments_prompt_or_a_comment_form_under_the_story_ends_it(
    language: str, under: str
) -> None:
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    page = parse_text(f"Menu\nNews\n{headline}\n{first}\n{last}\n{under}\n", language=language)
    assert page.article.headline == headline
    assert body_texts(page) == [first, last]
    assert under.splitlines()[0] in page.dropped


def test_a_comments_prompt_over_the_story_does_not_end_it() -> None:
    headline, first, last = STORIES_UNDER_COMMENTS["en"]
    page = parse_text(f"{headline}\nLeave a comment\n{first}\n{last}\n", language="en")
    assert body_texts(page) == [first, last]
    assert "Leave a comment" in page.dropped


@pytest.mark.parametrize(
    ("language", "caption"),
    [
        (
            "de",
            "ARD/SWR Ein Abend mit dem Künstler, Film von Anna Beispiel, am Montag um 20:15 Uhr im Ersten. Szene: Probe © SWR/Hugo Muster, honorarfrei - Verwendung nur im Zusammenhang mit der Sendung.",
        ),
        (
            "fr",
            "Le fongicide est utilisé dans la culture des céréales depuis une cinquantaine d'années. Image: Keystone",
        ),
        (
            "en",
            "Workers paint the first of the new bus lanes on a street in the city centre on Monday. Photo: City Council",
        ),
        (
            "nl",
            "Wegwerkers schilderen de eerste nieuwe busbaan in het centrum op maandag. Foto: Gemeente Utrecht",
        ),
    ],
)
def test_a_caption_with_a_credit_over_the_story_is_no_paragraph(
    language: str, caption: str
) -> None:
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    page = parse_text(f"Menu\nNews\n{headline}\n{caption}\n{first}\n{last}\n", language=language)
    assert page.article.headline == headline
    assert body_texts(page) == [first, last]
    assert caption in page.dropped


@pytest.mark.parametrize(
    ("language", "announcement", "credit"),
    [
        ("de", "Das folgende Video zeigt die Debatte im Stadtrat:", "(dpa)"),
        ("en", "Watch the full debate below:", "(Reuters)"),
        ("fr", "Voici la vidéo du débat :", "(ats/nxp)"),
        ("nl", "Bekijk hieronder de video van het debat:", "(ANP/jdw)"),
    ],
)
def test_a_last_paragraph_announcing_what_was_not_copied_leaves_and_the_credit_above_it_too(
    language: str, announcement: str, credit: str
) -> None:
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    page = parse_text(
        f"{headline}\n{first}\n{last} {credit}\n{announcement}\nFacebook\nTwitter\n",
        language=language,
    )
    assert body_texts(page) == [first, last]
    assert announcement in page.dropped and credit in page.dropped


@pytest.mark.parametrize(
    ("language", "poll"),
    [
        (
            "fr",
            "Signaler une erreur\nVous voulez communiquer un renseignement ou vous avez repéré une erreur ?\nOrthographe\nPonctuation\nGrammaire\nErreur factuelle\nVotre adresse email*\nDescription de l'erreur*",
        ),
        (
            "en",
            "Question of the Day\nDo you think the new bus lanes will cut the traffic in the city centre?\nYes, within a year\nNo, it will only get worse\nNot sure yet\nView results",
        ),
        (
            "de",
            "Umfrage\nWerden die neuen Busspuren den Verkehr in der Innenstadt entlasten?\nJa, sicher\nNein, auf keinen Fall\nWeiß nicht",
        ),
        (
            "nl",
            "Stelling\nGaan de nieuwe busbanen het verkeer in het centrum echt verminderen?\nJa, zeker\nNee, het wordt erger\nGeen mening",
        ),
    ],
)
def test_a_poll_or_a_form_between_headline_and_story_is_neither(language: str, poll: str) -> None:
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    page = parse_text(
        f"Home\nNews\nCity\n{headline}\n18.03.2026\n{poll}\n{first}\n{last}\n", language=language
    )
    assert page.article.headline == headline
    assert body_texts(page) == [first, last]
    assert all(line in page.dropped for line in poll.splitlines())


def test_a_headline_asking_a_question_over_its_byline_and_date_is_kept() -> None:
    page = parse_text(
        "Home\nPolitik\nAusland\nWie geht es jetzt mit dem Brexit weiter?\nVon Anna Beispiel\n"
        "19. Oktober 2019\n16:14 Uhr\n"
        "Das britische Parlament hat am Samstag eine Entscheidung über den Brexit-Deal vertagt und dem Premier eine Niederlage bereitet.\n"
        "Der Premier will trotzdem versuchen, den Deal noch rechtzeitig durch das Parlament zu bringen.\n",
        language="de",
    )
    assert page.article.headline == "Wie geht es jetzt mit dem Brexit weiter?"


@pytest.mark.parametrize(
    ("language", "title", "section"),
    [
        ("fr", "Articles en relation", None),
        ("fr", "Sur ce thème", None),
        ("fr", "Les dernières news Suisse", "Suisse"),
        ("de", "Neu in Politik", "Politik"),
        ("de", "Verwandte Artikel", None),
        ("en", "Related coverage", None),
        ("en", "Latest in Politics", "Politics"),
        ("nl", "Gerelateerd nieuws", None),
        ("nl", "Meer columns", None),
        ("nl", "Laatste nieuws uit de regio", None),
        ("fr", "Nos derniers articles", None),
        ("fr", "Le direct", None),
        ("en", "More coverage", None),
        ("de", "Weitere Meldungen", None),
    ],
)
def test_rails_of_related_or_newest_stories_in_four_languages(
    language: str, title: str, section: str | None
) -> None:
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    teasers = TEASERS[language][:2]
    page = parse_text(
        f"{headline}\n{first}\n{last}\n{title}\n{teasers[0]}\n04.12.2019\n{teasers[1]}\n28.11.2019\n",
        language=language,
    )
    assert body_texts(page) == [first, last]
    assert [(rail.title, rail.section) for rail in page.rails] == [(title, section)]
    assert [brief.title or brief.text for brief in page.rails[0].items] == list(teasers)


def test_a_shops_box_of_priced_products_under_the_story_is_no_rail() -> None:
    headline, first, last = STORIES_UNDER_COMMENTS["de"]
    page = parse_text(
        f"{headline}\n{first}\n{last}\nLetzte Kommentare\nTestberichte\n"
        "Schlägertest 2021: 17 Rackets für Turnierspieler 2,00 €\n"
        "Schuhtest: Sandplatzschuhe für 2020 2,00 €\n"
        "Schlägertest 2020: 16 Rackets für Freizeitspieler 2,00 €\n",
        language="de",
    )
    assert page.rails == ()


@pytest.mark.parametrize(
    ("language", "title", "bylines"),
    [
        ("de", "Weitere Themen", ("Von unserer Redaktion", "Von Anna Beispiel")),
        (
            "fr",
            "Articles en relation",
            ("Par Claire Exemple", "ABO+ Par Jean Dupont, Marie Martin"),
        ),
        ("en", "More stories", ("By our staff", "By Jane Doe and John Roe")),
        ("nl", "Lees ook", ("Door onze redactie", "Door Jan de Vries")),
    ],
)
def test_bylines_under_teasers_are_no_teasers_of_their_own(
    language: str, title: str, bylines: tuple[str, str]
) -> None:
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    teasers = TEASERS[language]
    page = parse_text(
        f"{headline}\n{first}\n{last}\n{title}\n{teasers[0]}\n{bylines[0]}\n{teasers[1]}\n"
        f"{bylines[1]}\n{teasers[2]}\n",
        language=language,
    )
    assert [brief.title or brief.text for brief in page.rails[0].items] == list(teasers)
    assert set(bylines) <= set(page.dropped)


def test_a_teasers_dated_byline_gives_the_teaser_its_date() -> None:
    headline, first, last = STORIES_UNDER_COMMENTS["fr"]
    page = parse_text(
        f"{headline}\n{first}\n{last}\nArticles en relation\n"
        "Le maire défend le coût de la nouvelle ligne de tram\n04.12.2019\n"
        "Les écoles recevront plus d'argent pour les réparations\n"
        "ABO+ Par Jean Dupont, Marie Martin  19.11.2019\n"
        "La police ferme le vieux pont pendant une semaine\n14.11.2019\n",
        language="fr",
    )
    items = page.rails[0].items
    assert [item.title or item.text for item in items][1] == (
        "Les écoles recevront plus d'argent pour les réparations"
    )
    assert [item.age_text for item in items] == ["04.12.2019", "19.11.2019", "14.11.2019"]
    assert "ABO+ Par Jean Dupont, Marie Martin" in page.dropped


def test_a_headline_that_opens_like_a_byline_stays_a_teaser() -> None:
    headline, first, last = STORIES_UNDER_COMMENTS["nl"]
    page = parse_text(
        f"{headline}\n{first}\n{last}\nLees ook\nDoor Rusland gesteunde rebellen rukken op in het oosten\n"
        "Scholen krijgen meer geld voor reparaties\nPolitie sluit de oude brug een week lang af\n",
        language="nl",
    )
    first = page.rails[0].items[0]
    assert (first.title or first.text) == "Door Rusland gesteunde rebellen rukken op in het oosten"


def test_a_caption_closed_by_its_credit_and_a_link_is_no_paragraph() -> None:
    caption = "Rep. Jane Doe, left, talks with Rep. John Roe at the Statehouse, Thursday, April 27, 2023, in Indianapolis. (AP Photo/Jane Roe) more >"
    page = parse_text(
        f"Indiana lawmakers pass the state budget\n{caption}\nBy Tom Example - Associated Press - Friday, April 28, 2023\n"
        "INDIANAPOLIS (AP) — A state budget deal gained the governor's endorsement on Friday soon after it won final approval.\n"
        "Republican leaders scrambled for much of Thursday to add about $300 million in school funding.\n",
        language="en",
    )
    assert page.article.headline == "Indiana lawmakers pass the state budget"
    assert page.article.dateline is not None and page.article.dateline.place == "INDIANAPOLIS"
    assert caption in page.dropped


def test_a_credit_glued_to_the_last_paragraph_over_the_pages_date_line_leaves_the_body() -> None:
    headline, first, last = STORIES_UNDER_COMMENTS["fr"]
    page = parse_text(
        f"{headline}\n{first}\n{last} (ats/nxp)\nCréé: 12.12.2019, 07h36\nArticles en relation\n"
        "Le maire défend le coût de la nouvelle ligne de tram\n04.12.2019\n"
        "Les écoles recevront plus d'argent pour les réparations\n28.11.2019\n",
        language="fr",
    )
    assert body_texts(page) == [first, last]
    assert "(ats/nxp)" in page.dropped


@pytest.mark.parametrize(
    ("text", "kicker", "rest"),
    [
        (
            "Pesticide L'interdiction du fongicide est demandée par le canton.",
            "Pesticide",
            "L'interdiction du fongicide est demandée par le canton.",
        ),
        (
            "Canton de Vaud Les teneurs dépassent les valeurs autorisées.",
            "Canton de Vaud",
            "Les teneurs dépassent les valeurs autorisées.",
        ),
        (
            "Fake news L'OMS tente de démentir les rumeurs.",
            "Fake news",
            "L'OMS tente de démentir les rumeurs.",
        ),
        (
            "Ukraine-Krieg Der ungehobene Schatz liegt in Belgien.",
            "Ukraine-Krieg",
            "Der ungehobene Schatz liegt in Belgien.",
        ),
        (
            "Analysis The president faces a hard choice on tariffs.",
            "Analysis",
            "The president faces a hard choice on tariffs.",
        ),
        (
            "Stikstof Het kabinet wil boeren uitkopen.",
            "Stikstof",
            "Het kabinet wil boeren uitkopen.",
        ),
        (
            "Lausanne En raison des nouvelles normes, la ville agit.",
            "Lausanne",
            "En raison des nouvelles normes, la ville agit.",
        ),
    ],
)
def test_a_kicker_glued_to_a_teasers_text_with_a_space_is_split_off(
    text: str, kicker: str, rest: str
) -> None:
    assert split_glued_kicker(text) == (kicker, rest)


@pytest.mark.parametrize(
    "text",
    [
        "Emmanuel Macron a annoncé mardi un plan pour les écoles.",
        "Selon Le Monde, le ministre va démissionner.",
        "Die Regierung will mehr Geld für Schulen ausgeben.",
        "De regering wil meer geld voor scholen.",
        "Angela Merkel und Emmanuel Macron trafen sich in Berlin.",
        "The Hague Court will rule on Friday.",
    ],
)
def test_a_teasers_text_without_a_glued_kicker_is_left_whole(text: str) -> None:
    assert split_glued_kicker(text) == (None, text)


def test_teasers_with_their_kickers_glued_to_their_texts_lose_the_kickers_to_dropped() -> None:
    headline, first, last = STORIES_UNDER_COMMENTS["fr"]
    page = parse_text(
        f"{headline}\n{first}\n{last}\nArticles en relation\n"
        "Le maire défend le coût de la nouvelle ligne de tram\n"
        "Transports Le projet coûtera deux fois plus que prévu, selon la Cour des comptes.\n04.12.2019\n"
        "Les écoles recevront plus d'argent pour les réparations\n"
        "Canton de Vaud L'État débloque dix millions pour les bâtiments scolaires.\n28.11.2019\n",
        language="fr",
    )
    assert [item.text for item in page.rails[0].items] == [
        "Le projet coûtera deux fois plus que prévu, selon la Cour des comptes.",
        "L'État débloque dix millions pour les bâtiments scolaires.",
    ]
    assert {"Transports", "Canton de Vaud"} <= set(page.dropped)


@pytest.mark.parametrize(
    "follow",
    [
        "Follow Us FacebookTwitterYouTubeLinkedIn",
        "Folgen Sie uns auf Instagram",
        "Volg ons op X",
        "Suivez-nous sur Facebook",
    ],
)
def test_a_follow_us_line_under_a_rail_of_titles_is_no_teaser(follow: str) -> None:
    headline, first, last = STORIES_UNDER_COMMENTS["en"]
    page = parse_text(
        f"{headline}\n{first}\n{last}\nMost Viewed\nMayor defends the cost of the new tram line\n"
        f"Schools to get more money for repairs\nPolice close the old bridge for a week\n{follow}\n",
        language="en",
    )
    assert len(page.rails[0].items) == 3
    assert follow in page.dropped


def test_in_a_list_of_titles_a_title_closed_by_a_full_stop_is_one_more_title() -> None:
    headline, first, last = STORIES_UNDER_COMMENTS["en"]
    titles = [
        "Mayor defends the cost of the new tram line",
        "Schools to get more money for repairs",
        "Outage timing is unclear. Here's when the counties go dark.",
        "Police close the old bridge for a week",
        "Council names a new head of the fire service",
        "Museum reopens after two years of works",
    ]
    page = parse_text(
        f"{headline}\n{first}\n{last}\nMost Popular\n"
        + "\n".join(titles)
        + "\nJoin the conversation...\n",
        language="en",
    )
    assert [item.title or item.text for item in page.rails[0].items] == titles
    assert "Join the conversation..." in page.dropped


def test_a_title_over_its_summary_in_a_rail_keeps_its_summary() -> None:
    headline, first, last = STORIES_UNDER_COMMENTS["en"]
    page = parse_text(
        f"{headline}\n{first}\n{last}\nMore stories\nMayor defends the cost of the new tram line\n"
        "The mayor told the council on Monday that the tram line would pay for itself within twenty years of opening.\n"
        "Schools to get more money for repairs\n"
        "The education department will spend an extra ten million on repairs to old school buildings this year.\n",
        language="en",
    )
    assert [(item.title, (item.text or "")[:20]) for item in page.rails[0].items] == [
        ("Mayor defends the cost of the new tram line", "The mayor told the c"),
        ("Schools to get more money for repairs", "The education depart"),
    ]


@pytest.mark.parametrize(
    ("language", "pitch", "link"),
    [
        (
            "nl",
            "TIP Als abonnee van de krant krijg je ook gratis onze fiets- en wandelapp cadeau.",
            "Ontdek je voordeel ›",
        ),
        (
            "en",
            "Subscribers read every story on the site and get the morning newsletter for free.",
            "Subscribe now »",
        ),
        (
            "de",
            "Als Abonnent lesen Sie alle Artikel und erhalten die App für Ihr Telefon kostenlos.",
            "Jetzt testen ›",
        ),
        (
            "fr",
            "Abonnez-vous pour lire tous nos articles et recevoir notre lettre du matin gratuitement.",
            "Je m'abonne →",
        ),
    ],
)
def test_a_pitch_over_a_link_closed_by_an_arrow_under_the_story_ends_it(
    language: str, pitch: str, link: str
) -> None:
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    page = parse_text(
        f"Menu\n{headline}\n{first}\n{last}\n{pitch}\n{link}\nOpzeggen wanneer je wilt\n"
        f"{pitch}\n{link}\n",
        language=language,
    )
    assert body_texts(page) == [first, last]
    assert pitch in page.dropped and link in page.dropped


def test_the_story_a_paywall_cuts_after_its_first_paragraph_keeps_it() -> None:
    headline, first, _last = STORIES_UNDER_COMMENTS["nl"]
    page = parse_text(f"Menu\n{headline}\n{first}\nLees verder ›\n", language="nl")
    assert body_texts(page) == [first]


@pytest.mark.parametrize(
    ("language", "title", "names"),
    [
        (
            "fr",
            "Sur le même sujet",
            ("Personnalités", "Olivier Véran", "Elon Musk", "Donald Trump"),
        ),
        ("de", "Mehr zum Thema", ("Themen", "Olaf Scholz", "Bundestag", "Haushalt")),
        ("en", "Related stories", ("Topics", "City council", "Public transport", "Budget")),
        ("nl", "Lees ook", ("Onderwerpen", "Gemeenteraad", "Openbaar vervoer", "Begroting")),
    ],
)
def test_a_list_of_names_or_tags_under_a_rails_teasers_ends_the_rail(
    language: str, title: str, names: tuple[str, ...]
) -> None:
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    teasers = TEASERS[language]
    page = parse_text(
        f"{headline}\n{first}\n{last}\n{title}\n"
        + "\n".join(teasers)
        + "\n"
        + "\n".join(names)
        + "\n",
        language=language,
    )
    assert [item.title or item.text for item in page.rails[0].items] == list(teasers)
    assert set(names) <= set(page.dropped)


def test_kickers_and_video_lengths_between_a_rails_teasers_do_not_end_it() -> None:
    headline, first, last = STORIES_UNDER_COMMENTS["de"]
    page = parse_text(
        f"{headline}\n{first}\n{last}\nMeistgelesen\n"
        "Olympia 2022\nNächstes deutsches Teammitglied positiv auf Corona getestet\nVOR 5 STUNDEN\n"
        "Olympia - Skispringen\nSchuh-Streit zwischen Polen und Deutschland eskaliert\n00:01:01\n"
        "Olympia - Biathlon\nDahlmeier-Festspiele in PyeongChang mit vielen Höhepunkten\n00:13:45\n"
        "Olympia - Ski Alpin\nStar-Coach prophezeit ein Debakel für die Gastgeber\nVOR EINEM TAG\n",
        language="de",
    )
    assert len(page.rails[0].items) == 4


def test_a_teaser_cut_short_under_its_title_keeps_its_words_as_text() -> None:
    headline, first, last = STORIES_UNDER_COMMENTS["nl"]
    page = parse_text(
        f"{headline}\n{first}\n{last}\nMeer nieuws\n"
        "Burgemeester verdedigt de kosten van de nieuwe tramlijn\n"
        "De burgemeester zei maandag in de gemeenteraad dat de tramlijn zichzelf terugverdient.\n"
        "Lees meer »\n"
        "Politie sluit de oude brug een week lang af\n"
        "De brug over het kanaal gaat maandag dicht voor herstelwerk aan de pijlers en het dek.\n"
        "Lees meer »\n"
        "Gemeente opent een nieuw zwembad in het westen van de stad\n"
        "Het zwembad heeft een wedstrijdbad en een apart bad voor kinderen en ouderen.\n"
        "Lees meer »\n"
        "Scholen krijgen meer geld voor reparaties\n"
        "Wie in Bilzen denkt om nog\n",
        language="nl",
    )
    last_item = page.rails[0].items[-1]
    assert (last_item.title, last_item.text) == (
        "Scholen krijgen meer geld voor reparaties",
        "Wie in Bilzen denkt om nog",
    )


@pytest.mark.parametrize(
    ("language", "title", "under"),
    [
        ("nl", "Meest gelezen", ["1 uur geleden", "2 uur geleden", "3 uur geleden"]),
        ("en", "Most read", ["Politics", "Education", "Crime"]),  # each under its kicker
        ("de", "Meistgelesen", ["vor 1 Stunde", "vor 2 Stunden", "vor 3 Stunden"]),
        ("fr", "Les plus lus", [None, None, None]),
    ],
)
def test_a_rail_printed_above_the_story_is_a_rail(
    language: str, title: str, under: list[str | None]
) -> None:
    """A whole-page copy that prints its sidebar before the story: the rail's title over its
    headlines (with their kickers or ages) is a rail, not lines dropped with the menu."""
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    teasers = TEASERS[language]
    if language == "en":  # kickers over their headlines
        rail = [
            line for kicker, teaser in zip(under, teasers, strict=True) for line in (kicker, teaser)
        ]
    else:
        rail = [
            line
            for teaser, age in zip(teasers, under, strict=True)
            for line in (teaser, age)
            if line
        ]
    page = parse_text(
        "\n".join(["Home", "News", "Sport", title, *rail, headline, "18.03.2026", first, last]),
        language=language,
        captured_at=CAPTURED_AT,
    )
    assert page.article.headline == headline
    assert body_texts(page) == [first, last]
    (read,) = page.rails
    assert read.title == title
    assert [brief.title or brief.text for brief in read.items] == list(teasers)
    if language in ("nl", "de"):
        assert [brief.age_seconds for brief in read.items] == [3600, 7200, 10800]
    assert {"Home", "News", "Sport"} <= set(page.dropped)


def test_a_menu_under_a_rail_title_above_the_story_is_no_rail() -> None:
    headline, first, last = STORIES_UNDER_COMMENTS["en"]
    page = parse_text(
        "\n".join(["Top stories", "World", "Business", "Sport", "Weather", headline, first, last]),
        language="en",
    )
    assert page.article.headline == headline
    assert page.rails == ()
    assert {"Top stories", "World", "Business", "Sport", "Weather"} <= set(page.dropped)


# Two more paragraphs of each story, for boxes that stand between its paragraphs.
MORE_PARAGRAPHS = {
    "en": (
        "Shop owners on the main street fear that the lanes will keep customers away during the months of works.",
        "The council said it would review the traffic on the new lanes after a year and publish the figures.",
    ),
    "de": (
        "Geschäftsleute in der Hauptstraße fürchten, dass die Bauarbeiten über Monate Kundschaft fernhalten werden.",
        "Die Stadt will den Verkehr auf den neuen Spuren nach einem Jahr prüfen und die Zahlen veröffentlichen.",
    ),
    "fr": (
        "Les commerçants de la grande rue craignent que les travaux éloignent leurs clients pendant plusieurs mois.",
        "La ville promet d'étudier la circulation sur les nouvelles voies au bout d'un an et de publier les chiffres.",
    ),
    "nl": (
        "Winkeliers in de hoofdstraat vrezen dat de werkzaamheden maandenlang klanten zullen wegjagen uit het centrum.",
        "De gemeente wil het verkeer op de nieuwe busbanen na een jaar onderzoeken en de cijfers openbaar maken.",
    ),
}


@pytest.mark.parametrize(
    ("language", "title", "teasers"),
    [
        ("nl", "Lees ook", 1),
        ("en", "Related stories", 2),
        ("de", "Mehr zum Thema", 3),
        ("fr", "À lire aussi", 2),
    ],
)
def test_a_box_of_links_between_the_storys_paragraphs_is_a_rail_and_the_story_goes_on(
    language: str, title: str, teasers: int
) -> None:
    headline, first, second = STORIES_UNDER_COMMENTS[language]
    third, fourth = MORE_PARAGRAPHS[language]
    box = [title, *TEASERS[language][:teasers]]
    page = parse_text("\n".join([headline, first, second, *box, third, fourth]), language=language)
    assert body_texts(page) == [first, second, third, fourth]
    (rail,) = page.rails
    assert rail.title == title
    assert [brief.title for brief in rail.items] == list(TEASERS[language][:teasers])


def test_a_rail_of_briefs_under_the_story_stays_where_it_ends() -> None:
    """Under a rail's title, briefs opening with their datelines are no more of the story,
    nor are headlines followed by one short paragraph."""
    headline, first, second = STORIES_UNDER_COMMENTS["nl"]
    briefs = (
        "UTRECHT (ANP) - De provincie wil de komende vijf jaar veertig kilometer nieuwe fietspaden aanleggen langs de drukste routes.",
        "ARNHEM (ANP) - Het waterschap versterkt dit voorjaar drie kilometer dijk langs de Rijn bij Arnhem en Westervoort.",
    )
    page = parse_text("\n".join([headline, first, second, "Meer uit Binnenland", *briefs]))
    assert body_texts(page) == [first, second]
    assert [brief.dateline.place for brief in page.rails[0].items if brief.dateline] == [
        "UTRECHT",
        "ARNHEM",
    ]
    teasers = TEASERS["nl"]
    page = parse_text(
        "\n".join([headline, first, second, "Lees ook", teasers[0], teasers[1], "Bekijk alles"])
    )
    assert body_texts(page) == [first, second]


@pytest.mark.parametrize(
    ("language", "pointer"),
    [
        ("nl", "Lees ook Burgemeester verdedigt de kosten van de nieuwe tramlijn"),
        ("de", "Lesen Sie auch Schulen bekommen mehr Geld für Reparaturen"),
        ("fr", "À lire aussi La police ferme le vieux pont pendant une semaine"),
        ("en", "See also Mayor defends the cost of the new tram line"),
    ],
)
def test_a_pointer_to_another_story_glued_to_its_title_by_a_space_leaves_the_body(
    language: str, pointer: str
) -> None:
    headline, first, second = STORIES_UNDER_COMMENTS[language]
    third, fourth = MORE_PARAGRAPHS[language]
    page = parse_text(
        "\n".join([headline, first, second, pointer, third, "Skip Ad", fourth]), language=language
    )
    assert body_texts(page) == [first, second, third, fourth]
    assert {pointer, "Skip Ad"} <= set(page.dropped)


@pytest.mark.parametrize(
    "line",
    [
        "Lees ook de andere artikelen over dit onderwerp",  # a sentence, not a title
        "See also Figure 3.",
        "Lire aussi le rapport complet de la Cour des comptes",
    ],
)
def test_a_paragraph_that_opens_like_a_pointer_stays(line: str) -> None:
    headline, first, second = STORIES_UNDER_COMMENTS["en"]
    page = parse_text("\n".join([headline, first, line, second]), language="en")
    assert line in body_texts(page)


@pytest.mark.parametrize(
    ("language", "title", "shape"),
    [
        ("en", "Related stories", "bullet over link"),
        ("de", "Mehr zum Thema", "link over bullet"),
        ("fr", "À lire aussi", "bullet alone"),
        ("nl", "Lees ook", "bullet before title"),
    ],
)
def test_a_bulleted_rail_gives_each_teaser_once_without_its_bullet(
    language: str, title: str, shape: str
) -> None:
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    teasers = TEASERS[language]
    printed = {
        "bullet over link": lambda teaser: [f"• {teaser}", teaser],
        "link over bullet": lambda teaser: [teaser, f"• {teaser}"],
        "bullet alone": lambda teaser: ["•", teaser],
        "bullet before title": lambda teaser: [f"• {teaser}"],
    }[shape]
    rail = [line for teaser in teasers for line in printed(teaser)]
    page = parse_text("\n".join([headline, first, last, title, *rail]), language=language)
    assert body_texts(page) == [first, last]
    (read,) = page.rails
    assert [brief.title for brief in read.items] == list(teasers)
    # the lines that were only a bullet are dropped; a bullet before a lone title is not a line
    copies = [] if shape == "bullet before title" else [line for line in rail if line[0] == "•"]
    assert [line for line in page.dropped if line.startswith("•")] == copies


@pytest.mark.parametrize(
    ("language", "title", "subheading"),
    [
        ("nl", "Bekijk ook", "Onderzoek naar oorzaak"),  # too short for a teaser
        ("de", "Mehr zum Thema", "Kritik der Verbände"),
        ("en", "Related stories", "What happens next"),
        ("fr", "À lire aussi", "Les commerçants inquiets"),
    ],
)
def test_the_storys_sub_heading_under_a_box_of_links_stays_in_the_story(
    language: str, title: str, subheading: str
) -> None:
    headline, first, second = STORIES_UNDER_COMMENTS[language]
    third, fourth = MORE_PARAGRAPHS[language]
    teasers = TEASERS[language][:2]
    page = parse_text(
        "\n".join([headline, first, second, title, *teasers, subheading, third, fourth]),
        language=language,
    )
    assert body_blocks(page) == [
        ("paragraph", first),
        ("paragraph", second),
        ("subheading", subheading),
        ("paragraph", third),
        ("paragraph", fourth),
    ]
    assert [brief.title for brief in page.rails[0].items] == list(teasers)


def test_a_title_of_half_the_words_of_the_boxs_teasers_over_the_story_is_its_sub_heading() -> None:
    headline, first, second = STORIES_UNDER_COMMENTS["en"]
    third, fourth = MORE_PARAGRAPHS["en"]
    teasers = [
        "Mayor defends the cost of the new tram line to the harbour",
        "Schools in the north to get more money for roof repairs",
    ]
    page = parse_text(
        "\n".join(
            [headline, first, second, "Related", *teasers, "Shops fear the works", third, fourth]
        ),
        language="en",
    )
    assert ("subheading", "Shops fear the works") in [
        (block.kind, block.text) for block in page.article.body
    ]
    assert [brief.title for brief in page.rails[0].items] == teasers


@pytest.mark.parametrize(
    ("language", "tools"),
    [
        ("fr", ["Lire plus tard", "Offrir l’article", "Écouter cet article", "Abonnés"]),
        (
            "en",
            ["Click to share on X (Opens in new window)", "Save for later", "Show key events only"],
        ),
        ("de", ["· Lesedauer: 3 Minuten", "Später lesen", "Artikel verschenken"]),
        ("nl", ["Later lezen", "Luister naar dit artikel", "Artikel cadeau geven"]),
    ],
)
def test_an_articles_tool_buttons_between_headline_and_story_are_furniture(
    language: str, tools: list[str]
) -> None:
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    page = parse_text(
        "\n".join(["Home", "News", headline, "18.03.2026", *tools, first, last]),
        language=language,
    )
    assert page.article.headline == headline
    assert body_texts(page) == [first, last]
    assert set(tools) <= set(page.dropped)


@pytest.mark.parametrize(
    ("language", "byline_lines", "byline"),
    [
        ("en", ["Peter Walker Deputy political editor"], "Peter Walker Deputy political editor"),
        ("en", ["Helen Marsh", "Transport correspondent"], "Helen Marsh, Transport correspondent"),
        (
            "nl",
            ["Marieke Jansen", "verslaggever Oost-Nederland"],
            "Marieke Jansen, verslaggever Oost-Nederland",
        ),
        (
            "fr",
            ["Article rédigé par franceinfo avec AFP", "France Télévisions"],
            "Article rédigé par franceinfo avec AFP",
        ),
        (
            "de",
            ["Anna Schmidt, Korrespondentin in Brüssel"],
            "Anna Schmidt, Korrespondentin in Brüssel",
        ),
    ],
)
def test_a_byline_without_by_under_the_standfirst_is_no_headline(
    language: str, byline_lines: list[str], byline: str
) -> None:
    """A byline that names the writer and the role (or says "written by" in full), with the
    newsroom's name under it: the headline stands over the standfirst, not under it."""
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    standfirst = MORE_PARAGRAPHS[language][0]
    page = parse_text(
        "\n".join(["Home", "News", headline, standfirst, *byline_lines, "18.03.2026", first, last]),
        language=language,
    )
    assert page.article.headline == headline
    assert page.article.standfirst == standfirst
    assert page.article.byline == byline
    assert body_texts(page) == [first, last]


@pytest.mark.parametrize(
    "line",
    [
        "Trump Slams Reporter Over Question",  # a title-case headline names no role
        "Jane Doe named political editor",
        "Council approves new bus lanes for the city centre",
    ],
)
def test_a_headline_about_a_writer_is_no_byline(line: str) -> None:
    _, first, last = STORIES_UNDER_COMMENTS["en"]
    page = parse_text("\n".join([line, "18.03.2026", first, last]), language="en")
    assert page.article.headline == line
    assert page.article.byline is None


def test_a_caption_closed_by_the_photographer_and_agencies_in_brackets_is_no_paragraph() -> None:
    headline, first, last = STORIES_UNDER_COMMENTS["fr"]
    caption = "Un bus à Nantes, le 12 janvier 2026. (ESTELLE DURAND / HANS LUCAS / AFP)"
    credited = "Le conseil a voté mardi soir, après un long débat. (ANP/AFP)"  # a story's credit
    page = parse_text("\n".join([headline, first, caption, last, credited]), language="fr")
    assert caption in page.dropped
    assert body_texts(page)[:2] == [first, last]
    assert "Le conseil a voté mardi soir, après un long débat." in [
        block.text for block in page.article.body
    ]


@pytest.mark.parametrize(
    ("language", "title", "ages", "footer"),
    [
        (
            "nl",
            "Meer nieuws",
            ["11:58", "10:14", "gisteren"],
            ["Nieuws", "Sport", "Contact", "Privacy", "Cookies"],
        ),
        (
            "de",
            "Weitere Artikel",
            ["vor 5 Stunden", "vor 7 Stunden", "17.03.2026"],
            ["Impressum", "Datenschutz", "Kontakt", "Jobs", "Abo"],
        ),
        (
            "fr",
            "Sur le même thème",
            ["il y a 2 heures", "il y a 5 heures", "hier"],
            ["Contact", "Mentions légales", "Cookies", "Abonnement", "Aide"],
        ),
        (
            "en",
            "More stories",
            ["2 hours ago", "5 hours ago", "Yesterday"],
            ["Contact us", "Terms of use", "Privacy", "Careers", "Help"],
        ),
    ],
)
def test_a_rails_last_teaser_keeps_its_age_over_the_sites_footer(
    language: str, title: str, ages: list[str], footer: list[str]
) -> None:
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    teasers = TEASERS[language]
    rail = [line for teaser, age in zip(teasers, ages, strict=True) for line in (teaser, age)]
    page = parse_text(
        "\n".join([headline, first, last, title, *rail, *footer]),
        language=language,
        captured_at=CAPTURED_AT,
    )
    (read,) = page.rails
    assert [(brief.title, brief.age_text) for brief in read.items] == list(
        zip(teasers, ages, strict=True)
    )
    assert set(footer) <= set(page.dropped)


@pytest.mark.parametrize(
    ("language", "title", "ages", "hours_ago"),
    [
        ("de", "Newsticker", ["vor 12 Minuten", "vor 40 Minuten", "vor 2 Stunden"], None),
        ("fr", "Le fil info", ["14:52", "14:31", "13:05"], None),
        ("en", "Latest News", ["1:12 PM", "12:41 PM", "9:05 AM"], [0.8, 1.3, 4.9]),
        ("nl", "In het kort", ["12 min geleden", "40 min geleden", "2 uur geleden"], [0.2, 0.7, 2]),
    ],
)
@pytest.mark.parametrize("where", ["above", "under"])
def test_a_running_list_of_the_newest_stories_with_their_times_before_them(
    language: str, title: str, ages: list[str], hours_ago: list[float] | None, where: str
) -> None:
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    teasers = TEASERS[language]
    rail = [line for age, teaser in zip(ages, teasers, strict=True) for line in (age, teaser)]
    story = [headline, "18.03.2026", first, last]
    lines = ["Home", title, *rail, *story] if where == "above" else [*story, title, *rail]
    page = parse_text("\n".join(lines), language=language, captured_at=CAPTURED_AT)
    assert page.article.headline == headline
    assert body_texts(page) == [first, last]
    (read,) = page.rails
    assert read.title == title
    assert [(brief.title, brief.age_text) for brief in read.items] == list(
        zip(teasers, ages, strict=True)
    )
    if hours_ago is not None:
        assert [round(brief.age_seconds / 3600, 1) for brief in read.items] == hours_ago


@pytest.mark.parametrize(
    ("language", "under"),
    [
        (
            "nl",
            ["Over de auteur", "Anna de Vries schrijft over de haven en de economie van de stad."],
        ),
        (
            "de",
            [
                "Dieses Thema im Programm:",
                "Über dieses Thema berichtete der Hörfunk am 18. März 2026 um 12:00 Uhr.",
            ],
        ),
        ("en", ["___", "Associated Press writer Jane Roe contributed from Cheyenne, Wyoming."]),
        (
            "fr",
            [
                "À propos de l’auteur",
                "Jean Dupont couvre les transports pour la rédaction depuis 2015.",
            ],
        ),
    ],
)
def test_the_writers_biography_a_broadcast_note_or_aps_closing_line_end_the_story(
    language: str, under: list[str]
) -> None:
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    third = MORE_PARAGRAPHS[language][0]
    page = parse_text("\n".join([headline, first, third, last, *under]), language=language)
    assert body_texts(page) == [first, third, last]
    assert set(under) <= set(page.dropped)


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("en", "Summary"),
        ("de", "Das Wichtigste in Kürze"),
        ("fr", "L’essentiel"),
        ("nl", "Samenvatting"),
    ],
)
def test_a_box_of_key_points_between_headline_and_story_gives_no_headline(
    language: str, label: str
) -> None:
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    points = [teaser[:40].rsplit(" ", 1)[0] for teaser in TEASERS[language]]
    page = parse_text(
        "\n".join(["Home", "News", headline, "18.03.2026", label, *points, first, last]),
        language=language,
    )
    assert page.article.headline == headline
    assert body_texts(page) == [first, last]
    assert {label, *points} <= set(page.dropped)


@pytest.mark.parametrize(
    ("language", "photo"),
    [
        ("en", ["Getty Images", "Drivers at the depot voted by large majorities for the walkout"]),
        (
            "nl",
            ["Medewerkers leggen zandzakken bij de verzakte dijk in de polder", "Hollandse Hoogte"],
        ),
        (
            "de",
            ["Die Brücke über den Hafenkanal am Montagmorgen in der Dämmerung", "picture alliance"],
        ),
        ("fr", ["Shutterstock", "Un bus de la nouvelle ligne traverse le centre-ville de Nantes"]),
    ],
)
def test_a_caption_with_a_picture_agency_alone_over_or_under_it_is_no_headline(
    language: str, photo: list[str]
) -> None:
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    page = parse_text(
        "\n".join(["Home", "News", headline, "18.03.2026", *photo, first, last]),
        language=language,
    )
    assert page.article.headline == headline
    assert body_texts(page) == [first, last]
    assert set(photo) <= set(page.dropped)


def test_a_headline_over_its_agencys_name_alone_is_still_the_headline() -> None:
    """A title line over "ANP" alone is a caption only when another headline stands above;
    a standfirst without its full stop over "dpa" stays the standfirst."""
    headline, first, last = STORIES_UNDER_COMMENTS["nl"]
    caption = "Medewerkers leggen zandzakken bij de verzakte dijk in de polder"
    page = parse_text("\n".join(["Home", headline, "18.03.2026", caption, "ANP", first, last]))
    assert page.article.headline == headline
    alone = parse_text("\n".join([headline, "ANP", first, last]))
    assert alone.article.headline == headline
    assert body_texts(alone) == [first, last]


def test_a_writers_name_with_the_date_after_it_is_a_dated_byline_not_the_headline() -> None:
    headline, first, last = STORIES_UNDER_COMMENTS["nl"]
    standfirst = MORE_PARAGRAPHS["nl"][0]
    dated = "Sander de Wit 18-03-26, 09:41 Laatste update: 11:02"
    lines = ["Home", "Rotterdam", headline, "Premium", standfirst, dated, "Leestijd 3 minuten"]
    page = parse_text("\n".join([*lines, first, last]), language="nl")
    assert page.article.headline == headline
    assert page.article.byline == "Sander de Wit"
    assert page.article.standfirst == standfirst
    assert page.article.published_at == datetime(2026, 3, 18, 8, 41, tzinfo=UTC)


def test_an_american_zone_after_the_clock_places_the_time() -> None:
    headline, first, last = STORIES_UNDER_COMMENTS["en"]
    page = parse_text(
        "\n".join([headline, "Published: March 18, 2026 at 7:55 AM MDT", first, last]),
        language="en",
    )
    assert page.article.published_at == datetime(2026, 3, 18, 13, 55, tzinfo=UTC)


@pytest.mark.parametrize(
    ("language", "label", "subheadings"),
    [
        ("fr", "Sommaire", ["Les commerçants inquiets", "Un bilan dans un an"]),
        ("en", "Contents", ["Shops fear the works", "A review in a year"]),
        ("de", "Inhalt", ["Händler sind besorgt", "Bilanz nach einem Jahr"]),
        ("nl", "Inhoudsopgave", ["Winkeliers bezorgd", "Evaluatie na een jaar"]),
    ],
)
def test_a_table_of_contents_in_the_story_is_dropped_and_its_sub_headings_stay(
    language: str, label: str, subheadings: list[str]
) -> None:
    headline, first, second = STORIES_UNDER_COMMENTS[language]
    third, fourth = MORE_PARAGRAPHS[language]
    contents = [label, *subheadings]
    story = [second, subheadings[0], third, subheadings[1], fourth]
    page = parse_text("\n".join([headline, first, *contents, *story]), language=language)
    assert body_blocks(page) == [
        ("paragraph", first),
        ("paragraph", second),
        ("subheading", subheadings[0]),
        ("paragraph", third),
        ("subheading", subheadings[1]),
        ("paragraph", fourth),
    ]
    assert [label, *subheadings] == [line for line in page.dropped if line in (label, *subheadings)]


@pytest.mark.parametrize(
    ("language", "marker", "times"),
    [
        ("fr", "EN DIRECT", ["15h42", "14h10"]),
        ("nl", "Volg dit liveblog", ["Vandaag, 14:51", "Vandaag, 13:20"]),
        ("en", "Live", ["1h ago", "3h ago"]),
        ("de", "Liveticker", ["14:26", "13:41"]),
    ],
)
def test_a_live_pages_headline_stands_over_its_entries_not_the_first_entrys_title(
    language: str, marker: str, times: list[str]
) -> None:
    headline, first, second = STORIES_UNDER_COMMENTS[language]
    third, fourth = MORE_PARAGRAPHS[language]
    titles = TEASERS[language][:2]
    entries = [times[0], titles[0], first, second, times[1], titles[1], third, fourth]
    page = parse_text(
        "\n".join(["Home", "News", marker, headline, "18.03.2026", *entries]),
        language=language,
        captured_at=CAPTURED_AT,
    )
    assert page.article.headline == headline
    paragraphs = [first, second, third, fourth]
    texts = body_texts(page)
    assert [text for text in texts if text in paragraphs] == paragraphs


def test_a_newsrooms_name_with_its_agency_is_a_byline() -> None:
    headline, first, last = STORIES_UNDER_COMMENTS["fr"]
    standfirst = MORE_PARAGRAPHS["fr"][0]
    page = parse_text(
        "\n".join(["Accueil", headline, standfirst, "Le Journal du Soir avec AFP", first, last]),
        language="fr",
    )
    assert page.article.headline == headline
    assert page.article.byline == "Le Journal du Soir avec AFP"
    assert page.article.standfirst == standfirst


@pytest.mark.parametrize(
    ("language", "name", "date"),
    [
        ("nl", "Martijn de Graaf", "18 maart 2026, 09:12"),
        ("de", "Jens Hartmann", "18.03.2026, 09:12 Uhr"),
        ("en", "Dana Whitfield", "March 18, 2026 9:12 AM"),
        ("fr", "Anne-Sophie Rochat", "18 mars 2026 à 09h12"),
    ],
)
def test_the_writers_name_alone_under_the_standfirst_and_over_the_date_is_the_byline(
    language: str, name: str, date: str
) -> None:
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    standfirst = MORE_PARAGRAPHS[language][0]
    page = parse_text(
        "\n".join(["Home", "News", headline, standfirst, name, date, first, last]),
        language=language,
    )
    assert (page.article.headline, page.article.standfirst, page.article.byline) == (
        headline,
        standfirst,
        name,
    )
    assert body_texts(page) == [first, last]


def test_a_place_alone_under_the_standfirst_is_still_the_dateline() -> None:
    headline, first, last = STORIES_UNDER_COMMENTS["en"]
    standfirst = MORE_PARAGRAPHS["en"][0]
    page = parse_text("\n".join([headline, standfirst, "New York", first, last]), language="en")
    assert page.article.byline is None
    assert page.article.dateline is not None and page.article.dateline.place == "New York"


@pytest.mark.parametrize(
    ("language", "credit"),
    [
        ("nl", "© Hollandse Hoogte / Frank Jansen"),
        ("fr", "© BELGA PHOTO NICOLAS MAETERLINCK"),
        ("de", "© picture alliance / Jan Beispiel"),
        ("en", "© Jane Roe"),
    ],
)
def test_a_caption_over_its_credit_after_the_copyright_sign_is_no_paragraph(
    language: str, credit: str
) -> None:
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    caption = MORE_PARAGRAPHS[language][1]  # a sentence, closed by its full stop
    page = parse_text(
        "\n".join([headline, "18.03.2026", caption, credit, first, last]), language=language
    )
    assert body_texts(page) == [first, last]
    assert {caption, credit} <= set(page.dropped)
    # the site's copyright line under the story's last paragraph is no photo's credit
    closed = parse_text("\n".join([headline, first, last, "© 2026 De Krant"]), language=language)
    assert body_texts(closed) == [first, last]


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        ("en", ["Share Article via Email", "Share Article via LinkedIn", "Link copied"]),
        (
            "fr",
            [
                "Vous acceptez l'utilisation de cookies et d'autres traceurs pour mesurer l'audience. Paramétrer",
                "Partager sur Facebook",
                "Ecouter cet article",
            ],
        ),
        ("nl", ["Deel op WhatsApp", "Link gekopieerd", "Play video"]),
        ("de", ["Artikel teilen auf Facebook", "Link kopiert", "Video abspielen"]),
    ],
)
def test_share_buttons_and_consent_prompts_over_the_headline_are_furniture(
    language: str, lines: list[str]
) -> None:
    headline, first, last = STORIES_UNDER_COMMENTS[language]
    page = parse_text(
        "\n".join(["Home", lines[0], "Politiek", headline, *lines[1:], "Belga", first, last]),
        language=language,
    )
    assert page.article.headline == headline
    assert body_texts(page) == [first, last]
    assert set(lines) <= set(page.dropped)


@pytest.mark.parametrize(
    ("language", "title", "subheading"),
    [
        ("nl", "Lees ook", "Winkeliers bezorgd"),
        ("de", "Lesen Sie auch", "Händler sind besorgt"),
        ("fr", "À lire aussi", "Les commerçants inquiets"),
        ("en", "Related", "Shops fear the works"),
    ],
)
def test_the_story_goes_on_under_a_box_over_one_paragraph_and_a_sub_heading(
    language: str, title: str, subheading: str
) -> None:
    """Under the box: a paragraph, then a sub-heading over two more. Teasers with a title
    over a text alternate, one text each; a story has paragraphs in a row."""
    headline, first, second = STORIES_UNDER_COMMENTS[language]
    third, fourth = MORE_PARAGRAPHS[language]
    teasers = TEASERS[language][:2]
    page = parse_text(
        "\n".join([headline, first, title, *teasers, second, subheading, third, fourth]),
        language=language,
    )
    assert body_blocks(page) == [
        ("paragraph", first),
        ("paragraph", second),
        ("subheading", subheading),
        ("paragraph", third),
        ("paragraph", fourth),
    ]
    assert [brief.title for brief in page.rails[0].items] == list(teasers)


def test_teasers_closed_by_read_more_under_a_rail_title_stay_a_rail() -> None:
    """Titles over texts closed by "Lees meer »", a teaser's text on two lines: no story
    going on under a box."""
    headline, first, _ = STORIES_UNDER_COMMENTS["nl"]
    third, fourth = MORE_PARAGRAPHS["nl"]
    teasers = TEASERS["nl"][:2]
    more = "Het bericht verscheen eerder op de website van de gemeente zelf."
    rail = [teasers[0], third, "Lees meer »", teasers[1], fourth, more, "Lees meer »"]
    page = parse_text(
        "\n".join([headline, first, "Meer krantenkoppen in België", *rail]), language="nl"
    )
    assert body_texts(page) == [first]
    assert [brief.title for brief in page.rails[0].items] == list(teasers)


def test_a_caption_with_its_credit_glued_in_brackets_and_a_players_length_are_no_headline() -> None:
    headline, first, last = STORIES_UNDER_COMMENTS["en"]
    caption = (
        "Water is already lapping at shopfronts in the town centre.(ABC North Coast: Jane Roe)"
    )
    player = ["Play Video. Duration: 1 minute 32 seconds", "1 m 32 s"]
    page = parse_text(
        "\n".join(["Home", headline, "18.03.2026", *player, caption, first, last]), language="en"
    )
    assert page.article.headline == headline
    assert body_texts(page) == [first, last]
    assert {caption, *player} <= set(page.dropped)
