"""English word lists the speaker rules read (speakers.py): titles, sentence words, organisation
words, descriptions of sources. Hand-kept; immutable."""

from __future__ import annotations

# First words of a capitalised run that never name a speaker ("I've said", "Fourth, ...", a question's
# "Was Bartleby hot and spicy?"; not "Will" or "May", which are names too).
NOT_NAMES = frozenset(
    """
i i've i'd i'm i'll i’ve i’d i’m i’ll we we've we're you you've first second third fourth fifth finally
was is are were am did does do has have had can could would should shall must
""".split()
)

# First words of capitalised runs that name places or things, not people.
NOT_PERSON_FIRST = frozenset(
    """
new united south north east west los las san santa saint st great supreme white fox wall los middle
republican republicans democrat democrats democratic american americans national federal islamic
mount lake fort port palm more most city
""".split()
)

# Abbreviated titles and the word a later description uses ("Gov. X" ... "the governor").
TITLE_WORDS = {
    "gov": "governor",
    "gov.": "governor",
    "sen": "senator",
    "sen.": "senator",
    "rep": "representative",
    "rep.": "representative",
    "gen": "general",
    "gen.": "general",
    "prof": "professor",
    "prof.": "professor",
    "dr": "doctor",
    "dr.": "doctor",
    "pres": "president",
    "pres.": "president",
}

# "The agency said", "the group said": the organisation named last, whatever its own name says.
ANY_ORG = frozenset("agency group organization organisation company firm body bureau watchdog regulator".split())

MEDIA = frozenset("statement statements report documents data figures interview letter".split())

PRONOUN_WORDS = frozenset(
    "i i've i'd i'm i'll we you he she it they this that there it's he's she's they're we're you're that's "
    "there's they've we've they'd he'd she'd we'd you'd they'll he'll she'll we'll it'll let's".split()
)

GENERIC_NOUNS = (
    "spokesman|spokeswoman|spokesperson|spokespeople|official|officials|ministry|police|company|firm|government|"
    "report|study|survey|statement|analysts|analyst|experts|expert|critics|authorities|agency|department|office|"
    "source|sources|prosecutors|prosecutor|lawyer|lawyers|researchers|scientists|economists|witnesses|residents|"
    "military|army|court|committee|commission|council|administration|campaign|group|bank|union|party|minister|"
    "president|secretary|governor|mayor|senator|leader|leaders|chief|director|officer|officers|diplomats|"
    "investigators|organisers|organizers|data|figures|documents|poll|regulator|regulators|white house|kremlin|"
    "pentagon|ceo|chairman|chairwoman|executive|executives|doctors|teachers|activists|opponents|supporters|"
    "utility|utilities|operator|provider|watchdog|authority|institute|charity|hospital|airline|insurer|"
    "network|board|trust|inspectorate|observatory|tribunal"
)
GENERIC_NOUN_SET = frozenset(GENERIC_NOUNS.split("|"))

TITLES = frozenset(
    """
president vice prime minister ministers secretary senator senators sen sen. sens sens. rep rep. reps reps.
representative representatives gov gov. govs govs. governor
mayor dr dr. mr mr. mrs mrs. ms ms. miss sir dame lord lady chancellor general gen gen. col col. lt lt.
chief judge justice spokesman spokeswoman spokesperson director ceo chairman chairwoman chair foreign defense
defence interior finance health state deputy former acting u.s. us uk u.k. un u.n. eu e.u. federal national
professor prof prof. attorney commissioner ambassador king queen prince princess pope cardinal bishop rev rev.
speaker leader minority majority house senate democratic republican labour conservative party officer
captain capt capt. sgt sgt. major maj maj. admiral adm adm. detective inspector superintendent sheriff
lieutenant colonel commander executive chief-executive director-general secretary-general economist analyst the a an
""".split()
)

SENTENCE_WORDS = frozenset(
    """
but and so yet however meanwhile still then also in on at for as if when while after before since although
though when this that these those there here what why how where which who then now today yesterday earlier
later last next instead indeed moreover furthermore asked speaking writing quoted even
""".split()
)

ORG_WORDS = frozenset(
    """
ministry department agency office council commission committee bank company corp corporation inc ltd llc group
organization organisation association union party government police army navy force forces court university
institute institutes service services kremlin pentagon congress senate parliament fund foundation authority board center
centers centre centres news times post network bureau federation alliance nato un eu imf who cdc fbi cia reuters bbc cnn
administration command headquarters house embassy mission secretariat coalition campaign club league
enforcement security protection affairs commerce chamber society academy assembly legislature tribunal laboratory
initiative project trust press journal gazette tribune herald radio television magazine research statistics customs
reserve academies motors electric mills dynamics
""".split()
)

DATE_WORDS = frozenset(
    """
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december jan feb mar apr jun jul aug sep sept oct nov dec
""".split()
)

# Last words of capitalised runs that name places ("Waterfront Park", "Rhode Island"), never a person.
PLACE_WORDS = frozenset(
    """
park island islands county city town village street st avenue ave road boulevard square plaza beach valley
river bay lake mountain mountains hill hills heights springs falls harbor harbour airport station bridge
canyon coast peninsula gardens garden hotel stadium arena mall district province region territory
church cathedral chapel temple mosque synagogue palace castle museum cemetery prison
""".split()
)

# First words of capitalised runs that open a phrase ("From Day One"), never a person's name.
PREPOSITIONS = frozenset(
    """
from with by to into of about through during against without among between near inside outside across
toward towards upon within beyond behind beside under over following according including despite amid
""".split()
)
