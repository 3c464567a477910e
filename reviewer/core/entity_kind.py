"""Whether a speaker's name names a person or an organisation, for schema.org's ``@type``.

The speakers the extraction finds (or a reviewer types) are names as written: "Barack Obama",
"Dr Ana Ruiz", "the Ministry of Health", "the WHO", "officials", "Russia", "Moscow",
"Минобороны". ClaimReview types a claim's author ``Person`` or ``Organization``; a country, a
city standing for its government, a body, a company, a party or a group of unnamed people
("officials", "analysts") is not a Person. Without a named-entity model this is a rule of
thumb, and it errs towards Person, which a bare name ("Harris", "Pfizer") most often is.

The organisation words are those speaker attribution already uses (``extraction.speakers`` and
``extraction.words_ru``), imported on first use: the extraction package loads numpy and the
models, which an export that never asks for a speaker's kind should not pay for. The extraction
has no list of places, so a short one of countries and major cities is here. Pure; any thread.
"""

from __future__ import annotations

import re
from functools import lru_cache

PERSON, ORGANIZATION = "Person", "Organization"


def _names(text: str) -> frozenset[str]:
    return frozenset(n.strip().lower() for n in text.replace("\n", " ").split(",") if n.strip())


# Countries (short and official names), and the cities news writes as the voice of a government
# or an administration ("Moscow said", "Washington denied", "Brussels warned").
_PLACES = _names("""
afghanistan, albania, algeria, andorra, angola, argentina, armenia, australia, austria, azerbaijan, bahamas,
bahrain, bangladesh, barbados, belarus, belgium, belize, benin, bhutan, bolivia, bosnia, bosnia and herzegovina,
botswana, brazil, brunei, bulgaria, burkina faso, burundi, cambodia, cameroon, canada, chad, chile, china,
colombia, comoros, congo, costa rica, croatia, cuba, cyprus, czechia, czech republic, denmark, djibouti,
dominica, dominican republic, ecuador, egypt, el salvador, eritrea, estonia, eswatini, ethiopia, fiji, finland,
france, gabon, gambia, georgia, germany, ghana, greece, grenada, guatemala, guinea, guyana, haiti, honduras,
hungary, iceland, india, indonesia, iran, iraq, ireland, israel, italy, ivory coast, jamaica, japan, jordan,
kazakhstan, kenya, kiribati, kosovo, kuwait, kyrgyzstan, laos, latvia, lebanon, lesotho, liberia, libya,
liechtenstein, lithuania, luxembourg, madagascar, malawi, malaysia, maldives, mali, malta, mauritania,
mauritius, mexico, micronesia, moldova, monaco, mongolia, montenegro, morocco, mozambique, myanmar, burma,
namibia, nauru, nepal, netherlands, holland, new zealand, nicaragua, niger, nigeria, north korea,
north macedonia, norway, oman, pakistan, palau, palestine, panama, papua new guinea, paraguay, peru,
philippines, poland, portugal, qatar, romania, russia, rwanda, samoa, san marino, saudi arabia, senegal,
serbia, seychelles, sierra leone, singapore, slovakia, slovenia, somalia, south africa, south korea,
south sudan, spain, sri lanka, sudan, suriname, sweden, switzerland, syria, taiwan, tajikistan, tanzania,
thailand, togo, tonga, trinidad and tobago, tunisia, turkey, turkiye, turkmenistan, tuvalu, uganda, ukraine,
united arab emirates, uae, united kingdom, uk, britain, great britain, england, scotland, wales,
northern ireland, united states, united states of america, us, usa, america, uruguay, uzbekistan, vanuatu,
vatican, venezuela, vietnam, yemen, zambia, zimbabwe, gaza, west bank, crimea, hong kong, europe,
russian federation, people's republic of china, republic of korea, islamic republic of iran,
abu dhabi, abuja, accra, addis ababa, algiers, amman, amsterdam, ankara, astana, athens, baghdad, baku,
bangkok, beijing, beirut, belgrade, berlin, bern, bogota, brasilia, bratislava, brussels, bucharest, budapest,
buenos aires, cairo, canberra, caracas, chisinau, copenhagen, damascus, delhi, new delhi, dhaka, doha, dublin,
geneva, hanoi, havana, helsinki, islamabad, jakarta, jerusalem, kabul, kampala, kathmandu, khartoum, kiev,
kyiv, kinshasa, kuala lumpur, lagos, lima, lisbon, ljubljana, london, luanda, madrid, managua, manila, minsk,
mogadishu, moscow, nairobi, oslo, ottawa, paris, prague, pretoria, pyongyang, quito, rabat, reykjavik, riga,
riyadh, rome, santiago, sarajevo, seoul, skopje, sofia, stockholm, taipei, tallinn, tashkent, tbilisi, tehran,
tel aviv, tirana, tokyo, tripoli, tunis, ulaanbaatar, vienna, vilnius, warsaw, washington, wellington,
yerevan, zagreb, new york, los angeles, chicago, houston, shanghai, mumbai, istanbul, st petersburg,
saint petersburg, donetsk, luhansk, kharkiv, odesa, odessa, gaza city, ramallah,
россия, рф, российская федерация, украина, белоруссия, беларусь, казахстан, грузия, армения, азербайджан,
молдавия, молдова, сша, америка, китай, кнр, япония, индия, иран, турция, израиль, германия, франция,
великобритания, британия, польша, литва, латвия, эстония, финляндия, европа, евросоюз, запад,
москва, киев, минск, пекин, вашингтон, лондон, париж, берлин, брюссель, варшава, токио, анкара, тегеран,
тбилиси, ереван, баку, астана, кишинев, рига, вильнюс, таллин, хельсинки, санкт-петербург, петербург
""")
# Bodies and collective nouns speaker attribution has no need to list (it finds them by their verb),
# and acronyms of international bodies, taken only when written in capitals ("the WHO", not "who").
_MORE_ORG_WORDS = _names("""
government, governments, authorities, military, kremlin, cabinet, regime, opposition, state, states, city,
county, province, region, municipality, firm, airline, hospital, insurer, utility, operator, provider,
watchdog, regulator, charity, trust, tribunal, observatory, inspectorate, network, media, staff, hall,
plc, gmbh, co, inc., ltd., corp., white house, downing street, whitehall, elysee, élysée, nasa, opec, oecd,
wto, unicef, unesco, unhcr, iaea, icc, icj, nhs, ecb, fed, osce, asean, brics, g7, g20, ukip, snp, cdu, spd,
afd, gop, anc, ira, hamas, hezbollah, taliban
""")
# The first word of a person's name when it is a form of address or a title ("Dr Ana Ruiz").
_HONORIFICS = _names("""
mr, mrs, ms, miss, mx, dr, prof, professor, sir, dame, lord, lady, sen, senator, rep, representative, gov,
governor, president, vice-president, prime minister, pm, minister, secretary, mayor, judge, justice, gen,
general, col, colonel, lt, capt, captain, sgt, adm, admiral, maj, major, rev, father, sister, rabbi, imam,
sheikh, king, queen, prince, princess, pope, chancellor, ambassador, commissioner, chief, deputy, former
""")
# Roles that, after a body's name, introduce the person who speaks for it
# ("Bank of England governor Andrew Bailey", "Ministry of Defence spokesman Igor Konashenkov").
_ROLES = _HONORIFICS | _names("""
spokesman, spokeswoman, spokesperson, director, ceo, chairman, chairwoman, chair, head, economist, analyst,
adviser, advisor, officer, official, researcher, scientist, president, founder, editor
""")
_WORD = re.compile(r"[^\W\d_][\w.'’&-]*|\d+", re.UNICODE)
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


