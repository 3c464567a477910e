"""Russian words for speakers_ru.py: verbs of saying, nouns for roles, groups and bodies, first
names, the patterns around them, and matching a word across its case endings.

Pure data and functions, any thread. Everything is matched on `normalise`d words (lower case, ё
written е); nothing is lemmatised, `same_word` only compares two words up to their endings.
"""

from __future__ import annotations

import re


def normalise(word: str) -> str:
    return word.lower().replace("ё", "е")


# Case endings of nouns, adjectives and names: two words are one if they differ only by these.
_ENDINGS = frozenset("""
а я у ю е и ы о й ь ой ей ою ею ом ем ым им ий ый ая яя ое ее ую юю ые ие ого его ому ему ых их ыми
ими ами ями ах ях ам ям ия ии ию ией ья ьи ье ью ьей ьем
""".split()) | {""}
# Nouns also have a genitive plural in -ов/-ев/-ей ("по мнению экспертов"); names may not, or
# "Иван" would match "Иванов".
_NOUN_ENDINGS = _ENDINGS | {"ов", "ев", "ей"}


def same_word(a: str, b: str, endings: frozenset[str] = _ENDINGS) -> bool:
    """Whether two normalised words are one word in two cases ("песков", "пескова", "пескову")."""
    if a == b:
        return True
    limit = min(len(a), len(b))
    i = 0
    while i < limit and a[i] == b[i]:
        i += 1
    return i >= 3 and a[i:] in endings and b[i:] in endings


class _Lexicon:
    """Words indexed by their first three letters, looked up in any case."""

    def __init__(self, entries: dict[str, str], endings: frozenset[str]):
        self._exact = entries
        self._endings = endings
        self._index: dict[str, list[str]] = {}
        for word in entries:
            self._index.setdefault(word[:3], []).append(word)

    def exact(self, norm: str) -> str | None:
        return self._exact.get(norm)

    def any_case(self, norm: str) -> str | None:
        """The label of the word in any case; "?" when two entries match with different labels
        ("Александра": Александр in the genitive, or Александра)."""
        if norm in self._exact:
            return self._exact[norm]
        found = {self._exact[w] for w in self._matches(norm)}
        if len(found) == 1:
            return found.pop()
        return "?" if found else None

    def base(self, norm: str) -> str | None:
        """The dictionary form of a word in any case ("думы" -> "дума")."""
        if norm in self._exact:
            return norm
        return next(iter(self._matches(norm)), None)

    def _matches(self, norm: str) -> list[str]:
        """Entries that are this word in another case; of several, those sharing the longest
        stem ("мэрии" is "мэрия", not "мэр")."""
        found = [w for w in self._index.get(norm[:3], ()) if same_word(norm, w, self._endings)]
        if len(found) > 1:
            longest = max(_common_prefix(norm, w) for w in found)
            found = [w for w in found if _common_prefix(norm, w) == longest]
        return found


def _common_prefix(a: str, b: str) -> int:
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return i


def _lexicon(endings: frozenset[str] = _ENDINGS, **groups: str) -> _Lexicon:
    return _Lexicon({word: label for label, words in groups.items() for word in words.split()}, endings)


