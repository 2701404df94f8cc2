"""The parser's rules as data: agencies, rail titles, boilerplate, wire furniture.

Each rule says where it comes from. Matching is case-insensitive unless noted. Lists
of agencies inside a regex are written as a tree of their letters (``word_tree_regex``):
the same matches, found sooner.
Change a rule here, add a case under ``tests/corpus/`` that shows why.
"""

from __future__ import annotations

import re

from wiredesk.parse.word_tree import word_tree_regex

# News agencies as they are printed in datelines, casefolded. The sample page
# prints "(ANP/AFP/RTR)"; Reuters' own copy prints "(Reuters)"; Swiss papers
# print "(afp sda)" or "(awp/sda)".
AGENCIES = frozenset(
    {
        "anp", "afp", "rtr", "reuters", "ap", "dpa", "dpa-afx", "afx", "belga", "efe",
        "ansa", "bloomberg", "xinhua", "sda", "awp", "keystone-sda", "ats", "keystone-ats",
        "apa", "kna", "epd",
        "pa", "upi", "bno", "novum", "aap", "tass", "ria", "kyodo", "yonhap", "ntb",
        "tt", "ritzau", "stt", "pap", "ctk", "čtk", "mti", "lusa", "ians", "pti",
        "bernama", "antara", "anadolu", "aa", "dts", "kap", "idea", "sid", "ddp",
        "europa press", "ep", "agi", "adnkronos", "cna", "irna", "wafa", "mena", "sana",
    }
)  # fmt: skip

# Picture agencies, credited alone on the line over or under a photo's caption ("Getty
# Images" over "Drivers voted for industrial action"). Not the news agencies: "dpa" alone
# under a standfirst credits the story.
PHOTO_AGENCIES = frozenset(
    {
        "getty images", "getty", "afp via getty images", "shutterstock", "alamy", "epa",
        "epa-efe", "pa media", "pa wire", "imago", "imago images", "picture alliance",
        "picture-alliance", "hollandse hoogte", "anp foto", "belga image", "ap photo", "sipa",
        "maxppp", "abaca", "istock",
    }
)  # fmt: skip
# A box of the story's key points, or its table of contents, between its headline and its
# text: its label ("In het kort" and "En bref" title running lists of stories: rails).
SUMMARY_LABELS = frozenset(
    {
        "summary", "key points", "highlights", "in short", "at a glance", "the key facts",
        "samenvatting", "kort samengevat", "de belangrijkste punten",
        "das wichtigste in kürze", "das wichtigste", "auf einen blick", "in kürze",
        "kurz zusammengefasst", "l'essentiel", "l’essentiel", "ce qu'il faut retenir",
        "ce qu’il faut retenir", "les points clés", "résumé",
        # a long story's table of contents, its sub-headings listed over it
        "contents", "table of contents", "in this article", "jump to", "inhoud",
        "inhoudsopgave", "in dit artikel", "inhalt", "inhaltsverzeichnis",
        "in diesem artikel", "sommaire", "dans cet article", "au sommaire",
    }
)  # fmt: skip

# Marks of a live page, printed between its headline and its entries: each entry is then a
# time over a title over its text, and the first entry's title is no headline.
LIVE_MARKERS = frozenset(
    {
        "live", "liveblog", "live blog", "live updates", "live coverage", "key events",
        "volg dit liveblog", "volg het liveblog", "volg het nieuws live", "live-ticker",
        "liveticker", "live-blog", "newsblog", "en direct", "direct", "suivez le direct",
        "les temps forts", "live :", "live:",
    }
)  # fmt: skip

# dpa marks its regional desks after a slash: "(dpa/lnw)" is dpa's
# North Rhine-Westphalia desk, "(dpa/lby)" Bavaria's.
DESK_AGENCIES = frozenset({"dpa", "epd", "kna"})

# Rail titles: "Meer uit Buitenland" names its section, "Lees ook" does not.
RAIL_TITLES_WITH_SECTION = (
    r"meer uit", r"meer van", r"more from", r"more in", r"mehr aus", r"mehr von",
    r"plus de", r"plus en", r"autres articles", r"à lire aussi dans", r"dans la rubrique",
    # the newest or most read of a section: "Les dernières news Suisse", "Neu in Politik"
    r"les dernières (?:news|infos|actualités|nouvelles)", r"les plus (?:lus|partagés|populaires)",
    r"neu in", r"neueste (?:artikel|nachrichten) (?:aus|in)", r"latest in", r"latest from",
    r"nieuw in", r"het laatste (?:nieuws )?(?:uit|over)",
)  # fmt: skip
# Titles that name a topic rather than a section: "Meer over stikstof".
RAIL_TITLES_WITH_TOPIC = (
    r"meer over", r"more on", r"more about", r"mehr zu", r"mehr zum thema", r"mehr über",
    r"plus sur", r"en savoir plus sur", r"sur le même sujet",
)  # fmt: skip
RAIL_TITLES = (
    r"meer nieuws", r"lees ook", r"lees meer", r"ook interessant", r"ook gelezen", r"gerelateerd",
    r"gerelateerde artikelen", r"meest gelezen", r"laatste nieuws", r"het laatste nieuws",
    r"net binnen", r"andere artikelen", r"related", r"related stories", r"related articles",
    r"related news", r"read more", r"read next", r"more news", r"more stories", r"most read",
    r"most popular", r"latest news", r"latest", r"top stories", r"you may also like",
    r"mehr zum thema", r"auch interessant", r"das könnte sie auch interessieren", r"meistgelesen",
    r"meistgelesene artikel", r"weitere artikel", r"weitere nachrichten", r"neueste artikel",
    r"aktuelle nachrichten", r"lesen sie auch", r"à lire aussi", r"a lire aussi", r"lire aussi",
    r"sur le même sujet", r"les plus lus", r"les plus lues", r"dernières actualités",
    r"dernières infos", r"à la une", r"vous aimerez aussi", r"dans l['’]actualité",
    # what readers read most, and more of the site's topics, in the four languages
    r"meest bekeken", r"meest populair", r"meest gedeeld", r"populair nieuws",
    r"andere onderwerpen", r"meer onderwerpen", r"most viewed", r"most shared",
    r"most commented", r"trending", r"trending now", r"trending stories", r"popular now",
    r"more topics", r"recommended", r"recommended for you", r"editor['’]s picks",
    r"am meisten gelesen", r"meistgeklickt", r"meistgesehen", r"meistkommentiert",
    r"beliebte artikel", r"weitere themen", r"mehr themen", r"top-themen", r"top themen",
    r"empfehlungen der redaktion", r"les plus populaires", r"les plus consultés",
    r"les plus partagés", r"les plus commentés", r"autres sujets", r"à découvrir aussi",
    r"nos recommandations",
    # stories on the same subject
    r"articles en relation", r"articles liés", r"sur ce thème", r"sur le même thème",
    r"dans la même rubrique", r"related content", r"related coverage",
    r"in related news", r"more on this story", r"verwandte artikel", r"ähnliche artikel",
    r"verwandte themen", r"zum thema", r"das könnte sie auch interessieren",
    r"gerelateerd nieuws", r"meer over dit onderwerp", r"meer over dit onderwerp",
    r"ook in het nieuws",
    # a running list of the newest stories: "Newsticker", "Le fil info", "In het kort"
    r"newsticker", r"news-ticker", r"liveticker", r"ticker", r"kurz gemeldet",
    r"meldungen im überblick", r"nachrichten im überblick", r"le fil info", r"fil info",
    r"le fil d['’]actu", r"le fil d['’]actualités?", r"en continu", r"en bref",
    r"les dernières actualités", r"les dernières infos", r"les dernières nouvelles",
    r"just in", r"news in brief", r"in brief", r"in het kort", r"kort nieuws",
    r"nieuws in het kort", r"het laatste nieuws in het kort",
    # more of a kind, in Dutch with the kind in lower case ("Meer voetbal", "Meer columns"),
    # the newest of a region or a site
    r"meer [a-zà-ÿ][a-zà-ÿ-]+", r"(?:het )?laatste nieuws uit (?:de |het )?[\w -]{1,30}",
    r"more (?:coverage|videos|headlines|top stories|from us|in this series)",
    r"(?:nos |les )?derniers (?:articles|contenus)", r"le direct", r"à la une",
    r"unsere neuesten artikel", r"neueste meldungen", r"weitere meldungen",
    # pointers to one more story, also printed before a single teaser ("Lees ook: …")
    r"zie ook", r"bekijk ook", r"see also", r"also read", r"you might also like",
    r"you may also be interested in", r"(?:das )?könnte (?:sie|dich) auch interessieren",
    r"siehe auch", r"voir aussi", r"à voir aussi", r"lire également", r"à lire également",
)  # fmt: skip

