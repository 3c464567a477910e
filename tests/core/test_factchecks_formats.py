"""Fact-check files: every shape of ClaimReview, CSV/TSV and JSON lines, read from real files (#17)."""

from __future__ import annotations

import json

import pytest

from reviewer.core.factchecks.files import read_factcheck_file


def review(claim: str, verdict: str = "False", url: str | None = "https://checks.example/1", **extra):
    data = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim,
        "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "alternateName": verdict},
        "author": {"@type": "Organization", "name": "Fact Desk"},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "A. Senator"}},
        "datePublished": "2024-03-01",
        "name": f"Fact check: {claim[:20]}",
    }
    if url:
        data["url"] = url
    data.update(extra)
    return data


def write(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_a_single_claimreview_object(tmp_path):
    path = write(tmp_path, "one.json", json.dumps(review("The moon is made of cheese.")))
    parsed = read_factcheck_file(path)
    assert parsed.format == "ClaimReview JSON" and not parsed.problems
    [r] = parsed.records
    assert (r.claim, r.verdict, r.url, r.date, r.publisher, r.speaker) == (
        "The moon is made of cheese.",
        "False",
        "https://checks.example/1",
        "2024-03-01",
        "Fact Desk",
        "A. Senator",
    )
    assert r.title == "Fact check: The moon is made of"


def test_a_list_a_graph_and_a_datafeed(tmp_path):
    listed = [review("One.", url="https://c.example/1"), review("Two.", url="https://c.example/2")]
    graph = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "x"}, *listed]}
    feed = {
        "@context": "http://schema.org",
        "@type": "DataFeed",
        "dateModified": "2024-03-02",
        "dataFeedElement": [
            {"@type": "DataFeedItem", "item": [review("One.", url="https://c.example/1")]},
            {
                "@type": "DataFeedItem",
                "item": [review("Two.", url="https://c.example/2"), review("Three.", url="https://c.example/3")],
            },
        ],
    }
    assert [r.claim for r in read_factcheck_file(write(tmp_path, "l.json", json.dumps(listed))).records] == [
        "One.",
        "Two.",
    ]
    assert [r.claim for r in read_factcheck_file(write(tmp_path, "g.jsonld", json.dumps(graph))).records] == [
        "One.",
        "Two.",
    ]
    assert [r.claim for r in read_factcheck_file(write(tmp_path, "feed.json", json.dumps(feed))).records] == [
        "One.",
        "Two.",
        "Three.",
    ]


def test_type_names_with_prefixes_and_values_wrapped_as_json_ld(tmp_path):
    data = {
        "@type": ["schema:ClaimReview"],
        "claimReviewed": [{"@value": "Wrapped claim."}],
        "reviewRating": {"ratingValue": 2, "bestRating": 5},
        "publisher": {"name": "Desk"},
    }
    [r] = read_factcheck_file(write(tmp_path, "w.json", json.dumps(data))).records
    assert (r.claim, r.verdict, r.publisher, r.url) == ("Wrapped claim.", "2/5", "Desk", None)


def test_a_web_page_with_json_ld_blocks(tmp_path):
    page = (
        "<!doctype html><html><head><title>Checks</title>\n"
        '<script type="application/ld+json">'
        + json.dumps(review("First claim.", url="https://c.example/a"))
        + "</script>\n<script>var x = '<script>';</script>\n"
        "<SCRIPT TYPE='application/ld+json'>\n"
        + json.dumps([review("Second claim.", url="https://c.example/b")])
        + "\n</SCRIPT>\n"
        '<script type="application/ld+json">{"@type": "Organization", "name": "Desk"}</script>'
        "</head><body><p>text</p></body></html>"
    )
    parsed = read_factcheck_file(write(tmp_path, "page.html", page))
    assert parsed.format == "JSON-LD in HTML"
    assert [r.claim for r in parsed.records] == ["First claim.", "Second claim."]


def test_a_page_whose_one_block_is_broken_imports_the_others_and_names_the_line(tmp_path):
    page = (
        "<html><head>\n\n"
        '<script type="application/ld+json">{"@type": "ClaimReview", "claimReviewed": oops}</script>\n'
        '<script type="application/ld+json">' + json.dumps(review("Good one.")) + "</script></head></html>"
    )
    parsed = read_factcheck_file(write(tmp_path, "page.htm", page))
    assert [r.claim for r in parsed.records] == ["Good one."]
    assert [str(p) for p in parsed.problems] == ["line 3: a JSON-LD block is not valid JSON (Expecting value)"]