# "павл", "льв": the stems of Павел and Лев in the other cases (the vowel drops out).
FIRST_NAMES = _lexicon(m="""
александр алексей анатолий андрей антон аркадий арсений артем артур богдан борис вадим валентин валерий
василий вениамин виктор виталий владимир владислав всеволод вячеслав геннадий георгий герман глеб григорий
давид даниил денис дмитрий евгений егор иван игорь илья иосиф кирилл константин лев льв леонид максим
марат марк матвей михаил никита николай олег павел павл петр рамзан ринат роман ростислав руслан рустам
святослав семен сергей станислав степан тимофей тимур федор филипп эдуард юрий яков ярослав
""", f="""
александра алена алина алла анастасия анна антонина валентина валерия вера вероника виктория галина
дарья диана евгения екатерина елена елизавета жанна зоя инна ирина карина кира кристина ксения лариса
лидия любовь людмила маргарита марина мария надежда наталья наталия нина оксана олеся ольга полина
раиса светлана софия софья тамара татьяна ульяна эльвира элла юлия яна
""")
# Nominative forms: a subject is in the nominative, so before a verb only these count.
NOUNS = _lexicon(_NOUN_ENDINGS, role="""
пресс-секретарь пресс-атташе представитель представительница министр замминистра заместитель зампред
вице-премьер премьер премьер-министр вице-президент глава губернатор врио мэр президент депутат сенатор
спикер председатель руководитель директор гендиректор замдиректора начальник командующий командир прокурор
следователь судья адвокат юрист эксперт аналитик экономист политолог социолог историк инженер профессор
преподаватель ученый врач главврач сотрудник сотрудница чиновник чиновница источник собеседник собеседница
посол генсек омбудсмен уполномоченный советник помощник помощница лидер основатель владелец совладелец
автор журналист журналистка блогер активист активистка очевидец свидетель житель жительница пенсионер
пенсионерка водитель староста специалист исследователь
""", group="""
эксперты аналитики экономисты политологи социологи ученые врачи медики специалисты исследователи чиновники
власти военные полицейские спасатели следователи прокуроры адвокаты юристы депутаты сенаторы источники
собеседники жители очевидцы свидетели критики сторонники противники активисты защитники перевозчики
синоптики метеорологи журналисты представители пользователи участники организаторы родители учителя
педагоги работники сотрудники пассажиры водители фермеры аграрии предприниматели инвесторы банкиры
демонстранты протестующие волонтеры правозащитники экологи энергетики строители пенсионеры горожане
""", org="""
министерство ведомство мэрия администрация правительство кабмин компания пресс-служба департамент
управление комитет комиссия служба агентство суд прокуратура генпрокуратура полиция банк центробанк фонд
партия дума госдума облдума гордума парламент кремль штаб организация ассоциация союз профсоюз центр
институт университет корпорация концерн холдинг предприятие завод группа совет горсовет оператор регулятор
подрядчик застройщик избирком облизбирком горизбирком больница посольство консульство инспекция палата
муниципалитет собрание заксобрание совфед сенат конгресс издание газета телеканал редакция портал минфин
минздрав минобороны минтранс минэнерго мвд мчс фсб мид цб фас ск
""")
# Words that start sentences or clauses and are never a speaker, even when capitalised.
STOP = frozenset("""
но и а или однако также тоже ранее позже позднее затем потом тогда вчера сегодня завтра теперь сейчас
впрочем между кроме при так как это этот эта эти тот та те там тут здесь после перед в во на по с со
к ко у о об обо из за для до от без через над под если когда хотя пока чтобы что где поэтому потому
зато причем кстати наконец итак сначала вместе многие некоторые все всё каждый никто кто-то другие
он она оно они мы я вы ты наш наши мой их его ее её нам им ему ей свой своей ведь даже именно лишь только уже еще
ещё вновь снова несколько много мало немало не ни же ли бы то сам сама сами
""".split())
PRONOUNS = {"он": {"m"}, "она": {"f"}, "оно": {"n"}, "они": {"pl"}}
POSSESSIVES = {"его": {"m", "n"}, "ее": {"f"}, "их": {"pl"}}  # "по его словам": his or its
PREPOSITIONS = frozenset("в во на по при после перед с со для из от у к ко за о об под над через".split())

_PAST = (  # stems taking л / ла / ло / ли
    "заяви|сказа|сообщи|отмети|подчеркну|поясни|добави|призна|уточни|рассказа|обвини|пообеща|обеща|"
    "предупреди|написа|писа|напомни|замети|указа|констатирова|подтверди|ответи|возрази|завери|уверя|объясни|"
    "оцени|предположи|допусти|пригрози|призва|потребова|объяви|сообща|заявля|говори|утвержда|настаива|"
    "настоя|счита|полага|отрица|признава|подчеркива|подчёркива|отмеча|поясня|добавля|уточня|рассказыва|"
    "прогнозирова|раскритикова|критикова|опроверга|заверя|сетова|посетова|резюмирова|прокомментирова|"
    "комментирова|парирова|спроси|намекну|акцентирова|повтори|напомина|предупрежда|обвиня|анонсирова|отвеча|"
    "предложи")