# A section named in a rail title is one to three words, the first capitalised:
# "Meer uit Buitenland", "Plus de Monde" - but not "Plus de moyens pour les hôpitaux".
_SECTION = r"[A-ZÀ-ÖØ-Þ][\w&'-]*(?:\s+(?:[A-ZÀ-ÖØ-Þ&][\w&'-]*|en|and|und|et|&)){0,2}"
_TOPIC = r"[^\W\d_][\w&'-]*(?:\s+[^\W\d_][\w&'-]*){0,2}"
# "More <things> in <section>": "Meer krantenkoppen in België", "More stories from World",
# "Weitere Meldungen aus Politik", "Plus d'articles dans Économie".
RAIL_MORE_WORDS = r"meer|more|mehr|weitere|plus d['’]|plus de|autres"
RAIL_IN_WORDS = r"in|uit|van|from|in|aus|von|de|du|en|dans"
RAIL_TITLE_RE = re.compile(
    rf"(?:(?i:{RAIL_MORE_WORDS})\s*[^\W\d_]+(?:\s+[^\W\d_]+)?\s+(?i:{RAIL_IN_WORDS})\s+"
    rf"(?P<more_section>{_SECTION})"
    rf"|(?i:{'|'.join(RAIL_TITLES_WITH_SECTION)})\s+(?P<section>{_SECTION})"
    rf"|(?i:{'|'.join(RAIL_TITLES_WITH_TOPIC)})(?:\s+{_TOPIC})?"
    rf"|(?i:{'|'.join(RAIL_TITLES)}))\s*:?"
)

# Lines that are page furniture wherever they stand: navigation, sharing,
# advertising labels. Whole-line matches, casefolded.
FURNITURE_LINES = frozenset(
    {
        "home", "homepage", "startseite", "accueil", "voorpagina", "menü", "nieuws", "news",
        "nachrichten", "actualités", "actualites", "menu", "zoeken",
        "search", "suche", "rechercher", "inloggen", "log in", "login", "sign in", "anmelden",
        "se connecter", "connexion", "abonneren", "abonneer", "subscribe", "abonnieren",
        "s'abonner", "getty images", "registreren", "register", "account", "mijn account",
        "my account",
        "deel dit artikel", "deel artikel", "delen", "deel", "share", "share this article",
        "share this", "teilen", "artikel teilen", "partager", "partager cet article",
        "facebook", "twitter", "x", "whatsapp", "linkedin", "e-mail", "email", "mail",
        "kopieer link", "copy link", "link kopieren", "copier le lien", "print", "afdrukken",
        "drucken", "imprimer", "advertentie", "advertisement", "advertising", "ad", "anzeige",
        "werbung", "publicité", "publicite", "sponsored", "gesponsord", "reclame",
        # a video player's button to pass its advertisement
        "skip ad", "skip ads", "skip advertisement", "advertentie overslaan", "reclame overslaan",
        "werbung überspringen", "anzeige überspringen", "passer la publicité",
        "passer la publicite", "ignorer la publicité",
        "privacy", "cookies", "contact", "colofon", "impressum", "datenschutz", "about us",
        "over ons", "terms of use", "mentions légales", "toon meer", "bekijk meer",
        "bekijk alles", "meer laden", "show more", "load more", "see more", "view all",
        "mehr anzeigen", "mehr laden", "alle artikel", "voir plus", "afficher plus",
        "terug", "back", "zurück", "retour", "volgende", "next", "vorige", "previous",
        "naar boven", "back to top", "nach oben", "haut de page", "sluiten", "close",
        "schließen", "fermer", "accepteren", "accept", "akzeptieren", "accepter",
        "alles accepteren", "accept all", "alle akzeptieren", "tout accepter", "weigeren",
        "reject", "ablehnen", "refuser", "instellingen", "settings", "einstellungen",
        "paramètres", "video", "foto", "photo", "audio", "podcast", "live", "liveblog",
        "net binnen", "breaking", "breaking news", "eilmeldung", "alerte info",
        "dernière minute", "update", "gekopieerd", "copied", "lees voor", "luister",
        "listen", "vorlesen", "écouter", "reageer", "reageren", "comments", "kommentare",
        "commentaires", "reacties", "commenter", "comment", "kommentieren", "reageer hier",
        "réagir",
        "leave a comment", "add a comment", "ajouter un commentaire", "jetzt kommentieren",
        # telling the newsroom of a mistake
        "signaler une erreur", "report an error", "report a mistake", "report a correction",
        "fehler melden", "fehler gefunden", "fout gezien", "fout melden", "tip de redactie",
        # paywall labels over a subscriber's article
        "article réservé aux abonnés", "réservé aux abonnés", "alleen voor abonnees",
        "nur für abonnenten", "exklusiv für abonnenten", "subscribers only", "subscriber only",
        "for subscribers", "premium", "plus", "abonnenten", "abo", "abonnés", "abonnees",
        "subscribers",
        # an article's tools: keep it for later, give it, hear it read, jump in a live page
        "later lezen", "bewaar", "bewaren", "opslaan", "artikel opslaan", "bewaar artikel",
        "luister naar dit artikel", "beluister dit artikel", "voorlezen",
        "artikel cadeau geven", "cadeau geven", "geef dit artikel cadeau",
        "save", "saved", "save for later", "save article", "save this article", "bookmark",
        "listen to this article", "listen to article", "gift this article", "gift article",
        "share this story", "show key events only", "key events",
        "please turn on javascript to use this feature",
        "später lesen", "merken", "artikel merken", "gemerkt", "artikel anhören",
        "artikel vorlesen lassen", "artikel verschenken", "verschenken",
        "lire plus tard", "sauvegarder", "enregistrer", "offrir l'article",
        "offrir l’article", "offrir cet article", "écouter cet article", "écouter l'article",
        "écouter l’article", "article abonné", "ecouter cet article", "ecouter l'article",
        "share article", "share article via email", "share via email", "share on facebook",
        "share on x", "link copied", "link gekopieerd", "link kopiert", "lien copié",
        "play video", "video loading", "play now", "watch video", "bekijk video",
        "video abspielen", "lire la vidéo", "voir la vidéo", "politique de cookies",
    }
)  # fmt: skip

