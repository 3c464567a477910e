"""The people an article has named so far, for speakers.Attributor: full names (most recent last), the
fuller name of each surname, and each person's gender where the article tells it.

The gender comes from an honorific ("Mrs. Clinton", "Ms. Warren" -> a woman; "Mr. Clinton" -> a man) or
from a common first name given with the surname ("Hillary Clinton", "Bill Clinton"). It decides which
Clinton "Mrs. Clinton" is once both were named, and who "she" or "he" is when the last person named
is of the other gender. Names nobody can tell ("Pat", "Jordan") stay unknown. One memory per article.
"""

from __future__ import annotations

import re

from .speaker_patterns import fuller_name, name_key

FEMALE = "f"
MALE = "m"

HONORIFICS = {"mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "madam": FEMALE, "mr": MALE, "sir": MALE}
PRONOUNS = {"she": FEMALE, "her": FEMALE, "he": MALE, "him": MALE}

# Common first names whose gender is not in doubt (US and UK usage, and names frequent in world news).
_FEMALE_FIRST = frozenset(
    """
abigail alice alicia allison amanda amber amy ana andrea angela angelina ann anna anne annie april ashley
barbara beatrice becky betsy betty beverly brenda bridget brittany caitlin carla carly carmen carol caroline
carolyn catherine cathy charlotte cheryl chelsea christina christine cindy claire claudia colleen condoleezza
courtney cynthia danielle deborah debbie debra denise diana diane donna dorothy elaine eleanor elena
elizabeth ellen emily emma erica erin eva evelyn fiona frances gabrielle gina gloria grace hannah harriet
heather heidi helen hillary holly ivanka jacqueline jane janet janice jasmine jean jeanne jennifer jenny
jessica jill joan joanna jodi josephine joyce judith judy julia julie karen kate katherine kathleen kathryn
kathy katie kayla kellyanne kelly kimberly kirsten kristen laura lauren leslie lillian linda lisa lois
loretta lori louise lucy lynn madeleine margaret maria marie marilyn martha mary maxine megan melania
melissa michele michelle mildred nancy natalie nicole nikki olivia pamela patricia paula peggy penny
rachel rebecca rhonda rita roberta rosa rose ruth sally samantha sandra sara sarah sharon sheila shirley
sophie stephanie susan susana suzanne sylvia tammy tara teresa theresa tiffany tina tulsi valerie vanessa
veronica victoria virginia wendy yvonne marine ursula christiane
""".split()
)
_MALE_FIRST = frozenset(
    """
aaron adam alan albert alex alexander alfred andrew angus anthony antonin arnold arthur barack ben benjamin
bernie bernard bill billy bob bobby boris brad bradley brandon brian bruce bryan carl carlos charles charlie
chris christopher chuck clarence craig dan daniel darrell dave david dennis derek dick don donald doug
douglas duncan dwight earl ed eddie edward elijah eric ernest eugene evan francis frank fred frederick gary
george gerald glenn gordon greg gregory harold harry henry herbert howard ian jack jacob jake james jared
jason jeb jeff jeffrey jeremy jerry jesse jim jimmy joe joel john johnny jon jonathan joseph josh joshua
juan justin keith ken kenneth kevin kurt larry lawrence leon louis luke marco mark martin matt matthew
michael mike mitch mitt nathan neil nicholas nick norman oliver patrick paul peter phil philip ralph randy
ray raymond reince richard rick rob robert rodrigo roger ron ronald roy russell ryan sam samuel scott sean
sergei seth stanley stephen steve steven stuart ted terry thomas tim timothy todd tom tony travis vladimir
walter wayne william willie xi
""".split()
)


_SUFFIXES = frozenset("jr sr ii iii iv".split())


def _first_of_two(name: str, *, first_name: bool) -> str | None:
    """The first word of a name of two words, as a key; else None. That word names the person alone
    when it is a common first name ("Hillary" for "Hillary Clinton") or a family name given first
    ("Ban" for "Ban Ki-moon", "Kim" for "Kim Ji-woo": a hyphenated given name follows). Only then:
    "Mr. Obama" must not become "Obama Sees", a title-case headline run remembered as a name."""
    parts = [p for p in name.split() if p.lower().rstrip(".") not in _SUFFIXES]
    if len(parts) != 2 or not (first_name or _GIVEN_NAME_HYPHENATED.fullmatch(parts[1])):
        return None
    return name_key(parts[0])


# "Ki-moon", "Jae-in", "Jong-un": a given name of two syllables joined by a hyphen, the second in lower case.
_GIVEN_NAME_HYPHENATED = re.compile(r"[A-Z][a-z]+-[a-z]+")


def gender_of_first(word: str) -> str | None:
    """The gender of a common first name ("Hillary" -> a woman), None when unknown or in doubt."""
    word = word.lower()
    if word in _FEMALE_FIRST:
        return FEMALE
    return MALE if word in _MALE_FIRST else None


def gender_of_titles(titles: list[str]) -> str | None:
    """The gender the honorifics among ``titles`` (lower case, dots dropped) tell, or None."""
    found = {HONORIFICS[t] for t in titles if t in HONORIFICS}
    return found.pop() if len(found) == 1 else None


class PeopleMemory:
    """Persons an article has named (see the module docstring)."""

    def __init__(self) -> None:
        self.persons: list[str] = []  # full names, most recent last
        self.surnames: dict[str, str] = {}  # surname key -> the fuller name named last
        self._by_surname: dict[str, list[str]] = {}  # surname key -> every fuller name, most recent last
        self._genders: dict[str, str] = {}

    def __contains__(self, name: object) -> bool:
        return name in self.persons

    def gender(self, name: str) -> str | None:
        return self._genders.get(name) or gender_of_first(name.split()[0])

    def forget(self, name: str) -> None:
        """``name`` is no person after all ("Exxon Mobil", once "the oil giant Exxon Mobil" says so)."""
        if name in self.persons:
            self.persons.remove(name)
        key = name_key(name.split()[-1])
        if self.surnames.get(key) == name:
            del self.surnames[key]
        if name in self._by_surname.get(key, []):
            self._by_surname[key].remove(name)

    def remember(self, name: str, confident: bool = True, gender: str | None = None) -> None:
        if gender and gender_of_first(name.split()[0]) in (None, gender):
            self._genders[name] = gender
        if not confident:
            return
        if name in self.persons:
            self.persons.remove(name)
        self.persons.append(name)
        parts = name.split()
        if len(parts) > 1:
            key = name_key(parts[-1])
            first = self.surnames.get(key)
            if first is None or name_key(parts[0]) == name_key(first.split()[0]):
                self.surnames[key] = name  # a bare surname stays who it named first ("Cruz" after Heidi Cruz)
            named = self._by_surname.setdefault(key, [])
            if name in named:
                named.remove(name)
            named.append(name)

    def fuller(self, words: list[str], gender: str | None = None) -> str | None:
        """The fuller name of ``words`` (speaker_patterns.fuller_name), of the given gender when known:
        "Mrs. Clinton" is Hillary Clinton though Bill Clinton was named since."""
        full = fuller_name(words, self.surnames)
        if full is None and len(words) == 1:  # "Ban" after "Ban Ki-moon", "Hillary" after "Hillary Clinton"
            key, first_name = name_key(words[0]), gender_of_first(words[0]) is not None
            full = next((p for p in reversed(self.persons) if _first_of_two(p, first_name=first_name) == key), None)
        if gender is None or full is None or self.gender(full) in (None, gender):
            return full
        for other in reversed(self._by_surname.get(name_key(words[-1]), [])):
            if self.gender(other) == gender:
                return fuller_name(words, {name_key(words[-1]): other})
        return full

    def of_gender(self, name: str | None, pronoun: str) -> str | None:
        """``name`` when "he"/"she" (``pronoun``) may stand for it, else the person of that pronoun's
        gender named last (``name`` again when there is none)."""
        wanted = PRONOUNS.get(pronoun.lower())
        if name is None or wanted is None or self.gender(name) in (None, wanted):
            return name
        for other in reversed(self.persons):
            if self.gender(other) == wanted:
                return other
        return name


# Words that may open a sentence before its subject: "But Trump said", "Meanwhile, Sanders told".
_CONNECTIVES = frozenset("but and so yet then still now however meanwhile later instead also".split())
# A name word: "Shays", "Ortiz-Lopez", "F.", and with an inner capital "McCaskill", "DeSantis", "O'Malley".
_NAME_WORD = re.compile(r"(?:(?:[A-Z]['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z]?[a-z]+)*|[A-Z]\.)$")
# Lower-case words that describe the person a name follows: "Former Democratic candidate Bernie Sanders".
_ROLE_NOUNS = frozenset(
    """
candidate nominee presidential hopeful contender front-runner frontrunner rival congressman congresswoman
lawmaker businessman businesswoman billionaire activist author host anchor strategist pollster adviser
advisor aide commentator columnist lawyer attorney veteran mogul developer star
""".split()
)


def opening_name(sentence: str, titles: frozenset[str]) -> tuple[list[str], list[str]] | None:
    """The titles and the capitalised words of a name that opens ``sentence`` as its subject, after a
    connective: "But former Rep. Chris Shays (R-Conn.) was" -> (["former", "rep"], ["Chris", "Shays"]), "Texas
    Sen. Ted Cruz is" -> (["texas", "sen"], ["Ted", "Cruz"]).
    None when the sentence opens with anything else, or the name is a possessive ("Trump's campaign":
    the campaign is the subject). ``titles``: lower-case title words ("sen." or "sen")."""
    found_titles: list[str] = []
    name: list[str] = []
    for index, match in enumerate(re.finditer(r"\S+", sentence[:200])):
        word = match.group(0)
        bare = word.rstrip(",;:")
        lowered = bare.lower().rstrip(".")
        if not name and index == 0 and lowered in _CONNECTIVES:
            continue
        if len(name) <= 2 and (lowered in titles or lowered + "." in titles or lowered in _ROLE_NOUNS | {"former"}):
            # "Texas Sen. Ted Cruz", "House Majority Leader Kevin McCarthy": what opens the title is part of it
            found_titles += [w.lower() for w in name] + [lowered]
            name = []
            continue
        if bare.endswith(("'s", "’s")):
            return None
        if not _NAME_WORD.match(bare):
            break
        name.append(bare)
        if bare != word:  # "Chris Shays, a former congressman": the comma ends the name
            break
    return (found_titles, name) if name else None


# Degrees and post-nominal letters written after a name between commas: "Jane Roe, MD, a professor at Yale, said".
_CREDENTIAL = (
    r"(?:M\.?D\.?|Ph\.?D\.?|M\.?P\.?H\.?|MPhil|MHS|MS|Dr\.?PH|R\.?N\.?|D\.?O\.?|DDS|DMD|MBBS|MBChB|MSc|M\.Sc\.|MSN|MSW|DNP|NP|"
    r"MBA|J\.?D\.?|Pharm\.?D\.?|DVM|Psy\.?D\.?|LCSW|FRCP|FRCS|FACP|FACS|FAAP|FACC|FRS|OBE|MBE|CBE|QC|KC)"
)
_CREDENTIALS = re.compile(rf"(?<=[a-z]),(\s+{_CREDENTIAL}(?:\s*,\s*{_CREDENTIAL})*\s*,)(?=\s)")


def without_credentials(sentence: str) -> str:
    """The sentence with the degrees after a name blanked out, offsets kept: "Jane Roe, MD, a professor at Yale,
    said" reads as "Jane Roe,     a professor at Yale, said", so the letters are taken for neither a name nor a
    description ("MD" had been the speaker)."""
    if "," not in sentence:
        return sentence
    return _CREDENTIALS.sub(lambda m: "," + " " * len(m.group(1)), sentence)
