"""Regular expressions of English speaker attribution (speakers.py): names, pronouns, generic
subjects, spokespeople, transcript labels. Compiled once at import; pure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .cues import Cue
from .speaker_words import GENERIC_NOUN_SET
from .speaker_words import GENERIC_NOUNS as _GENERIC_NOUNS
from .speaker_words import ORG_WORDS as _ORG_WORDS
from .speaker_words import PRONOUN_WORDS as _PRONOUN_WORDS
from .speaker_words import TITLES as _TITLES

_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PERIOD = rf"(?:{_DAY}|week|weekend|month|year|night|morning|afternoon|evening|day|spring|summer|fall|autumn|winter)"
# A time between a subject and its verb: "The mayor yesterday said", "Gowdy earlier in the day touted".
_TIME_WORDS = (
    rf"on\s+{_DAY}|(?:earlier|later|last|this|late|early)\s+(?:this\s+|last\s+)?{_PERIOD}|"
    rf"(?:earlier|later)\s+(?:in|on)\s+the\s+{_PERIOD}|yesterday|today|tonight"
)
# Auxiliaries, adverbs and times that may stand between a subject and its verb ("has long argued").
_AUX_TAIL = re.compile(
    r"(?:\s+(?:has|had|have|also|later|previously|repeatedly|then|again|once|long|would|will|did|does|do|"
    r"not|never|always|has\s+since|since|first|separately|earlier|still|recently|however|too|[a-z]+ly|"
    r"can|could|may|might|must|should|cannot|(?:ca|wo|could|would|did|does|do|should)n['’]t|"
    rf"{_TIME_WORDS}|(?:be|been|is|was|were|are)\s+(?:heard|seen|shown|caught|filmed|recorded)))+\s*$"
)
_NAME_TOKEN = r"(?:(?:Mr|Mrs|Ms|Messrs|Dr|Sens?|Reps?|Govs?|Gen|Col|Lt|Sgt|Capt|Prof|Jr|Sr|Adm|Maj|Cmdr|Rev|St)\.|[A-Z][A-Za-z'’\-]*[A-Za-z]|[A-Z]\.(?:[A-Z]\.)*|[A-Z])"
_CONNECT = r"(?:of|the|for|de|del|da|van|von|der|al|bin|la|le|and|on)"
_NAME_RUN_END = re.compile(rf"({_NAME_TOKEN}(?:\s+(?:{_CONNECT}\s+)*{_NAME_TOKEN})*)\s*$")
_NAME_RUN_START = re.compile(rf"^\s*((?:the\s+)?{_NAME_TOKEN}(?:\s+(?:{_CONNECT}\s+)*{_NAME_TOKEN})*)")
_APPOSITION_END = re.compile(rf"({_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,4}}),\s+[^,\"“”]{{2,120}},\s*$")
# An aside between a subject and its verb that opens with a preposition or a relative word: "Clinton,
# during a town hall meeting in Columbus, Ohio, said" (the subject is before it, whatever it names).
_ASIDE_END = re.compile(
    r"(?<=[\w)]),\s+(?:during|who|which|whose|speaking|in|at|on|of|after|before|while|when|addressing|[a-z]{3,}ing|"
    r"for\s+(?:example|instance)|however|meanwhile|though|too|also|instead|moreover|likewise|similarly|"
    r"nonetheless|nevertheless|separately|earlier|later|last|yesterday|today|tonight|this\s+(?:week|month|year))\b"
    r"(?:[^\"“”,]|(?<=\d),(?=\d{3}))*"  # "representing 4,000 workers"
    r"(?:,\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*)?,\s*$"
)
# A relative clause's own cue: "the Harbour Trade Commission, which said", "Senator Maria Lopez, who said", "the
# Census Bureau that showed". Its subject is the noun the clause hangs on (see relative_antecedent_end).
_RELATIVE_END = re.compile(r"(?:,\s*|\s+)(who|which|that)\s*$")
# "that" opens a relative clause after a name or one of these nouns; after a verb it opens what was said.
_THAT_NOUNS = frozenset(
    "report study analysis data poll survey letter statement memo document group agency organization company "
    "department committee office firm bureau ruling filing research review audit paper".split()
)


def relative_antecedent_end(left: str) -> int | None:
    """Where the noun phrase before a relative pronoun that ends `left` ends ("…Commission, which"), or None."""
    match = _RELATIVE_END.search(left, max(0, len(left) - 12))
    if match is None or match.start() == 0:
        return None
    if match.group(1) == "that":
        before = left[: match.start()].split()
        word = before[-1].strip(".,") if before else ""
        if not (word[:1].isupper() or word.lower() in _THAT_NOUNS):
            return None  # "He noted that" + "reported crimes fell": what was said, not a relative clause
    comma = left.rfind(",", 0, match.start())
    if comma >= 0 and re.match(r"\s+(?:a|an)\s", left[comma + 1 : match.start()]):
        return None  # "Braynard, a South Carolina native who writes fiction": a description of someone else's
    return match.start()


_PRONOUN_END = re.compile(r"\b(he|she|it|they)(?:['’](?:s|d|ve|ll|re))?\s*$", re.IGNORECASE)  # "He's always denied"
# A word of a person's name, also with an inner capital: "Sanders", "McCaskill", "DeSantis", "O'Malley".
NAME_WORD = r"(?:[A-Z]['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?"
# Two or three capitalised words, a person's name as a sentence writes it ("Bernie Sanders", "Ban Ki-moon"),
# with a middle initial ("President Vladimir V. Putin").
_PERSON_RUN = re.compile(
    rf"(?<![\w.'’-])({NAME_WORD}(?:-[A-Z][a-z]+)?(?:\s+(?:[A-Z]\.\s+)?{NAME_WORD}(?:-[A-Za-z][a-z]+)?){{1,2}})"
    r"(?=['’]s\b|[^\w'’-]|$)"  # "Donald Trump’s detractors" names Donald Trump too
)
_CAPITAL_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w&'’\-]*(?:\s+(?:(?:of|for|and|the|on)\s+)*[A-Z][\w&'’\-]*)*")
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:(?:But|And|So|Yet|Then|Still|Now),?\s+)?(?:he|she|He|She)\b")
_TITLED_SURNAME = re.compile(rf"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+({NAME_WORD}(?:-[A-Z][a-z]+)?)\b")
# A name of two or more capitalised words (or an acronym) that opens a phrase, after any article.
_LEADING_NAME = re.compile(
    rf"^\s*(?:(?:A|An|The|the)\s+)?({_NAME_TOKEN}(?:\s+(?:{_CONNECT}\s+)*{_NAME_TOKEN})*)(?![\w'’])"
)
# "the rights group Amnesty International": an organisation named after the word for one.
_ORG_BEFORE = re.compile(
    r"\b(?:group|organi[sz]ation|agency|company|firm|committee|party|union|network|newspaper|"
    r"outlet|institute|charity|watchdog|tank|coalition|foundation|association|nonprofit|"
    r"non-profit|site|website|magazine|paper|broadcaster|channel|pollster|bank)\s*$",
    re.IGNORECASE,
)
_AUTHORS = re.compile(
    r"\b(?:lead author|led by|authored by|co-author|senior author)\s*,?\s*(?:(?:Dr|Prof)\.?\s+)?"
    r"([A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’\-]+){1,2})"
)
# "a spokeswoman for the group", "the company's spokesman": the organisation is the party.
_SPOKES_FOR = re.compile(
    r"(?:(?:the|a|an|one)\s+)?(?:[a-z\-]+\s+)?(?:spokes(?:man|woman|person|people)|representative|"
    r"spokesmen|spokeswomen)\s+(?:for|of|at|with)\s+((?:the\s+)?[^,]+)$",
    re.IGNORECASE,
)
_SPOKES_OF = re.compile(
    r"((?:the\s+)?[\w.\- ]+?)['’]s\s+(?:[a-z\-]+\s+)?(?:spokes(?:man|woman|person|people)|"
    r"spokesmen|spokeswomen)$",
    re.IGNORECASE,
)
# "an ICE spokeswoman", "a Pentagon spokesman": the organisation named before the word (not "A" of "A spokesman").
_SPOKES_NAMED = re.compile(
    r"(?:(?:[Tt]he|[Aa]n?|[Oo]ne)\s+)?(?!(?:The|An?|One)\s)((?:[A-Z][\w.&'’\-]*\s+)*[A-Z][\w.&'’\-]*)\s+"
    r"(?:spokes(?:man|woman|person|people)|"
    r"spokesmen|spokeswomen)$"
)
# "a statement from Ryan’s office", "a memo by the ministry": the party it comes from.
_MEDIA_FROM = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:[a-z\-]+\s+)?(?:statement|report|letter|e-?mail|memo|release|analysis|summary|"
    r"message|post)\s+(?:from|by)\s+((?:the\s+)?[^,]+)$",
    re.IGNORECASE,
)
# "Immigration and Customs Enforcement (ICE)": an organisation introduced with its acronym.
_ACRONYM_INTRO = re.compile(r"([A-Z][\w'’\-]*(?:\s+(?:(?:of|for|and|the|on)\s+)*[A-Z][\w'’\-]*)+)\s+\(([A-Z]{2,6})\)$")
# After an organisation's name, role words and a person's name: "Marquette pollster Charles Franklin".
_ROLE_THEN_NAME = re.compile(
    r"((?:\s+(?!(?:at|in|of|for|from|with|by|on|the|a|an|and|or|to|as)\b)[a-z][a-z\-]*){1,3})"
    r"(?:\s+(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?)?"  # "said lead researcher Dr. Hussein Tawbi": the name alone
    r"\s+([A-Z][a-z]+(?:\s+[A-Z]\.)*(?:\s+[A-Z][\w'’\-]+){1,2})(?![\w'’\-])"
)
_PRONOUN_START = re.compile(r"^\s*(he|she|it|they)\b", re.IGNORECASE)
_GENERIC_END = re.compile(
    rf"\b((?:the|a|an|its|his|her|their|one|two|several|some|many|other|"
    rf"(?!(?:It|That|There|He|She|What|Who|Here|Let|Where)['’]s\b)[A-Z][\w.]*['’]s)\s+)?"  # not "It's exactly …"
    # the words before the noun describe it: no article, "what", "that" or verb among them ("exactly what the company")
    rf"((?:(?!(?:the|a|an|what|which|who|that|is|was|are|were|it|its|exactly)\b)[a-zA-Z\-]+(?:['’]s)?\s+){{0,4}}?"
    rf"(?:{_GENERIC_NOUNS}))\s*$"
)
_GENERIC_START = re.compile(
    rf"^\s*((?:the|a|an|its|his|her|their|one|several|some|many|other|[A-Z][\w.]*['’]s)\s+"
    rf"(?:[a-zA-Z\-]+(?:['’]s)?\s+){{0,3}}?(?:{_GENERIC_NOUNS})(?:\s+(?:{_GENERIC_NOUNS}))?)\b"  # "administration official"
)
# A transcript quoted paragraph by paragraph opens each with a quotation mark: '"WALLACE: Let’s start …'.
_TRANSCRIPT_LABEL = re.compile(r"[\"“]?((?:[A-Z][A-Z.'’\-]*\s){0,3}[A-Z][A-Z.'’\-]+):\s+")
_NOT_LABELS = frozenset(
    {
        "SPEAKERS",
        "PARTICIPANTS",
        "PANELISTS",
        "NOTE",
        "UPDATE",
        "CORRECTION",
        "WATCH",
        "READ",
        "RELATED",
        "PHOTO",
        "VIDEO",
        "SOURCE",
        "SOURCES",
        "EDITOR'S NOTE",
        "EXCLUSIVE",
        "BREAKING",
        "ANALYSIS",
        "OPINION",
        "COMMENTARY",
        "EDITORIAL",
        "LIVE",
        "UPDATED",
        # headline shouts and credits: "BOOM: Trump Just Fired …", "BYLINE: Amber Phillips."
        "BYLINE",
        "BOOM",
        "BUSTED",
        "WOW",
        "LOOK",
        "REVEALED",
        "BOMBSHELL",
        "FIX IS IN",
        "JUST IN",
    }
)

# A cue whose source stood after it in at least this share of the training attributions may be
# inverted ("..., said X", "..., wrote X"); "accused" (4%) may not.
_INVERTS = 0.05
_PAREN_TAIL = re.compile(r"\s*\([^()]{1,40}\)\s*$")
# A preposition of place before a name that ends the text before a cue: "being considered in San Diego
# have accused", "members of Congress from Florida" (the place is where, not who).
_PLACE_PREPOSITION = re.compile(r"\b(?:in|from|near|outside|inside|across|throughout)\s+(?:the\s+)?$")
# A sentence that is a quotation and nothing else, and a short sentence after it that is only its tag
# ("Trump said.", "he added on Monday."), which a splitter may leave on its own after "?”".
_QUOTE_ONLY = re.compile(r"^\s*[\"“]((?![\"“”]).)*[\"”]\s*$", re.DOTALL)
_TAG_SENTENCE = re.compile(r"[ \t]*((?:[A-Za-z][\w.'’\-]*\s+){1,6}?[a-z]+(?:\s+[\w.'’\-]+){0,3}[.,])(?=\s|$)")
_OPENING_QUOTE = re.compile(r"^\s*(?:[\"“«„]|'')")
# What may stand before an inverted verb (", said X", "\" says X", "— said X") besides nothing.
_BEFORE_INVERTED = frozenset(",\"”'’:;—–-")
# A verb in the past with its object, inside a span: the source's own action ("… allies slaughtered tens of …"),
# not a relative clause ("officials who opposed the bill") nor a participle's agent ("groups backed by Iran").
ACTION_IN_SPAN = re.compile(
    r"(?<![Ww]ho)(?<![Tt]hat)(?<![Ww]hich)\s+[a-z]{3,}ed\s+(?:the|a|an|tens|hundreds|thousands|millions|his|her|their|its|\d)\b"
)
# A party and state set off after a name, right before a cue: "Rep. Chris Collins, R-NY, says" has its subject
# before them, not after the cue.
PARTY_AFFILIATION_END = re.compile(r",\s*[RDI]-[A-Z][\w.]{1,12},\s*$")
# A party's own words or work, named by its possessive ("Uber’s tweet", "Hackaday's March story"): whose they are
# speaks.
OWNERS_WORK = re.compile(
    r"((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)['’]s\s+(?:[A-Za-z-]+\s+)?(?:tweets?|statements?|letter|memo|"
    r"e-?mails?|posts?|videos?|ads?|speech|remarks|comments|testimony|op-ed|column|book|report|study|analysis|"
    r"story|article)\b"
)
# A described subject and the name apposed to it, up to the cue: "The leader of Ennahda, Rachid Ghannouchi,
# condemned the attack" is Ghannouchi's statement, not an inverted ", condemned X".
DESCRIPTION_THEN_NAME = re.compile(
    r"\s*(?:The|A|An|Its|His|Her|Their)\s+[^,\"“”]{1,80},\s+(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]*,\s*"
)
# An adverb set off by commas right before a cue: "Will Rogers, for example, said Trump's visit …" has its subject
# before the adverb, not after the cue.
ADVERB_ASIDE_END = re.compile(
    r",\s+(?:for\s+(?:example|instance)|however|meanwhile|though|too|also|instead|moreover|likewise|similarly|"
    r"nonetheless|nevertheless|separately|in\s+fact|in\s+turn|in\s+response),\s*$",
    re.IGNORECASE,
)
# ... or a time, a clause of time or a relative clause between commas: "Powell’s office, when contacted by Reuters, said the
# former top diplomat …", "Reyes, whose group backs the bill, said the port …".
TIME_ASIDE_END = re.compile(
    r"(?<=[\w)’']),\s+(?:when|while|after|before|during|speaking|addressing|who|whose|earlier|later|last|yesterday|"
    r"today|tonight|this\s+(?:week|month|year))\b[^\"“”,;:]{1,120},\s*$",
    re.IGNORECASE,
)
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_RU_QUOTES = re.compile(r"[«»\"“”„]")
# "according to figures published by Harbourside Water": the source is who published them.
_PUBLISHED_BY = re.compile(
    r"\s*(?:the\s+|new\s+|official\s+|latest\s+)*(?:[a-z\-]+\s+){0,3}?"
    r"(?:published|released|compiled|issued|provided|collected|gathered|produced)\s+(?:on\s+\w+\s+)?by\s+"
)


def _inside_org_name(lowered: list[str], i: int) -> bool:
    """'National' in "Office for National Statistics" names the office, it is not a person's title."""
    return i > 0 and lowered[i - 1] in ("for", "of", "on") and any(w in _ORG_WORDS for w in lowered[:i])