# Photo captions: a sentence about a picture, told by its credit or its prefix. Each is
# searched in the line (``CAPTION_RE``). Captions stand between a headline and its body
# and between paragraphs; they are never the story's text.
CAPTION_PATTERNS = (
    # a credit closing the caption: "(AP Photo/Marco Ugarte)", "(Foto: ANP/Remko de Waal)"
    r"\((?:[^()]{0,40}\b)?(?:photos?|fotos?|bild|image|picture|photograph|beeld)\b"
    r"[^()]{0,80}[/:][^()]{1,80}\)\s*$",
    # an agency's credit in capitals closing it: "REUTERS/Brendan McDermid", "EPA/JOHN DOE"
    r"(?-i:\b[A-Z]{2,}(?: [A-Z]{2,})?\s?/\s?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3})\s*$",
    # the photographer and the agencies in capitals between brackets closing a sentence
    # about the picture: "… le 12 janvier 2026. (JEANNE DUPONT / HANS LUCAS / AFP)"
    # (the photographer's name first, in two words at least: "(ANP/AFP)" credits a story)
    r"[.!?]\s+\((?-i:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+ [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’. -]{0,40}"
    r"(?:\s?/\s?[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’. -]{1,40}){1,3})\)\s*$",
    # a credit in brackets glued to the caption's last stop, its source before a colon:
    # "… in Lismore's CBD.(ABC North Coast: Jane Roe)", "….(AAP: Jason Doe)"
    r"[.!?]\((?:[^():]{2,40}):\s*[^():]{2,40}\)\s*$",
    # the file-picture prefix of agency captions: "FILE PHOTO: ...", "FILE - A man ..."
    r"^(?-i:FILE(?: PHOTO)?\s*[:–—-])\s",
    # a photographer's credit with the agency after a slash closing a sentence about the
    # picture: "... nach dem Tod von Mahsa Amini. Michael Kappeler/dpa"
    r"[.!?]\s+[^\W\d_][\w .'’-]{0,50}(?:/[^\W\d_][\w.-]{0,30})*/(?:"
    + word_tree_regex(AGENCIES)
    + r"|epa|getty images|picture alliance)\s*$",
    # a photographer's name in capitals and the agency closing a sentence about the picture:
    # "La ministre à Paris, le 12 juillet. JEANNE DUPONT / AFP"
    r"[.!?]\s+(?-i:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+){1,3})\s?/\s?(?:"
    + word_tree_regex(AGENCIES)
    + r"|epa|getty images|picture alliance|hans lucas)\s*$",
    # a handout's credit: "(NASA via AP, File)", "(Courtesy of the family via Reuters)"
    r"\([^()]{1,60}\bvia\s+(?:" + word_tree_regex(AGENCIES) + r"|getty images)(?:,\s*file)?\)\s*$",
    # a credit after the copyright sign closing a sentence about the picture:
    # "Bereit für den Kampf: Fury und Usyk. © Zac Goodwin/Press Association/dpa"
    r"[.!?)]\s+(?:foto:|photo:|bild:|beeld:)\s*[^.!?]{2,80}/[^.!?]{1,80}$",
    r"[.!?)]\s+(?:[—–-]\s*)?(?:©|\(c\))\s*[^.!?©]{2,80}$",
    # a credit after the copyright sign naming the agency and the photographer, wherever
    # the line has it (a licence's terms may follow): "… Tagesschau © SWR/Hugo Jehle, …"
    r"©\s*[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){0,2}\s?/\s?[^\W\d_]",
    # a picture's credit after a sentence about it: "… in der Halle. Bild: Keystone"
    r"[.!?)]\s+(?:foto|photo|bild|beeld|image|picture)\s*:\s*[^\W\d_][^.!?:/]{1,50}$",
)

# A copyright line with words before it: "All contents © copyright 2023 The Associated
# Press. All rights reserved." (a sentence about copyright has more after the owner).
# Matched against the whole line, and only asked of lines holding "©", "(c)" or "opyright".
COPYRIGHT_LINE_PATTERN = (
    r".{0,30}(?:©|\(c\)|copyright)\s*(?:copyright\s*)?\d{4}\b[^.!?]{0,80}"
    r"(?:\.\s*all rights reserved\.?|\.)?"
)

# Links to the rest of a teaser: "Lees meer »", "Read more →", "Weiterlesen", "Lire la
# suite". Furniture, and where teasers end: a rail whose teasers each close with one is
# read teaser by teaser. "Lees meer" without an arrow is a rail title.
READ_MORE_PATTERNS = (
    r"(?:lees meer|read more|mehr lesen|en savoir plus|lire plus)\s*[»›>→…]+",
    r"(?:lees verder|continue reading|weiterlesen|lire la suite)\s*[»›>→…]*",
)

