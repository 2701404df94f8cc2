"""Cue words in en, nl, de and fr: what tells a name is a person's, who speaks, what a
ministry or an army is. Written by hand from how agencies word their copy (the sample ANP
page: "de Oekraïense president Volodymyr Zelensky", "zei de woordvoerder", "aldus
Starmer"); all lower case, matched in lower case.
"""

from __future__ import annotations


def words_of_list(text: str) -> frozenset[str]:
    """The words of a list written as text, one space or line apart."""
    return frozenset(text.split())


# Roles that come before a person's name ("premier Keir Starmer", "Kanzler Merz", "le
# ministre Barrot") or stand for one ("de woordvoerder"). A word ending in one of
# ROLE_SUFFIXES is a role too ("veiligheidschef", "Außenminister", "oppositieleider").
ROLES = words_of_list(
    """
    president presidente präsident président president-elect premier minister ministre
    ministerpräsident minister-president staatssecretaris secretary kanzler kanzlerin
    bundeskanzler bundeskanzlerin chancellor koning koningin king queen könig königin roi
    reine prins prinses prince princess prinz prinzessin paus pope papst pape woordvoerder
    woordvoerster spokesman spokeswoman spokesperson sprecher sprecherin porte-parole
    burgemeester mayor bürgermeister bürgermeisterin maire gouverneur governor senator
    senateur sénateur senatorin kamerlid parlementariër mp abgeordneter abgeordnete député
    députée generaal general général commandant commander kommandeur ambassadeur ambassador
    botschafter botschafterin leider leader chef chief ceo topman topvrouw directeur
    director direktor voorzitter chair chairman chairwoman vorsitzender vorsitzende
    président-directeur trainer coach bondscoach speler player spieler joueur aanvoerder
    captain kapitän rechter judge richter juge officier aanklager prosecutor staatsanwalt
    procureur advocaat lawyer anwalt avocat onderzoeker researcher forscher chercheur
    professor professeur hoogleraar analist analyst analystin analyste econoom economist
    ökonom économiste ayatollah sjeik sheikh scheich cheikh emir
    """
)
ROLE_SUFFIXES = (
    "commissaris", "kommissar", "kommissarin", "chefin", "präsidentin", "ministre",
    "minister", "ministerin", "chef", "leider", "voorzitter", "woordvoerder", "sprecher",
    "sprecherin", "president", "präsident", "kanzler", "kanzlerin", "coach", "trainer",
)  # fmt: skip
# Words that name a person without a role: "de heer Jansen", "Frau Weber", "M. Dupont".
TITLES = words_of_list(
    """
    mr mr. mrs mrs. ms ms. dr dr. herr frau m. mme mme. mevrouw heer
    """
)

# Verbs that report speech, by language; "aldus", "according to", "laut", "selon" name the
# speaker after them too.
SPEECH_VERBS = {
    "nl": """zei zegt zeggen gezegd verklaarde verklaart verklaard stelde stelt gesteld
        schrijft schreef geschreven meldt meldde gemeld benadrukte benadrukt waarschuwde
        waarschuwt noemde noemt noemden liet laat vertelde vertelt verteld reageerde
        antwoordde aldus kondigde voegde verzekerde verzekerd beloofde beloofd sprak spreekt""",
    "en": """said says say told tells wrote writes added adds warned warns stated states
        announced announces insisted argued explained noted claimed declared assured
        promised""",
    "de": """sagte sagt sagten gesagt erklärte erklärt erklärten schrieb schreibt betonte
        betont warnte warnt teilte teilt kündigte fügte meinte meint versicherte
        versprach""",
    "fr": """déclaré dit affirmé ajouté indiqué estimé assuré expliqué souligné averti
        écrit annoncé déclare dit affirme ajoute indique estime assure explique souligne
        écrit annonce assure promis""",
}
SPEECH_WORDS = frozenset(word for words in SPEECH_VERBS.values() for word in words.split())
# Verbs beside which a capitalised word is a person's name ("zei Blinken", "Merz sagte"),
# narrower than SPEECH_WORDS: "kündigte Widerstand an" names nobody.
NAMING_VERBS = words_of_list(
    """
    zei zegt aldus verklaarde said says told sagte sagt erklärte betonte meinte déclaré
    affirmé selon volgens laut according
    """
)
# Surnames that come first in a name: Chinese and Korean ("Xi Jinping", "Kim Jong Un").
SURNAMES_FIRST = words_of_list(
    """
    Xi Li Lin Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Ma Zhu Hu Guo He Gao Luo
    Zheng Liang Han Kim Park Yoon Moon
    """
)
# Words that open a statement and name who made it: "Volgens hem", "According to Blinken".
ACCORDING_TO = ("volgens", "according to", "laut", "selon", "aldus", "zufolge")
# Conjunctions that open a reported clause: "zei dat", "said that", "sagte, dass", "a dit que".
THAT = words_of_list(
    """
    dat that dass que qu'
    """
)
# Pronouns that point back at the last person named.
PRONOUNS = words_of_list(
    """
    hij zij ze he she er sie il elle hem him ihm lui
    """
)

