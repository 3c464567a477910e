"""`reviewer similar`: the command-line contract for "seen before" (real library in tmp, real encoder).

Proves that
- TEXT prints one readable, terminal-safe line per match, best first;
- --json prints one line per query in the documented shape; --stdin takes one query a line;
- reviewed claims come back as source 'review';
- user errors exit 2 with one line and no traceback: no library, no query, both TEXT and --stdin, a
  bad --top, a query without words (the other --stdin queries still run);
- the fact-checks imported by `reviewer factchecks import` are matched (their vectors made lazily).
"""

from __future__ import annotations

import json

import pytest

from reviewer.core.store import Store

CSV = (
    "claim,verdict,url,publisher,date\n"
    '"A viral video shows a 10-meter-long anaconda swimming across a river in Brazil.",Miscaptioned,'
    "https://example.org/anaconda,Snopes,2021-03-06\n"
    '"Drinking hot water every fifteen minutes kills the coronavirus.",False,https://example.org/water,AFP,2020-03-14\n'
    '"The Apollo 11 moon landing was filmed in a Hollywood studio.",False,https://example.org/moon,PolitiFact,2019\n'
    '"Evil\x1b[31m text\u202e with controls",True,https://example.org/evil,"Pub\tlisher",2020\n'
)
KEYS = ["source", "id", "text", "score", "verdict", "url", "publisher", "date"]


@pytest.fixture
def db(tmp_path, run_cli):
    csv_file = tmp_path / "checks.csv"
    csv_file.write_text(CSV, encoding="utf-8")
    db = str(tmp_path / "library.sqlite")
    code, _, err = run_cli("factchecks", "import", str(csv_file), "--collection", "test", "--db", db)
    assert code == 0, err
    return db


def test_text_prints_one_readable_line_per_match(db, run_cli):
    code, out, err = run_cli("similar", "huge anaconda filmed in a Brazilian river", "--top", "2", "--db", db)
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 2
    score, source, record_id, verdict, publisher, text = lines[0].split("\t")
    assert (source, verdict, publisher) == ("factcheck", "Miscaptioned", "Snopes")
    assert text.startswith("A viral video shows") and 0 < float(score) <= 1
    code, out, _ = run_cli("similar", "evil text with controls", "--top", "1", "--db", db)
    assert "\x1b" not in out and "\u202e" not in out and out.count("\t") == 5 and out.count("\n") == 1


def test_json_lines_one_per_query_from_stdin(db, run_cli):
    queries = "Hot water cures COVID, share this!\n\nwas the moon landing fake?\n"
    code, out, err = run_cli("similar", "--stdin", "--json", "--top", "3", "--db", db, stdin=queries)
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["query"] for r in rows] == ["Hot water cures COVID, share this!", "was the moon landing fake?"]
    assert all(list(m) == KEYS for r in rows for m in r["matches"])
    assert [len(r["matches"]) for r in rows] == [3, 3]
    assert rows[0]["matches"][0]["url"] == "https://example.org/water"
    assert rows[1]["matches"][0]["publisher"] == "PolitiFact"
    scores = [m["score"] for m in rows[0]["matches"]]
    assert scores == sorted(scores, reverse=True)


def test_reviewed_claims_are_matches_too(db, run_cli):
    from tests.safety.helpers import article_doc

    with Store.open(db) as store:
        doc, spans = article_doc(3, tag="rates")
        article = store.add_article(doc, spans)
        claim = store.claims_for_article(article.id)[1]
        store.set_review(claim.id, verdict="disputed")
    code, out, err = run_cli("similar", claim.text, "--json", "--top", "1", "--db", db)
    assert code == 0, err
    match = json.loads(out)["matches"][0]
    assert (match["source"], match["id"], match["verdict"], match["text"]) == (
        "review",
        claim.id,
        "disputed",
        claim.text,
    )


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "Give the text to match, or --stdin"),
        (["some text", "--stdin"], "Give the text to match, or --stdin"),
        (["some text", "--top", "0"], "--top must be between 1 and 100"),
        (["   ...  "], "Nothing to match: the query has no words."),
    ],
)
def test_user_errors_exit_2_with_one_line(db, run_cli, args, message):
    code, out, err = run_cli("similar", *args, "--db", db)
    assert code == 2
    assert out == ""
    assert err.startswith("reviewer: ") and message in err and err.count("\n") == 1


def test_a_query_without_words_in_stdin_gets_an_empty_result_and_exit_2(db, run_cli):
    code, out, err = run_cli("similar", "--stdin", "--json", "--db", db, stdin="!!!\nanaconda river\n")
    assert code == 2
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[0] == {"query": "!!!", "matches": []} and rows[1]["matches"]
    assert "Nothing to match" in err


def test_no_library_and_empty_stdin(tmp_path, run_cli, db):
    code, out, err = run_cli("similar", "x", "--db", str(tmp_path / "missing.sqlite"))
    assert (code, out) == (2, "") and "no library at" in err
    assert not (tmp_path / "missing.sqlite").exists()
    code, out, err = run_cli("similar", "--stdin", "--db", db, stdin="\n  \n")
    assert (code, out) == (2, "") and "standard input has no lines" in err