# Patterns of furniture lines. Each is matched against the whole line.
# A photo's credit on its own line, under the caption: "Foto: ANP / Remko de Waal",
# "Fotocredit: SID", "Bildquelle: dpa".
PHOTO_CREDIT_PATTERN = (
    r"\(?(?:foto|fotograaf|beeld|photo|photograph|picture|bild|image|crédit|credit|fotocredit|"
    r"bildquelle|photo credit)s?\s*[:©].{0,120}"
)
# A paywall's notice where the free part of a story stops: "Il vous reste 57% de cet
# article à lire. La suite est réservée aux abonnés.", "The rest of this article is for
# subscribers only." Furniture, and the end of the story's text.
PAYWALL_NOTICE_PATTERNS = (
    r"(?:il vous reste \d+(?:[.,]\d+)?\s*% de cet article à lire\.?\s*)?la suite (?:de cet "
    r"article )?est réservée aux abonnés\.?",
    r"il vous reste \d+(?:[.,]\d+)?\s*% de cet article à lire\.?",
    r"(?:the rest of )?this (?:article|story) is (?:only )?(?:available )?(?:to|for) "
    r"(?:subscribers|members)(?: only)?\.?",
    r"(?:der rest )?(?:dieses|des) artikels? ist (?:nur )?(?:für )?abonnenten (?:vorbehalten|"
    r"verfügbar|zugänglich)\.?",
    r"(?:de rest van )?dit artikel is (?:alleen|enkel) (?:beschikbaar )?voor abonnees\.?",
)
# A pointer to another story inside a body, however long its title: "Lees ook: Kabinet
# valt", "Lire aussi : Article réservé à nos abonnés …".
POINTER_PATTERN = (
    r"(?:lees ook|lees meer|lees hier|lees verder|zie ook|bekijk ook|read more|read also|"
    r"also read|see also|related|lesen sie (?:auch|hier|mehr|dazu|weiter)|mehr dazu|mehr zum "
    r"thema|siehe auch|auch interessant|(?:das )?könnte (?:sie|dich) auch interessieren|"
    r"lire aussi|à lire aussi|lisez aussi|voir aussi|à voir aussi|lire également|"
    r"à lire également)\s*[:|].+"
    # the same with only a space before the title (the label was a box of its own, and
    # copying glued the two): "À lire aussi La natalité menacée", for the labels that only
    # ever point; the title opens with a capital, holds three words or more, and is not a
    # sentence
    r"|(?:lees ook|zie ook|bekijk ook|read also|also read|see also|lesen sie auch|siehe "
    r"auch|lire aussi|à lire aussi|lisez aussi|voir aussi|à voir aussi|lire également|"
    r"à lire également)\s+(?-i:[A-ZÀ-ÖØ-Þ«\"“„‘'])\S*(?:\s+\S+){2,}(?<!\.)"
)
# Asking readers to comment, or the comment list's heading: "Please read our comment policy
# before commenting.", "Je moet ingelogd zijn om te reageren", "Aktuelle Kommentare",
# "Publier un nouveau commentaire". Furniture, and on a copied page the end of the story's
# text: comments come under it.
COMMENTS_PROMPT_PATTERNS = (
    r"please read our comment(?:ing)? (?:policy|guidelines|rules).{0,80}",
    r"(?:you must|you need to|please) (?:be )?(?:log(?:ged)? ?in|sign(?:ed)? ?in|registered|"
    r"a subscriber) to (?:post|leave|add|write|join)?\s*(?:a |the )?(?:comments?|conversation|"
    r"discussion).{0,40}",
    r"comments are closed\.?|comments? \(\d+\)|(?:leave|post|add|write) a (?:reply|comment)|"
    r"join the (?:conversation|discussion)(?:\.\.\.|…|!)?|"
    r"(?:show|view|read|see|load) (?:all )?(?:\d+ )?"
    r"comments|click to (?:read more and )?view comments|add your comment|"
    r"(?:latest|recent|all|most recent) comments",
    r"(?:jetzt )?kommentar (?:schreiben|verfassen|abgeben)|kommentare (?:anzeigen|lesen|"
    r"einblenden|laden)|zu den kommentaren|(?:aktuelle|neueste|alle|letzte) kommentare|"
    r"kommentare? \(\d+\)|diskutieren sie mit.{0,40}|schreiben sie einen kommentar.{0,40}",
    r"(?:sie müssen|du musst|bitte) (?:angemeldet|eingeloggt|registriert)(?: sein)?,? um "
    r"(?:zu )?(?:kommentieren|einen kommentar).{0,60}",
    r"reageer op (?:dit|het) (?:artikel|bericht)|(?:je|u) moet (?:ingelogd|aangemeld) zijn om "
    r"te reageren.{0,40}|(?:bekijk|lees|toon) (?:alle |de )?(?:\d+ )?reacties|"
    r"(?:plaats|schrijf) een reactie|reacties? \(\d+\)|praat mee.{0,40}",
    r"publier un (?:nouveau )?commentaire|(?:réagir|réagissez) à cet article|vous devez être "
    r"(?:connecté|inscrit|abonné)e? pour (?:commenter|réagir|publier).{0,40}|(?:voir|afficher|"
    r"lire) (?:les |tous les )?(?:\d+ )?commentaires|(?:laisser|écrire) un commentaire|"
    r"commentaires? \(\d+\)|donnez votre avis|(?:les )?derniers commentaires|"
    r"j['’]ai lu et j['’]accepte la charte.{0,60}",
)
# Boxes a site prints under the story and never inside it: the writer's biography, a
# broadcaster's note of when it aired the subject. Furniture, and the end of the story.
CLOSING_BOX_PATTERNS = (
    r"over de (?:auteur|schrijver)|about the (?:author|writer)|über (?:den autor|die autorin)|"
    r"à propos de l['’]auteure?|(?:l['’]auteur|l['’]autrice|de auteur|der autor|die autorin)",
    r"dieses thema im programm:?|über dieses thema (?:berichtete|berichten|informierte).{1,160}",
)
# A form's field marked as required: "Votre adresse email*", "Name (required)",
# "E-Mail (wird nicht veröffentlicht)(erforderlich)". Furniture (asked only of lines that
# end in "*" or ")"); under the story's text it is a comment form's, and the story has ended.
FORM_FIELD_PATTERN = (
    r"[^\W\d_][^.!?*]{0,60}(?:\*|\(\s*(?:required|erforderlich|pflichtfeld|obligatoire|"
    r"requis|verplicht|vereist)\s*\))"
)
# The source a story credits on a line of its own: "Bron: BELGA", "Source: AFP", "Quelle:
# dpa, Reuters". Furniture, and a credit a standfirst stands over.
# (a dot inside a word is a site's address: "Quelle: ntv.de, mau/dpa/AFP/rts")
SOURCE_LINE_PATTERN = (
    r"(?:bron|bronnen|source|sources|quelle|quellen)\s*:\s*(?:[^.!?:]|\.(?=\w)){1,60}"
)
# A photographer's credit with the agency after one or more slashes, on its own line:
# "Jane Doe/ANP", "Nathan Exemple / Photothèque / AFP".
AGENCY_CREDIT_PATTERN = (
    r"[\w .'-]{1,60}(?:/[\w .'-]{1,40}){0,2}/\s*(?:anp|reuters|afp|ap|epa|dpa|getty images|"
    r"picture alliance)"
)
# A link to elsewhere on the site, closed by an arrow set off by a space: "Ontdek je
# voordeel ›", "Log in »" (not a quotation closed by "»": no "«" before it). Furniture; on a
# copied page, the paragraph right over one is a promotion's (a subscription, an app), and
# under the story's text the story has ended.
ARROW_LINK_PATTERN = r"[^\W\d_][^.!?›»→«]{0,40}\s[›»→]"
# Share buttons naming where they share: "Share Article via LinkedIn", "Partager sur X".
SHARE_BUTTON_PATTERN = (
    r"(?:share(?: this)?(?: article| story)?|deel(?: dit)?(?: artikel)?|teilen|artikel teilen|"
    r"partager(?: cet article)?)\s+(?:via|on|op|auf|sur|per)\s+[^\W\d_][\w .+-]{0,30}"
)
FURNITURE_PATTERNS = (
    *READ_MORE_PATTERNS,
    # photo credits: "Foto: ANP / Remko de Waal", "Photo: Reuters/Jane Doe", "Bild: dpa"
    PHOTO_CREDIT_PATTERN,
    r"\(?(?:ap|afp|reuters|anp|epa|dpa|getty)\s*(?:photo|images|foto)?\s*/[^/]{1,80}\)?",
    r"(?:©|\(c\))\s*.{0,120}",
    r"copyright\s*(?:©|\(c\)|\d{4}).{0,120}",
    AGENCY_CREDIT_PATTERN,
    *PAYWALL_NOTICE_PATTERNS,
    SOURCE_LINE_PATTERN,
    *COMMENTS_PROMPT_PATTERNS,
    *CLOSING_BOX_PATTERNS,
    SHARE_BUTTON_PATTERN,
    # a video player's length: "Play Video. Duration: 1 minute 32 seconds", "1 m 32 s"
    r"(?:play video\.?\s*)?(?:duration|duur|dauer|durée)\s*:?\s*\d+\s*(?:minutes?|minuten|"
    r"min|seconds?|seconden|sekunden|secondes|sec|s)\b.{0,30}",
    r"\d{1,2}\s*m(?:in)?\s*\d{1,2}\s*s(?:ec)?",
    ARROW_LINK_PATTERN,
    # a pointer to a graphic or a video on a line of its own: "(Graphic: Oil prices - here)"
    r"\((?:graphic|graphics|interactive|chart|video|factbox|grafik|grafiek|graphique|"
    r"infographie)\s*:.{1,150}\)",
    # a machine's name for a layout printed as a list item: "- landscape-tablet-and-above"
    r"(?:[-•*]\s*)?[a-z0-9]+(?:[-_][a-z0-9]+){2,}",
    # links to a photo gallery: "5 Bilder - Fotostrecke öffnen", "12 photos", "Bekijk 8 foto's"
    r"(?:bekijk |view |see |voir les |alle )?\d{1,3}\s+(?:bilder|fotos|foto's|photos|images|"
    r"pictures)(?:\s*[-–|:]?\s*(?:fotostrecke|bildergalerie|galerie|gallery|diaporama|"
    r"fotoserie)(?:\s+(?:öffnen|ansehen|starten|bekijken|open|ouvrir))?)?",
    r"(?:fotostrecke|bildergalerie|fotogalerij|photo gallery|diaporama)(?:\s+(?:öffnen|"
    r"ansehen|starten|bekijken|ouvrir))?",
    # login prompts
    r"(?:log|meld) (?:in|je aan) (?:om|to|en) .{0,120}",
    r"(?:sign in|log in|subscribe) to .{0,120}",
    r"(?:melden sie sich an|jetzt abonnieren|bitte anmelden).{0,120}",
    r"(?:connectez-vous|abonnez-vous).{0,120}",
    # sharing on a named network: "Partager sur Messenger", "Share on Facebook", "Delen via
    # WhatsApp", "Auf Facebook teilen", "Envoyer par e-mail"
    r"(?:share|partager|delen|teilen|deel|send|envoyer|per|par|via)\s+(?:on|sur|op|via|auf|by|"
    r"par|per)?\s*(?:facebook|twitter|x|messenger|whatsapp|linkedin|telegram|reddit|"
    r"pinterest|threads|bluesky|e-?mail|mail|sms)",
    r"(?:auf|op|on|sur)\s+(?:facebook|twitter|x|messenger|whatsapp|linkedin|telegram|"
    r"pinterest|e-?mail)\s+(?:teilen|delen|share|partager)",
    # following the site elsewhere: "Follow Us FacebookTwitterYouTube", "Folgen Sie uns auf
    # Instagram", "Volg ons op X", "Suivez-nous sur Facebook"
    r"(?:follow us|folg(?:en sie)? uns|folge uns|volg ons|suivez-nous|retrouvez-nous)"
    r"(?:\s*(?:on|auf|op|sur)\b)?[^.!?]{0,80}",
    # keeping the story for later: "Ajouter à vos sélections", "Save to reading list"
    r"(?:pour )?ajouter (?:l['’]article )?à vos sélections",
    r"(?:save|add) (?:this )?(?:article |story )?to (?:your )?(?:reading list|saved (?:articles|"
    r"stories)|bookmarks|favou?rites)",
    r"(?:artikel )?(?:auf die |zur )?merkliste(?: hinzufügen)?|artikel merken",
    r"(?:bewaar|bewaren|opslaan)(?: (?:in|op) (?:je|uw) leeslijst)?|toevoegen aan (?:je|uw) "
    r"leeslijst",
    # signing up: "S’inscrire gratuitement", "Register for free", "Jetzt registrieren"
    r"identifiez-vous|s['’]inscrire(?: gratuitement)?|inscrivez-vous(?: gratuitement)?|"
    r"sign up(?: for free)?|register for free|gratis registreren|(?:jetzt |kostenlos )"
    r"registrieren",
    # asked of a reader who may already subscribe: "Vous possédez déjà un compte ?"
    r"(?:already (?:have an account|a subscriber|subscribed|registered)|have an account|"
    r"don['’]t have an account)\s*\??.{0,40}",
    r"(?:vous (?:possédez|avez) déjà un compte|déjà (?:abonné|inscrit)e?)\s*\??.{0,40}",
    r"(?:heb je|heeft u) (?:al )?een (?:account|abonnement)\s*\??.{0,40}",
    r"al (?:abonnee|een account)\s*\??.{0,40}",
    r"(?:sie haben|du hast) (?:bereits|schon) ein (?:konto|abo|abonnement)\s*\??.{0,40}",
    r"(?:bereits|schon) (?:abonnent|registriert|kunde)\s*\??.{0,40}",
    # share counters and reading times: "3 reacties", "Leestijd 2 minuten", "4 min read"
    r"\d+\s+(?:reacties|comments|kommentare|commentaires)",
    r"(?:[·•|]\s*)?(?:leestijd|lesezeit|lesedauer|temps de lecture|reading time)\s*:?\s*\d+"
    r"\s*\w*\.?",
    r"\d+\s*(?:min(?:ute)?s?|minuten|minutes)\s+(?:read|leestijd|lesezeit|de lecture)",
    POINTER_PATTERN,
    # a story's tags: "Filed Under: EEE, health, Michigan", "Themen: Iran, Proteste, Justiz"
    r"(?:filed under|tags|topics|themen|schlagworte|schlagwörter|onderwerpen|trefwoorden|"
    r"tags|mots-clés|sujets|thèmes)\s*:\s*[^.!?:]{1,60}(?:,\s*[^.!?:,]{1,60}){1,20}",
    # the name of the agency or paper alone, as credit: "The Associated Press"
    r"(?:the\s+)?(?:associated press|press association|agence france-presse|reuters)",
)