_REFLEXIVE = "пожалова|жалова|подели|высказа|согласи|возмути|усомни|поинтересова"  # лся / лась / лись
_PRESENT = (
    "(?:заявля|сообща|отмеча|подч[её]ркива|поясня|добавля|уточня|рассказыва|счита|утвержда|настаива|обвиня|"
    "опроверга|отрица|обеща|предупрежда|напомина|полага|уверя|заверя|указыва|подтвержда|оценива|призыва|"
    "объясня|отвеча|возража)(?:ет|ют)"
    "|(?:констатиру|прогнозиру|требу|критику|комментиру|сету)(?:ет|ют)|говор(?:ит|ят)|пиш(?:ет|ут)"
    "|призна(?:[её]т|ют)|(?:жалу|соглаша)(?:ется|ются)"
    "|уверен[аы]?|убежд[её]н|убежден[аы]|соглас(?:ен|на|ны)")
_IMPERSONAL = "говорится|сообщается|отмечается|подч[её]ркивается|указывается|утверждается|заявляется"
IMPERSONAL_VERB = re.compile(_IMPERSONAL, re.IGNORECASE)
VERB = re.compile(
    rf"(?<![\w-])(?:(?:{_PAST})(?:л|ла|ло|ли)|(?:{_REFLEXIVE})(?:лся|лась|лось|лись)|(?:опроверг|отверг)(?:ла|ло|ли)?"
    rf"|{_PRESENT}|(?P<impersonal>{_IMPERSONAL}))(?![\w-])",
    re.IGNORECASE)
# The dash that introduces an attribution after quoted words: «…», — сказал / «…? — спросил / — сказал.
# Group "verb" is the verb; "known" is set when it is one of VERB. Where the dash closes a quotation,
# any verb in the past is one ("«Это абсурд», — отрезал Иванов", "— улыбнулась она"), but only there:
# the same shape is also a plural noun ("…, — земли края дали", "— Сомали"), which speakers_ru.py
# accepts only after quoted words.
DASH_VERB = re.compile(
    rf"(?:^|(?<=[,!?…»]))\s*(?:[—–]|-(?=\s))\s*"
    rf"(?P<verb>(?P<known>{VERB.pattern})|[а-яё]{{2,}}(?:л|ла|ло|ли|лся|лась|лось|лись))(?![\w-])",
    re.IGNORECASE)
# Quotation marks other than «»: an odd number before a position leaves a quotation open there.
QUOTE_MARK = re.compile("[\"“”„]")
# A paragraph of dialogue opens with a dash and a capital: "— Это абсурд, — отрезал Иванов."
DIALOGUE_LINE = re.compile(r"\s*[—–]\s+[«\"„“]?[А-ЯЁA-Z]")
SOURCE = re.compile(
    r"(?<![\w-])(?:по\s+(?:(его|её|ее|их)\s+)?(?:словам|данным|мнению|оценке|оценкам|информации|сведениям|"
    r"подсч[её]там|расч[её]там|прогнозу|прогнозам|версии|утверждению|заявлению|сообщению|признанию|убеждению)"
    r"|согласно(?:\s+(?:данным|информации|сведениям|оценке|оценкам|отч[её]ту|докладу|заявлению|сообщению|"
    r"исследованию|опросу|прогнозу|расч[её]там|подсч[её]там|статистике|документу|письму|ответу|позиции))?)"
    r"(?![\w-])",
    re.IGNORECASE)
# "говорится в сообщении ведомства": the document, then whose it is.
DOCUMENT = re.compile(
    r"\s+(?:в|во|на)\s+(?:[\w-]+\s+){0,2}?(?:сообщении|заявлении|пресс-релизе|релизе|документе|докладе|"
    r"отч[её]те|письме|ответе|материале|публикации|сайте|странице|[\w-]*канале|блоге|аккаунте|обращении|"
    r"комментарии|исследовании|постановлении|решении|записке|протоколе)(?=\s)",
    re.IGNORECASE)