@lru_cache(maxsize=1)
def _speaker_words() -> tuple[frozenset[str], frozenset[str]]:
    """(organisation words, title words) of English speaker attribution."""
    from .extraction.speaker_words import ORG_WORDS, TITLES

    return frozenset(ORG_WORDS) | _MORE_ORG_WORDS, frozenset(TITLES)


def speaker_kind(name: str | None) -> str:
    """``"Organization"`` when ``name`` names a country, city, government, body, company, party
    or a group of unnamed people; ``"Person"`` otherwise (a name, a title, one unnamed person).
    Pure; any thread."""
    text = " ".join((name or "").split()).strip(" .,;:")
    if not text:
        return PERSON
    if _CYRILLIC.search(text):
        return _russian_kind(text)
    words = _WORD.findall(text)
    if not words:
        return PERSON
    # "Russia's defence ministry", "the Kremlin's": the owner's "'s" says nothing of the kind.
    words = [re.sub(r"['’]s$", "", w) for w in words]
    the = words[0].lower() == "the"
    if the or words[0].lower() in ("a", "an"):
        words = words[1:]
    if not words:
        return PERSON
    lowered = [w.lower().strip(".") for w in words]
    org_words, title_words = _speaker_words()
    if _is_place([w.lower() for w in words]):
        return ORGANIZATION
    # "WHO", "NATO", "CDC": a body's acronym, but only in capitals ("who" is a word, "Obama" a name).
    if len(words) == 1 and words[0].isupper() and lowered[0].replace(".", "") in org_words:
        return ORGANIZATION
    if lowered[0] in _HONORIFICS or " ".join(lowered[:2]) in _HONORIFICS:
        return PERSON  # "President Putin", "Dr Ana Ruiz", "Prime Minister Kishida"
    # The head of "Ministry of Health", "Bank of England", "Office for National Statistics" is the
    # word before "of"/"for"; of "World Health Organization", "Labour Party", the last word.
    at = next((i - 1 for i, w in enumerate(lowered) if i and w in ("of", "for", "on")), len(lowered) - 1)
    if any(w in _ROLES for w in lowered[at + 1 :]):
        return PERSON  # the body's name, then who speaks for it
    if lowered[-1] in org_words or (lowered[at] in org_words and lowered[at] not in title_words):
        return ORGANIZATION
    if words[-1].islower():
        # An unnamed speaker: "officials", "Russian officials", "analysts" are a group; "the minister",
        # "a spokesman", "the lawyer" one person.
        return ORGANIZATION if _plural(lowered[-1]) else PERSON
    if the and lowered[-1] not in title_words:
        return ORGANIZATION  # "the Guardian", "the Democrats"; not "the Prime Minister"
    return PERSON