# A button's link text for screen readers, closing a short line: "Click to share on X
# (Opens in new window)". Looked for only in lines closed by ")".
NEW_WINDOW_PATTERN = (
    r"\((?:opens in (?:a )?new (?:window|tab)|opent in (?:een )?nieuw (?:venster|tabblad)|"
    r"öffnet in (?:einem )?neuen (?:fenster|tab)|s['’]ouvre dans (?:une )?nouvelle "
    r"(?:fenêtre|fenetre|page|onglet))\)$"
)
# Breadcrumbs: "Nieuws > Buitenland", "Home › News › World". Only tried on
# lines holding one of their separators (``CRUMB_HINT_RE``).
CRUMB_HINT_RE = re.compile(r"[>›»|/]")
CRUMB_RE = re.compile(
    r"[\w&' .-]{1,30}(?:(?:\s*[>›»|]\s*|\s+/\s+)[\w&' .-]{1,30}){1,5}", re.IGNORECASE
)

# Cookie prompts and links. Only tried on lines that say "cookie".
COOKIE_RE = re.compile(
    r".{0,80}\b(?:wij gebruiken|we gebruiken|we use|wir verwenden|wir nutzen|nous utilisons|"
    r"(?:deze|onze) (?:site|website) gebruikt|this (?:site|website) uses|"
    r"diese (?:seite|website) (?:verwendet|nutzt)|ce site utilise|vous acceptez l['’]utilisation"
    r"|you (?:accept|agree to) the use|u (?:accepteert|gaat akkoord met) het gebruik|sie "
    r"(?:akzeptieren|stimmen) (?:der|die) (?:verwendung|nutzung))\b.{0,60}\bcookies\b.{0,240}"
    r"|.{0,40}\b(?:cookie-?instellingen|cookiebeleid|cookie settings|cookie policy|"
    r"cookie-einstellungen|paramètres des cookies|gestion des cookies)\b.{0,80}",
    re.IGNORECASE,
)

