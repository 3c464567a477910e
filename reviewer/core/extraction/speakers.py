"""Who makes each claim: attribution in news and transcripts, with the mention's span.

`Attributor` walks the sentences of one article in order and remembers the people and
organisations named so far, so that "he said", "It said", "the ministry said" and a bare surname
("Konashenkov said") resolve to the last matching full name. One Attributor per article; it is
not shared between threads. Patterns handled:

- "X said / says / told a briefing / insists / argues / claims / accused / denied ...",
  with titles and roles before the name ("defense ministry spokesman Igor Konashenkov said")
  and appositions after it ("Igor Konashenkov, a ministry spokesman, said");
- inverted "..., said X", "according to X", and participles ("X changed course, telling CBS": X);
- pronouns, generic subjects ("he", "it", "the ministry", "officials"), polls (speaker_polls.py);
- transcript labels ("LEHRER: Good evening", also '"WALLACE: …' in a transcript quoted paragraph by
  paragraph) that hold until the next label and, once a second label shows the text is a transcript,
  win over anything the line cites ("The CBO says...");
- credits given by layout (speaker_credits.py): '“…” ― Sonya Herridge' or a '- Bernie Sanders.'
  paragraph after a quotation speaks it whatever it names; a headline's 'Pence: …' is Pence;
- quotation paragraphs that continue the previous speaker, and sentences inside a «quotation»
  that runs over several sentences; a sentence that opens such a quotation takes the speaker
  named in its «…, — сказал X» attribution further on.

English cues come from a lexicon learnt on PolNeAR train (cues.py: "said", "according to", "tweeted",
"called for" and the long tail, with the side the source stands on); when no name, pronoun or known
description stands by the cue, the source is the noun phrase bounded by punctuation, clause words and
the learnt never-source words (phrases.py: "two people familiar with the talks said"). People named
anywhere in the article (not only speakers) are remembered for "he", "she" and bare surnames.

The span underlined (start, end) is the mention in the sentence itself ("It", "The governor", "Chinese
CDC"; for a credit, the name after the quotation), while `speaker` holds the party resolved from it
("Amnesty International", "Andrew Cuomo", the organisation named in full). In a transcript the line's label is both. A quotation carried on from
an earlier sentence keeps that sentence's mention (it is where the reader sees who spoke).

In the final pass on prose the learned source tagger (source_tagger.py) gives `attribute` its spans
(combined in speaker_tagging.py):
the tagger's surest source replaces the rules' speaker when the rules found none or, being sure enough,
one elsewhere in the sentence; its span is resolved by the same memory of names; a cue only it found
("grilled") gets its subject from the rules. Transcript labels still win. Word lists: speaker_words.py.

Sentences with Cyrillic letters go to the Russian rules (speakers_ru.py), which share this
article's order but keep their own memory of names, since Russian names change with case.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from . import phrases
from .cues import Cue, find_cues, never_source
from .quotes_ru import is_dialogue_line
from .source_tagger import TaggedSpan
from .speaker_words import (
    ANY_ORG as _ANY_ORG,
    DATE_WORDS as _DATE_WORDS,
    MEDIA as _MEDIA,
    NOT_NAMES as _NOT_NAMES,
    NOT_PERSON_FIRST as _NOT_PERSON_FIRST,
    ORG_WORDS as _ORG_WORDS,
    PLACE_WORDS as _PLACE_WORDS,
    PREPOSITIONS as _PREPOSITIONS,
    PRONOUN_WORDS as _PRONOUN_WORDS,
    SENTENCE_WORDS as _SENTENCE_WORDS,
    TITLES as _TITLES,
    TITLE_WORDS as _TITLE_WORDS,
)
from .speaker_patterns import (
    NAME_WORD as _NAME_WORD,
    _AUX_TAIL,
    _INTRODUCTORY,
    _NAME_RUN_END,
    _NAME_TOKEN,
    _NAME_RUN_START,
    _APPOSITION_END,
    _ASIDE_END,
    _PRONOUN_END,
    _PERSON_RUN,
    _CAPITAL_RUN,
    _PRONOUN_SUBJECT,
    _TITLED_SURNAME,
    _LEADING_NAME,
    _ORG_BEFORE,
    _AUTHORS,
    _SPOKES_FOR,
    _SPOKES_OF,
    _SPOKES_NAMED,
    _MEDIA_FROM,
    acronym_orgs,
    _PRONOUN_START,
    _GENERIC_END,
    _GENERIC_START,
    _INVERTS,
    _PAREN_TAIL,
    _PLACE_PREPOSITION,
    _OPENING_QUOTE,
    _QUOTE_ONLY,
    _TAG_SENTENCE,
    _BEFORE_INVERTED,
    ACTION_IN_SPAN,
    OWNERS_WORK,
    ADVERB_ASIDE_END,
    DESCRIPTION_THEN_NAME,
    PARTY_AFFILIATION_END,
    TIME_ASIDE_END,
    _CYRILLIC,
    _RU_QUOTES,
    _PUBLISHED_BY,
    role_then_name,
    two_parties,
    negated_cue,
    impersonal_cue,
    TELLING,
    can_speak,
    relative_antecedent_end,
    without_number_word,
    trailing_first,
    pronoun_in_quotes,
    person_description,
    asked_subject,
    QUOTE_MARK,
    passive_by,
    reported_in_own_voice,
    reduced_relative,
    _LOOK_AHEAD,
    _LOOK_BEHIND,
    _inside_org_name,
    _no_content_word,
    is_org,
    last_org_containing,
    last_org_headed_by,
    addressed_or_named,
    asides_last,
    main_subject,
    org_by_acronym,
    Attribution as Attribution,
    without_clause_tail,
    IMPERSONAL_PASSIVE,
    tidied,
    without_run_in,
    without_subordinator,
    transcript_label as transcript_label,
)
from .speaker_credits import credit_after_quotation, headline_source
from .speaker_people import (
    HONORIFICS,
    PeopleMemory,
    gender_of_first,
    gender_of_titles,
    opening_name,
    without_credentials,
)
from .speaker_orgs import KINDS as _ORG_KINDS, described_orgs, same_kind
from .speaker_polls import PollMemory
from .speaker_studies import (
    UNNAMED_STUDY,
    lead_author,
    party_after_document,
    party_of_document_at,
    party_of_work,
    study_authors,
)
from .speaker_tagging import with_tagger
from .speakers_ru import MAX_TRIES, RussianAttributor, text_end

_NONE = Attribution(None, None, None)
# A title before a lone surname: "President Obama's final State of the Union" names a person, Obama.
_TITLE_THEN_SURNAME = re.compile(
    r"\b(?:President|Senator|Governor|Secretary|Mayor|Chancellor|Congressman|Congresswoman|Speaker|Justice|Judge|"
    r"Pope|King|Queen|Prince|Princess)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:['’]s)?(?![\w'’-]|\s+[A-Z]|\.\s*[A-Z]\.)"
)
_AUXILIARIES = frozenset("is are was were has have had will would".split())
# What a bare source phrase never opens with or is: an object pronoun ("him in the race"), a verb ("went out", "be
# removed from the lists"), an amount or a time ("said little", "As the day went on").
_NEVER_OPENS_SOURCE = frozenset("him them me us be been being went took got out within".split())
_NEVER_SOURCE_ALONE = frozenset("little much often well more less enough day week far hard silent made".split())
# "how well your content …", "very accurate", "your friends": a degree, or the reader; "disastrous": a quality.
_DEGREE_OR_READER = frozenset("your very how so too rather quite".split())
_QUALITY = re.compile(r"(?:ous|ful|less|ible)$")
# A gerund with its object ("hitting Trump", "talking about the crisis") is an action, not who acted; an -ing word
# that describes a noun ("leading Democrats", "ruling party") is not a gerund.
_ADJECTIVE_ING = frozenset(
    "leading ruling governing remaining opposing competing sitting outgoing incoming working voting polling founding "
    "presiding ranking visiting acting managing reigning emerging rising growing existing striking dissenting "
    "participating neighbouring neighboring surviving retiring".split()
)
_GERUND_OBJECT = frozenset("about the a an his her their its him them to for out up on".split())
_PHRASE_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|been|often|also|always|never|still|is|was|were|are|and|-|only|just|even|already|"
    r"reportedly|officially|recently|previously|in\s+(?:1[89]|20)\d\d|last\s+(?:year|month|week)))+\s*$"
)


# A modal, an auxiliary, "to" or "how" just before a bare lower-case phrase: the phrase is a verb or a predicate.
_PREDICATE_BEFORE = re.compile(
    r"(?<![?,]\s)\b(?:will|would|can|could|may|might|must|shall|should|(?<!according\s)to|do|does|did|how|ve)"
    r"\s+$",
    re.IGNORECASE,
)


def _not_a_source(words: Sequence[str]) -> bool:
    """Whether a bare source phrase (no article, no name) is an action, an amount, a time, a quality or the
    reader ("your friends") instead."""
    first = words[0].lower()
    if first in _NEVER_OPENS_SOURCE or (len(words) == 1 and first in _NEVER_SOURCE_ALONE):
        return True
    if words[0].islower() and (first in _DEGREE_OR_READER or (len(words) == 1 and _QUALITY.search(first))):
        return True
    if first.endswith("ing") and first.isalpha() and words[0].islower() and first not in _ADJECTIVE_ING:
        return len(words) == 1 or words[1][0].isupper() or words[1].lower() in _GERUND_OBJECT
    return False


_NAME_BEFORE_WHO = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}),\s*$")
_IN_NUMBER = re.compile(r"\d[,.]\d")
_POSSESSIVES = frozenset("his her their its our my your".split())
# Last words of capitalised runs that name things, never a person ("Erikson Prize", "Affordable Care Act").
_THING_WORDS = frozenset(
    "prize award act bill law plan program programme project fund report treaty accord "
    # a business named by what it sells or does, no person: "Whole Foods", "Delta Air Lines", "General Motors"
    "foods brands industries systems airlines lines motors labs laboratories technologies holdings enterprises "
    "communications pharmaceuticals networks solutions stores markets resources properties partners".split()
)
# "Another Connecticut former lawmaker, Sen. Joe Lieberman": a quantifier opens a description, not a name.
_QUANTIFIERS = frozenset("another other some many several both all each every no most few".split())
_NUMBER_WORD = re.compile(
    r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|half)\b)", re.IGNORECASE
)
_QUOTED_TRANSCRIPT = re.compile(r"[\"“]\s*[A-Z][A-Z.'’\-]+:\s")
_TWO_SURNAMES = re.compile(rf"({_NAME_WORD}(?:-[A-Z][a-z]+)?)\s+and\s+({_NAME_WORD}(?:-[A-Z][a-z]+)?)")
# An organisation that opens a sentence as its subject: "The United Nations Security Council on Friday …".
_OPENING_ORG = re.compile(r"(?:The\s+)?((?:[A-Z][\w.&'’-]*\s+(?:(?:of|for|and)\s+)?){0,5}[A-Z][\w&'’-]*)\b")
# An abbreviated title before a whole name: "Gov. Maria Lopez", "Sen. Lindsey O. Graham".
_ABBREVIATED_TITLE = re.compile(
    rf"\b(Gov|Sen|Rep|Gen|Prof)\.\s+({_NAME_WORD}(?:\s+[A-Z]\.)?\s+{_NAME_WORD}(?:-[A-Z][a-z]+)?)\b"
)
# A former office holder, whom "the former president" means later: "Former President Bill Clinton".
# "Former President Bill Clinton", "former Vice President Al Gore", "Former Secretary of State John Kerry": the
# title's words, then the name (_scan_names checks that the first group is all title words).
_FORMER_TITLED = re.compile(
    rf"\b[Ff]ormer\s+((?:(?:[A-Z][a-z]+\.?|of)\s+){{1,3}})({_NAME_WORD}(?:\s+[A-Z]\.)?\s+{_NAME_WORD})\b"
)
_TIME_WORDS = frozenset("week month year night morning afternoon evening ago weekend".split())
_NAME_OR_PRONOUN = re.compile(r"(?<![\w'’])(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*|he|she|they)(?![\w'’])")


# Nouns only a business is called by, and the words that name a public body, which none of them stands for.
_BUSINESS_NOUNS = frozenset(
    "company firm bank retailer airline insurer automaker carmaker manufacturer conglomerate lender chain maker startup "
    "corporation utility operator provider".split()
)
_PUBLIC_BODY = re.compile(
    r"\b(?:Congress|Senate|House|Parliament|Ministry|Department|Agency|Court|Police|Army|Government|Administration|"
    r"Committee|Commission|Council|Pentagon|Kremlin|White House|United Nations|UN|EU|NATO|Bureau|Office|Party)\b"
)
# Bodies that are no business either: "the company" is not the "Fishing Vessel Owners Association" an article quotes.
_NOT_A_BUSINESS = re.compile(
    r"\b(?:Association|Society|Foundation|Institute|Coalition|Union|Federation|League|Alliance|University|College|"
    r"School|Church|Center|Centre|Club|Campaign)\b"
)
# The names of news outlets and agencies, which report on companies.
_OUTLET = re.compile(
    r"\b(?:Reuters|Associated Press|AP|AFP|CNN|BBC|Bloomberg|Times|Post|Journal|News|Gazette|Tribune|Herald|"
    r"Press|Radio|Television|TV|Magazine|NBC|ABC|CBS|Fox|MSNBC|NPR|PBS|Politico|Axios|Mashable)\b"
)
# A place and its state or country, not a name and its description: "in Benghazi, Libya, have filed".
_PLACE_AFTER_COMMA = re.compile(r",\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,\s*")
# A name opening the sentence, then a description between commas that may hold commas of its own, then the cue.
_PLURAL_PARTY_NOUN = re.compile(r"(?:ers|ors|ists|ants|ents|ates|ians|als|ives|aries|ees|ics)$")
# Words that make the rest of a span a clause, not the people a name qualifies ("Sanders is doing best with voters").
_NOT_IN_DESCRIBED_GROUP = frozenset(
    "is are was were has have had does did with among en masse holds wants represents presents comments".split()
)
_HEADLINE_PARTY = re.compile(r"camp|campaign|aides?|allies|advis[eo]rs?|spokes(?:man|woman|person)|lawyers?")
_OBJECT_OF_DESCRIPTION = re.compile(r"[a-z]\s+(?:on|of|at|for|with|to)\s+(?:the\s+)?$")
_OPENING_NAME_APPOSED = re.compile(rf"\W*({_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,4}}),\s+(?:a|an|the)\s")
_OPENING_SUBJECT = re.compile(
    rf"\W*({_NAME_TOKEN}(?:\s+(?:and\s+)?{_NAME_TOKEN}){{0,5}}),\s+(?:a|an|the|who|whose|[a-z]{{3,}}ing)\s"
    r"[^\"“”;]{2,200},\s*"
)
# An apposed name followed by where the person works or lives: ", Darran Whiting of Liberty Baptist Church in Marion,".
_PLACED_APPOSITION_END = re.compile(
    rf"(?<=,)\s+({_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}})\s+(?:of|from|at|in)\s+[^,\"“”;]{{2,80}}"
    r"(?:\s+(?:in|of|from)\s+[A-Z][^,\"“”;]{1,40})?,\s*$"
)
_INITIAL = re.compile(r"[A-Z]\.")
_SAME_WORK = {"report": "study", "study": "report"}
_PLURAL_OR_IT = frozenset({"they", "it", "we"})
_APPOSED_ARTICLE = re.compile(r",\s+an?\s+$")
_DASH_ASIDE_END = re.compile(r"(?<=\w)\s+[—–―]\s+[^—–―\"“”]{1,120}?\s+[—–―]\s*$")
_INFINITIVE_BEFORE = re.compile(r"\bto\s+(?:be\s+)?$")
_PREPOSITION = re.compile(r"(?:of|to|in|on|at|for|about|with|from|by|against|over)\b")
_VERB_AFTER = re.compile(
    r"\s+(?:also\s+|still\s+|never\s+|not\s+)*(?:has|had|have|was|were|is|are|would|will|could|can|may|might|should|"
    r"did|does|do|must)\b"
)


_ORGS_LOOKED_AT = 50  # the organisations named last that a short name may stand for (bounded: linear time)
_WHOLE_BLOCK_AFTER = re.compile(r"[ \t]*(?:\n[ \t]*\n|$)")  # nothing but a blank line or the end follows
# "X; Y" (two parties), "X and Y", "officials", "Democrats" (not "Reyes" or "Reuters": a name ending in s).
# People listed as examples of a plural subject, up to the clause's verb: "Critics, like A, …, and B, …, see".
_EXAMPLES = re.compile(
    r"^(?P<head>[^,;:\"“”]{2,80}),\s+(?:like|including|such\s+as)\s+(?P<people>[^;:\"“”]{5,250}?),\s+(?!and\b|or\b)[a-z]+\b"
)
_LISTED_PERSON = re.compile(r"\b([A-Z][a-z]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+))+)")
# A sentence that opens with researchers or officials as its subject, for a "they" that follows.
_OPENING_RESEARCHERS = re.compile(
    r"\W*(?:(?:The|These)\s+)?((?:[\w-]+\s+){0,3}?(?:[Rr]esearchers|[Ss]cientists|[Ii]nvestigators|[Gg]eneticists|"
    r"[Ee]pidemiologists|[Ee]conomists|[Aa]nalysts|[Ee]xperts|[Dd]octors|[Pp]hysicians)"
    r"(?:\s+(?:from|at|with|of)\s+(?:the\s+)?[A-Z][^,;:\"“”]{0,80}?)?)(?=,|\s+(?:have|had|are|were|also|then|first|[a-z]+ed)\b)"
)
_GROUP_REACH = 400  # characters after the listing sentence's end within which "they" are those people
_PLURAL_PARTY = re.compile(r";\s|\s(?:and|&)\s|(?:^|\s)[a-z][a-z-]*[^s'’]s$|(?:ans|ats|ists)$")
_COLON_QUOTE = re.compile(r":\s*[“\"]")
# The words a fuller organisation name adds ("New York" to "Times"): plain capitalised words, not a headline's
# "Among Supreme Court" or "Clinton-endorsing White House".
_PLAIN_NAME_WORD = re.compile(r"(?:[A-Z][a-z]+|[A-Z]{2,}|[A-Z]\.(?:[A-Z]\.)*)$")
_FUNCTION_LIKE = frozenset("among to on of in for at by with from and the a an about after before over".split())
# An apposition after a name is the named party: "Sen. Sheldon Whitehouse, a Democrat from Rhode Island, …"
# (only "a"/"an": "Asked about Trump, the senator said" names someone else).
_INDEFINITE = re.compile(r"an?\s", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|of|from|for|to|near|outside|inside|across|with|by|on)\s+$", re.IGNORECASE)
_NAME_THEN_COMMA = re.compile(r"((?:[A-Z][\w.'’\-]*\s+){1,3}[A-Z][\w'’\-]+),\s*$")
# Nouns for a company or institution that "the ... <noun>" names after the article named it ("giant" is
# a kind: "the online retail giant" is not "the oil giant Exxon Mobil" named before).
_COMPANY_NOUNS = _ANY_ORG | frozenset(
    "bank retailer airline insurer automaker carmaker manufacturer conglomerate lender chain maker startup "
    "corporation utility operator provider".split()
)


# A sports club's name: "Manchester United", "Leeds United FC", "Celtic Football Club", "Aston Villa" is not told.
_CLUB_NAME = re.compile(r"\b(?:United|City|FC|AFC|Club|Athletic|Rovers|Wanderers|Albion|Hotspur)$")
# Cities whose name ends as a club's does ("Manchester City" is a club, "Kansas City" a place).
_CITY_NAMES = frozenset(
    "new york city|kansas city|mexico city|salt lake city|oklahoma city|jersey city|atlantic city|quebec city|"
    "vatican city|panama city|guatemala city|kuwait city|carson city|jefferson city|iowa city|sioux city|"
    "rapid city|culver city|long island city|ho chi minh city|hong kong city|cebu city|davao city|quezon city".split(
        "|"
    )
)


# Only a name follows a cue to the sentence's end: "…, noted NBC’s Dante Chinni." inverts whatever the cue's
# learned side ("noted" mostly follows its source).
_DESCRIPTION_THEN_STOP = re.compile(
    r"\s+(?:(?:the|a|an|some|many|other)\s+)?(?:[a-z][\w'’\-]*\s+){0,3}(?P<noun>[a-z][\w'’\-]*)\s*(?:[,.;]|$)"
)
_NAME_ENDS_SENTENCE = re.compile(r"\s+(?:[A-Z][\w.'’\-]*\s+){0,5}[A-Z][\w'’\-]*\.?[\"”’]?\s*")
_PERSON_WORDS = r"(?:[A-Z][a-z][\w'’\-]*\s+)(?:[A-Z]\.\s+)?[A-Z][a-z][\w'’\-]*(?:\s+[A-Z][a-z][\w'’\-]*)?"
_OUTLET_THEN_PERSON = re.compile(
    rf"(?:[A-Z][\w.&\-]*\s+){{0,3}}[A-Z][\w.&\-]*(?P<by>['’]s)\s+(?P<person>{_PERSON_WORDS})"
)
_PERSON_OF_OUTLET = re.compile(
    rf"(?P<person>{_PERSON_WORDS})\s+(?P<by>of|from|at|for)\s+(?:the\s+)?[A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*){{0,4}}"
)
_POSSESSIVE = re.compile(r"['’]s\b")
_PLACE_OPENERS = frozenset("united new north south east west saint st. san santa los las fort port".split())
# A list of two or more people's names between commas just before a cue, after a description or "like",
# "including", "such as": "…, like Richard Armitage, Henry Paulson and Brent Scowcroft,".
_LISTED_NAME = rf"{_NAME_WORD}(?:-[A-Z][a-z]+)?(?:\s+[A-Z]\.)?(?:\s+{_NAME_WORD}(?:-[A-Z][a-z]+)?){{1,2}}"
_LISTED_PEOPLE_END = re.compile(
    rf",\s+(?:(?:like|including|such\s+as|among\s+them)\s+)?"
    rf"((?:{_LISTED_NAME},\s+){{0,4}}{_LISTED_NAME},?\s+and\s+{_LISTED_NAME}),?\s*$"
)
_LIST_SEPARATOR = re.compile(r",\s+and\s+|,\s+|\s+and\s+")
_WORK_BY_DESCRIPTION = re.compile(
    r"(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:survey|poll|study|report|analysis|audit|review)\s+(?:by|from)\s+"
    r"(the\s+(organi[sz]ation|group|agency|institute|firm|company|center|centre|foundation|council))\b",
    re.IGNORECASE,
)
# Lower-case words before a name describe it: "the nonpartisan Congressional Budget Office", "the
# conservative-leaning Tax Foundation".
_DESCRIBED_NAME = re.compile(
    r"(?:the\s+)?(?:[a-z][\w\-]*\s+){1,3}(?P<name>[A-Z][\w.&'’\-]*(?:\s+(?:(?:of|for|on|and|the)\s+)*[A-Z][\w.&'’\-]*)*)"
)


def _without_descriptor(found: Attribution, text: str) -> Attribution:
    speaker = found.speaker or ""
    if found.start is None or found.end is None or not speaker[:1].islower():
        return found  # a resolved name ("Tom Reyes" for "former Sen. Tom Reyes") is already without it
    mention = text[found.start : found.end]
    match = _DESCRIBED_NAME.fullmatch(text, found.start, found.end)
    if match is None and mention.startswith("The "):
        # "The fashion entrepreneur Harold Tillman" opening a sentence; not "The head of the Service Employees
        # International Union", whose "of" makes the name what the person heads
        match = _DESCRIBED_NAME.fullmatch(text, found.start + 4, found.end)
        if match and set(text[found.start + 4 : match.start("name")].split()) & _NOT_DESCRIPTORS:
            match = None
    if match is None or speaker != " ".join(mention.split()[1 if mention.lower().startswith("the ") else 0 :]):
        return found  # the speaker was resolved from the mention, not copied
    name = match.group("name").split()
    if (
        len(name) < 2
        or name[0].lower().rstrip(".") in _TITLES | _DATE_WORDS
        or match.group(0).split()[0].lower() in _NOT_DESCRIPTORS
    ):
        return found  # "younger Mr", "prosecutors in April": no name after the words
    return Attribution(match.group("name"), match.start("name"), match.end("name"), found.quoted)


# Lower-case words that are not a description of the name after them ("according to", "said", "told").
_NOT_DESCRIPTORS = frozenset("according said says told to of for by from in at on with and or but as".split())
# A one-word name that "its" or "itself" refers back to within its clause (lower-case words between).
_NAME_THEN_ITS = re.compile(r"(?<![\w.'’-])([A-Z][a-z]+)\s+(?:[a-z]+\s+){0,3}?(?:its|itself)\b")
# A capitalised word right before a name: the name is the last word of a longer one ("State Department").
_CAPITAL_WORD_END = re.compile(r"[A-Z][\w.'’&-]*\s+$")
# Cues that report hearsay without a source: their subject is what is reported on, not who reports it.
_HEARSAY_ADVERBS = frozenset("reportedly allegedly purportedly reputedly supposedly".split())
# What may stand before a sentence's first word: nothing, or an opening quotation mark.
_OPENS_SENTENCE = re.compile(r"[\s\"“‘'(]*")
# A name apposed to the description that closes a sentence: "…, said the harbour master, Ann Ortiz."
_APPOSED_NAME_ENDS = re.compile(r",\s+((?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]*)\s*[.!?]?[\"”’]?\s*$")
_FORMER_BEFORE_NAME = re.compile(r"\s*(?:the\s+)?(?:former|onetime|then-)\s*(?=[A-Z])")
_RELATIVES = ("who", "which", "that")  # as a speaker (lower case: "WHO" is the organisation)
# _subject_before's answer for a cue of a relative clause, which _find tries last.
_DEFERRED = Attribution(None, None, None)


def _quoted_at(sentence: str, at: int) -> bool:
    """Whether sentence[at] stands inside a quotation the sentence opened before it."""
    before = sentence[:at]
    curly = before.count("“") - before.count("”")
    return curly > 0 or (not curly and (before.count('"') + before.count("''")) % 2 == 1)


# A possessive pronoun and lower-case role words before a name: "My colleague David Pierce", "her aide Tom Reyes".
_OWN_ROLE_THEN_NAME = re.compile(
    r"(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+(?:[a-z][a-z-]*\s+){1,3}((?:[A-Z][\w'’-]*\s+){1,2}[A-Z][\w'’-]*)"
)
# A word that reads as a role ("Commenter", "Blogger", "Novelist", "Historian") before a person's name.
_ROLE_NOUN_END = re.compile(r"[a-z]{3,}(?:er|or|ist|ian)$")
# An outlet's possessive before a person's name ("National Review’s Ian Tuttle"), and a possessive after a name.
_OWNER_BEFORE_NAME = re.compile(r".*['’]s\s+")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
_OWN_SPOKESPERSON = re.compile(r"(his|her)\s+(?:[a-z\-]+\s+)?spokes(?:man|woman|person)", re.IGNORECASE)
_THE_SPOKESPERSON = re.compile(r"[Tt]he\s+spokes(?:man|woman|person|people|men|women)")


# A past participle that closes the sentence qualifies the noun before it ("the number of visas issued."), unless
# it is a cue PolNeAR's sources mostly stand before ("…, officials said.").
_CLOSING_PARTICIPLE = re.compile(r"[a-z]+ed[\s\"”’')]*[.!?]?[\s\"”’')]*")
_CLOSING_PARTICIPLE_RATE = 0.7
_PLURAL_NOUN_BEFORE = re.compile(r"\b(?:of|the|all|any|more|fewer|new)\s+(?:[\w-]+\s+){0,2}[a-z]+s\s+$")


# A "paragraph" this long (characters) is a text that lost its paragraph breaks (a PDF's text, a dataset's flattened
# article; news paragraphs are far shorter). There a quotation reaches only QUOTE_REACH characters past its last mark:
# one whose closing mark was lost with a break would hand its speaker to every later sentence of the article.
_FLAT_PARAGRAPH = 2500
QUOTE_REACH = 400


# "a spokesman | for the Port Authority" after an inverted cue: whom the spokesperson speaks for, up to a clause break.
_SPOKES_WORD = re.compile(r"(?i:spokes(?:man|woman|person|people|men|women)|representative)$")
_FOR_PARTY = re.compile(r"\s+(?:for|of|at|with)\s+(?:the\s+)?[^,;:.\"“”()]{2,80}?(?=\s*(?:[,;:.\"“”()]|$|\s+who\b))")
# A finite verb inside a phrase found before a cue: the phrase is a clause, not its subject.
_VERB_INSIDE = re.compile(r"\s(?:have|has|had|is|are|was|were)\s+(?:been\s+)?[a-z]+(?:ed|en|ing)\b")
_RELATIVE_WORD = re.compile(r"\b(?:who|whom|whose|which|that)\b")


class _ParagraphQuotes:
    """The quotation marks of a paragraph read up to a point, and read on from there: every sentence asks whether a
    quotation is open where it starts, and reading the paragraph again from its start for each would take time that
    grows with the square of a long paragraph's length. A line break starts a paragraph afresh."""

    def __init__(self, text: str, block_start: int):
        self.text = text
        self.block_start = block_start
        self.pos = block_start  # read up to here
        self.line_start = block_start
        self.transcript = False  # a quoted transcript label ('"PENCE: …') was seen
        self.curly = 0
        self.straight = False
        self.last_mark = block_start  # where the last quotation mark read stands
        self._flat_from = -1  # the line start self._flat was found for
        self._flat = False

    @property
    def flat(self) -> bool:
        """Whether the current line is so long that the text must have lost its paragraph breaks."""
        if self._flat_from != self.line_start:  # found once a line, so a long text costs one pass
            end = self.text.find("\n", self.line_start)
            self._flat = (len(self.text) if end < 0 else end) - self.line_start > _FLAT_PARAGRAPH
            self._flat_from = self.line_start
        return self._flat

    @property
    def open(self) -> bool:
        return self.curly > 0 or self.straight

    def advance(self, end: int) -> None:
        text = self.text
        newline = text.rfind("\n", self.pos, end)
        if newline >= 0:
            self.pos = self.line_start = newline + 1
            self.transcript, self.curly, self.straight = False, 0, False
        if end <= self.pos:
            return
        stop = end - 1 if text[end - 1] == "'" else end  # a "''" the sentence's start cuts in two is read later
        if not self.transcript and _QUOTED_TRANSCRIPT.search(text, max(self.line_start, self.pos - 40), end):
            self.transcript = True
        for found in QUOTE_MARK.finditer(text, self.pos, stop):
            self.last_mark = found.start()
            mark = curly_by_shape(text, found.start(), found.group())
            if mark == "“":
                self.curly += 1
            elif mark == "”":
                if self.curly:
                    self.curly -= 1
                else:
                    self.straight = False  # '"work-related” emails': a straight mark closed by a curly one
            elif self.curly:
                self.curly -= 1  # 'a “good corporate citizen," who': a curly mark closed by a straight one
            else:
                self.straight = straight_opens(text, found.start(), found.end(), self.straight)
        self.pos = stop


