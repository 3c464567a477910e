"""Russian speaker attribution: the rules of speakers.py for sentences written in Russian.

`RussianAttributor` is owned by one speakers.Attributor (one per article, not shared between
threads), which hands it every sentence containing Cyrillic letters. It answers with a `Hit`:
(speaker, start, end) where start/end are the span of the mention in the article, always the text
exactly as written. Russian declines names ("по словам Пескова", "Ирине Кольцовой"), so nothing is
lemmatised: a mention is matched to the people and organisations named earlier by comparing words
up to their case endings (`same_word`). Patterns handled:

- verbs of saying, past (заявил/заявила/заявило/заявили, поделился) and present (считает,
  утверждают), with the subject before ("Песков заявил", "Министерство в своём заявлении
  подчеркнуло") or after ("заявил пресс-секретарь президента Дмитрий Песков", "как сообщил X");
- the quote-dash attribution «…», — сказал он / «…, — заявила X. — …», which wins over any verb
  inside the quoted words; after quoted words (or in a line of dialogue) any verb in the past
  counts ("— отрезал Иванов"), elsewhere only a verb of saying ("…, — земли края дали" is a noun);
- sources: по словам / по данным / по мнению / по оценке X, согласно (данным) X, "по его словам",
  "говорится в сообщении X", "В министерстве заявили" / "сообщили в пресс-службе X";
- titles before the name ("министр финансов Антон Силуанов"), remembered so that "министр
  заявил" and "по словам министра" resolve to the name, and organisations named inside titles
  ("председатель ассоциации автоперевозчиков X" makes "по оценке ассоциации" resolvable);
- pronouns он/она/оно/они (and его/её/их) resolving to the last person or organisation of the same
  grammatical gender, which the verb ("заявила") or a first name ("Ирина") tells.

Which words of a sentence are quoted, and whether a dash closes a quotation, is quotes_ru.py's to say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from .quotes_ru import SentenceQuotes, open_quotation_text
from .words_ru import (
    ADJECTIVE,
    ADVERB_HEAD,
    ADVERB_TAIL,
    APPOSITION_TAIL,
    DOCUMENT,
    FEMALE_SURNAME,
    FIRST_NAMES,
    GENITIVE_LIKE,
    IMPERSONAL_VERB,
    MALE_SURNAME,
    NOUNS,
    ORG_SHAPED,
    PLURAL,
    POSSESSIVES,
    PREPOSITIONS,
    PRONOUNS,
    SOURCE,
    STOP,
    SURNAME,
    TOKEN,
    VERB,
    normalise,
    org_gender,
    same_word,
    verb_gender,
)

# (speaker, start, end); (None, None, None) is an attribution to no one we know (a pronoun with no
# antecedent), which still stops the search, as in speakers.py.
Hit = tuple[str | None, int | None, int | None]
NO_ONE: Hit = (None, None, None)
# Verbs, sources and dashes tried per sentence, of each sort. A real sentence has a few; a
# pathological one (a megabyte of "заявил") must not cost a megabyte of attempts.
MAX_TRIES = 40


def text_end(text: str, pos: int) -> int:
    """Where text[:pos].rstrip() ends, without copying text[:pos]: the cost is the length of the
    run of spaces before pos, not of everything before it."""
    step = 32
    while pos > 0:
        low = max(0, pos - step)
        stripped = text[low:pos].rstrip()
        if stripped:
            return low + len(stripped)
        pos, step = low, step * 2
    return 0


@dataclass(frozen=True)
class _Token:
    text: str
    start: int  # offsets into the article
    end: int

    @property
    def norm(self) -> str:
        return normalise(self.text)

    @property
    def capitalised(self) -> bool:
        return (self.text[0].isupper() or self.text[0] == "«") and self.norm not in STOP


@dataclass(frozen=True)
class _Mention:
    kind: str  # person, org, role, group or pronoun
    tokens: tuple[_Token, ...]  # the mention as written; for a person, the name without its title
    title: tuple[_Token, ...] = ()  # a person's title, from its head noun ("министр финансов")
    strong: bool = True  # a first name, a known name, a pronoun; weak: a guess from the shape of a word

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @property
    def norms(self) -> list[str]:
        return [t.norm for t in self.tokens]


@dataclass(eq=False)  # one entity per person or body: compared by identity
class _Entity:
    name: str
    norms: list[str]
    kind: str  # person, org or group
    gender: str | None  # m, f, n, pl or None when nothing has told
    nominative: bool = True  # False: named so far only as written in another case ("по словам Пескова")


def _tokens_before(text: str, end: int, base: int) -> list[_Token]:
    """The words that run up to text[:end] with only spaces between them (at most eight)."""
    found = list(TOKEN.finditer(text, max(0, end - 200), end))
    out: list[_Token] = []
    limit = end
    for match in reversed(found):
        gap = text[match.end() : limit]
        if (out and not gap.isspace()) or (not out and gap.strip()) or len(out) == 8:
            break
        out.append(_Token(match.group(0), base + match.start(), base + match.end()))
        limit = match.start()
    out.reverse()
    return out


def _tokens_after(text: str, pos: int, base: int) -> list[_Token]:
    """The words that start at text[pos:] (after spaces) with only spaces between them (at most eight)."""
    out: list[_Token] = []
    for match in TOKEN.finditer(text, pos, min(len(text), pos + 200)):
        gap = text[pos : match.start()]
        if (out and not gap.isspace()) or (not out and gap.strip()) or len(out) == 8:
            break
        out.append(_Token(match.group(0), base + match.start(), base + match.end()))
        pos = match.end()
    return out


def _noun(token: _Token, any_case: bool) -> str | None:
    """role / group / org when the word is one of those nouns (first part of a compound counts)."""
    norm = token.norm
    lookup = NOUNS.any_case if any_case else NOUNS.exact
    label = lookup(norm)
    if label is None and "-" in norm:
        label = lookup(norm.split("-", 1)[0])
    if label == "?":  # "экспертов": эксперт or эксперты; a plural ending says which
        return "group" if PLURAL.search(norm) else "role"
    return label


class RussianAttributor:
    """Russian attribution for one article (see module docstring). Not thread-safe."""

    def __init__(self) -> None:
        self._entities: list[_Entity] = []  # people, organisations, groups; most recent last, 200 at most
        self._titles: list[tuple[list[str], _Entity]] = []  # (title words from the head, person)

    # -- finding -------------------------------------------------------------------------------
    def find(self, sentence: str, offset: int, inside_quote: bool, dialogue: bool = False) -> Hit | None:
        """The speaker of one sentence (offset: where it starts in the article), or None.

        inside_quote: the sentence starts inside a «quotation» opened by an earlier sentence, so
        its words up to the closing » are the quoted speaker's, not attributions.
        dialogue: the sentence is in a paragraph that opened with a dialogue dash ("— Это абсурд."),
        so a later ", — отрезал X" closes that quotation.
        """
        quotes = SentenceQuotes(sentence, inside_quote, dialogue)
        for dash in quotes.dash_attributions(MAX_TRIES):  # «…», — сказал X: wherever it is, it wins
            hit = self._subject_after(sentence, dash.end("verb"), dash.group("verb"), offset)
            if hit is not None:
                return hit
        in_quote = quotes.inside
        for source in islice(SOURCE.finditer(sentence), MAX_TRIES):
            if in_quote(source.start()):
                continue
            if source.group(1):
                return self._pronoun(source.group(1), offset + source.start(1), offset + source.end(1))
            mention = self._phrase_after(_tokens_after(sentence, source.end(), offset), any_case=True)
            if mention is not None:
                return self._commit(mention, None, oblique=True)
        for verb in islice(VERB.finditer(sentence), MAX_TRIES):
            if in_quote(verb.start()):
                continue
            hit = None if verb.group("impersonal") else self._subject_before(sentence, verb, offset)
            if hit is None:
                hit = self._subject_after(sentence, verb.end(), verb.group(0), offset)
            if hit is not None:
                return hit
        return None

    def quote_attribution(self, text: str, pos: int) -> Hit | None:
        """Who speaks a «quotation» left open at text[pos]: the first «…, — сказал X» inside it or
        just after it closes, within the same paragraph. None when there is none."""
        region = open_quotation_text(text, pos)
        for dash in SentenceQuotes(region, inside=True, dialogue=False).dash_attributions(MAX_TRIES):
            hit = self._subject_after(region, dash.end("verb"), dash.group("verb"), pos)
            if hit is not None:
                return hit
        return None

    def _subject_before(self, sentence: str, verb: re.Match[str], offset: int) -> Hit | None:
        # The subject is in the last words before the verb: every search below stops at `end` and
        # looks back a bounded distance, so that a long sentence costs no more per verb than a short one.
        end = verb.start()
        adverbs = ADVERB_TAIL.search(sentence, max(0, end - 80), end)
        if adverbs:
            end = adverbs.start()
        end = text_end(sentence, end)
        # A quotation ends with ", —" before its verb; «Газпром» right before the verb is a name.
        if not end or sentence[end - 1] in '—–-:«"“”(':
            return None
        gender = verb_gender(verb.group(0))
        if sentence[end - 1] == ",":
            # "Олег Тарасов, преподающий в местном университете, считает": the subject before the
            # clause, and only a confident one ("Ремонт моста в Заречинске, …, завершится" is not).
            clause = APPOSITION_TAIL.search(sentence, max(0, end - 140), end)
            if not clause:
                return None
            mention = self._phrase_before(_tokens_before(sentence, clause.start(), offset), gender)
            if mention is None or not mention.strong:
                return None
            return self._commit(mention, gender, oblique=False)
        tokens = _tokens_before(sentence, end, offset)
        mention = self._phrase_before(tokens, gender)
        if mention is None or not mention.strong:
            # "Министерство в своём заявлении подчеркнуло", "Песков в интервью РИА Новости заявил":
            # the subject stands before a prepositional phrase.
            for i in range(len(tokens) - 1, max(-1, len(tokens) - 6), -1):
                if tokens[i].norm in PREPOSITIONS:
                    if i > 0:
                        mention = self._phrase_before(tokens[:i], gender) or mention
                    break
        if mention is None:
            return None
        return self._commit(mention, gender, oblique=False)

    def _subject_after(self, sentence: str, pos: int, verb: str, offset: int) -> Hit | None:
        """The subject after a verb that ends at sentence[pos]."""
        gender = verb_gender(verb)
        if IMPERSONAL_VERB.fullmatch(verb):
            document = DOCUMENT.match(sentence, pos)
            if not document:
                return None
            mention = self._phrase_after(_tokens_after(sentence, document.end(), offset), any_case=True)
            return self._commit(mention, None, oblique=True) if mention else None
        adverbs = ADVERB_HEAD.match(sentence, pos)
        if adverbs:
            pos = adverbs.end()
        tokens = _tokens_after(sentence, pos, offset)
        if not tokens:
            return None
        first = tokens[0].norm
        if first in PRONOUNS:
            return self._pronoun(tokens[0].text, tokens[0].start, tokens[0].end)
        if first in ("в", "во", "на") and gender == "pl":  # "сообщили в министерстве"
            mention = self._phrase_after(tokens[1:], any_case=True)
            if mention is not None and mention.kind in ("org", "role"):
                return self._commit(mention, gender, oblique=True)
            return None
        mention = self._phrase_after(tokens, any_case=False)
        return self._commit(mention, gender, oblique=False) if mention else None

    # -- noun phrases --------------------------------------------------------------------------
    def _phrase_before(self, tokens: list[_Token], gender: str | None) -> _Mention | None:
        """The subject that ends with the last of `tokens` (the word before the verb)."""
        if not tokens:
            return None
        last = tokens[-1]
        if last.norm in PRONOUNS:
            return _Mention("pronoun", (last,))
        if gender == "pl":  # "В министерстве заявили", "В пресс-службе Кремля сообщили"
            for i in range(len(tokens) - 2, max(-1, len(tokens) - 5), -1):
                if tokens[i].norm in ("в", "во", "на"):
                    mention = self._phrase_after(tokens[i + 1 :], any_case=True)
                    if mention is not None and mention.kind in ("org", "role") and mention.end == last.end:
                        return mention
                    break
        k = len(tokens)
        while k > 0 and tokens[k - 1].capitalised:
            k -= 1
        run = tokens[k:]
        if k > 0 and tokens[k - 1].norm in PREPOSITIONS:
            run = []  # "в Берлине заявил": the object of a preposition is not the subject
        if run:
            person = self._person_in_run(run, tokens[:k])
            if person is not None:
                return person
        headed = self._headed_before(tokens)
        if headed is not None:
            return headed
        if run:
            return self._run_mention(run, tokens[:k], at_start=k == 0 and len(run) == 1)
        return None

    def _phrase_after(self, tokens: list[_Token], any_case: bool) -> _Mention | None:
        """The noun phrase that starts with the first of `tokens` (after a verb or "по словам")."""
        if not tokens:
            return None
        if tokens[0].norm in PRONOUNS:
            return _Mention("pronoun", (tokens[0],))
        k = 0
        while k < len(tokens) and k < 6 and not tokens[k].capitalised:
            k += 1
        stretch = tokens[:k]
        j = k
        while j < len(tokens) and tokens[j].capitalised:
            j += 1
        run = tokens[k:j]
        found = self._head(stretch, any_case)
        if run and (found is not None or not stretch):
            person = self._person_in_run(run, stretch)
            if person is not None:
                return person
            if found is None:
                return self._run_mention(run, (), at_start=False)
            head, label = found
            modifiers = stretch[head + 1 :]
            if all(GENITIVE_LIKE.search(t.norm) for t in modifiers):
                if label == "role" and SURNAME.search(run[-1].norm) and not ORG_SHAPED.search(run[-1].norm):
                    return _Mention("person", (run[-1],), title=tuple(stretch[head:]) + tuple(run[:-1]), strong=False)
                # "пресс-служба Кремля", "компания «Мостострой-Север»", "глава Минфина"
                return _Mention(label, tuple(stretch[_first_adjective(stretch, head) :]) + tuple(run))
        if found is None:
            return None
        head, label = found
        end = head + 1
        while (
            end < len(stretch)
            and end - head <= 3
            and GENITIVE_LIKE.search(stretch[end].norm)
            and stretch[end].norm not in STOP
        ):
            end += 1
        return _Mention(label, tuple(stretch[_first_adjective(stretch, head) : end]))

    def _head(self, stretch: list[_Token], any_case: bool) -> tuple[int, str] | None:
        """The head noun of a phrase, the first word or after up to two adjectives: (index, its label)."""
        for i, token in enumerate(stretch[:3]):
            label = _noun(token, any_case)
            if label:
                return i, label
            if not ADJECTIVE.search(token.norm) or token.norm in STOP:
                return None
        return None

    def _headed_before(self, tokens: list[_Token]) -> _Mention | None:
        """ "Глава администрации района", "Жители Ольховки": a nominative role, group or
        organisation noun followed only by words in the genitive (or names)."""
        for head in range(max(0, len(tokens) - 5), len(tokens)):
            label = _noun(tokens[head], any_case=False)
            if not label:
                continue
            rest = tokens[head + 1 :]
            if (
                label != "org"
                and len(rest) >= 2
                and rest[-2].norm in ("в", "во", "на")
                and (rest[-1].capitalised or _noun(rest[-1], any_case=True) == "org")
            ):
                rest = rest[:-2]  # "Источник в правительстве", "собеседник в Кремле"
            if all(t.capitalised or (GENITIVE_LIKE.search(t.norm) and t.norm not in STOP) for t in rest):
                return _Mention(label, tuple(tokens[_first_adjective(tokens, head) :]))
        return None

    def _person_in_run(self, run: list[_Token], before: list[_Token]) -> _Mention | None:
        """A person's name inside a run of capitalised words: from a first name or an initial
        ("России Дмитрий Песков" → "Дмитрий Песков"), or a surname we already know."""
        for i, token in enumerate(run):
            if FIRST_NAMES.any_case(token.norm) or re.fullmatch(r"[A-ZА-ЯЁ]\.", token.text):
                name = run[i : i + 4] if any(t.text.endswith(".") for t in run[i : i + 3]) else run[i : i + 3]
                return _Mention("person", tuple(name), title=_title(list(before) + run[:i]))
        if self._known_person([run[-1].norm], None) is not None:
            return _Mention("person", (run[-1],), title=_title(list(before) + run[:-1]))
        return None

    def _run_mention(self, run: list[_Token], before: list[_Token] | tuple[()], at_start: bool) -> _Mention | None:
        """Capitalised words with no first name: an organisation ("Минфин России", "МИД", «…»)
        or a surname ("Песков"). A lone unknown word that opens the sentence is neither."""
        norms = [t.norm for t in run]
        if any(
            ORG_SHAPED.search(n) or t.text.isupper() or t.text.startswith("«") or t.text.isascii()
            for n, t in zip(norms, run)
        ):
            return _Mention("org", tuple(run), strong=False)
        if SURNAME.search(norms[-1]):
            return _Mention("person", (run[-1],), title=_title(list(before) + run[:-1]), strong=False)
        if at_start:
            return None
        return _Mention("org", tuple(run), strong=False)

    # -- resolving -----------------------------------------------------------------------------
    def _commit(self, mention: _Mention, gender: str | None, oblique: bool) -> Hit:
        """The speaker a mention stands for, remembered for the pronouns and mentions to come."""
        start, end = mention.start, mention.end
        if mention.kind == "pronoun":
            return self._pronoun(mention.tokens[0].text, start, end)
        if mention.kind == "person":
            return self._person(mention, gender, oblique)
        phrase = self._text_of(mention)
        if mention.kind == "role":
            titled = self._titled(mention.norms)
            return (titled.name if titled else phrase, start, end)
        if mention.kind == "group":
            self._remember(_Entity(phrase, mention.norms, "group", "pl"))
            return (phrase, start, end)
        known = self._known_org(mention.norms)
        if known is None:
            known = _Entity(phrase, mention.norms, "org", org_gender(mention.norms))
        self._remember(known)
        return (known.name, start, end)

    def _person(self, mention: _Mention, gender: str | None, oblique: bool) -> Hit:
        norms = mention.norms
        gender = _person_gender(mention, gender, oblique)
        known = self._known_person(norms, gender)
        name = " ".join(t.text for t in mention.tokens)
        if known is None:
            known = _Entity(name, norms, "person", gender, nominative=not oblique)
        elif not oblique and (
            len(norms) > len(known.norms) or (len(norms) == len(known.norms) and not known.nominative)
        ):
            # "Дмитрий Песков" after "по словам Пескова" or "Песков": the fullest nominative names them
            known.name, known.norms, known.nominative = name, norms, True
        if known.gender is None and gender in ("m", "f"):
            known.gender = gender
        for org in _orgs_in_title(mention.title):
            words = [t.norm for t in org]
            self._remember(
                self._known_org(words) or _Entity(" ".join(t.text for t in org), words, "org", org_gender(words))
            )
        title = [t.norm for t in mention.title]
        if title and (not self._titles or self._titles[-1] != (title, known)):
            self._titles = self._titles[-50:] + [(title, known)]
        self._remember(known)
        return (known.name, mention.start, mention.end)

    def _pronoun(self, word: str, start: int, end: int) -> Hit:
        norm = normalise(word)
        genders = PRONOUNS.get(norm) or POSSESSIVES[norm]
        if "pl" in genders:  # "они", "их": the last organisation or group
            pick = [e for e in self._entities if e.kind in ("org", "group")]
        else:
            pick = [e for e in self._entities if e.kind in ("person", "org") and e.gender in genders]
            if not pick and genders != {"n"}:  # people whose gender nothing has told yet
                pick = [e for e in self._entities if e.kind == "person" and e.gender is None]
        if not pick:
            return NO_ONE
        return (pick[-1].name, start, end)

    def _known_person(self, norms: list[str], gender: str | None) -> _Entity | None:
        for entity in reversed(self._entities):
            if entity.kind != "person":
                continue
            if gender in ("m", "f") and entity.gender in ("m", "f") and gender != entity.gender:
                continue
            if not same_word(norms[-1], entity.norms[-1]):
                continue
            if len(norms) > 1 and len(entity.norms) > 1 and not same_word(norms[0], entity.norms[0]):
                continue
            return entity
        return None

    def _known_org(self, norms: list[str]) -> _Entity | None:
        words = [n for n in norms if len(n) >= 3 and n not in STOP]
        if not words:
            return None
        generic = len(words) == 1 and same_word(words[0], "ведомство")  # "в ведомстве": the last body named
        for entity in reversed(self._entities):
            if entity.kind != "org":
                continue
            if generic or all(any(same_word(w, e) for e in entity.norms) for w in words):
                return entity
        return None

    def _titled(self, norms: list[str]) -> _Entity | None:
        """The person last given this title: "министр" after "министр финансов Антон Силуанов"."""
        for title, entity in reversed(self._titles):
            if len(norms) <= len(title) and all(same_word(a, b) for a, b in zip(norms, title)):
                return entity
        return None

    def _remember(self, entity: _Entity) -> None:
        if entity in self._entities:
            self._entities.remove(entity)
        elif entity.kind == "group":  # "Жители Ольховки" twice is one group
            for other in self._entities:
                if other.kind == "group" and other.norms == entity.norms:
                    self._entities.remove(other)
                    break
        self._entities.append(entity)
        if len(self._entities) > 200:  # no article refers that far back; keeps lookups cheap
            del self._entities[0]

    @staticmethod
    def _text_of(mention: _Mention) -> str:
        return " ".join(t.text for t in mention.tokens)


def _first_adjective(tokens: Sequence[_Token], head: int) -> int:
    """Include up to two adjectives before a head noun ("областное министерство")."""
    start = head
    while (
        start > 0
        and head - start < 2
        and ADJECTIVE.search(tokens[start - 1].norm)
        and tokens[start - 1].norm not in STOP
        and not tokens[start - 1].text[0].isupper()
    ):
        start -= 1
    return start


def _title(words: list[_Token]) -> tuple[_Token, ...]:
    """The title before a name, from its head noun: "Об этом заявил пресс-секретарь президента"
    gives "пресс-секретарь президента"."""
    for i, token in enumerate(words):
        if _noun(token, any_case=True) == "role":
            return tuple(words[i:])
    return ()


def _orgs_in_title(title: tuple[_Token, ...]) -> list[list[_Token]]:
    """Organisations a title names: "депутат областной думы" names "областной думы"."""
    out = []
    for i, token in enumerate(title):
        if i > 0 and _noun(token, any_case=True) == "org":
            start = _first_adjective(title, i)
            end = i + 1
            while end < len(title) and GENITIVE_LIKE.search(title[end].norm) and _noun(title[end], True) is None:
                end += 1
            out.append(list(title[start:end]))
    return out


def _person_gender(mention: _Mention, verb: str | None, oblique: bool) -> str | None:
    if verb in ("m", "f"):
        return verb
    for token in mention.tokens:
        label = FIRST_NAMES.any_case(token.norm)
        if label in ("m", "f"):
            return label
    if not oblique:  # "Кольцова" is a woman in the nominative, a man's genitive elsewhere
        if FEMALE_SURNAME.search(mention.norms[-1]):
            return "f"
        if MALE_SURNAME.search(mention.norms[-1]):
            return "m"
    return None