# Ministries by their portfolio, as each language names them: the key is the id's part.
# "ministerie van Buitenlandse Zaken", "Foreign Ministry", "Außenministerium",
# "ministère des Affaires étrangères".
PORTFOLIOS = {
    "foreign-affairs": (
        "buitenlandse zaken",
        "foreign affairs",
        "foreign",
        "auswärtige amt",
        "auswärtigen amt",
        "außen",
        "affaires étrangères",
        "state department",
    ),
    "defence": ("defensie", "defence", "defense", "verteidigungs", "défense", "armées"),
    "interior": ("binnenlandse zaken", "interior", "home office", "innen", "intérieur"),
    "finance": ("financiën", "finance", "treasury", "finanz", "finances", "économie"),
    "justice": ("justitie", "justitie en veiligheid", "justice", "justiz"),
    "health": ("volksgezondheid", "health", "gesundheits", "santé"),
    "economy": ("economische zaken", "economy", "wirtschafts", "economic affairs"),
}
# Words for a country's armed forces ("het Libanese leger", "the Israeli military", "die
# israelische Armee", "l'armée israélienne"); the country comes from the adjective beside it.
FORCES = words_of_list(
    """
    leger krijgsmacht strijdkrachten luchtmacht marine army military forces navy armee
    streitkräfte luftwaffe armée
    """
)  # fmt: skip

# Words that open a sentence or stand capitalised without being a name (so "Maar Zelensky"
# or "Die Regierung" is no two-word name).
NOT_NAMES = words_of_list(
    """
    de het een dat die dit deze maar en of ook toch zo als in op bij van voor na met om uit
    volgens sinds tijdens nadat omdat toen nu dan hij zij ze wij we ik u er daar hier wat
    wie welke waar hoe vorige volgende afgelopen maandag dinsdag woensdag donderdag vrijdag
    zaterdag zondag januari februari maart april mei juni juli augustus september oktober
    november december the a an and but or if in on at by for from with of to as after before
    since while when then now this that these those he she they we i you it his her their
    what who which where how last next monday tuesday wednesday thursday friday saturday
    sunday january february march may june july august october der die das ein eine und oder
    aber auch im am vom zum zur mit nach seit bei wie wo wer was er sie es wir ihr montag
    dienstag mittwoch donnerstag freitag samstag sonntag januar märz oktober dezember le la
    les un une des du et ou mais aussi dans sur avec pour par après avant depuis lors quand
    il elle ils elles nous vous on ce cette ces lundi mardi mercredi jeudi vendredi samedi
    dimanche janvier février mars avril mai juin juillet août septembre octobre novembre
    décembre zaken buitenlandse binnenlandse economische affaires foreign affairs ministerie
    ministry ministerium ministère state department
    selon laut according zufolge about some more most many dabei
    """
)

# First names news often gives: a capitalised pair opening with one is a person without
# another cue ("Claudia Sheinbaum", "Ali Larijani"). Common given names across the four
# languages' news, written by hand; the cues above find the rest.
FIRST_NAMES = words_of_list(
    """
    Aaron Abdel Abdul Abdullah Adam Adrian Ahmed Alain Alexander Alexandre Alexei Alex Ali
    Alice Alicia Amir Amy Andrea Andreas Andrew Andrzej Angela Ann Anna Anne Annalena
    Annemarie Antonio Antony Anthony Arnold Astrid Barack Bart Bas Beatrix Ben Benjamin
    Bernd Bernie Bill Björn Bob Boris Brigitte Bruno Carl Carlos Caroline Catherine Charles
    Charlotte Chris Christian Christine Christoph Christopher Claire Claudia Dan Daniel
    David Dick Dilan Dmitri Dmitry Donald Edward Elisabeth Elizabeth Emmanuel Emma Eric Erik
    Ernst Eva Evelien Fatima Felix Femke Frank Frans François Françoise Frédéric Friedrich
    Gabriel Geert George Georg Gerhard Gert Giorgia Hamid Hannah Hans Harry Hassan Heinz
    Helmut Hendrik Henk Henri Hillary Hugo Hussein Ibrahim Igor Ivan Jacques Jair James Jan
    Jane Janet Jared Jean Jeanne Jeff Jens Jeroen Jesse Jim Joe Johan Johann Johannes John
    Jonathan Joost Jordan Jorge José Joseph Josef Juan Judith Julia Julian Jürgen Justin
    Kamala Karin Karl Karen Kate Katharina Keir Kevin Kim Klaus Kristi Kurt Lars Laura
    Laurent Lena Leo Lisa Louis Luc Lucas Luis Luiz Lula Luuk Manuel Marc Marcel Marco Maria
    Marie Marine Mario Mark Marco Markus Mark Martin Mary Mateusz Matthias Max Maxime
    Melania Michael Michel Michelle Mohammed Mohammad Muhammad Nancy Narendra Nathalie
    Nicolas Nicola Nikolai Nina Olaf Olga Oliver Olivier Omar Pascal Patrick Paul Pedro Pete
    Peter Petra Philippe Pierre Pieter Rachel Rafael Ralf Rishi Rob Robert Roberto Rodrigo
    Ron Rutger Ruud Sarah Scott Sebastian Sergei Sergey Simon Sigrid Sophie Stefan Stephan
    Steve Steven Susanne Sven Thierry Thomas Tim Tom Tony Ursula Valérie Viktor Vladimir
    Volodymyr Wolodymyr Willem Wim Wolfgang Xavier Yves Yulia Yuri Zoran Barry Magnus
    Franziska Daniela Guillaume Jordan António Antonio Gavin Elon Jerome Nicolás María
    Kyriakos Sergej Mahmoud Francesco Ekrem Recep Javier Pablo Giorgio Matteo Sergio
    Alessandro Luca Ahmad Yair Naftali Benny Gideon Ségolène Edouard Édouard Gérald Rachida
    Annie Sanna Mette Kaja Roberta Ilse Kees Caspar Sigrid Wopke Raymond Ruben Eelco Mona
    Heleen Tamara Mariëlle
    """
)
# Particles inside a name: "Ursula von der Leyen", "Dick van der Laan", "Charles de Gaulle".
NAME_PARTICLES = words_of_list(
    """
    van von der den de du da di la le ter ten bin al el zu
    """
)