# A breaking-news banner printed above the real headline.
BANNER_RE = re.compile(
    r"(?P<banner>(?:breaking(?: news)?|net binnen|eilmeldung|alerte info|dernière minute|live)"
    r"\s*[:|–-])\s*(?P<rest>.+)",
    re.IGNORECASE,
)

# Words that open a sentence, capitalised, in the four languages: a teaser's text that
# holds one after a word or three set in capitals opens with its kicker glued on with a
# space ("Pesticide L'interdiction du fongicide est demandée", "Ukraine-Krieg Der
# ungehobene Schatz"). Articles, pronouns and prepositions only: no name is one.
SENTENCE_OPENERS = frozenset(
    {
        # French
        "le", "la", "les", "l'", "l’", "un", "une", "des", "dans", "en", "au", "aux", "à",
        "après", "avant", "pour", "selon", "depuis", "ce", "cette", "ces", "il", "elle",
        "ils", "elles", "on", "lors", "malgré", "pendant", "sur", "avec", "entre", "d'", "d’",
        # German
        "der", "die", "das", "den", "dem", "ein", "eine", "einen", "im", "in", "am", "an",
        "auf", "nach", "bei", "mit", "seit", "laut", "vor", "für", "er", "sie", "es",
        "nachdem", "weil", "zum", "zur", "um", "trotz", "während", "bis",
        # English
        "the", "a", "after", "for", "at", "it", "he", "she", "they", "this",
        "when", "as", "with", "from",
        # Dutch
        "de", "het", "een", "op", "na", "volgens", "hij", "zij", "ze", "deze", "voor", "met",
        "door", "om", "sinds", "tijdens",
    }
)  # fmt: skip

# A subscriber's mark in front of a teaser's or a byline's line: "ABO+", "BZ+", "NZZ+".
PAYWALL_MARK_RE = re.compile(r"[A-Z]{2,6}\+\s+")