_WEEKDAYS = "понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье"
_MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
_ADVERB = (
    r"также|тоже|ранее|уже|вновь|снова|еще|ещё|позже|позднее|затем|тогда|вчера|сегодня|накануне|"
    r"неоднократно|не\s+раз|однако|впрочем|лично|публично|открыто|прямо|официально|дополнительно|"
    r"в\s+свою\s+очередь|в\s+частности|в\s+том\s+числе|не|же|ведь|даже|наконец|тем\s+не\s+менее|между\s+тем|"
    r"при\s+этом|кроме\s+того|журналистам|репортерам|репортёрам|корреспонденту|изданию|агентству|"
    rf"утром|днем|днём|вечером|ночью|во?\s+(?:{_WEEKDAYS})|\d{{1,2}}\s+(?:{_MONTHS})")
# Adverbs between subject and verb ("Песков, в частности, также заявил").
ADVERB_TAIL = re.compile(rf"(?:\s*,?\s*(?<![\w-])(?:{_ADVERB}))+\s*,?\s*$", re.IGNORECASE)
# Adverbials between verb and subject ("сообщило в четверг областное министерство").
ADVERB_HEAD = re.compile(
    rf"(?:\s*,?\s*(?:{_ADVERB}|в\s+интервью(?:\s+(?:«[^»\n]{{1,40}}»|[А-ЯЁA-Z]{{2,}}))?|на\s+брифинге|"
    rf"на\s+пресс-конференции|в\s+эфире(?:\s+(?:«[^»\n]{{1,40}}»|[А-ЯЁA-Z]{{2,}}))?|в\s+ходе\s+[\w-]+|"
    rf"в\s+беседе\s+с\s+[\w-]+|в\s+сво[её]м\s+[\w-]+|в\s+соцсетях)(?![\w-]))+\s*,?",
    re.IGNORECASE)
GUILLEMET = re.compile("[«»]")
SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")
APPOSITION_TAIL = re.compile(r",\s*[^,«»\"“”—–()]{2,120},\s*$")
TOKEN = re.compile(r"«[^«»\n]{1,60}»|[A-ZА-ЯЁ]\.|[^\W_]+(?:[-’'][^\W_]+)*")
ORG_SHAPED = re.compile(
    r"^(?:мин|рос|гос|мос)[а-я]{3,}|банк|пром|газ|нефт|стат|надзор|строй|энерг|сет[ьи]$|холдинг|инвест|фарм|"
    r"телеком|кремл")
SURNAME = re.compile(
    r"(?:ов|ев|ин|ын)(?:а|у|ым|ой|ом|е)?$|(?:ск|цк)(?:ий|ая|ого|ой|ому|им|ую)$|(?:енко|ук|юк|дзе|швили|ян|вич)$")
FEMALE_SURNAME = re.compile(r"(?:ова|ева|ина|ына|ская|цкая)$")
MALE_SURNAME = re.compile(r"(?:ов|ев|ин|ын|ский|цкий)$")
GENITIVE_LIKE = re.compile(r"(?:а|я|ы|и|ов|ев|ей|ого|его|ой|ых|их)$")
PLURAL = re.compile(r"(?:ы|и|ов|ев|ей|ам|ям|ами|ями|ах|ях)$")
ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие)$")


def verb_gender(verb: str) -> str | None:
    """m / f / n / pl from the ending of a verb of saying (None: present singular, impersonal)."""
    verb = normalise(verb)
    if verb.endswith(("ла", "лась", "на")):
        return "f"
    if verb.endswith(("ли", "лись", "ны", "ют", "ят", "ут", "ются")):
        return "pl"
    if verb.endswith(("ло", "лось")):
        return "n"
    if verb.endswith(("л", "лся", "г", "ен")):
        return "m"
    return None


def org_gender(norms: list[str]) -> str | None:
    """The gender of an organisation's head noun ("министерство": n, "дума": f, "банк": m)."""
    for norm in norms:
        base = NOUNS.base(norm)
        if base is not None and NOUNS.exact(base) == "org":
            if base.endswith(("а", "я")):
                return "f"
            if base.endswith(("о", "е")):
                return "n"
            return "pl" if base.endswith(("ы", "и")) else "m"
    return None
