"""Plain-text import: every common encoding, written as real bytes in tmp_path."""

import codecs

import pytest

from reviewer.core.importers import read_document

RUSSIAN = (
    "Министерство финансов заявило, что инфляция в прошлом году составила 7,4 процента.\n\n"
    "«Мы ожидаем снижения цен уже весной», — сказала заместитель министра Анна Петрова. "
    "По её словам, бюджет региона вырос на 12 миллиардов рублей.\n"
)
FRENCH = (
    "Le ministère a déclaré que le chômage avait baissé de 0,4 % en un an.\n\n"
    "« C’est une étape importante », a déclaré la ministre Élodie Müller — ce qu’elle répète depuis mars. "
    "Les économistes restent prudents : l’été sera décisif.\n"
)
GERMAN = (
    "Die Stadtverwaltung teilte mit, dass die Mieten um 5,2 Prozent gestiegen seien.\n\n"
    "Bürgermeisterin Jürgen Weiß sagte, die Lage sei „schwierig“ geworden. Für Familien über "
    "größere Wohnungen gilt das besonders; Straßenbahnen fahren nun öfter.\n"
)
ENGLISH = (
    "The ministry said on Tuesday that exports rose by 3.5% last year.\n\n"
    "\u201cWe are cautiously optimistic,\u201d said Deputy Minister Sara Okafor. She added that the "
    "figures would be revised in May.\n"
)


def _expected(text: str) -> str:
    return "\n\n".join(" ".join(p.split()) for p in text.strip().split("\n\n"))


@pytest.mark.parametrize(
    ("text", "encoding", "prefix", "reported"),
    [
        (ENGLISH, "utf-8", b"", {"utf-8"}),
        (RUSSIAN, "utf-8", codecs.BOM_UTF8, {"utf-8"}),
        (RUSSIAN, "utf-16-le", codecs.BOM_UTF16_LE, {"utf-16"}),
        (FRENCH, "utf-16-be", codecs.BOM_UTF16_BE, {"utf-16"}),
        (ENGLISH, "utf-16-le", b"", {"utf-16-le"}),
        (FRENCH, "utf-16-be", b"", {"utf-16-be"}),
        (RUSSIAN, "utf-16-le", b"", {"utf-16-le"}),
        (RUSSIAN, "utf-32-le", codecs.BOM_UTF32_LE, {"utf-32"}),
        (RUSSIAN, "cp1251", b"", {"cp1251"}),
        (FRENCH, "cp1252", b"", {"cp1252"}),
        (GERMAN, "latin-1", b"", {"cp1252", "iso8859-1", "iso8859-15"}),
        (RUSSIAN, "koi8-r", b"", {"koi8-r"}),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf16le-nobom-en",
        "utf16be-nobom-fr",
        "utf16le-nobom-ru",
        "utf32-bom",
        "cp1251",
        "cp1252",
        "latin1",
        "koi8-r",
    ],
)
def test_encodings(tmp_path, text, encoding, prefix, reported):
    path = tmp_path / "article.txt"
    if encoding in ("latin-1", "koi8-r"):  # these lack typographic quotes and dashes
        for fancy, plain in (("„", '"'), ("“", '"'), ("«", '"'), ("»", '"'), ("—", "-")):
            text = text.replace(fancy, plain)
    path.write_bytes(prefix + text.encode(encoding))
    doc = read_document(path)
    assert doc.text == _expected(text)
    assert doc.encoding in reported
    assert doc.original_format == "txt"
    assert "\ufeff" not in doc.text


def test_language_from_script_and_words(tmp_path):
    for name, text, lang in [("ru.txt", RUSSIAN, "ru"), ("fr.txt", FRENCH, "fr"), ("en.txt", ENGLISH, "en")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert read_document(tmp_path / name).language == lang


def test_blocks_cover_text_and_line_endings(tmp_path):
    path = tmp_path / "crlf.text"
    path.write_bytes(
        b"Title line\r\n\r\nFirst paragraph wraps here and goes on for a while to look like\r\n"
        b"a hard-wrapped text file that someone saved from an old mail client.\r\n\r\n\r\n"
        b"- a bulleted point\r\n- another point\r\n\r\nLast.\r\n"
    )
    doc = read_document(path)
    assert "\r" not in doc.text
    # The lone first line is the headline: it becomes the title, not body text.
    assert doc.text.split("\n\n") == [
        "First paragraph wraps here and goes on for a while to look like a hard-wrapped text file "
        "that someone saved from an old mail client.",
        "a bulleted point",
        "another point",
        "Last.",
    ]
    assert [b.kind for b in doc.blocks] == ["paragraph", "list_item", "list_item", "paragraph"]
    assert "\n\n".join(doc.text[b.start : b.end] for b in doc.blocks) == doc.text
    assert doc.title == "Title line"


def test_a_title_case_headline_with_a_full_stop_is_the_title(tmp_path):
    # Saved news often closes its headline with a full stop; the reader showed it twice (title and first line).
    path = tmp_path / "story.txt"
    path.write_text(
        "New Poll Shows Minor Post-Debate Bump For Ortiz.\n\nA new poll shows Ortiz ahead by 3 points.\n\n"
        "Reyes said the poll was wrong.\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.title == "New Poll Shows Minor Post-Debate Bump For Ortiz"
    assert doc.text.startswith("A new poll shows")
    # a one-line sentence opening the text stays in it
    path.write_text("The council met on Monday.\n\nIt voted to cut the port tax by 4 percent.\n", encoding="utf-8")
    assert read_document(path).text.startswith("The council met on Monday.")


def test_transcript_lines_stay_separate(tmp_path):
    path = tmp_path / "debate.txt"
    path.write_text("LEHRER: Good evening.\nOBAMA: Thank you, Jim.\nROMNEY: Thank you.\n", encoding="utf-8")
    assert read_document(path).text == "LEHRER: Good evening.\n\nOBAMA: Thank you, Jim.\n\nROMNEY: Thank you."


def test_title_falls_back_to_file_name_only_when_needed(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("   \n\nOnly line\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.title == "Only line" and doc.text == "Only line"


def test_content_hash_ignores_whitespace_and_encoding(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(RUSSIAN.encode("cp1251"))
    b.write_bytes(codecs.BOM_UTF16_LE + RUSSIAN.replace("\n\n", "\n  \n").encode("utf-16-le"))
    assert read_document(a).content_hash == read_document(b).content_hash
    assert len(read_document(a).content_hash) == 64


def test_a_first_line_that_is_a_sentence_stays_in_the_text(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_text("The council met on Tuesday.\n\nIt approved the budget.\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.text == "The council met on Tuesday.\n\nIt approved the budget."
    assert doc.title == "The council met on Tuesday."


def test_a_dash_and_a_name_under_a_quotation_is_its_credit_not_a_list(tmp_path):
    path = tmp_path / "factcheck.txt"
    path.write_text(
        "Fact-checking the debate.\n\n"
        '"Almost all new income is going to the top 1 percent."\n\n'
        "- Bernie Sanders.\n\n"
        "The senator is relying on an outdated statistic.\n\n"
        "- Apples\n- Pears\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    texts = doc.text.split("\n\n")
    assert "- Bernie Sanders." in texts  # kept with its dash: the speaker rules read it as a credit
    assert "Apples" in texts and "Pears" in texts  # a list after a sentence stays a list
    kinds = {doc.text[b.start : b.end]: b.kind for b in doc.blocks}
    assert kinds["- Bernie Sanders."] == "paragraph" and kinds["Apples"] == "list_item"