def _shape(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether the mark text[start:end] is shaped as an opening one (after a space, before a word) and as a closing
    one (after a word or a sentence's end, before a space or punctuation)."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    spaced_before = before.isspace() or before in _BEFORE_OPENING
    return spaced_before and not after.isspace(), not spaced_before and (after.isspace() or after in _AFTER_CLOSING)


def curly_by_shape(text: str, start: int, mark: str) -> str:
    """A curly mark typed the wrong way round is read as its shape says: '( “-“ = unstructured, “H” = helix)' closes
    after the dash (a figure legend had left a quotation open over forty sentences)."""
    if mark == "“" and _shape(text, start, start + 1) == (False, True):
        return "”"
    if mark == "”" and _shape(text, start, start + 1) == (True, False):
        return "“"
    return mark


def straight_opens(text: str, start: int, end: int, open_before: bool) -> bool:
    """Whether a quotation is open after the straight mark text[start:end], read by its shape: a mark after a word
    or a sentence's end and before a space closes ('children." Anthony Fauci', 'is 6'3" tall' when no opening mark
    was seen), one after a space and before a word opens; a mark of neither shape toggles."""
    opens, closes = _shape(text, start, end)
    if opens != closes:
        return opens
    return not open_before


_BEFORE_OPENING = "([{—–"
_AFTER_CLOSING = ",.;:!?)]}—–-/…"


class Attributor:
    """Resolves speakers sentence by sentence through one article (see module docstring)."""

    # How the source tagger's spans are used when given: "combined" (shipped), "tagger" (its span
    # alone, resolved by the rules' memory) or "rules" (ignored). The benchmark compares the three.
    tagger_mode = "combined"

    def __init__(self, text: str, *, english: bool = True):
        self._text = text
        # False for an article in another language written in Latin letters or another script: the English
        # rules and tagger would take "Su influencia" or "Ce texte" for a source. Transcript labels, credits
        # and the Russian rules (sentences in Cyrillic) still apply.
        self._english = english
        self._people = PeopleMemory()  # persons named, most recent last, with surnames and genders
        self._persons, self._orgs = self._people.persons, list[str]()
        self._clubs: list[str] = []  # sports clubs named, most recent last
        self._by_title: dict[str, str] = {}  # "president" -> "Barack Obama", for "the president said"
        self._org_kinds: dict[str, tuple[str, str]] = {}  # "giant" -> ("Exxon Mobil", "oil giant")
        self._spoken_for: str | None = None  # whom the last spokesperson named with a party spoke for
        self._label: Attribution | None = None
        self._labels_seen = 0
        self._label_block = False  # the current block opened with a transcript label
        self._fresh_label = False
        self._subject_person: str | None = None  # first person named in the last sentence naming one
        self._group: tuple[str, int] | None = None  # people listed as a plural subject ("like A and B"), and where
        self._previous: Attribution = _NONE
        self._deferred: list[Cue] = []  # the last _find's relative-clause cues
        self._russian = RussianAttributor()
        self._polls = PollMemory()
        self._quote_depth = 0  # «» left open at self._scanned, within the current block
        self._scanned = 0
        self._dialogue = False  # the current block opened with a dialogue dash ("— Это абсурд.")
        self._block_start = 0  # where the current block (paragraph) starts
        self._paragraph_quotes: _ParagraphQuotes | None = None  # the quotation marks read so far in the paragraph
        self._first_start = -1  # where the article's first sentence (its headline, when it has one) starts
        # the author a science story names for its study, who speaks for "a new study" and "the researchers"
        self._lead_author = lead_author(text) if english else None
        self._lower_words: frozenset[str] | None = None  # the words the article writes in lower case somewhere
        self._its_bodies: set[str] = set()  # one-word names only "its" showed to be bodies: "it", never "they"

    def set_label(self, start: int, end: int) -> None:
        """A transcript label opened a block; it speaks until the next label."""
        name = self._text[start:end].strip()
        self._label = Attribution(name, start, end)
        self._labels_seen += 1
        self._fresh_label = True

    def attribute(self, start: int, end: int, new_block: bool, hints: Sequence[TaggedSpan] = ()) -> Attribution:
        """The speaker of the sentence text[start:end] (None when the article itself says it).
        hints: the source tagger's spans in this sentence (sentence offsets), when the final pass ran it."""
        sentence = self._text[start:end]
        if self._first_start < 0:
            self._first_start = start
        inside_quote = self._quotes_open_before(start, new_block)
        self._quote_depth = max(0, inside_quote + sentence.count("«") - sentence.count("»"))
        self._scanned = end
        if new_block:
            self._block_start = start
            self._dialogue = is_dialogue_line(sentence)
            self._label_block, self._fresh_label = self._fresh_label, False
        if self._label is not None and not _CYRILLIC.search(sentence) and (self._label_block or self._labels_seen >= 2):
            # In a transcript the line's speaker makes the claim, whatever it quotes or cites.
            self._scan_names(sentence)
            self._previous = self._label
            return self._label
        credit = None if _CYRILLIC.search(sentence) else self._credited(sentence, start, end)
        if credit is not None:
            # '“…” ― Sonya Herridge': the credited name spoke the quotation, whoever it names.
            self._scan_names(sentence)
            self._previous = credit
            return credit
        if _CYRILLIC.search(sentence):
            hit = self._russian.find(sentence, start, inside_quote > 0, self._dialogue)
            if hit is None and not inside_quote and self._quote_depth:
                hit = self._russian.quote_attribution(self._text, end)  # «First. Second, — said X.»
            found = None if hit is None else Attribution(*hit, quoted=bool(_RU_QUOTES.search(sentence)))
        elif not self._english:
            found = None
        else:
            sentence = without_credentials(sentence)  # "Jane Roe, MD, a professor at Yale, said": not "MD"
            # A "he" or "she" inside quotation marks is someone the speaker speaks of, not the speaker.
            found = self._find(sentence, start)
            found = None if found and pronoun_in_quotes(self._text, start, found) else found
            if found is not None and _no_content_word(found.speaker or "x"):
                found = None  # a verb phrase the rules took for a source: the tagger may know better
            # "…, which said": the speaker of the relative clauses' cues _find set aside, for when nothing else speaks
            unnamed = found is None or found.speaker is None
            relative = self._relative_clause_speaker(sentence, start) if unnamed and self._deferred else None
            if found is None and relative is not None and hints and self.tagger_mode != "rules":
                # "they turned to the police department, which reported …": the one statement the rules see is the
                # relative clause's; a span the tagger puts on the main clause's subject is who turned, not who said
                if all(
                    h.cue
                    or (start + h.end <= (relative.start or 0) and sentence[h.start : h.end].lower() in _PLURAL_OR_IT)
                    for h in hints
                ):
                    found, hints = relative, ()
            if hints and self.tagger_mode != "rules":
                tagged = with_tagger(
                    found, sentence, start, hints, self.tagger_mode, self._resolve, self._subject_before
                )
                found = found if tagged and pronoun_in_quotes(self._text, start, tagged) else tagged
            if found is None or found.speaker is None:
                found = relative or found
            if (
                found is not None
                and found.start is not None
                and found.end is not None
                and self._text[found.start : found.end].lower() == "it"
                and IMPERSONAL_PASSIVE.match(self._text, found.end)
            ):
                found = None  # "IT was said that Malcolm Fraser moved to the Left": nobody's statement
            if (
                found is not None
                and found.speaker
                and found.start is not None
                and found.start >= 2
                and _IN_NUMBER.match(self._text, found.start - 2)
            ):
                found = None  # "200,000 in 1972": a span that starts inside a number names nobody
            if found is not None and found.speaker and found.start is not None:
                found = without_number_word(found, self._text)  # "$20 million experts say": "experts"
                found = self._party_of_work(found)  # "A GAO report released last year": the GAO
                found = self._apposed_name(found)  # "Sheldon Whitehouse, a Democrat from Rhode Island,": the name
                found = self._without_outlet(found)  # "CNN’s Jake Tapper": Jake Tapper
                found = _without_descriptor(found, self._text)  # "the nonpartisan Congressional Budget Office"
            if found is not None and found.start is not None and found.end is not None and found.speaker in _RELATIVES:
                # "for Cruz, who refused", "the Harbour Trade Commission, which said": the noun before
                found = self._relative_antecedent(sentence, found.start - start, start) or self._subject_before(
                    sentence, found.end - start, start, relative=True
                )
            if found is not None and found.speaker:
                found = without_subordinator(without_clause_tail(found, self._text), self._text)
                found = tidied(without_run_in(found, self._text), self._text)
                if found is not None and _no_content_word(found.speaker or ""):
                    found = None  # "the", "be": a span the tagger or a rule cut too short names nobody
            found = self._polls.attribute(sentence, start, found)  # "79 percent of Democrats said": the poll
            found = self._fuller_org(found)  # "The Times" after "The New York Times": the fullest name
            self._scan_names(sentence)
            if found is not None and found.speaker in self._persons:
                self._subject_person = found.speaker
        if found is None and self._english and not _CYRILLIC.search(sentence):
            found = self._colon_quotation(sentence, start)  # "Sen. Claire McCaskill scolded him: “…”"
        if found is None and self._english and _QUOTE_ONLY.match(sentence) and not _CYRILLIC.search(sentence):
            tag = _TAG_SENTENCE.match(self._text, end)  # '“… OK?”' and then 'Trump said.' as a sentence of its own
            found = self._find(tag.group(1), tag.start(1)) if tag else None
        if (
            found is not None
            and found.speaker
            and found.start is not None
            and (self._previous.speaker in self._persons or self._previous.speaker in self._orgs)
            and self._quoted_from_before(start, sentence, found.start - start)
        ):
            # '"… These people can't say that because the drug companies give them a fortune."': a quotation that
            # opened in an earlier sentence runs over the source the rules found, so the quotation's speaker speaks
            found = self._previous
        if (
            (found is None or found.speaker is None)
            and (self._previous.speaker in self._persons or self._previous.speaker in self._orgs)
            and self._quoted_from_before(start, sentence, 0)
        ):
            # '"There’s only one: Trump. | The reason why: He spends his own money.': the quotation opened in
            # an earlier sentence of the paragraph goes on, and so does its speaker: a person or organisation
            # (a phrase a cue inside the quotation gave, 'no one', 'my cousin', is quoted speech).
            found = self._previous
        if found is None:
            if self._previous.speaker and (inside_quote or _OPENING_QUOTE.match(sentence)):
                found = self._previous  # a quotation that carries on the previous speaker's words
            elif self._label is not None:
                found = self._label
            else:
                found = _NONE
        if self._lead_author and found.speaker and UNNAMED_STUDY.fullmatch(found.speaker):
            # "…, a new study shows." and later "said lead researcher Dr. Kevin Nead": the study speaks through him
            found = Attribution(self._lead_author, found.start, found.end, found.quoted)
        self._previous = found
        return found

    def _colon_quotation(self, sentence: str, offset: int) -> Attribution | None:
        """The person who opens a clause that a colon ends before a quotation: 'Sen. Claire McCaskill (D-Mo.)
        scolded him: “The scientific community …”' (no cue word: the colon and the quotation are the cue)."""
        colon = _COLON_QUOTE.search(sentence, 0, 200)
        if colon is None:
            return None
        person = self._opening_person(sentence[: colon.start()])
        if person is None:
            return None
        last = person.split()[-1]
        at = sentence.find(last, 0, colon.start())
        if at < 0:
            return None
        first = sentence.rfind(person.split()[0], 0, at + 1)
        begin = first if 0 <= first <= at else at
        return Attribution(person, offset + begin, offset + at + len(last), True)

    def _fuller_org(self, found: Attribution | None) -> Attribution | None:
        speaker = found.speaker if found is not None else None
        if found is None or not speaker or len(speaker.split()) > 2 or not speaker[:1].isupper():
            return found
        if speaker.lower() in (_ORG_WORDS | {"pac"}) - {"times", "post", "news"}:
            return found  # "Union", "PAC": a kind, which the last such organisation need not be
        for org in reversed(self._orgs[-_ORGS_LOOKED_AT:]):
            extra = org[: -len(speaker)].split() if org.endswith(" " + speaker) else []
            if 0 < len(extra) <= 3 and all(
                _PLAIN_NAME_WORD.match(w) and w.lower() not in _FUNCTION_LIKE for w in extra
            ):
                return Attribution(org, found.start, found.end, found.quoted)
        return found

    def _apposed_name(self, found: Attribution) -> Attribution:
        if found.start is None or not _INDEFINITE.match(self._text, found.start):
            return found
        name = _NAME_THEN_COMMA.search(self._text, max(0, found.start - 80), found.start)
        if (
            name is None
            or ". " in name.group(1)
            or _PREPOSITION_BEFORE.search(self._text, max(0, name.start(1) - 16), name.start(1))
        ):
            return found  # "… last month. Our Principles PAC, a group", "in New Hampshire, a young woman asked"
        named = self._named(name.group(1), name.start(1), "")
        if named is None or not named.speaker or not self._is_person(named.speaker):
            return found  # "In Florida, a state Trump must win, voters said": not the speaker
        return named

    def _without_outlet(self, found: Attribution) -> Attribution:
        """A person's name without the outlet or organisation around it: "CNN’s Jake Tapper", "Jake Tapper of CNN"
        -> Jake Tapper (the guidelines name the person; a first name tells a person from "Bank of America")."""
        if found.start is None or found.end is None or not found.speaker:
            return found
        mention = self._text[found.start : found.end]
        match = _OUTLET_THEN_PERSON.fullmatch(mention) or _PERSON_OF_OUTLET.fullmatch(mention)
        if match is None:
            return found
        words = match.group("person").split()
        lowered = {w.lower() for w in words}
        if lowered & (_ORG_WORDS | _TITLES | _PLACE_WORDS | _PLACE_OPENERS):
            return found  # "Reserve Bank of New York", "United States of America": no person
        if match.group("by") in ("of", "at", "from") and gender_of_first(words[0].lower()) is None:
            return found  # "American Academy of Pediatrics": "Jake Tapper of CNN" needs a known first name
        start, end = found.start + match.start("person"), found.start + match.end("person")
        fuller = self._people.fuller(match.group("person").split())
        name = (
            fuller if fuller and not _POSSESSIVE.search(fuller) else match.group("person")
        )  # not "CNN’s Jake Tapper" again
        return Attribution(name, start, end, found.quoted)

    def _party_of_work(self, found: Attribution) -> Attribution:
        if found.start is None or found.end is None:
            return found
        described = _WORK_BY_DESCRIPTION.match(self._text, found.start, found.end)
        if described:  # "A survey by the organization in March found": the organisation named before
            party = self._generic(described.group(1), described.group(2), described.start(1), "")
            if party.speaker and party.speaker.lower() != described.group(2).lower():
                return Attribution(party.speaker, party.start, party.end, found.quoted)
        span = party_of_work(self._text[found.start : found.end])
        if span is None:
            after = party_after_document(self._text, found.start, found.end)  # "a complaint filed by the SEC"
            if after is None:
                return found
            return Attribution(self._text[after[0] : after[1]], after[0], after[1], found.quoted)
        return Attribution(
            self._text[found.start + span[0] : found.start + span[1]],
            found.start + span[0],
            found.start + span[1],
            found.quoted,
        )

    def _credited(self, sentence: str, start: int, end: int) -> Attribution | None:
        """The speaker a credit line gives the quotation opening this sentence, or a headline's 'Pence:'."""
        span = credit_after_quotation(self._text, start, end)
        person = span is not None  # a credit names a person; a headline's source may be "Poll" or "NY Post"
        if (
            span is None
            and _WHOLE_BLOCK_AFTER.match(self._text, end)
            and (start == self._first_start or (start == self._block_start and len(sentence.split()) <= 14))
        ):
            # A headline stands alone: "Washington: President Obama said …" opening a paragraph is a dateline. The
            # article's first line, or a short paragraph of its own ("Clinton camp: Trump's words threaten security.")
            headline = headline_source(sentence)
            span = (start + headline[0], start + headline[1]) if headline else None
            if span is not None and start != self._first_start:
                # past the first line, only a party the article has named ("Sanders: Win in a walk.", "Clinton
                # camp: …"), not a label ("Gallery:", "Part One:", "Proof:", "Learn More:")
                label = self._text[span[0] : span[1]]
                words = label.split()
                if not (
                    self._is_person(label)
                    or label in self._orgs
                    or (len(words) > 1 and _HEADLINE_PARTY.fullmatch(words[-1]) and self._is_person(words[0]))
                ):
                    span = None
        if span is None:
            return None
        name = self._text[span[0] : span[1]]
        found = self._named(name, span[0], "")
        if found is None or not found.speaker:
            found = Attribution(name, span[0], span[1])
        speaker = found.speaker or name
        if person and speaker not in self._orgs and not any(w.lower() in _ORG_WORDS for w in speaker.split()):
            self._remember_person(speaker)  # "- Sanders." then "Sanders exaggerates when he says"
        return Attribution(speaker, found.start, found.end, True)

    def _scan_names(self, sentence: str) -> None:
        """Remember the people a sentence names, so that "he", "she" and a bare surname resolve
        later even when the person was first named outside an attribution."""
        first = None
        for noun, party in study_authors(sentence):  # "a report from the CBO": "the report said"
            self._by_title[noun] = party
            if noun in _SAME_WORK:
                # "a new report released by Stanford's Center on Poverty …" and later "The study determined":
                # an article that calls its one work both names the same authors, unless it named the other's
                self._by_title.setdefault(_SAME_WORK[noun], party)
        authors = _AUTHORS.search(sentence)
        if authors:
            self._by_title["authors"] = self._by_title["researchers"] = authors.group(1)
        if _PRONOUN_SUBJECT.match(sentence):
            first = self._subject_person  # "He added ...": the subject stays who it was
        else:
            known = self._opening_person(sentence)
            if known and known in self._persons:
                first = known  # "Trump also took swipes at Jeb Bush.": Trump stays the subject
        for match in _TITLED_SURNAME.finditer(sentence):
            full = self._people.fuller([match.group(1)], HONORIFICS.get(match.group(0).split(".")[0].lower()))
            if full and first is None and match.start() < 40:
                first = full  # "Mr. Putin drew applause": the full name is the subject
        group = self._listed_group(sentence)
        if group:
            self._group = group, self._scanned
        elif researchers := _OPENING_RESEARCHERS.match(sentence):
            # "Researchers from UC San Francisco studied 22 patients. They found …": who "they" are
            self._group = researchers.group(1), self._scanned
        for org in acronym_orgs(sentence):  # "Immigration and Customs Enforcement (ICE)"
            self._remember_org(org)
        for org, kind in described_orgs(sentence, self._known_person):  # "the oil giant Exxon Mobil"
            self._people.forget(org)
            self._remember_org(org)
            if kind:
                self._org_kinds[kind.split()[-1].lower()] = (org, kind)
        for match in _CAPITAL_RUN.finditer(sentence):
            words = match.group(0).split()
            if words[0] in ("The", "A", "An"):
                words = words[1:]
            while len(words) > 2 and words[-2].lower() in ("on", "in", "of") and words[-1].lower() in _DATE_WORDS:
                words = words[:-2]  # "The New York Times on Friday": the paper, not the day
            if len(words) >= 2 and words[-1].lower() in _ORG_WORDS and words[0].lower() not in _SENTENCE_WORDS:
                self._remember_org(" ".join(words))  # "Harbourside Water Company": for "the company said"
            elif (
                2 <= len(words) <= 4
                and all(w[0].isupper() for w in words)
                and words[0].lower() not in _SENTENCE_WORDS
                and _CLUB_NAME.search(club := re.sub(r"['’]s?$", "", " ".join(words)))
                and club.lower() not in _CITY_NAMES
            ):
                self._clubs.append(club)  # "Manchester City beat Arsenal": for "the club said"
        for match in _NAME_THEN_ITS.finditer(sentence):
            # "Uber and its supporters", "Uber has presented itself as …": a body the article calls "it"
            name = match.group(1)
            after = sentence[match.end(1) :].split(maxsplit=1)
            if (
                not (after and can_speak(after[0]))  # "Obama administration … its": the administration's
                and name.lower() not in _SENTENCE_WORDS | _NOT_NAMES
                and gender_of_first(name.lower()) is None
                # "State Department … its": the name's last word only
                and not _CAPITAL_WORD_END.search(sentence, max(0, match.start() - 40), match.start())
                and name not in self._persons  # "President Obama … its": a person the article named as one
                and self._people.fuller([name]) is None  # "Obama" after "Barack Obama"
            ):
                self._people.forget(name)
                name = last_org_containing(self._orgs, name) or name  # "Peabody" after "Peabody Energy"
                self._remember_org(name)
                self._its_bodies.add(name)
        for match in _FORMER_TITLED.finditer(sentence):  # "Former President Bill Clinton": "the former president"
            words = [w.lower().rstrip(".") for w in match.group(1).split()]
            if all(w in _TITLES or w + "." in _TITLES or w == "of" for w in words) and words[-1] != "of":
                name = self._people.fuller(match.group(2).split()) or match.group(2)
                self._by_title["former " + " ".join(_TITLE_WORDS.get(w, w) for w in words)] = name
                self._remember_person(name)
        for match in _ABBREVIATED_TITLE.finditer(sentence):  # "Gov. Maria Lopez signed …": "the governor"
            if not sentence[: match.start()].rstrip().lower().endswith("former"):
                name = self._people.fuller(match.group(2).split()) or match.group(2)
                self._by_title[_TITLE_WORDS[match.group(1).lower() + "."]] = name
                self._remember_person(name)
        for match in _PERSON_RUN.finditer(sentence):
            words = match.group(1).split()
            if (
                _OPENS_SENTENCE.fullmatch(sentence, 0, match.start())
                # "In Puerto Rico" is no person at all; "President Ann Reyes" a title the code below reads
                and words[0].lower().rstrip(".") not in _SENTENCE_WORDS | _PREPOSITIONS | _TITLES
                and self._common_word(words[0])
            ):
                if len(words) < 3:
                    continue  # "Like Alice, he'll use a bookmark": Alice, whom a later "Alice" names anyway
                words = words[1:]  # "Once Ellen Fetter arrived"
            lowered = [w.lower().rstrip(".") for w in words]
            titled = [i for i, w in enumerate(lowered) if w in _TITLES and w not in ("the", "a", "an")]
            if titled and titled[-1] < len(words) - 2 and lowered[titled[-1]] not in _ORG_WORDS:
                # "Senator Maria Lopez": the person is who the title names
                former = lowered[0] == "former" or sentence[: match.start()].endswith(("former ", "Former "))
                for word in lowered[: titled[-1] + 1]:
                    title = _TITLE_WORDS.get(word, word)
                    self._by_title["former " + title if former else title] = " ".join(words[titled[-1] + 1 :])
                words, lowered = words[titled[-1] + 1 :], lowered[titled[-1] + 1 :]
            if (
                lowered[0] in _SENTENCE_WORDS
                or lowered[0] in _NOT_PERSON_FIRST
                or lowered[0] in _NOT_NAMES
                or lowered[0] in _PREPOSITIONS  # "From Day One"
                # "Celebrating Clinton’s Win", "Immediately After Obama": headline words, not a first name
                or (lowered[0].endswith(("ing", "ly")) and gender_of_first(lowered[0]) is None)
                or lowered[-1] in _PLACE_WORDS | _THING_WORDS  # "Waterfront Park", "Erikson Prize"
                or (lowered[0] in _PLACE_OPENERS and gender_of_first(lowered[0]) is None)  # "South Africa"
                or any(w in _TITLES or w in _ORG_WORDS or w in _DATE_WORDS for w in lowered)
            ):
                continue
            name = " ".join(words)
            name = self._people.fuller(name.split()) or name  # "Hillary Clinton" after "Hillary Rodham Clinton"
            self._remember_person(name)
            first = first or name
        for match in _TITLE_THEN_SURNAME.finditer(sentence):
            # "President Obama's final State of the Union": Obama is a person, though the article never gave a
            # first name
            surname = match.group(1)
            if surname.lower() not in _SENTENCE_WORDS | _NOT_NAMES and not self._people.fuller([surname]):
                self._remember_person(surname)
        if first:
            self._subject_person = first

    def _relative_antecedent(self, sentence: str, who: int, offset: int) -> Attribution | None:
        """The name a relative "who" (at sentence[who:]) stands for: "risky for Cruz, who pointedly refused
        to endorse Trump" -> Cruz; None when no name stands right before it."""
        name = _NAME_BEFORE_WHO.search(sentence, 0, who)
        if name is None:
            return None
        hit = self._named(name.group(1), offset + name.start(1), sentence[max(0, name.start(1) - 200) : name.start(1)])
        return hit if hit is not None and hit.speaker else None

    def _inside_english_quote(self, start: int, sentence: str) -> bool:
        """True when an English quotation opened earlier in the paragraph is still open where the sentence
        starts, and the sentence does not close it (a tag may follow the close: '… money," he said.')."""
        if _CYRILLIC.search(sentence) or any(mark in sentence for mark in ('"', "“", "”", "''")):
            return False
        quotes = self._paragraph_quotes
        if quotes is None or quotes.block_start != self._block_start or quotes.pos > start:
            quotes = self._paragraph_quotes = _ParagraphQuotes(self._text, self._block_start)
        quotes.advance(start)  # a line break ends a paragraph, whatever the splitter's blocks
        # '"PENCE: … | WALLACE: …': a transcript quoted whole has speakers of its own
        if quotes.transcript or not quotes.open:
            return False
        if quotes.flat:
            return start - quotes.last_mark <= QUOTE_REACH  # the text lost its paragraph breaks: see QUOTE_REACH
        return True

    def _quoted_from_before(self, start: int, sentence: str, at: int) -> bool:
        """True when an English quotation opened earlier in the paragraph is still open at sentence[at], the
        sentence closing it only after that point (or not at all)."""
        if _CYRILLIC.search(sentence) or "''" in sentence:
            return False
        close = min((i for i in (sentence.find('"'), sentence.find("”"), sentence.find("“")) if i >= 0), default=-1)
        if close >= 0 and (close < at or sentence[close] == "“"):
            return False  # the quotation closes (or another opens) before the source: the source is outside it
        return self._inside_english_quote(start, "")  # the sentence's own marks were read above

    def _quotes_open_before(self, start: int, new_block: bool) -> int:
        """How many «» quotations are open where a sentence starts (a block closes them all)."""
        if new_block:
            return 0
        between = self._text[self._scanned : start]
        return max(0, self._quote_depth + between.count("«") - between.count("»"))

    # -- finding -------------------------------------------------------------------------------
    def _find(self, sentence: str, offset: int) -> Attribution | None:
        quoted = bool(re.search(r"[\"“”]", sentence))
        found_cues = find_cues(sentence)
        asked = asked_subject(sentence, found_cues)  # "Asked whether …, Ban demurred": whoever answers
        if asked and (hit := self._resolve(sentence, asked[0], asked[1], offset)) and hit.speaker:
            return Attribution(hit.speaker, hit.start, hit.end, quoted)
        # Text order beat best-rate-first on train; a trailing ", a study by X concluded." goes first.
        # Cues of relative clauses ("…, who said"), for _relative_clause_speaker; reset on every call, so that a
        # sentence never reads another's.
        self._deferred = deferred = []
        for cue in islice(trailing_first(sentence, asides_last(sentence, found_cues)), MAX_TRIES):
            if cue.words in _HEARSAY_ADVERBS:
                continue  # "The firm reportedly paid …": someone unnamed reports it, not the firm
            if negated_cue(sentence, cue.start):
                continue  # "Trump has not yet responded", "declined to comment": no statement is reported
            if impersonal_cue(sentence, cue.start, cue.words):
                continue  # "It seems …", "It was said that …": nobody is named
            if addressed_or_named(sentence, cue.start, cue.end, cue.words):
                continue  # "Parents have been told …", "a skin patch called Viaskin": nobody is reported
            if _INFINITIVE_BEFORE.search(sentence, max(0, cue.start - 7), cue.start):
                continue  # "who requested anonymity to discuss": an intention, and its subject is not before it
            if (
                cue.rate < _CLOSING_PARTICIPLE_RATE
                and _CLOSING_PARTICIPLE.fullmatch(sentence, cue.start)
                and _PLURAL_NOUN_BEFORE.search(sentence, max(0, cue.start - 30), cue.start)
            ):
                continue  # "a bill that would triple the cap on the number of H-1B visas issued.": which visas
            passive = passive_by(sentence, cue.start, cue.end)  # "was criticized by X": X, the agent
            after_side = cue.after >= 0.5 and not reported_in_own_voice(sentence, cue.start, cue.end, cue.words)
            if after_side or passive:  # "according to X", "X reports": the learned side of the source
                by = _PUBLISHED_BY.match(sentence, cue.end)
                hit = self._subject_after(sentence, passive or (by.end() if by else cue.end), offset)
            else:
                before = text_end(sentence, cue.start)
                inverts = (
                    cue.after >= _INVERTS
                    and (before == 0 or sentence[before - 1] in _BEFORE_INVERTED)
                    and not ADVERB_ASIDE_END.search(sentence, max(0, before - 30), before)
                    and not TIME_ASIDE_END.search(sentence, max(0, before - 130), before)
                    and not DESCRIPTION_THEN_NAME.fullmatch(sentence, 0, cue.start)
                    and not PARTY_AFFILIATION_END.search(sentence, max(0, cue.start - 20), cue.start)
                )
                main = main_subject(sentence, cue.start, cue.words)  # "Trump reversed himself, telling CBS"
                hit = self._resolve(sentence, main[0], main[1], offset) if main else None
                if inverts and (hit is None or hit.speaker is None):
                    # "..., said Janet Yellen." but not "Bannon, a pollster, said Trump would lose"
                    hit = self._subject_after(sentence, cue.end, offset, inverted=True)
                    if hit is not None and hit.end is not None and _VERB_AFTER.match(sentence, hit.end - offset):
                        hit = None  # "…, said the president also has spoken": the said thing's own subject
                    elif hit is not None and hit.start is not None and _PREPOSITION.match(sentence, hit.start - offset):
                        hit = None  # "Another user, Roland Z, wrote of Ms. Merkel": whom it is about
                if hit is None or hit.speaker is None:
                    hit = self._subject_before(sentence, cue.start, offset) or hit
                described = None
                if (
                    (hit is None or not hit.speaker or hit.speaker.islower())
                    and sentence[before - 1 : before] == ","
                    and cue.words not in TELLING  # ", the source … told Reuters.": Reuters was told
                    and (
                        _NAME_ENDS_SENTENCE.fullmatch(sentence, cue.end)
                        or (described := _DESCRIPTION_THEN_STOP.match(sentence, cue.end))
                    )
                ):
                    # "…are not likely to alter the campaign, noted NBC’s Dante Chinni.", "The findings provide
                    # insights, say the researchers, and …": the name or the description of a party after the cue,
                    # whatever side the cue's source mostly stands on, when what stands before names nobody
                    after = self._subject_after(sentence, cue.end, offset, inverted=True)
                    if (
                        after is not None
                        and after.speaker
                        and after.speaker.lower() not in _DATE_WORDS
                        and (described is None or can_speak(described.group("noun")))
                    ):
                        hit = after
                if hit is _DEFERRED:
                    deferred.append(cue)
                    continue
            if hit is not None and hit.speaker and pronoun_in_quotes(self._text, offset, hit):
                continue  # a cue inside the quotation: its subject is someone the speaker speaks of
            if hit is not None:
                return Attribution(hit.speaker, hit.start, hit.end, quoted)
        return None

    def _relative_clause_speaker(self, sentence: str, offset: int) -> Attribution | None:
        """The subject of the first relative clause's cue that the last _find set aside. "Braynard, …, who said" is
        mostly a description, but in "The mayor met the commission, which said exports fell" the clause's statement
        is the sentence's claim: asked for only when neither the rules nor the tagger found another speaker."""
        for cue in self._deferred:
            if _quoted_at(sentence, cue.start):
                continue  # "''All the hand-wringers who will say …''": words of the quotation's speaker
            hit = self._subject_before(sentence, cue.start, offset, relative=True)
            if hit is not None and hit.speaker:
                return Attribution(hit.speaker, hit.start, hit.end, bool(re.search(r"[\"“”]", sentence)))
        return None

    def _subject_before(
        self, sentence: str, verb_start: int, offset: int, relative: bool = False
    ) -> Attribution | None:
        """The source just before a cue. A cue that a relative pronoun opens ("the Harbour Trade Commission,
        which said") has the noun before the pronoun as its subject, but its clause mostly describes someone
        ("Braynard, …, who writes fiction"): without `relative` such a cue that names nobody gives _DEFERRED,
        for _find to try after every other cue; with it, the noun is the source."""
        aux = _AUX_TAIL.search(sentence, max(0, verb_start - _LOOK_BEHIND), verb_start)
        end = text_end(sentence, aux.start() if aux else verb_start)
        cut = max(0, end - 40)
        antecedent = relative_antecedent_end(sentence[cut:end])
        if relative:
            return None if antecedent is None else self._subject_before(sentence, cut + antecedent, offset)
        hit = self._subject_before_plain(sentence, verb_start, offset)
        return _DEFERRED if antecedent is not None and (hit is None or not hit.speaker) else hit

    def _subject_before_plain(self, sentence: str, verb_start: int, offset: int) -> Attribution | None:
        # Subjects sit just before the verb: search only the last 200 characters (after any
        # auxiliaries), without copying what comes before, so that a long sentence costs no more
        # per verb than a short one.
        paren = _PAREN_TAIL.search(sentence, max(0, verb_start - 60), verb_start)
        if paren:
            verb_start = paren.start()
        aux = _AUX_TAIL.search(sentence, max(0, verb_start - _LOOK_BEHIND), verb_start)
        end = text_end(sentence, aux.start() if aux else verb_start)
        if aux and (paren := _PAREN_TAIL.search(sentence, max(0, end - 60), end)):
            end = text_end(sentence, paren.start())  # "Gowdy (R-S.C.) earlier in the day touted"
        cut = max(0, end - 200)
        left_stripped = sentence[cut:end]
        offset += cut
        relative = reduced_relative(left_stripped)  # "lawsuits seeking information about X have cited"
        if relative is not None:
            # The subject stands before the clause; a cue inside it ("queries seeking to confirm") is no attribution.
            return None if relative[1] else self._subject_before(sentence, cut + relative[0], offset - cut)
        listed = _LISTED_PEOPLE_END.search(left_stripped)
        if listed:
            # "Other prominent Republicans, like Richard Armitage, Henry Paulson and Brent Scowcroft, said",
            # "two members of Congress from Florida, Ileana Ros-Lehtinen and Carlos Curbelo, have said": the people
            hit = self._listed_people(listed.group(1), offset + listed.start(1))
            if hit:
                return hit
        pronoun = _PRONOUN_END.search(left_stripped)
        if pronoun:
            return self._pronoun(
                pronoun.group(1), offset + pronoun.start(1), offset + pronoun.end(1), sentence[: cut + pronoun.start(1)]
            )
        match = _NAME_RUN_END.search(left_stripped)
        if match and _PLACE_PREPOSITION.search(left_stripped, max(0, match.start(1) - 12), match.start(1)):
            match = None  # "lawsuits being considered in San Diego have accused": the place is not the subject
        if match and _OBJECT_OF_DESCRIPTION.search(left_stripped, max(0, match.start(1) - 16), match.start(1)):
            apposed = _OPENING_NAME_APPOSED.match(sentence, 0, end)
            if (
                apposed
                and apposed.end() <= cut + match.start(1)
                and apposed.group(1).split()[0].lower() not in _INTRODUCTORY | _PREPOSITIONS | _SENTENCE_WORDS
            ):
                # "Alverson, a commissioner on the International Pacific Halibut Commission, which has managed …,
                # described": the name the sentence opens with, not what its description names
                hit = self._named(apposed.group(1), offset - cut + apposed.start(1), "")
                if hit and hit.speaker:
                    return hit
        if match:
            hit = self._named(match.group(1), offset + match.start(1), left_stripped[: match.start(1)])
            if hit:
                return hit
        aside = _ASIDE_END.search(left_stripped)  # "Clinton, during a town hall in Columbus, Ohio, said"
        aside = aside or _DASH_ASIDE_END.search(left_stripped)  # "Murphy — after a knock-on-wood gesture — told"
        if aside:
            return self._subject_before(sentence, cut + aside.start(), offset - cut)
        opening = _OPENING_SUBJECT.fullmatch(sentence, 0, end)
        if opening and re.match(r",\s+who(?:se)?\s", sentence[opening.end(1) :]):
            # "Tom Reyes, who will retire after serving in Iran, Turkey and France, praised": the name before the
            # relative clause, not a list inside it taken for an apposition
            hit = self._named(opening.group(1), offset - cut + opening.start(1), "")
            if hit:
                return hit
        match = _APPOSITION_END.search(left_stripped)
        if match and not _PLACE_AFTER_COMMA.fullmatch(left_stripped, match.end(1)):
            hit = self._named(match.group(1), offset + match.start(1), left_stripped[: match.start(1)])
            if hit:
                return hit
        opening = _OPENING_SUBJECT.fullmatch(sentence, 0, end)
        if opening and opening.group(1).split()[0].lower() not in _INTRODUCTORY:
            # "Sandra Inman, a Cruz supporter from Jackson, Miss., attending the convention, said": the name the
            # sentence opens with, however many commas its description has
            hit = self._named(opening.group(1), offset - cut + opening.start(1), "")
            if hit:
                return hit
        if left_stripped.endswith(","):  # "The ministry's spokesman, Igor Konashenkov, said"
            # "A pastor, Darran Whiting of Liberty Baptist Church in Marion, said": the person, not the place
            placed = _PLACED_APPOSITION_END.search(left_stripped)
            if placed:
                hit = self._named(placed.group(1), offset + placed.start(1), left_stripped[: placed.start(1)])
                if hit:
                    return hit
            paren = _PAREN_TAIL.search(left_stripped, 0, len(left_stripped) - 1)  # "…, Joe Lieberman (I-Conn.),"
            match = _NAME_RUN_END.search(left_stripped, 0, paren.start() if paren else len(left_stripped) - 1)
            if match and _APPOSED_ARTICLE.search(left_stripped, max(0, match.start(1) - 8), match.start(1)):
                match = None  # "The mayor, a Democrat, said": the apposition describes the subject before it
            if match:
                hit = self._named(match.group(1), offset + match.start(1), left_stripped[: match.start(1)])
                if hit:
                    return hit
        match = _GENERIC_END.search(left_stripped, max(0, len(left_stripped) - 80))
        if (
            match
            and match.group(2).split()[-1].lower() in _MEDIA
            and not (match.group(1) or match.group(2)).lower().startswith("the ")  # "The report said" is who
        ):
            return None  # "In a statement emailed to Reuters, Acme said": a statement is how, not who
        if match:
            return self._generic(match.group(0).strip(), match.group(2), offset + match.start(), left_stripped)
        span = phrases.before(sentence, end)  # without the auxiliaries ("These people can’t say")
        verb = _VERB_INSIDE.search(sentence, span[0], span[1]) if span else None
        if span and verb and not _RELATIVE_WORD.search(sentence, *span):
            # "groups have raised wide-ranging | doubts": a clause before a noun the lexicon took for a cue; its subject
            span = (span[0], verb.start()) if sentence[span[0] : verb.start()].strip() else None
        return self._phrase(sentence, span, offset - cut) if span else None

    def _subject_after(self, sentence: str, pos: int, offset: int, inverted: bool = False) -> Attribution | None:
        if inverted:
            span = phrases.after(sentence, pos, whole=True)
            if span is None:
                return None
            apposed = _APPOSED_NAME_ENDS.match(sentence, span[1])
            if apposed and sentence[span[0]].islower():  # "…,” said the harbour master, Ann Ortiz.": the name
                hit = self._named(apposed.group(1), offset + apposed.start(1), sentence[: apposed.start(1)])
                if hit and hit.speaker:
                    return hit
        former = _FORMER_BEFORE_NAME.match(sentence, pos)
        if former:  # "said former Sen. Tom Reyes": the name after "former", which is no part of it
            pos = former.end()
        right = sentence[pos : pos + _LOOK_AHEAD]
        pronoun = _PRONOUN_START.match(right)
        if pronoun and not (inverted and re.match(r"\s+[a-z]", right[pronoun.end() :])):  # not "said she was"
            return self._pronoun(
                pronoun.group(1),
                offset + pos + pronoun.start(1),
                offset + pos + pronoun.end(1),
                sentence[: pos + pronoun.start(1)],
            )
        generic = _GENERIC_START.match(right)
        match = _NAME_RUN_START.match(right)
        role = role_then_name(right, match.end(), never_source()) if match else None  # "said Marquette pollster X"
        if match is None and (role := role_then_name(right, 0, never_source())):
            # "said chief inspector Jennifer Mattinson from the West Mercia police": a title, then the name
            if not can_speak(right[: role[0]].split()[-1]):
                role = None  # "said last week Tom Reyes would resign": a time, and whom the statement is about
        hit = self._named(right[role[0] : role[1]], offset + pos + role[0], right[: role[0]]) if role else None
        if hit:
            return hit
        if match and not (generic and generic.end() > match.end()):
            run = match.group(1)
            run_start = pos + match.start(1)
            if run.lower().startswith("the "):
                run, run_start = run[4:], run_start + 4
            hit = self._named(run, offset + run_start, sentence[max(0, run_start - 200) : run_start])
            if hit:
                return hit
        if generic:
            phrase = generic.group(1)
            owner = _FOR_PARTY.match(right, generic.end(1)) if _SPOKES_WORD.search(phrase) else None
            if owner:  # "…, said a spokesman for the Port Authority.": the authority, as before the cue
                phrase = right[generic.start(1) : owner.end()]
            noun = phrase.split()[-1]
            return self._generic(phrase, noun, offset + pos + generic.start(1), "")
        span = phrases.after(sentence, pos)
        if span is None and (party := party_of_document_at(sentence, pos)):
            return self._named(sentence[party[0] : party[1]], offset + party[0], sentence[: party[0]])
        return self._phrase(sentence, span, offset) if span else None

    def _phrase(self, sentence: str, span: tuple[int, int], offset: int) -> Attribution | None:
        """A source phrase found by its bounds ("two people familiar with the talks")."""
        start, end = span
        while start < end and sentence[start] in "'‘’`":
            start += 1  # "''27 companies reported": a quotation opened with two apostrophes is no part of the source
        tail = _PHRASE_TAIL.search(sentence, start, end)  # "The senator has often cited": the senator
        if tail and len(sentence[start : tail.start()].split()) > 1:
            end = tail.start()
        acted = ACTION_IN_SPAN.search(sentence, start, end)
        if acted and acted.start() > start:
            end = acted.start()  # "Republicans pilloried the Obama administration for proposing": who acted
        work = OWNERS_WORK.fullmatch(sentence, start, end)
        if work:  # "as Hackaday's March story explains": Hackaday's story
            hit = self._named(work.group(1), offset + start, sentence[max(0, start - 200) : start])
            if hit is not None and hit.speaker:
                return hit
        role = _OWN_ROLE_THEN_NAME.fullmatch(sentence, start, end)
        if role:  # "My colleague David Pierce, who …, has pointed out": the colleague's name
            hit = self._named(
                role.group(1), offset + role.start(1), sentence[max(0, role.start(1) - 200) : role.start(1)]
            )
            if hit is not None and hit.speaker:
                return hit
        phrase = sentence[start:end]
        lead = re.match(r"(?:the|a|an)\s+", phrase, re.IGNORECASE)
        name = " ".join(phrase[lead.end() if lead else 0 :].split())
        words = name.split()
        if not words or {words[0].lower().replace("’", "'"), words[-1].lower().replace("’", "'")} & _PRONOUN_WORDS:
            return None  # "obviously I’m saying": the quoted speaker, not a party the phrase names
        named = words[:-1] if len(words) > 1 and words[-1] in _AUXILIARIES else words  # "Ted Cruz is touting"
        if len(named) <= 6 and all(w[0].isupper() for w in named):  # a name, maybe titled ("Texas Sen. Ted Cruz")
            name_start = offset + start + (lead.end() if lead else 0)
            hit = self._named(" ".join(named), name_start, sentence[max(0, start - 200) : start])
            if hit:
                return hit
            if len(named) == 1 and not lead and named[0].lower() in _PREPOSITIONS | _SENTENCE_WORDS:
                return None  # "Following a swiftly called meeting, …", "Despite complaints that …": nobody
        if lead and len(words) <= 3:
            return self._generic(phrase, words[-1], offset + start, "")
        if not lead and words[0][0].isupper():
            inside = self._name_inside(sentence, start, end, offset)
            if inside is not None:
                return inside  # "Stumpf tried on Tuesday", "Last week Stumpf in a televised interview"
        if _not_a_source(words):
            return None
        if words[0].islower() and not lead and _PREDICATE_BEFORE.search(sentence, max(0, start - 12), start):
            return None  # "the output will contain calls", "allowed to record or capture footage": a verb, no subject
        return Attribution(name, offset + start, offset + end)

    def _name_inside(self, sentence: str, start: int, end: int, offset: int) -> Attribution | None:
        """The name or pronoun that opens a source span whose bounds took in more than the source, after
        any words of time ("Last week Stumpf in a televised interview"); None when the span opens otherwise."""
        at_most = start
        for match in _NAME_OR_PRONOUN.finditer(sentence, start, end):
            gap = sentence[at_most : match.start()].split()
            if any(w.lower() not in _SENTENCE_WORDS | _TIME_WORDS and not w[:1].isdigit() for w in gap):
                return None  # "Two lawsuits filed in Port Harbour": the place is not the source
            words = match.group(0).split()
            at = match.start()
            if words[0] in ("he", "she", "they"):
                return self._pronoun(words[0], offset + at, offset + match.end(), sentence[:at])
            if words[0].lower() in _QUANTIFIERS or _NUMBER_WORD.match(words[0]):
                return None  # "Another Connecticut former lawmaker", "Three-in-five GOP insiders": a description
            if all(w.lower().rstrip(".") in _SENTENCE_WORDS | _DATE_WORDS for w in words):
                at_most = match.end()
                continue  # "Last", "September": not a party
            if any(w.endswith(("'s", "’s")) for w in words) or words[0].lower() in _PRONOUN_WORDS | _POSSESSIVES:
                return None  # "Clinton’s victory", "His aides": the possessor is not the source
            if len(words) == 1 and not (self._people.fuller(words) or last_org_containing(self._orgs, words[0])):
                return None  # "Early polls", "Other prominent Republicans": a capital that only opens the sentence
            rest = sentence[match.end() : end].split()
            if (
                0 < len(rest) <= 3
                and all(w.islower() and w not in _NOT_IN_DESCRIBED_GROUP for w in rest)
                and _PLURAL_PARTY_NOUN.search(rest[-1])
            ):
                return None  # "Iowa biofuels advocates", "Pentagon officials": the people, whom the name qualifies
            hit = self._named(match.group(0), offset + at, sentence[max(0, at - 200) : at])
            return hit if hit is not None and hit.speaker else None
        return None

    def _resolve(self, sentence: str, start: int, end: int, offset: int) -> Attribution | None:
        """The party a source span names: a pronoun or description resolved through what the
        article named before, a name with its titles and appositions left out."""
        phrase = sentence[start:end]
        pronoun = _PRONOUN_START.match(phrase)
        if pronoun and pronoun.end() == len(phrase.rstrip()):
            return self._pronoun(
                pronoun.group(1), offset + start + pronoun.start(1), offset + start + pronoun.end(1), sentence[:start]
            )
        comma = phrase.find(",")
        head = phrase[:comma] if comma > 0 else phrase  # "Henry Crespo, president of the ... Caucus"
        run = _NAME_RUN_START.match(head)
        lead = _LEADING_NAME.match(head)
        if (
            lead
            and (len(lead.group(1).split()) >= 2 or lead.group(1).isupper())
            and lead.group(1).split()[0].lower() not in _SENTENCE_WORDS | _NOT_NAMES | _QUANTIFIERS
        ):
            # The tagger's bounds are loose ("A Government Accountability Office report released"):
            # a name that opens the span is the source.
            return self._named(lead.group(1), offset + start + lead.start(1), sentence[max(0, start - 200) : start])
        if run and run.end() >= len(head.rstrip()) and not head.lstrip().lower().startswith(("the ", "a ", "an ")):
            return self._named(run.group(1), offset + start + run.start(1), sentence[max(0, start - 200) : start])
        generic = _GENERIC_START.match(head)
        if generic and generic.end() >= len(head.rstrip()):
            return self._generic(generic.group(1), generic.group(1).split()[-1], offset + start + generic.start(1), "")
        if run and run.end() >= len(head.rstrip()):  # "The Wall Street Journal"
            return self._named(run.group(1), offset + start + run.start(1), sentence[max(0, start - 200) : start])
        return self._phrase(sentence, (start, start + len(head.rstrip())), offset)

    # -- resolving -----------------------------------------------------------------------------
    def _named(self, run: str, run_start: int, before: str) -> Attribution | None:
        both = self._two_parties(run, run_start, before)
        if both is not None:
            return both
        tokens, title_words = list(re.finditer(r"\S+", run)), []
        had_title = bool(
            re.search(
                r"\b(?:spokes\w+|official|minister|secretary|president|chief|director|"
                r"head|leader|analyst|economist|professor|lawyer)\s*$",
                before,
                re.IGNORECASE,
            )
        )
        # Drop sentence words ("But", "In") and connectors from the left, connectors from the right.
        while (
            tokens
            and not (len(tokens[0].group(0)) > 1 and tokens[0].group(0).isupper())
            and (
                tokens[0].group(0).lower() in _SENTENCE_WORDS
                or tokens[0].group(0).lower() in ("of", "the", "for", "and", "on")
            )
        ):
            tokens = tokens[1:]
        # "Eurostat on Monday": a date is not part of the name.
        while tokens and (
            tokens[-1].group(0).lower().rstrip(".,") in _DATE_WORDS
            or tokens[-1].group(0).lower() in ("of", "the", "for", "and", "on", "de", "van", "von")
        ):
            tokens = tokens[:-1]
        if not tokens:
            return None
        lowered = [t.group(0).lower().rstrip(".") for t in tokens]
        if (
            lowered[0] in _NOT_NAMES
            # "Following a swiftly called meeting, …", but "From agreed" after "Al From"
            or (len(lowered) == 1 and lowered[0] in _PREPOSITIONS and not self._people.fuller([tokens[0].group(0)]))
            or lowered[-1] in ("i", "we", "you")
            or all(w in _TITLES or w + "." in _TITLES for w in lowered)
        ):
            return None
        if (
            len(tokens) >= 3
            and not before.strip(" \"“‘'(")
            and self._english
            and lowered[0] not in _TITLES
            and gender_of_first(lowered[1]) is not None  # a person's name follows, not "United Nations …"
            and not any(w in _ORG_WORDS or w in ("of", "for", "and") for w in lowered[1:])
            and (
                self._common_word(tokens[0].group(0))
                or (_ROLE_NOUN_END.search(lowered[0]) is not None and gender_of_first(lowered[0]) is None)
            )
        ):
            # "Commenter Paul Stoffregen noted": a role word the sentence opens with, then the name
            tokens, lowered = tokens[1:], lowered[1:]
        if (
            len(tokens) == 1
            and not before.strip(" \"“‘'(")
            and lowered[0] in _ORG_WORDS
            and self._english
            and self._common_word(tokens[0].group(0))
            and not self._people.fuller([tokens[0].group(0)])
        ):
            return None  # "Society, on the other hand, may choose to believe": society at large, no body named
        org = (
            lowered[-1] in _ORG_WORDS
            or (len(tokens) == 1 and is_org(tokens[0].group(0)))
            or bool(_ORG_BEFORE.search(before))
        )
        if not org:
            # "Russian President Vladimir Putin", "U.S. Secretary of State Antony Blinken": the
            # name is what follows the last title word.
            titles = [
                i
                for i, w in enumerate(lowered[:-1])
                if (w in _TITLES or w + "." in _TITLES)
                and not _inside_org_name(lowered, i)
                and lowered[i + 1] not in _ORG_WORDS  # "National Institutes of Health": the body's own name
                and lowered[i + 1] not in ("jr", "sr", "ii", "iii", "iv")  # "Martin Luther King Jr.": a surname
                # "Peter T. King", "Sen. Angus King of Maine": after an initial, or a title and a first name, a
                # surname ("Virginia Gov. Terry McAuliffe": a place may be a first name too)
                and not _INITIAL.fullmatch(tokens[i].group(0))  # "Jill A. Martin": no "a" title
                and not (i > 0 and _INITIAL.fullmatch(tokens[i - 1].group(0)))
                and not (
                    i > 1
                    and gender_of_first(lowered[i - 1])
                    and (lowered[i - 2] in _TITLES or lowered[i - 2] + "." in _TITLES)
                )
            ]
            if (
                titles
                and lowered[titles[-1] + 1] == "of"
                and not any(gender_of_first(w) for w in lowered[: titles[-1]])  # "Peter T. King of New York"
            ):
                # "The Governor of Texas said", "RNC Chief of Staff Katie Walsh explained": a title and what it is
                # of, then the person when a first name follows; without one the person the article named with
                # that title, else the office itself
                of_at = titles[-1] + 1
                first = next((k for k in range(of_at + 1, len(lowered) - 1) if gender_of_first(lowered[k])), None)
                if first is None:
                    office = lowered[titles[-1]]
                    known = self._by_title.get(_TITLE_WORDS.get(office, office))
                    span = run_start + tokens[0].start(), run_start + tokens[-1].end()
                    return Attribution(known or run[tokens[0].start() : tokens[-1].end()], *span)
                titles = [*titles, first - 1]
            if titles:
                had_title = True
                title_words = lowered[: titles[-1] + 1]
                tokens = tokens[titles[-1] + 1 :]
                lowered = lowered[titles[-1] + 1 :]
                if not any(w in _ORG_WORDS for w in lowered):
                    for word in title_words:
                        if word not in ("the", "a", "an", "of", "former", "acting", "deputy"):
                            self._by_title[_TITLE_WORDS.get(word, word)] = " ".join(t.group(0) for t in tokens)
            org = any(w in _ORG_WORDS for w in lowered)
            if titles and not org and "of" in lowered[2:]:  # "Representative Charles B. Rangel of New York": his state
                cut_at = lowered.index("of", 2)
                tokens, lowered = tokens[:cut_at], lowered[:cut_at]
        words = [t.group(0) for t in tokens]
        start = run_start + tokens[0].start()
        end = run_start + tokens[-1].end()
        name = " ".join(words)
        if org:
            known = org_by_acronym(words, self._orgs)
            if known:  # "the Chinese CDC" after "the Chinese Center for Disease Control and Prevention"
                self._remember_org(known)
                return Attribution(known, start, end)
            self._remember_org(name)
            return Attribution(name, start, end)
        gender = gender_of_titles(title_words)  # "Mrs. Clinton": a woman
        full = self._people.fuller(words, gender)
        if full:
            self._remember_person(full, gender=gender)
            return Attribution(full, start, end)
        if len(words) == 1:
            known = last_org_containing(self._orgs, name)
            if known:
                return Attribution(known, start, end)
        place = lowered[-1] in _PLACE_WORDS or (lowered[0] in _PLACE_OPENERS and gender_of_first(lowered[0]) is None)
        # "South Africa said": a country speaks, but "she" in the next sentence is no country
        self._remember_person(name, (had_title or len(words) > 1) and not place, gender)
        return Attribution(name, start, end)

    def _listed_people(self, run: str, run_start: int) -> Attribution | None:
        """Several people named in a list ("A, B and C"), joined with "; " (the span covers the list)."""
        names = []
        for part in _LIST_SEPARATOR.split(run):
            words = part.split()
            if any(w.lower().rstrip(".") in _TITLES | _ORG_WORDS for w in words):
                return None  # "Harvard and the University of California", "Sen. Maria Lopez": not a list of names
            if len(words) >= 3 and not gender_of_first(words[0].lower()) and gender_of_first(words[1].lower()):
                words = words[1:]  # "Democrats Hillary Clinton, Bernie Sanders and …": the name, not its party
                part = " ".join(words)
            names.append(self._people.fuller(words) or part)
        return Attribution("; ".join(names), run_start, run_start + len(run))

    def _two_parties(self, run: str, run_start: int, before: str) -> Attribution | None:
        """ "Charles E. Grassley and Patrick J. Leahy", "Harvard and the University of California":
        several parties, joined with "; " (the span covers both); see speaker_patterns.two_parties."""
        split = two_parties(run)
        surnames = _TWO_SURNAMES.fullmatch(run)
        if split is None and surnames and all(self._people.fuller([name]) for name in surnames.groups()):
            split = surnames.end(1), surnames.start(2)  # "Cruz and Trump", both named in full before
        if split is None:
            return None
        first = self._named(run[: split[0]], run_start, before)
        second = self._named(run[split[1] :], run_start + split[1], "")
        if first and second and first.speaker and second.speaker and first.start is not None and second.end is not None:
            return Attribution(f"{first.speaker}; {second.speaker}", first.start, second.end)
        return None

    def _pronoun(self, word: str, start: int, end: int, before: str = "") -> Attribution | None:
        """The party a pronoun source stands for; ``before``: the sentence's words before it."""
        word = word.lower()
        name: str | None
        if word in ("he", "she"):
            previous = self._previous.speaker
            subject = self._opening_person(before) if before.strip() else None
            if subject and self._people.of_gender(subject, word) == subject:
                name = subject  # "Former Rep. Chris Shays (R-Conn.) was pro Kasich, he said": its own subject
            elif previous and previous in self._persons:
                name = previous  # "X said ... . He added": the last speaker goes on
            else:
                name = self._subject_person or (self._persons[-1] if self._persons else None)
            name = self._people.of_gender(name, word)  # "she" after "Bill Clinton": the woman named last
        elif word == "it":
            name = self._orgs[-1] if self._orgs else None
            opening = _OPENING_ORG.match(before) if before.strip() else None
            if opening and opening.group(1).split()[-1].lower() in _ORG_WORDS:
                name = opening.group(1)  # "The United Nations Security Council … what it called": its own subject
            previous = self._previous.speaker
            if previous and previous not in self._persons and previous not in self._orgs:
                name = name or previous
        else:  # they
            # "Uber and its drivers" makes Uber "it", but "Beijing … its" no "they"
            name = next((org for org in reversed(self._orgs) if org not in self._its_bodies), None)
            if self._group is not None and 0 <= start - self._group[1] <= _GROUP_REACH:
                name = self._group[0]  # "Critics, like Sens. A, Republican of Iowa, and B, … see … They sent a letter"
            previous = self._previous.speaker
            if previous and previous not in self._persons and _PLURAL_PARTY.search(previous):
                name = previous  # "Sens. Grassley and Leahy wrote … They sent a letter": the parties just quoted
        if name is None:
            return Attribution(None, None, None)  # an attribution, but to no one we know
        return Attribution(name, start, end)

    def _listed_group(self, sentence: str) -> str | None:
        """Two or more people a sentence lists as examples of its subject ("Critics of the program, like Senators
        Charles E. Grassley, Republican of Iowa, and Patrick J. Leahy, Democrat of Vermont, see …"): "A; B"."""
        listed = _EXAMPLES.search(sentence)
        if listed is None:
            return None
        head = listed.group("head").split()
        if not can_speak((head[: head.index("of")] if "of" in head else head)[-1]):
            return None  # "Some of the victims, such as Walter Scott and Eric Garner, have become familiar names"
        names = []
        for run in _LISTED_PERSON.finditer(listed.group("people")):
            words = run.group(1).split()
            while words and (words[0].lower().rstrip(".") in _TITLES or words[0].lower().rstrip("s") in _TITLES):
                words = words[1:]  # "Senators Charles E. Grassley"
            if len(words) >= 2 and gender_of_first(words[0].lower()):
                names.append(self._people.fuller(words) or " ".join(words))
        return "; ".join(names) if len(names) >= 2 else None

    def _opening_person(self, sentence: str) -> str | None:
        """The person named as the subject that opens ``sentence`` (its fullest known name), or None.
        A sentence opening with a quotation has no such subject: the quoted words speak of others."""
        if not sentence[:1].isalpha():
            return None
        opening = opening_name(sentence, _TITLES)
        if opening is None:
            return None
        titles, words = opening
        lowered = [w.lower().rstrip(".") for w in words]
        if lowered[0] in _SENTENCE_WORDS | _NOT_NAMES | _NOT_PERSON_FIRST | _PRONOUN_WORDS | _PREPOSITIONS:
            return None
        if any(w in _ORG_WORDS or w in _DATE_WORDS or w in _PLACE_WORDS or w in _TITLES for w in lowered):
            return None
        full = self._people.fuller(words, gender_of_titles(titles))
        if full:
            return full
        return " ".join(words) if len(words) >= 2 else None

    def _generic(self, phrase: str, noun: str, start: int, before: str) -> Attribution:
        noun = noun.split()[-1].lower()
        first = re.match(r"(\S+)\s+", phrase)
        if first and first.group(1).lower() in _SENTENCE_WORDS:
            # "But  officials said": skip the word and all the space after it, so that the span
            # stays on the text as written.
            start += first.end()
            phrase = phrase[first.end() :]
        own = _OWN_SPOKESPERSON.fullmatch(phrase)
        if own:
            # "…, his spokesman said": an unnamed spokesperson speaks for whom the pronoun stands
            pronoun = "he" if own.group(1).lower() == "his" else "she"
            subject = next(
                (m for m in _PERSON_RUN.finditer(before) if not _POSSESSIVE_AFTER.match(before, m.end())), None
            )
            hit: Attribution | None
            if subject and subject.start() < len(before) - len(phrase):
                # "opposition leader Morgan Tsvangirai, who …, returned on Wednesday, his spokesman said": the person
                # the sentence is about (not "Mnangagwa's plan")
                words = subject.group(1).split()
                hit = Attribution(self._people.fuller(words) or " ".join(words), start, start + len(phrase))
            else:
                hit = self._pronoun(pronoun, start, start + len(phrase), before)
            if hit is not None and hit.speaker:
                self._spoken_for = hit.speaker
                return Attribution(hit.speaker, start, start + len(phrase))
        owner = _SPOKES_FOR.match(phrase) or _SPOKES_OF.match(phrase) or _SPOKES_NAMED.match(phrase)
        owner = owner or _MEDIA_FROM.match(phrase)  # "a statement from Ryan’s office"
        if owner and owner.group(1).split():
            # An unnamed spokesperson speaks for the organisation: "a spokesperson for the ministry".
            party = owner.group(1)
            capitalised = re.sub(r"^(?:the|a|an)\s+", "", party, flags=re.IGNORECASE)[:1].isupper()
            named = self._named(party, start + owner.start(1), before) if capitalised else None
            found = named or self._generic(party, party.split()[-1], start + owner.start(1), before)
            self._spoken_for = found.speaker
            return found
        if self._spoken_for and _THE_SPOKESPERSON.fullmatch(phrase):
            # "Cameron's spokesman said …", then "the spokesman said": the same spokesman, for the same party
            return Attribution(self._spoken_for, start, start + len(phrase))
        titled = self._by_title.get(noun)
        # "the president", "The South Carolina senator" (a place or party before the title); not "a minister",
        # "An Ohio senator", "Another senator": someone else
        described = re.match(r"(?:[Tt]he\s+)?((?:[A-Z][\w.'’-]*\s+){0,3})\S+$", phrase)
        if titled and described and not {w.lower() for w in described.group(1).split()} & (_QUANTIFIERS | {"a", "an"}):
            return Attribution(titled, start, start + len(phrase))
        former = re.match(r"(?:the\s+)?former\s+((?:\S+\s+){0,2}\S+)$", phrase, re.IGNORECASE)
        if former and "former " + " ".join(former.group(1).lower().split()) in self._by_title:
            # "the former president" (not the president), "the former vice president"
            return Attribution(
                self._by_title["former " + " ".join(former.group(1).lower().split())], start, start + len(phrase)
            )
        person = self._previous.speaker if self._previous.speaker in self._persons else self._subject_person
        if person and (person_description(phrase) or former):
            # "the New York billionaire", "the former vice president" (whose title the article never gave):
            # who the article speaks of
            return Attribution(person, start, start + len(phrase))
        described = re.match(r"the\s+(?:[\w-]+\s+){0,3}\S+$", phrase, re.IGNORECASE)
        known = self._org_kinds.get(noun) if described and noun in _ORG_KINDS else None
        if known and same_kind(known[1], phrase.lower().split()[1:]):
            return Attribution(known[0], start, start + len(phrase))  # "the oil giant", "the company"
        # A news outlet the article cites ("as Reuters reported") is seldom the company or agency it reports on, nor
        # is a public body ("Congress") the company or the bank the article speaks of ("the central bank").
        reported_on = [
            org
            for org in self._orgs
            if not _OUTLET.search(org)
            and not (noun in _BUSINESS_NOUNS and (_PUBLIC_BODY.search(org) or _NOT_A_BUSINESS.search(org)))
        ]
        org = last_org_headed_by(self._orgs, noun)
        if org and noun in _ORG_WORDS:
            if noun in _BUSINESS_NOUNS and reported_on and self._orgs.index(reported_on[-1]) > self._orgs.index(org):
                # "…Dana F. Besecker Company… A Whole Foods spokeswoman declined… The company also said": the
                # business named last, not the last whose name says "Company"
                org = reported_on[-1]
            return Attribution(org, start, start + len(phrase))
        if noun in _ANY_ORG and reported_on and re.match(r"the\s+\S+$", phrase, re.IGNORECASE):
            return Attribution(reported_on[-1], start, start + len(phrase))  # "the agency": the last one named
        if noun == "club" and re.match(r"the\s+(?:[a-z][\w-]*\s+){0,2}club$", phrase, re.IGNORECASE):
            # "The club said": the football club named last ("Manchester United"), not the last company
            candidates = self._orgs + self._persons[-6:] + self._clubs
            club = next((name for name in reversed(candidates) if _CLUB_NAME.search(name)), None)
            if club:
                return Attribution(club, start, start + len(phrase))
        if (
            noun in _COMPANY_NOUNS
            and not known
            and re.match(r"the\s+(?:[a-z][\w-]*\s+){0,2}\S+$", phrase, re.IGNORECASE)
        ):
            # "The oil company said", "the bank said": the organisation named last, or a name that no
            # first name opens ("Wells Fargo", "Exxon Mobil"), which the memory of people kept for a person
            company = reported_on[-1] if reported_on else self._unknown_company()
            if company:
                return Attribution(company, start, start + len(phrase))
        # "The company said": the speaker is "company", the mention keeps its article.
        name = " ".join(re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE).split())
        return Attribution(name, start, start + len(phrase))

    def _unknown_company(self) -> str | None:
        for name in reversed(self._persons[-6:]):
            words = name.split()
            if (
                len(words) >= 2
                and gender_of_first(words[0].lower()) is None
                and self._people.gender(name) is None
                and not re.search(re.escape(name) + r",?\s+who\b", self._text)
            ):
                # "Someone named Man Haron Monis, who was considered …": "who" tells a person, not a company
                return name
        return None

    def _common_word(self, word: str) -> bool:
        """Whether a capitalised word that opens a sentence is an ordinary word, not a first name: the article
        writes it in lower case elsewhere ("Like Alice, he'll use …", "Once Fetter arrived") and no list of first
        names knows it ("Rose", "Mark" stay names)."""
        if self._lower_words is None:
            self._lower_words = frozenset(re.findall(r"(?<![\w'’-])[a-z]+(?![\w'’-])", self._text))
        lowered = word.lower()
        return lowered in self._lower_words and gender_of_first(lowered) is None

    def _known_person(self, name: str) -> bool:
        """A person by more than capitals: a first name or an honorific told ("Trump spokesman Hope Hicks", not
        "A Whole Foods spokeswoman", which the memory of people took for a person's name)."""
        if not self._is_person(name):
            return False
        full = self._people.fuller(name.split()) or name
        return self._people.gender(full) is not None

    def _is_person(self, name: str) -> bool:
        return name in self._persons or self._people.fuller(name.split()) is not None

    def _remember_org(self, name: str) -> None:
        if name in self._orgs:
            self._orgs.remove(name)
        self._orgs.append(name)

    def _remember_person(self, name: str, confident: bool = True, gender: str | None = None) -> None:
        owner = _OWNER_BEFORE_NAME.match(name)
        if owner:  # "National Review’s Ian Tuttle": the person is Ian Tuttle, whatever outlet the words named
            name = name[owner.end() :]
        if name:
            self._people.remember(name, confident, gender)