def transcript_label(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a transcript speaker label ("LEHRER:", "MR. OBAMA:") opening a block, or None."""
    match = _TRANSCRIPT_LABEL.match(text, start, end)
    if not match or match.group(1) in _NOT_LABELS:
        return None
    if match.start(1) > start and _QUOTED_TITLE.match(text, match.end(), end):
        return None  # '“RIGS: Mechanized Combat League” ($50)': a title in quotation marks, not a quoted transcript
    return match.start(1), match.end(1)


# What follows a quoted label's colon when the quotation is a title: a few capitalised words, the closing mark, and
# little more before the block's end.
_QUOTED_TITLE = re.compile(
    r"(?:(?:[A-Z0-9][^\s“”\"]*|of|the|and|a|an|in|on|for|to|with|at|by)\s+){0,7}[A-Z0-9][^\s“”\"]*[”\"][^\n]{0,40}$"
)


# Words that cannot name a party on their own (particles too: "putting out a statement" has no speaker "out").
_FUNCTION_WORDS = frozenset(
    "the a an be is are was were been being to of in on at by for with from and or but that this these those as "
    "its their his her out up off down over about into".split()
)
# A span that begins with a lowercase auxiliary is a piece of a clause, not a party ("has accused
# former President Bill Clinton of rape"); one that ends with one has a verb stuck to it ("The Select
# Committee is"), which _CLAUSE_TAIL trims. Inside, one is fine: "people who have seen the report" is
# a description. Names keep their capitals ("Will Smith").
# Words that follow a verb, not a modifier: "voted against", "stripping out", "called for the".
_VERB_FOLLOWERS = frozenset("against out up off down away for to on into the a an that his her their its".split())
_CLAUSE_WORDS = frozenset("is are was were has have had will would does did".split())
_TIME_NOUNS = frozenset("year years month months week weeks decade decades century day days morning night".split())
_DASHES = frozenset("— – -- -".split())
_ING_NOUNS = frozenset("polling reporting ruling filing briefing hearing recording listing".split())
# ... and words that float after a subject: "DuVernay both documents", "the senators themselves said".
_FLOATING = frozenset("both all each alone too himself herself itself themselves".split())
# ... and a preposition a span was cut after: "Many leaders of".
_FLOATING |= frozenset("of from with for to in on at by".split())
_CLAUSE_TAIL = re.compile(r"(?:\s+(?:" + "|".join(sorted(_CLAUSE_WORDS | _FLOATING)) + r"))+\s*$")


# The dummy "it" of an impersonal passive: "It was said that …", "It is widely believed that …".
IMPERSONAL_PASSIVE = re.compile(
    r"\s+(?:is|was|has\s+been|had\s+been|will\s+be)\s+(?:\w+ly\s+)?"
    r"(?:said|reported|claimed|alleged|believed|thought|rumou?red|understood|known|estimated|expected|feared)\s+that\b",
    re.IGNORECASE,
)
_MEASURE = re.compile(r"\d[\d.,]*[a-z][\w-]*")
_NUMBER = re.compile(r"[$£€]?\d[\d.,]*")
_UNITS = frozenset(
    "tablespoons teaspoons cups grams kilograms kg mg pounds ounces miles kilometers kilometres km meters metres feet "
    "inches liters litres gallons degrees hours minutes seconds days weeks months years times".split()
)


def _no_content_word(speaker: str) -> bool:
    """True when ``speaker`` names nobody: every word a function word ("the", "be", "of the"), or
    a piece of a clause (it begins with a lowercase auxiliary or a dash, or is one verb form)."""
    words = speaker.split()
    if len(words) == 1 and speaker.endswith("-"):
        return True  # "re-" of "re-tweeting" cut at its hyphen
    if len(words) == 1 and _MEASURE.fullmatch(speaker):
        return True  # "supported by 34mm-wide carbon wires": a measure ("3M" stays a company)
    if len(words) == 2 and _NUMBER.fullmatch(words[0]) and words[1].lower().rstrip(",.") in _UNITS:
        return True  # "equivalent to 2 tablespoons, on a different day to confirm": a quantity, not a party
    if words and all(w.lower().replace("’", "'") in _PRONOUN_WORDS for w in words):
        return True  # "That's the hope for the establishment": a pronoun no rule resolved names nobody
    if not words or words[0] in _CLAUSE_WORDS or words[0] in _DASHES:
        return True  # "— including", "— and last June stirred controversy with": a clause after a dash
    if len(words) == 2 and words[0].lower() in ("in", "on", "at", "since", "by") and words[1][:1].isdigit():
        return True  # "In 2013, research conducted by … found": a date, not a party
    if len(words) >= 2 and words[0].islower() and words[0].endswith(("ed", "ing")) and words[1] in _VERB_FOLLOWERS:
        return True  # "voted against the rosy-", "stripping out": a verb phrase, not a party
    if len(words) == 1 and words[0].islower() and words[0].endswith(("ing", "ed")) and words[0] not in _ING_NOUNS:
        return True  # "making", "involved": a verb form, not a party ("polling shows" keeps its source)
    if words[0].islower() and len(words) >= 3 and words[-1] in _TIME_NOUNS and "of" in words[-3:-1]:
        return True  # "Since the start of the year, the count has halved": "start of the year" is when
    if (
        words[0].islower()
        and re.search(r"\s(?:and|but)\s(?:is|are|was|were|has|have|had)\s", speaker)
        and not re.search(r"\b(?:who|whose|which|that)\b", speaker)  # "sources who spoke … but were not authorized"
    ):
        return True  # "forced the evacuation of several theaters and was a stark": a clause, not a party
    if words[0] in ("including", "excluding", "among", "despite", "during", "without", "in", "on", "into"):
        # "killing at least 19 people, including 17 foreigners": a list's tail, not a party; "or in a tender offer
        # that gives …", "puts … into question": a phrase a lowercase preposition opens is where or how, not who
        return True
    if len(words) == 1 and len(speaker.rstrip(".")) == 1:
        return True  # "which is called when a C assertion fails": a letter names nobody
    if words[0].lower() in ("our", "my") and (len(words) == 1 or (len(words) <= 3 and words[-1].lower() in _OWN_WORKS)):
        # "Our study shows", "our research showed": the words of someone quoted whose quotation lost its marks (or
        # the article's own voice); "my father", "our enemies" are people
        return True
    if len(words) == 1 and _HEADING_WORD.fullmatch(speaker):
        return True  # "Results The authors observed …": a section heading run into the sentence names nobody
    if len(words) >= 2 and words[0].lower() == "much" and words[1].lower() != "of":
        return True  # "the public spends too much time discussing": an amount ("much of the party" is a party)
    return all(word.lower() in _FUNCTION_WORDS for word in words)


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    start: int | None  # span of the mention in the article text
    end: int | None
    quoted: bool = False  # the attribution introduces or follows quoted words


def without_clause_tail(found: Attribution, text: str) -> Attribution:
    """``found`` without auxiliaries stuck to its end ("The Select Committee is" -> "The Select
    Committee"), in the speaker and in the underlined mention (``text[start:end]``) alike."""
    cut = clause_tail(found.speaker or "")
    if not cut:
        return found
    start, end = found.start, found.end
    if start is not None and end is not None:
        end -= clause_tail(text[start:end])
    return Attribution((found.speaker or "")[:-cut].rstrip(), start, end, found.quoted)


# A subordinating word that opens a span belongs to the clause around it, not to the party it names:
# "before city officials had weighed in" names "city officials".
_SUBORDINATORS = frozenset("before after when while because since until although though if as once unless".split())
# ... and so does a conjunction or the "by" of a passive ("by Christopher Heath", "And former Rep. David Duke").
_LEADING_LINKS = frozenset("by and but or".split())


# Punctuation a span can pick up at its edges that no name begins or ends with: ", Tom Emanuel of Laconia, N.H.,"
# (a span that began at the comma after "Recently"), "British Airways’" (a possessive's apostrophe).
_EDGE_OPEN = ",;:—–-‘’'\"“”(*•·"
_EDGE_CLOSE = ",;:—–‘’'\"“”(*•·/"
# Characters of code, markup and wiki references that no speaker's name holds (a dollar sign only as a shell
# prompt, not in "$900 million"; an underscore only in a handle, "@Uber_Sydney"): "$ hg push [...]",
# "evidence of deforestation[23]", "smooth versions +", "claimed_timestamp + claim_timeout".
_NOT_IN_A_NAME = re.compile(r"[\[\]{}<>|=+\\]|(?<![@\w])\w*_|\$(?!\d)|\.\.|//")


def tidied(found: Attribution, text: str) -> Attribution | None:
    """``found`` without punctuation stuck to its edges, in the speaker and the underlined mention alike;
    None when it holds characters of code or markup and so names no party."""
    speaker = found.speaker or ""
    if _NOT_IN_A_NAME.search(speaker):
        return None
    lead = len(speaker) - len(speaker.lstrip(_EDGE_OPEN + " "))
    trail = len(speaker) - len(speaker.rstrip(_EDGE_CLOSE + " "))
    if not lead and not trail:
        return found
    start, end = found.start, found.end
    if start is not None and end is not None and text[start:end] == speaker:
        start, end = start + lead, end - trail
    return Attribution(speaker[lead : len(speaker) - trail], start, end, found.quoted)


def without_subordinator(found: Attribution, text: str) -> Attribution:
    """``found`` without a subordinating word, a conjunction or "by" at its start ("before city officials" -> "city
    officials"), in the speaker and in the underlined mention alike."""
    speaker = found.speaker or ""
    first, _, rest = speaker.partition(" ")
    if (first not in _SUBORDINATORS and first.lower() not in _LEADING_LINKS) or not rest.strip():
        return found
    start = found.start
    if start is not None and found.end is not None and text[start : found.end].startswith(first + " "):
        start += len(first) + 1
        while start < found.end and text[start].isspace():
            start += 1
    return Attribution(rest.strip(), start, found.end, found.quoted)


# A section heading run into the sentence after it, when a page lost its line breaks: "Conclusion The scientists
# have shown", "Implications This illustration"; and a relative clause a span ran on into: "new research that finds".
_OWN_WORKS = frozenset("study studies research work findings data analysis results survey paper review".split())
_HEADINGS = (
    r"(?i:conclusions?|implications|background|results|methods|summary|introduction|discussion|abstract|findings|"
    r"overview|limitations|highlights)"
)
_HEADING_BEFORE = re.compile(rf"{_HEADINGS}\s+(?=(?:The|This|These|Their|Its|A|An)(?:\s|$))")
_HEADING_WORD = re.compile(
    r"Conclusions?|Implications|Background|Results|Methods|Summary|Introduction|Discussion|Abstract|Overview|"
    r"Limitations|Highlights"
)
_THAT_CLAUSE = re.compile(r"\s+that\s+[a-z]+s\b.*$")


def without_run_in(found: Attribution, text: str) -> Attribution:
    """``found`` without a heading run into it or a "that finds" clause run on from it ("Conclusion The scientists" ->
    "The scientists", "new research that finds" -> "new research"), in the speaker and the underlined mention."""
    speaker = found.speaker or ""
    heading = _HEADING_BEFORE.match(speaker)
    clause = _THAT_CLAUSE.search(speaker)
    if not heading and not clause:
        return found
    cut_start = heading.end() if heading else 0
    cut_end = clause.start() if clause else len(speaker)
    if not speaker[cut_start:cut_end].strip():
        return found
    start, end = found.start, found.end
    if start is not None and end is not None and text[start:end] == speaker:
        start, end = start + cut_start, start + cut_end
    party = speaker[cut_start:cut_end]
    if heading:  # "The scientists" is "scientists", as "the doctors pleaded" gives "doctors"
        party = re.sub(r"^(?:The|These|Their)\s+(?=[a-z])", "", party)
    return Attribution(party, start, end, found.quoted)


def clause_tail(text: str) -> int:
    """How many characters at the end of ``text`` are auxiliaries stuck to a name (" is" of "The
    Select Committee is") or a participle phrase that tells about the source, not who it is (" released
    last week" of "a New York Times/CBS News poll released last week"); 0 when none, or when nothing
    would be left."""
    match = _CLAUSE_TAIL.search(text) or _PARTICIPLE_TAIL.search(text)
    if match is None or not text[: match.start()].strip():
        return 0
    return len(text) - match.start()


# "a poll released last week", "a statement issued on Friday", "a report published by …": the participle
# and what follows it describe the source; the party is the noun phrase before it.
_PARTICIPLE_TAIL = re.compile(
    r"\s+(?:released|published|conducted|issued|commissioned|obtained|posted|emailed|e-mailed|distributed)\b.*$",
    re.DOTALL,
)


# How far around a verb the subject is looked for. Subjects are within 200 characters of the verb
# (see _subject_before); the margins leave room for adverbs ("has since repeatedly argued").
_LOOK_BEHIND = 1000
_LOOK_AHEAD = 1000


def name_key(word: str) -> str:
    """How a surname is remembered and looked up: lower case, curly apostrophes straight ("O’Neill")."""
    return word.lower().replace("\u2019", "'")


def fuller_name(words: list[str], surnames: dict[str, str]) -> str | None:
    """The fuller name remembered for a surname ("O'Neill" after "James O’Neill"), for the tail of a
    name ("De Blasio" after "Bill de Blasio") or for its first and last words ("Vladimir Putin" after
    "Vladimir V. Putin"); None when none was seen."""
    full = surnames.get(name_key(words[-1]))
    if full is None or len(words) == 1:
        return full
    tail, full_words = [name_key(w) for w in words], [name_key(w) for w in full.split()]
    if len(full_words) > len(tail) and full_words[0] == tail[0] and full_words[-1] == tail[-1]:
        return full  # the fullest name the article gives: "Hillary Rodham Clinton" for "Hillary Clinton"
    return full if len(full_words) > len(tail) and full_words[-len(tail) :] == tail else None


# Acronyms of things, not bodies: "especially with HDR, which highlighted …" had made HDR the company a later "the
# company" stood for.
_THING_ACRONYMS = frozenset(
    "HDR VR AR AI RAM ROM CPU GPU USB HDMI SSD HDD LED LCD OLED API SDK OS PC TV FPS DNA RNA GDP CEO CFO COO CTO "
    "FAQ PDF URL HTML CSS SQL GPS SUV ATM IPO PIN DVD MP3 UV IQ".split()
)


def is_org(name: str) -> bool:
    """An acronym ("NATO", "CDC") or a name holding an organisation word ("Acme Corp")."""
    words = name.replace(".", "").split()
    if len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 6:
        return words[0] not in _THING_ACRONYMS
    return any(w.lower().strip("'’s") in _ORG_WORDS for w in words)


def org_by_acronym(words: list[str], orgs: list[str]) -> str | None:
    """An organisation named in full before (``orgs``, most recent last), of which `words` are the
    acronym ("CDC", "WHO"), with any other words of theirs in the full name ("Chinese CDC")."""
    acronyms = [w for w in words if w.isupper() and 2 <= len(w) <= 6 and w.isalpha()]
    if len(acronyms) != 1:
        return None
    acronym = acronyms[0]
    others = [w.lower() for w in words if w != acronym]
    for org in reversed(orgs):
        parts = org.split()
        initials = "".join(p[0] for p in parts if p[0].isupper())
        lowered = [p.lower() for p in parts]
        if org != " ".join(words) and acronym in initials and all(w in lowered for w in others):
            return org
    return None


def last_org_containing(orgs: list[str], word: str) -> str | None:
    """The organisation named last (``orgs``, most recent last) with `word` among its words."""
    word = word.lower()
    for org in reversed(orgs):
        if word in org.lower().split():
            return org
    return None


_HEAD_AFTER_KIND = frozenset("department service force office bureau agency administration".split())


def last_org_headed_by(orgs: list[str], word: str) -> str | None:
    """The organisation named last (``orgs``, most recent last) whose head noun is `word`: its last word or the word
    before "of", "for" or "on" ("the committee": the House Judiciary Committee; "the bank": the Bank of America; not "the
    campaign": the Campaign Legal Center, a centre)."""
    word = word.lower()
    for org in reversed(orgs):
        words = org.lower().split()
        if words and (
            words[-1] == word
            or any(a == word and b in ("of", "for", "on") for a, b in zip(words, words[1:]))
            or (len(words) >= 2 and words[-2] == word and words[-1] in _HEAD_AFTER_KIND)  # Jupiter Police Department
        ):
            return org
    return None


# A participle cue after a comma or "by" ("…, telling CBS", "rallied supporters by warning") reports
# what the main clause's subject said.
_PARTICIPLE_LEAD = re.compile(r"(?:,|\b(?:by|while|after|before|when|without))\s*$")
_COORDINATED = re.compile(r"[^,;:]\s+(?:and|but)\s+(?:(?:also|then|later|repeatedly)\s+)?$")
_LONE_QUANTIFIERS = frozenset("many some most few several others all both each".split())
_SUBORDINATE = re.compile(r"\b(?:when|while|after|before|because|since|if|who|which|whom|whose)\b")
# Words that open an introductory phrase ("On the eve of …,", "This year,"), never a subject.
_INTRODUCTORY = frozenset(
    "on in at after before during since while when although though despite with without for as by from of to "
    "like unlike amid among under over through this that last next a an".split()
)
_CLAUSE_SUBJECT = re.compile(
    rf"\s*(?:(?:But|And|So|Yet|Then|Still|Now)\s+)?((?:he|she|they|He|She|They)|"
    # "The court overturned … and sided with", "The 6th Circuit Court of Appeals overturned … and sided with"
    rf"[Tt]he\s+(?:\d+\w*\s+)?(?:(?:[A-Z][\w.&'’-]*|of|for)\s+)*(?:{_GENERIC_NOUNS})(?=\s)|"
    rf"[Tt]he\s+\d+\w*\s+{_NAME_TOKEN}(?:\s+(?:(?:of|for|and)\s+)*{_NAME_TOKEN})*|"
    rf"{_NAME_TOKEN}(?:\s+(?:{_CONNECT}\s+)*{_NAME_TOKEN})*)\s+[a-z]"
)


# A name opening the sentence, described between commas, then its verb.
_APPOSED_SUBJECT = re.compile(
    rf"\W*({_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,4}}),\s+(?:a|an|the)\s+[^,;\"“”]{{2,120}},\s+[a-z]"
)


# A people's name used as an adjective before a plural noun: "Libyan militants", "Chinese officials".
_DEMONYM_THEN_NOUN = re.compile(r"([A-Z][a-z]+(?:an|ese|ish|i)\s+[a-z]{3,}s)\b(?!\s+and\s)")


def main_subject(sentence: str, cue_start: int, cue_words: str) -> tuple[int, int] | None:
    """The span of the main clause's subject when the cue is a participle after a comma or "by"
    ("But a few days later, Trump reversed himself, telling CBS…" -> "Trump") or a verb after "and" or "but"
    ("Obama positioned Clinton as … and said"): the name or pronoun
    opening the first comma-separated stretch that is not an introductory phrase. None otherwise."""
    participle = cue_words.split()[0].endswith("ing") and _PARTICIPLE_LEAD.search(
        sentence, max(0, cue_start - 12), cue_start
    )
    # "In his speech, Obama positioned Clinton as … and said": a second verb of the same subject
    coordinated = not cue_words.split()[0].endswith("ing") and _COORDINATED.search(
        sentence, max(0, cue_start - 20), cue_start
    )
    if not participle and not coordinated:
        return None
    apposed = _APPOSED_SUBJECT.match(sentence, 0, cue_start)
    if apposed and apposed.group(1).split()[0].lower() not in _INTRODUCTORY:
        return apposed.start(1), apposed.end(1)  # "Gary Emineth, a former state party chairman, became … and said"
    pos = 0
    for comma in [i for i, ch in enumerate(sentence[:cue_start]) if ch == ","] + [cue_start]:
        match = _CLAUSE_SUBJECT.match(sentence, pos, comma)
        if match and match.group(1).split()[0].lower() not in _INTRODUCTORY:
            if match.group(1).lower() in _LONE_QUANTIFIERS:
                return None  # "Many observers were surprised when Trump, after railing": "Many" is no party
            if match.group(1).endswith(("’s", "'s")) or sentence[match.end(1) : match.end(1) + 2] in ("’s", "'s"):
                return None  # "America’s prison population stood at … and has since exploded": not the subject
            if coordinated and _SUBORDINATE.search(sentence, match.end(1), cue_start):
                return None  # "The crowd cheered when Trump spotted a sign and asked": the inner clause's subject
            noun = _DEMONYM_THEN_NOUN.match(sentence, match.start(1))
            if noun:
                return noun.start(1), noun.end(1)  # "Libyan militants loyal to … beheaded … and posted": the militants
            return match.start(1), match.end(1)
        pos = comma + 1
    return None


def role_then_name(text: str, pos: int, never: frozenset[str]) -> tuple[int, int] | None:
    """The span of a person's name that follows role words at ``pos`` ("Marquette| pollster Charles
    Franklin"), or None; role words that never stand in a source (``never``: "told", "would") are not."""
    match = _ROLE_THEN_NAME.match(text, pos)
    if match is None or set(match.group(1).split()) & never:
        return None
    return match.start(2), match.end(2)


def acronym_orgs(sentence: str) -> list[str]:
    """Organisations a sentence introduces with their acronym: "Immigration and Customs Enforcement (ICE)".
    The name is looked for in the _ACRONYM_REACH characters before each "(ACRONYM)": a search over the
    whole sentence retried every word of a long capitalised run (quadratic on hostile text)."""
    out = []
    for acronym in _ACRONYM.finditer(sentence):
        window = sentence[max(0, acronym.start() - _ACRONYM_REACH) : acronym.end()]
        match = _ACRONYM_INTRO.search(window)
        if match and "".join(w[0] for w in match.group(1).split() if w[0].isupper()) == match.group(2):
            out.append(match.group(1))
    return out


_ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")
_ACRONYM_REACH = 120  # an organisation's name is well under this; its acronym has at most six letters


def two_parties(run: str) -> tuple[int, int] | None:
    """Where a run of names splits into two parties joined by "and" ("Charles E. Grassley and Patrick
    J. Leahy", "Harvard and the University of California"): (end of the first, start of the second).
    None for names that hold an "and" of their own ("Securities and Exchange Commission", "Procter and
    Gamble") and for a title before the "and"."""
    split = re.search(r"\s+and\s+", run)
    if split is None or re.search(r"\s+and\s+", run[split.end() :]):
        return None
    left, right = run[: split.start()], run[split.end() :]
    lw, rw = left.lower().replace(".", "").split(), right.lower().replace(".", "").split()
    people = len(lw) >= 2 and len(rw) >= 2 and not any(w in _ORG_WORDS for w in lw + rw)
    org_after = rw[0] == "the" and len(rw) >= 2 and any(w in _ORG_WORDS for w in rw)
    if not (people or org_after) or lw[-1] in _TITLES:
        return None
    return split.start(), split.end()


# A person described, not named: the noun that ends "the New York billionaire", "the GOP speechwriter".
_PERSON_NOUN = re.compile(
    r"(?:[a-z]{3}(?:er|or|ist|ian|man|woman|aire)|mogul|nominee|candidate|incumbent|democrat|front-?runner)$"
)
_NOT_PERSON_NOUNS = frozenset(
    "paper letter center centre order number matter chapter sector factor poster monitor register corridor error "
    "water power tower border quarter computer meter transfer offer filter corner layer flavor favor color "
    "behavior humor rumor mirror motor vector tractor elevator indicator minister senator governor mayor "
    "chairman chairwoman spokesman spokeswoman director officer ambassador commissioner newspaper newsletter "
    "broadsheet tabloid daily weekly".split()
)


def person_description(phrase: str) -> bool:
    """True for a definite description of one person with a modifier and no name ("the New York
    billionaire", "The GOP speechwriter", "the billionaire business mogul"): it refers back to the
    person the article is speaking of. Titles ("the governor") are resolved by title instead."""
    words = phrase.split()
    if not 3 <= len(words) <= 5 or words[0].lower() != "the" or not words[-1].islower():
        return False
    noun = words[-1]
    return bool(_PERSON_NOUN.search(noun)) and noun not in _NOT_PERSON_NOUNS and noun not in _ORG_WORDS


_ASKED = re.compile(r"\W*(?:When\s+|Once\s+)?[Aa]sked\b")
_SUBJECT_AFTER_COMMA = re.compile(rf",[”\"]?\s+((?:he|she|they)|{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}})\s+[a-z]")
_PARTICIPLE_OPENER = re.compile(r"\W*(?:Having\s+(?:been\s+)?)?(?!According\b)([A-Z]?[a-z]+(?:ing|ed))\s")


def asked_subject(sentence: str, cues: Sequence[Cue] = ()) -> tuple[int, int] | None:
    """The span of the main clause's subject in a sentence that opens with "Asked …" ("Asked whether
    he was concerned that Donald Trump, the nominee, could win, Ban demurred" -> "Ban") or with a participle
    that is a cue ("Citing the Paris attack as a wake-up call, Will wrote", "Having announced that he would not
    send me to prison, Judge Berman proceeded"): the participle's subject is the main clause's. The first
    name or pronoun after a comma that a verb follows. None for other sentences."""
    if not _ASKED.match(sentence):
        opener = _PARTICIPLE_OPENER.match(sentence)
        if opener is None or not any(cue.start == opener.start(1) for cue in cues[:2]):
            return None
    for match in _SUBJECT_AFTER_COMMA.finditer(sentence):
        if match.group(1).endswith(("'s", "’s")):
            continue  # "…, Trump's inner circle believes": whose, not who
        if match.group(1).split()[0].lower() not in _INTRODUCTORY:
            return match.start(1), match.end(1)
    return None


# A trailing attribution: ", a study by economist X concluded." or ", the official said on Monday." closing
# a sentence. After the cue, nothing or a time, place or addressee ("on Monday", "in a statement", "told
# Reuters"); between the comma and the cue, a noun phrase of a few words with no clause word in it.
_TRAILING_TAIL = re.compile(
    r"(?:\s+(?:on|in|at|during|last|this|late|early|earlier|recently|yesterday|today|tonight|reporters|"
    r"[A-Z][\w.'’\-]*)(?:\s+[\w.'’\-]+){0,3})?\s*[.!?]\s*$"
)
_RELATIVE_ASIDE_BEFORE = re.compile(r",\s+(?:who|whose|which)\b[^,;:()\"“”]{1,120},\s*$")
_TRAILING_SUBJECT = re.compile(r",\s+([^,;:()]{2,100}?)\s*$")
_NOT_IN_SUBJECT = frozenset(
    "which who whom whose that and but or as while when although though because so if where after before since "
    "until even just not then than well also including such both either neither there it he she they we i you "
    "is are was were has have had be been will would can could may might should must do does did".split()
)


_SCARE_QUOTES = re.compile(r"[\"“][^\"“”\s]+(?:\s[^\"“”\s]+){0,3}[\"”]")


def trailing_first(sentence: str, cues: list[Cue]) -> list[Cue]:
    """``cues`` with a trailing attribution's cue first: in "Russians now say the economy grew, a study
    by X concluded." the whole sentence is what the study concluded, so its source, not the embedded
    "Russians", is the speaker. Unchanged when the last cue is not such a tail, is the only cue, or
    the sentence quotes (quotations have their own rules)."""
    if len(cues) < 2 or any(mark in _SCARE_QUOTES.sub("", sentence) for mark in '"“”«»'):
        return cues  # a quotation, but not a name in quotation marks ('Mugabe's "Blue House" compound')
    last = max(cues, key=lambda cue: cue.start)
    if (
        _INVERTS <= last.after < 0.5  # ", says X" (not ", according to X": the chained outlet)
        and sentence[: last.start].rstrip().endswith(",")
        and _INVERTED_TAIL.fullmatch(sentence, last.end)
    ):
        # "It refers to bacteria that …, says Brian K. Coombes, PhD, of McMaster University.": the whole sentence is
        # what the named person says
        return [last] + [cue for cue in cues if cue is not last]
    if last.after >= 0.5 or not _TRAILING_TAIL.match(sentence, last.end):
        return cues
    end = last.start
    aside = _RELATIVE_ASIDE_BEFORE.search(sentence, max(0, end - 160), end)
    if aside:
        end = aside.start()  # ", the source, who said he had spoken to people inside, told Reuters."
    subject = _TRAILING_SUBJECT.search(sentence, max(0, end - 100), end)
    if subject is None:
        return cues
    words = subject.group(1).split()
    first = words[0].lower()
    if len(words) > 7 or first.endswith(("ing", "ed")) or any(w.lower() in _NOT_IN_SUBJECT for w in words):
        return cues
    return [last] + [cue for cue in cues if cue is not last]


# A named person closing a sentence after an inverted cue, with descriptions after commas: " Brian K. Coombes, PhD, of
# McMaster University in Ontario."
_INVERTED_TAIL = re.compile(r"\s+(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]*(?:,[^,;:\"“”]{1,80}){0,2}[.!?]?\s*")
# ... or a relative clause between commas: "Reyes, whose organization is pushing for the bill, said".
_RELATIVE_ASIDE_OPEN = re.compile(r",\s+(?:who|whose|which)\b[^,\"“”;:]*$")
_ASIDE_STRETCH = re.compile(r"[^\"“”;:()]{1,150}?,\s*$")


# A subordinate clause opening the sentence, up to its comma: "While not everything Trump says is true,".
_OPENING_CLAUSE = re.compile(
    r"\W*(?:While|Although|Though|Even\s+though|Even\s+as|Whereas|After|Before|When|Since|Because|If|Unless|Until|"
    r"Once)\s[^,;:\"“”]{3,200}?,\s"
)


def asides_last(sentence: str, cues: list[Cue]) -> list[Cue]:
    """``cues`` with a participle that opens an aside before the main verb, or a cue of a relative clause there,
    moved last: in "Salceda, citing data from the U.S. State Department, said …" Salceda said it; the data are what
    the aside cites."""
    ordered = sorted(cues, key=lambda cue: cue.start)
    aside = [
        cue
        for cue, later in zip(ordered, ordered[1:])  # the next cue only: a sentence may hold thousands
        if (
            (cue.words.split()[0].endswith("ing") and sentence[max(0, cue.start - 2) : cue.start] == ", ")
            or _RELATIVE_ASIDE_OPEN.search(sentence, max(0, cue.start - 80), cue.start)
        )
        and _ASIDE_STRETCH.fullmatch(sentence, cue.end, later.start)
    ]
    opening = _OPENING_CLAUSE.match(sentence)
    if opening and any(cue.start >= opening.end() for cue in ordered):
        # "While not everything Trump says is true, Jamieson said …": the main clause's speech act names the
        # speaker (news-guidelines.md, mixed sentences); the subordinate clause's cue is tried after it
        aside += [cue for cue in ordered if cue.start < opening.end() and cue not in aside]
    if not aside:
        return cues
    moved = {id(cue) for cue in aside}
    return [cue for cue in cues if id(cue) not in moved] + aside


# An English quotation mark: curly, straight, or two apostrophes.
QUOTE_MARK = re.compile(r"[“”\"]|''")
_QUOTED_LABEL = re.compile(r"\s*[A-Z][A-Z.'’\-]+(?:\s[A-Z][A-Z.'’\-]+)*:\s")


_QUOTED_NAME_GAP = 3  # characters between a quoted name and its closing mark ('“Freedom Caucus,”')


def pronoun_in_quotes(text: str, sentence_start: int, found: Attribution) -> bool:
    """True when ``found``'s mention is "he" or "she" inside quotation marks in the sentence starting
    at ``sentence_start``: quoted words speak of that person, the quotation's speaker is someone else.
    Any other span inside the quotation's words ('"I think it's very smart for the president to say'):
    a quotation never names its own speaker; a name quoted alone ('the “Freedom Caucus” said') may."""
    if found.start is None or found.end is None:
        return False
    before = text[sentence_start : found.start]
    curly = before.count("“") - before.count("”")
    inside = curly > 0 or before.count('"') % 2 == 1 or before.count("''") % 2 == 1
    mention = text[found.start : found.end].lower()
    if not inside or mention in ("he", "she"):
        return inside
    # Any mark toggles ('“Immunity deals ...," X said'), counted up to the span's end so that a span cut
    # inside the closing '' ("' Mr. King") is after it; a transcript quoted whole ('"PENCE: Well, ...') is prose.
    marks = [m for m in QUOTE_MARK.finditer(text, sentence_start, found.end) if m.start() < found.start]
    if len(marks) % 2 == 0 or _QUOTED_LABEL.match(text, marks[-1].end()):
        return False
    if re.search(r"[A-Za-z]", text[marks[-1].end() : found.start]):
        return True
    # The span opens the quotation: a name quoted alone closes right after it; '“Just 9 percent of voters said
    # the debate changed …”' goes on, and its words are the quotation's.
    close = QUOTE_MARK.search(text, found.end, found.end + _QUOTED_NAME_GAP)
    return close is None or bool(text[found.end : close.start()].strip(" ,.;:"))


_PASSIVE_BE = re.compile(
    r"\b(?:is|are|was|were|been|being|be|get|got|gets)(?:\s+[a-z]+ly|\s+not|\s+also|\s+first)*\s+$"
)
_BE_CUE = re.compile(r"(?:is|are|was|were|been|being)\s")
_BY = re.compile(rf"(?:\s+[a-z]+ly)?(?:\s+(?:{_TIME_WORDS}|{_DAY}))?\s+by\s+(?=\S)")  # "supported Friday by"


def passive_by(sentence: str, cue_start: int, cue_end: int) -> int:
    """Where the agent starts after a passive cue ("was criticized by| Ann Ortiz", "was first reported
    by| the Harbour Times"): the source is who did it, not the subject. 0 when the cue is not passive."""
    by = _BY.match(sentence, cue_end)
    if by is None:
        return 0
    if (
        not _PASSIVE_BE.search(sentence, max(0, cue_start - 40), cue_start)
        and not _BE_CUE.match(sentence, cue_start)
        and not _AS_CUED.fullmatch(sentence, 0, cue_start)
        and not _PARTICIPLE_ASIDE.search(sentence, max(0, cue_start - 30), cue_start)
    ):
        return 0  # a learnt cue may hold its auxiliary: "was first reported"
    return by.end()


def reported_in_own_voice(sentence: str, cue_start: int, cue_end: int, cue_words: str) -> bool:
    """Whether a "reported" cue learnt with its source after it ("was first reported by X") stands here in the
    active voice with its subject before it: "The Tennessean first reported Gore's decision" is the Tennessean's
    report, not Gore's."""
    if not cue_words.endswith("reported") or cue_words.startswith(("was ", "were ", "is ", "are ", "been ")):
        return False
    if _BY.match(sentence, cue_end) or _PARTICIPLE_ASIDE.search(sentence, max(0, cue_start - 30), cue_start):
        return False
    return not _PASSIVE_BE.search(sentence, max(0, cue_start - 40), cue_start) and not _AS_CUED.fullmatch(
        sentence, 0, cue_start
    )


# A participle after a comma: "The campaign, first reported by The Washington Post, is …".
_PARTICIPLE_ASIDE = re.compile(r",\s+(?:(?:first|originally|previously|earlier|also|widely)\s+)?$")
# Verbs whose passive subject is who was addressed: "Parents have been told for years to …" names no source.
# Passives whose subject still speaks or holds the view: "X was quoted as saying", "X was asked", "X is convinced".
_KEEPS_SUBJECT_IN_PASSIVE = frozenset(
    "quoted heard seen reported scheduled set slated asked pressed questioned convinced worried concerned pleased "
    "surprised disappointed divided opposed determined interested committed prepared alarmed troubled frustrated "
    "encouraged satisfied unconvinced persuaded inclined resigned skeptical sceptical confused puzzled".split()
)
_BE_PARTICIPLE_CUE = re.compile(r"(?:is|are|was|were|been|being|be)\s+([a-z]+)")
_PARTICIPLE_NEXT = re.compile(r"\s+[a-z]+(?:ed|en)\b(?!\s+by\b)")
_ADDRESSED = frozenset("told asked informed advised warned briefed assured reminded urged".split())
TELLING = _ADDRESSED | frozenset("tells tell telling".split())  # verbs whose object, after them, is who was told
# "a new skin patch called Viaskin": a name given, not words said.
_CALLING_SUBJECTS = frozenset("it he she they we i you who which that what".split())
_NAMED_CALLED = re.compile(r"\b(?P<article>[Aa]n?|[Tt]he)\s+(?:[a-z][\w-]*\s+){0,3}(?P<noun>[a-z][\w-]*)\s+$")


def can_speak(noun: str) -> bool:
    """Whether a lowercase noun names who may speak: a person's role, a group or an organisation."""
    noun = noun.lower()
    singular = noun[:-1] if noun.endswith("s") else noun
    return any(word in GENERIC_NOUN_SET or word in _ORG_WORDS or word in _TITLES for word in (noun, singular))


def addressed_or_named(sentence: str, cue_start: int, cue_end: int, words: str) -> bool:
    """Whether a cue reports no speaker: a passive with no agent ("Parents have been told …", "the report was
    released"; not "is convinced", "was quoted"), "called" that gives a name ("a new skin patch called Viaskin"),
    "known as" without an agent ("cast iron known as ductile iron") or "add to" that means increase ("swings that
    researchers link to climate change are adding to the challenges")."""
    if words == "known as":
        return _BY.match(sentence, cue_end) is None
    if _ADD_TO.match(words) and _TO_A_THING.match(sentence, cue_end):
        return True
    be_inside = _BE_PARTICIPLE_CUE.fullmatch(words)  # a cue that is itself a passive: "is expected"
    participle = be_inside.group(1) if be_inside else words
    if (
        participle.endswith("ed")
        and " " not in participle
        and participle not in _KEEPS_SUBJECT_IN_PASSIVE
        and (be_inside or _PASSIVE_BE.search(sentence, max(0, cue_start - 40), cue_start) is not None)
        and _BY.match(sentence, cue_end) is None
    ):
        return True  # "whenever an authorisation is issued", "the bank is expected to": by nobody named
    if (
        words.endswith("ly")
        and _PARTICIPLE_NEXT.match(sentence, cue_end)
        and _PASSIVE_BE.search(sentence, max(0, cue_start - 40), cue_start) is not None
    ):
        return True  # "rights have only been officially recognised since 1998"
    if words in _ADDRESSED:
        return (
            _PASSIVE_BE.search(sentence, max(0, cue_start - 40), cue_start) is not None
            and _BY.match(sentence, cue_end) is None
        )
    if words == "called":
        before = sentence[max(0, cue_start - 60) : cue_start].split()
        after = _WORD_AFTER.match(sentence, cue_end)
        if (
            before
            and before[-1].isalpha()
            and before[-1].islower()
            and not can_speak(before[-1])
            and after is not None
            and after.group(1).lower() not in _NOT_A_NAME_AFTER_CALLED
        ):
            return True  # "cancer drugs called immune checkpoint inhibitors": a name given, not a call
        named = _NAMED_CALLED.search(sentence, max(0, cue_start - 60), cue_start)
        return (
            bool(before)
            and before[-1].lower() not in _CALLING_SUBJECTS  # "what it called", "which he called"
            and named is not None
            # "the technique called “mental chronometry”", but "the president called …" is someone calling
            and (named.group("article").lower() != "the" or not can_speak(named.group("noun")))
            and re.match(r"\s+(?:[A-Z\"“]|the\s+[A-Z])", sentence[cue_end : cue_end + 6]) is not None
        )
    return False


_WORD_AFTER = re.compile(r"\s+([a-z][a-z-]+)\b")
# After "called", words that show a call or a naming with its object ("called it", "called for", "called the plan").
_NOT_A_NAME_AFTER_CALLED = frozenset(
    "the a an it its her them they this that these those his their our my your for on upon off out up back in "
    "into to at with him himself herself itself themselves me us you whom what who which and or but".split()
)
_ADD_TO = re.compile(r"add(?:s|ed|ing)?$", re.IGNORECASE)
_TO_A_THING = re.compile(
    r"\s+to\s+(?!reporters\b|journalists\b|(?:the|a)\s+reporters?\b)(?:the|a|an|its|their|his|her|our|[a-z]+\b)"
)
_AS_CUED = re.compile(r"\W*[Aa]s\s+(?:(?:first|originally|previously|earlier|also)\s+)?")  # "As reported by X, …"


# A reduced relative clause: "lawsuits seeking", "queries seeking to", "groups urging" (a plural noun and
# an -ing verb with no comma between): the noun is described, it reports nothing. Not after a span of time
# ("spent months lobbing insults": the -ing verb is what the subject did).
_REDUCED_RELATIVE = re.compile(
    r"(?<![\w'’])(?!(?:his|its|this|was|has|is|as|us|does|yes|thus|plus|news|always|perhaps|less|unless|seconds|minutes|hours|days|weeks|months|years|decades|times)\s)"
    r"[A-Za-z][a-z]*[a-rt-z]s\s+(?=([a-z]{3,}ing)\b)"
)


# ... or after one of these people ("Another intelligence source speaking to Fox News said"), where a singular
# noun could as well be a verb ("began calling").
_PERSON_PARTICIPLE = re.compile(
    r"\b(?:source|official|spokes(?:wo)?man|spokesperson|aide|person|man|woman|member|lawmaker|advis[eo]r|analyst|"
    r"expert|executive|diplomat|staffer|insider|strategist|officer|representative|attorney|lawyer|worker|voter|"
    r"supporter|resident|someone|somebody|anyone)\s+(?=([a-z]{3,}ing)\b)"
)
# ... or a participle of access: "intelligence reports seen by Reuters suggest", "documents obtained by The Post
# show": the outlet saw the reports; the reports say it.
_ACCESS_PARTICIPLE = re.compile(
    r"(?<=\w)\s+(?=(seen|obtained|reviewed|viewed|leaked|provided|shared)\s+(?:by|to|with)\s)"
)
# A relative clause with its own verb before the cue: "officials who spoke with The Huffington Post said",
# "Hawkins and others who want to ban abortion said" (not "the man who Trump said", whose cue is the clause's).
_WHO_CLAUSE = re.compile(r"(?<=\w)\s+(?=(who)(?:['’](?:d|s|ve|re))?\s+(?!(?:he|she|they|we|i|you|it)\b)[a-z])")
# ... not after a word that makes "who" a question: "grew so heated over who supported which bill that X said".
_BEFORE_QUESTION_WHO = frozenset("over about on of for to with as at know knew ask asked wonder decide see saw".split())


def reduced_relative(left: str) -> tuple[int, bool] | None:
    """Where the -ing verb (or the "who") of the first relative clause after the last clause break of `left`
    starts, and whether it ends `left` ("queries seeking to" + cue: the cue belongs to the clause)."""
    stop = max(left.rfind(p) for p in (",", ";", ":", '"', "“", "”", "(", ")", " — ", " -- "))
    found = [
        m
        for m in (
            pattern.search(left, stop + 1)
            for pattern in (_REDUCED_RELATIVE, _PERSON_PARTICIPLE, _WHO_CLAUSE, _ACCESS_PARTICIPLE)
        )
        if m is not None
        and m.group(1) not in ("during", "according", "including")
        and not (m.re is _WHO_CLAUSE and left[: m.start()].rsplit(None, 1)[-1].lower() in _BEFORE_QUESTION_WHO)
    ]
    if not found:
        return None
    match = min(found, key=lambda m: m.end())
    at = match.end()
    rest = left[at + len(match.group(1)) :]
    if match.re is _WHO_CLAUSE:
        # "who also said", "who has long argued": the cue is the clause's own
        return at, len(re.findall(r"[a-z’']+", rest)) < 2
    return at, re.fullmatch(r"\s*(?:to\s*)?", rest) is not None


# What before a cue says that nothing was said: "has not yet responded", "declined to comment", "never said".
_NEGATED = re.compile(r"\b(?:not|n[o’']t|never|yet to|declined to|refused to)(?:\s+(?:yet|immediately|publicly))?\s+$")


# "It seems …", "It is believed that …": an impersonal "it" stands for nobody.
_IT_SEEMS = re.compile(r"(?<![\w'’])(?:[Ii]t|IT)\s+(?:(?:also|now|still)\s+)?$")
_IT_IS_SAID = re.compile(
    r"(?<![\w'’])(?:[Ii]t|IT)\s+(?:is|was|has\s+been|had\s+been|had\s+long\s+been)\s+(?:[a-z]+ly\s+)?$"
)
_SEEMING = frozenset("seems seemed appears appeared".split())
_SAID_OF_NOBODY = frozenset(
    "said believed reported thought understood claimed alleged estimated known expected feared rumoured rumored "
    "argued suggested assumed".split()
)


def impersonal_cue(sentence: str, start: int, words: str) -> bool:
    """Whether a cue's subject is an impersonal "it" ("It seems we're swamped", "It was said that")."""
    window = max(0, start - 40)
    if words in _SEEMING:
        return _IT_SEEMS.search(sentence, window, start) is not None
    return words in _SAID_OF_NOBODY and _IT_IS_SAID.search(sentence, window, start) is not None


def negated_cue(sentence: str, start: int) -> bool:
    """True when the cue starting at sentence[start] follows words that say nothing was said ("has not yet
    responded", "did not respond", "declined to comment"): the sentence then reports no statement. Not so for
    the source tagger's cues (PolNeAR annotates "X did not say" as X's attribution: vetoing them lost 38 of
    its train sources) nor for a refusal that is itself the cue ("A spokesman declined to address …, but
    said in a statement …" keeps the spokesman's statement)."""
    return bool(_NEGATED.search(sentence, max(0, start - 30), start))


_NUMBER_WORD = re.compile(r"(?:million|billion|trillion|thousand|hundred|percent)\s+(?=\S)")


def without_number_word(found: Attribution, text: str) -> Attribution:
    """``found`` without a number word that belongs to the figure before it ("the minimum $20 million
    experts say" -> "experts"), in the speaker and the underlined mention alike."""
    speaker, start = found.speaker or "", found.start
    word = _NUMBER_WORD.match(speaker)
    if word is None or start is None or found.end is None or not re.search(r"\d\s*$", text[max(0, start - 12) : start]):
        return found
    mention = _NUMBER_WORD.match(text, start)
    if mention is None:
        return found
    return Attribution(speaker[word.end() :], mention.end(), found.end, found.quoted)