def test_csv_with_header_in_any_order_and_case_unknown_columns_ignored(tmp_path):
    text = (
        "Publisher,CLAIM,rating,url,extra,date,title,speaker\r\n"
        'Desk,"Taxes rose, a lot.",Mostly false,https://c.example/t,zzz,2024-01-02,Taxes,Mayor\r\n'
        "Desk,Second claim.,True,,,,,\r\n"
    )
    parsed = read_factcheck_file(write(tmp_path, "checks.csv", text))
    assert parsed.format == "CSV" and not parsed.problems
    first, second = parsed.records
    assert (first.claim, first.verdict, first.url, first.date, first.publisher, first.title, first.speaker) == (
        "Taxes rose, a lot.",
        "Mostly false",
        "https://c.example/t",
        "2024-01-02",
        "Desk",
        "Taxes",
        "Mayor",
    )
    assert (second.claim, second.verdict, second.url, second.title) == ("Second claim.", "True", None, None)


def test_verdict_column_wins_over_rating(tmp_path):
    text = "claim,rating,verdict\nA.,4,False\nB.,3,\n"
    records = read_factcheck_file(write(tmp_path, "v.csv", text)).records
    assert [(r.claim, r.verdict) for r in records] == [("A.", "False"), ("B.", "3")]


def test_tsv_and_semicolons(tmp_path):
    tsv = read_factcheck_file(write(tmp_path, "c.tsv", "claim\tverdict\nA, with a comma.\tFalse\n"))
    assert tsv.format == "TSV" and [(r.claim, r.verdict) for r in tsv.records] == [("A, with a comma.", "False")]
    semi = read_factcheck_file(write(tmp_path, "c.csv", "claim;verdict\nB.;True\n"))
    assert [(r.claim, r.verdict) for r in semi.records] == [("B.", "True")]


def test_bad_rows_are_skipped_with_their_line_numbers(tmp_path):
    text = (
        "\n"  # a blank line before the header
        "claim,verdict,url\n"
        "Good one.,False,https://c.example/1\n"
        ",True,https://c.example/2\n"  # line 4: no claim
        "Bad link.,False,javascript:alert(1)\n"  # line 5: not http(s)
        '"A claim\nover two lines.",True,\n'  # lines 6-7: one row
        "\n"
        f"{'x' * 6000},False,\n"  # line 9: too long
        "Last one.,True,\n"
    )
    parsed = read_factcheck_file(write(tmp_path, "rows.csv", text))
    assert [r.claim for r in parsed.records] == ["Good one.", "A claim over two lines.", "Last one."]
    assert [p.where for p in parsed.problems] == ["line 4", "line 5", "line 9"]
    assert "no claim" in parsed.problems[0].message
    assert "not an http(s) address" in parsed.problems[1].message
    assert "6,000 characters" in parsed.problems[2].message


def test_json_lines_with_bad_lines(tmp_path):
    lines = [
        json.dumps({"claim": "One.", "verdict": "False", "url": "https://c.example/1"}),
        "{not json",
        json.dumps(["a list"]),
        "",
        json.dumps(review("Two, as a ClaimReview.", url="https://c.example/2")),
        json.dumps({"Claim": "Three.", "rating": "True"}),
    ]
    parsed = read_factcheck_file(write(tmp_path, "c.jsonl", "\n".join(lines)))
    assert parsed.format == "JSON lines"
    assert [(r.claim, r.verdict) for r in parsed.records] == [
        ("One.", "False"),
        ("Two, as a ClaimReview.", "False"),
        ("Three.", "True"),
    ]
    assert [p.where for p in parsed.problems] == ["line 2", "line 3"]


def test_json_lines_recognised_without_the_suffix(tmp_path):
    text = '{"claim": "One."}\n{"claim": "Two."}\n'
    parsed = read_factcheck_file(write(tmp_path, "c.json", text))
    assert parsed.format == "JSON lines" and [r.claim for r in parsed.records] == ["One.", "Two."]


def test_a_json_list_of_flat_records(tmp_path):
    text = json.dumps([{"claim": "One.", "verdict": "False"}, {"verdict": "True"}])
    parsed = read_factcheck_file(write(tmp_path, "c.json", text))
    assert [r.claim for r in parsed.records] == ["One."] and [p.where for p in parsed.problems] == ["item 2"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252", "cp1251"])
def test_real_encodings(tmp_path, encoding):
    claim = (
        "Минздрав сообщил о росте на 5 процентов."
        if encoding == "cp1251"
        else "Le ministère a dépensé 3 € de plus, dit-il."
    )
    path = write(
        tmp_path,
        "enc.csv",
        f'claim,verdict,publisher\n"{claim}",Faux,Désintox\n'
        if encoding != "cp1251"
        else f"claim,verdict\n{claim},Ложь\n",
        encoding,
    )
    [r] = read_factcheck_file(path).records
    assert r.claim == claim


def test_whitespace_controls_and_bidi_controls_are_folded_away(tmp_path):
    text = json.dumps([{"claim": "  Spaces\t\tand\nbreaks\x07 and \u202eoverride  ", "publisher": "\u202eDesk"}])
    [r] = read_factcheck_file(write(tmp_path, "c.json", text)).records
    assert r.claim == "Spaces and breaks and override" and r.publisher == "Desk"