# Wire header and slug lines, as agencies' feeds deliver them.
WIRE_HEADER_PATTERNS = (
    r"zczc.*",  # teleprinter start-of-message
    r"nnnn",  # teleprinter end-of-message
    r"\^?bc-[\w/-]+.*",  # AP/Reuters budget slug: "BC-Oil-Prices/"
    r"(?:slug|keywords?|trefwoorden|stichwörter|mots-clés|prioriteit|priority|priorität|"
    r"ref|category|rubriek|ressort|urgency|version)\s*:.*",
    r"anp[- ]\w+.*\d{2}[-.]\d{2}[-.]\d{2,4}.*",  # "ANP-NIEUWS 18-03-26 14:02"
    r"[a-z]{2,4}\d{3,5}\s+\d\s+\w{2,3}\s+\d+.*",  # dpa header: "lnw0123 4 pl 254 dpa 0678"
    r"(?:dpa|afp|anp|rtr|ap)\s*[-/]\s*(?:nieuws|news|afx|basisdienst)\b.*",
    r"[A-Z0-9]+(?:-[A-Z0-9]+)+/",  # Reuters slug: "MIDEAST-CRISIS/"
)

# Trailers after a wire story: credits, desk initials, contact lines.
WIRE_TRAILER_PATTERNS = (
    r"\((?:reporting|additional reporting|writing|editing|compiled|berichterstattung|bericht|"
    r"redigiert|geschrieben|mitarbeit|rédigé|rédaction|reportage|édité|"
    r"bewerkt|vertaling|redactie)\b.*\)",
    r"\(\(.*\)\)",  # Reuters editor's notes: "((jane.doe@tr.com; +44 20 ...))"
    r"our standards:.*",
    r"(?:contact|kontakt|redactie|redaktion|rédaction|contacts?)\s*:.*",
    r"[a-z]{2,4}(?:/[a-z]{2,4}){1,3}",  # desk initials: "jdw/rs", "afp/lg/ab"
    r"(?:anp|dpa|afp|ap|rtr)\s*/\s*[a-z]{2,4}(?:/[a-z]{2,4})*",  # "ANP/jdw"
    r"dpa(?:\s+[\w/]{1,8}){1,6}",  # dpa's closing line: "dpa lnw xy", "dpa abc yyno n1 def"
    r"(?:einde bericht|end of story|ende|fin)\s*\.?",
    r"\(?(?:mehr|more|meer|suite|plus)\s*\)?",
    r"-\s*(?:end|eind|ende|fin)\s*-",
)

# What a writer is, printed after the name in a byline without "by": "Peter Walker Deputy
# political editor", "Helen Marsh" over "Transport correspondent".
# In lower case but for German's nouns: a title-case headline ("Trump Slams Reporter")
# names no role.
WRITER_ROLES = (
    r"editor", r"reporter", r"writer", r"columnist", r"journalist", r"verslaggever",
    r"verslaggeefster", r"redacteur", r"correspondente?",
    r"Korrespondent(?:in)?", r"Redakteur(?:in)?", r"Reporterin", r"journaliste",
    r"correspondante?", r"rédact(?:eur|rice)", r"envoyée? spéciale?", r"chroniqueur",
    r"chroniqueuse",
)  # fmt: skip
# Words of a headline about a writer ("Jane Doe named political editor"): no byline.
HEADLINE_VERBS = (
    r"named\b", r"appointed\b", r"becomes\b", r"joins\b", r"quits\b", r"leaves\b",
    r"new\b", r"former\b", r"ex-", r"wordt\b", r"nieuwe\b", r"wird\b", r"neue[rn]?\b",
    r"devient\b", r"nouvel(?:le)?\b", r"ancien(?:ne)?\b",
)  # fmt: skip
# Lower-case words inside a name: "Anne de Vries", "Ursula von der Leyen".
NAME_PARTICLES_RE = (r"de", r"van", r"der", r"den", r"von", r"du", r"la", r"le", r"ten", r"ter")
# A writer's name: two to four capitalised words, particles between them ("Anne de Vries",
# not "Publié le").
_NAME = (
    rf"[A-ZÀ-ÖØ-Þ][\w.'’-]+(?:\s+(?:(?:{'|'.join(NAME_PARTICLES_RE)})\s+)*"
    rf"[A-ZÀ-ÖØ-Þ][\w.'’-]+){{1,3}}"
)
# A writer's role: a word or two before it ("Deputy political editor"), none a headline's
# verb, and the place after it ("Korrespondentin in Brüssel", "envoyée spéciale à Kiev").
_ROLE = (
    rf"(?:(?!{'|'.join(HEADLINE_VERBS)})[^\W\d_][\w-]*\s+){{0,2}}(?:{'|'.join(WRITER_ROLES)})"
    r"(?:,?\s+(?:(?i:in|at|for|te|aus|für|à|en)\s+)?[^\W\d_][\w'’-]*){0,2}"
)
# The word before the newsroom in a byline that names it: "Von unserer Redaktion".
NEWSROOM_WORDS = ("unserer", "unserem", "onze", "our", "notre")
# Bylines: "Door ANP", "By Jane Doe", "Von Anna Schmidt", "Par Jean Dupont".
# The name after the prefix must start with a capital, or be an agency as it writes
# itself ("Von dpa", "par afp"), and the line must not end
# like a sentence: "By Wednesday, the talks had collapsed." is no byline.
BYLINE_RE = re.compile(
    r"(?:"
    r"(?i:door|by|von|par|van onze (?:correspondent|verslaggever|redacteur)|"
    r"de notre (?:correspondant|envoyé spécial)|from our correspondent|our correspondent)"
    r"\s*:?\s+(?P<name>(?:[A-ZÀ-ÖØ-Þ]|(?:"
    + word_tree_regex(AGENCIES)
    + r")(?=\W|$))[\w.'’-]*(?:(?:[ ,]+|\s+[-–]\s+)(?:[^\W\d_][\w.'’-]*|&)){0,7})"
    r"(?:\s*\([^()]{1,40}\))?(?:\s*[|·]\s*[^.!?]{0,60})?" + r")"
    # the newsroom as the byline: "Von unserer Redaktion", "Door onze redactie", "By our staff"
    r"|(?i:von|door|by|par|de)\s+(?i:" + "|".join(NEWSROOM_WORDS) + r")\s+(?i:redaktion|"
    r"korrespondent(?:en|in)?|redactie|correspondent|verslaggever|staff|reporters?|rédaction)"
    r"(?:\s+[^\W\d_][\w.'’-]*){0,3}"
    # "written by" in full, naming a person or a newsroom however it writes itself:
    # "Article rédigé par franceinfo avec AFP", "Geschreven door Anna de Vries"
    r"|(?i:(?:article |artikel |een artikel |ein artikel )?(?:rédigé|écrit|geschreven|"
    r"geschrieben|verfasst|written)\s+(?:par|door|von|by))\s+[^\W\d_][\w.'’-]*"
    r"(?:\s+[^\W\d_&][\w.'’-]*|\s+&){0,6}"
    # a name and the writer's role, without "by": "Peter Walker Deputy political editor"
    rf"|{_NAME},?\s+{_ROLE}"
    # the newsroom with an agency: "Le Quotidien de Paris avec AFP", "Redaktion mit dpa"
    r"|(?:[^\W\d_][\w.'’-]*\s+){1,5}(?i:avec|with|mit|met|und|and|et|en)\s+(?i:"
    + word_tree_regex(AGENCIES)
    + r")(?:\s*(?:,|/|(?i:et|and|und|en))\s*(?i:"
    + word_tree_regex(AGENCIES)
    + r"))*"
)