def _is_place(lowered: list[str]) -> bool:
    joined = " ".join(lowered)
    return joined in _PLACES or joined.replace(".", "") in _PLACES


def _plural(word: str) -> bool:
    return (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ics"))) or word in (
        "people",
        "police",
        "staff",
        "media",
        "spokespeople",
        "military",
    )


def _russian_kind(text: str) -> str:
    from .extraction.words_ru import FIRST_NAMES, NOUNS, ORG_SHAPED, SURNAME, TOKEN, normalise

    tokens = [t for t in TOKEN.findall(text) if not t.startswith("«")]
    norms = [normalise(t) for t in tokens]
    if " ".join(norms) in _PLACES:
        return ORGANIZATION
    if len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) >= 2:
        return ORGANIZATION  # "МИД", "ФСБ", "ВОЗ"
    for norm in norms:
        base = NOUNS.base(norm)
        label = NOUNS.exact(base) if base is not None else None
        if label in ("org", "group"):
            return ORGANIZATION
        if label == "role":
            return PERSON  # "пресс-секретарь Кремля Дмитрий Песков": the role comes first
    if any(FIRST_NAMES.any_case(n) not in (None, "?") or SURNAME.search(n) for n in norms):
        return PERSON  # "Ростислав …", "Москалькова" look like "Ростех", "Мосгордума"
    if norms and ORG_SHAPED.search(norms[0]):
        return ORGANIZATION  # "Минобороны", "Роскомнадзор", "Газпром"
    return PERSON