# A byline printed as a name over the writer's role: "Helen Marsh" over "Transport
# correspondent", "Marieke Jansen" over "verslaggever Oost-Nederland".
NAME_LINE_RE = re.compile(_NAME)
ROLE_LINE_RE = re.compile(_ROLE)

# ANP's version marker: "N i e u w bericht, vervangt: <old headline>" opens a
# new version whose headline ends in "(2)"; "G e c o r r i g e e r d" marks a correction.
ANP_REPLACES_RE = re.compile(
    r"(?:n\s?i\s?e\s?u\s?w|(?P<corrected>g\s?e\s?c\s?o\s?r\s?r\s?i\s?g\s?e\s?e\s?r\s?d)|"
    r"a\s?a\s?n\s?g\s?e\s?v\s?u\s?l\s?d)\s+bericht\s*,?\s*vervangt\s*:\s*(?P<old>.+)",
    re.IGNORECASE,
)
# A version or correction marker in parentheses closing a headline, as sites and wire
# clients print them: "(update 1)", "(UPDATE 2)", "(corrected)", ANP's "(gecorrigeerd)",
# dpa's "(berichtigt)", "(Berichtigung)", AFP's "(rectificatif)", "(corrigé)".
# "(update N)" counts as Reuters' "UPDATE N-" does: the story's version N + 1.
HEADLINE_MARKER_RE = re.compile(
    r"^(?P<headline>.+?)\s*(?P<marker>\((?:"
    r"(?P<update>update|aktualisiert|aktualisierung|mise à jour|actualisé|bijgewerkt)"
    r"(?:\s+(?P<n>\d{1,2}))?|"
    r"(?P<correction>corrected|correction|gecorrigeerd|correctie|berichtigt|berichtigung|"
    r"korrigiert|korrektur|rectificatif|rectifié|corrigé)"
    r")\))$",
    re.IGNORECASE,
)
ANP_VERSION_RE = re.compile(r"^(?P<headline>.+?)\s*(?P<marker>\((?P<n>\d{1,2})\))$")
# Reuters prefixes: "UPDATE 1-", "WRAPUP 2-", "REFILE-", "CORRECTED-", chained.
REUTERS_PREFIX_RE = re.compile(
    r"^(?P<marker>(?:(?:UPDATE|WRAPUP|REFILE|CORRECTED|RPT|REPEAT|EXCLUSIVE|INSIGHT|FACTBOX|"
    r"ANALYSIS|BREAKINGVIEWS|GRAPHIC|TIMELINE|EXPLAINER|FEATURE)(?:\s+(?P<n>\d{1,2}))?"
    r"\s*-\s*)+)(?P<headline>\S.*)$"
)

# Marks that close a wire story on a line of their own, read only at the end of a body:
# dpa's "./.", Reuters' "ENDS", AP's "(END)" and "-0-", the teleprinter's "NNNN",
# the press release's "###" and "-30-", an agency after equals signs ("==Kyodo") or
# between slashes ("/ritzau/", as it prints itself in its datelines), an agency's name
# alone ("EFE", "(ANSA).") or with the desk's initials ("AAP JKL"). "{agency}" stands
# for any name in ``AGENCIES``.
CLOSING_MARK_PATTERNS = (
    r"\./\.",
    r"ends?\.?",
    r"\(\s*ends?\s*\)\.?",
    r"-\s*0\s*-",
    r"-\s*30\s*-",
    r"#{3}",
    r"nnnn",
    r"=+\s*(?:{agency})?",
    r"/\s*(?:{agency})\s*/\.?",
    r"\(?(?:{agency})\)?\.?",
    r"\(?(?:{agency})\)?\s*[A-Za-z]{2,4}(?:\s*/\s*[A-Za-z]{2,4}){0,3}",
    # AP's closing line: "Associated Press writer Jane Doe contributed to this report.",
    # "… contributed from Cheyenne, Wyoming."
    r".{0,300}\bcontributed (?:to )?(?:this|the) (?:report|story)\b.{0,80}",
    r"(?:the )?associated press (?:writers?|reporters?|correspondents?|researchers?|"
    r"photographers?)\b.{0,200}\bcontributed\b.{0,120}",
    r"_{3,}",  # the rule AP sets between a story and its closing line
    # credits on a line of their own: "Reporting by Jane Doe in Beirut; Editing by John Roe"
    r"(?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by\s+[^;]{2,200}"
    r"(?:;\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|graphics|fact-checking)"
    r"\s+by\s+[^;]{2,200}){1,4}",
    # the site's newsletter offered under the story: "… a weekly newsletter … Sign up here."
    r".{0,300}\b(?:newsletter|nieuwsbrief|lettre d['’]information)\b.{0,300}[.!?:]\s*"
    r"(?:sign up|subscribe|schrijf je|meld je|abonnieren|anmelden|jetzt|hier|inscrivez-vous|"
    r"abonnez-vous)\b[^.!?]{0,40}[.!]?",
)
# A reporter's name alone on the story's last line, as TT and the Nordic agencies sign
# (case-sensitive: two or three capitalised words, nothing else).
SIGNATURE_RE = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]+){1,2}")
# The same glued to the story's last sentence: '... disse il sindaco".(ANSA).',
# "... según la policía. EFE", "... in the port. (Reporting by Jane Doe; Editing by
# John Roe)". Each must follow the sentence's closing mark.
GLUED_TRAILER_PATTERNS = (
    r"\(?(?:{agency})\)?\.?",
    # the agency with its desk's or editor's initials: "(ats/nxp)", "(dpa/lnw)", "(ANP/jdw)"
    r"\((?:{agency})(?:\s*/\s*[^\W\d_]{2,4}){1,3}\)\.?",
    r"\((?:reporting|additional reporting|writing|editing|compiled|berichterstattung|"
    r"redigiert|geschrieben|mitarbeit|rédigé|édité|bewerkt)\b[^()]*\)\.?",
)
