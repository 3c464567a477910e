"""Agreement between reviewers (#18): percentage, Cohen's kappa, Krippendorff's alpha (nominal).

Checked against the ``krippendorff`` package, against a kappa computed here from its definition
in exact fractions, on generated data (hypothesis) and on worked examples from the literature.
"""

from __future__ import annotations

import math
from fractions import Fraction

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.agreement import (
    NOT_TWO,
    NOTHING_SHARED,
    ONE_CATEGORY,
    ONE_REVIEWER,
    agreement,
    cohens_kappa,
    format_figure,
    krippendorff_alpha_nominal,
    percentage_agreement,
)
from reviewer.core.store import Store
from tests.safety.helpers import article_doc

TOLERANCE = 1e-9


def table_of(rows: dict[str, list]) -> dict[int, dict[str, str | None]]:
    """Reviewer -> values per unit (None: not rated) as the unit -> reviewer -> verdict table."""
    units = len(next(iter(rows.values())))
    return {u: {r: (None if v[u] is None else str(v[u])) for r, v in rows.items()} for u in range(units)}


def reference_alpha(table: dict[int, dict[str, str | None]]) -> float | None:
    """The krippendorff package's nominal alpha; None where it refuses or returns nan (undefined)."""
    coders = sorted({r for row in table.values() for r in row})
    domain = sorted({v for row in table.values() for v in row.values() if v is not None})
    code = {v: i for i, v in enumerate(domain)}
    data = np.array(
        [[np.nan if table[u].get(c) is None else code[table[u][c]] for u in sorted(table)] for c in coders], dtype=float
    )
    try:
        with np.errstate(divide="ignore", invalid="ignore"):
            value = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    except (ValueError, ZeroDivisionError):
        return None
    return None if math.isnan(value) else float(value)


def reference_kappa(pairs: list[tuple[str, str]]) -> Fraction | None:
    """Cohen (1960): kappa = (p_o - p_e) / (1 - p_e) from the confusion matrix, in exact fractions."""
    if not pairs:
        return None
    categories = sorted({c for pair in pairs for c in pair})
    n = len(pairs)
    matrix = {(a, b): Fraction(sum(1 for p in pairs if p == (a, b)), n) for a in categories for b in categories}
    p_o = sum(matrix[(c, c)] for c in categories)
    row = {a: sum(matrix[(a, b)] for b in categories) for a in categories}
    col = {b: sum(matrix[(a, b)] for a in categories) for b in categories}
    p_e = sum(row[c] * col[c] for c in categories)
    return None if p_e == 1 else (p_o - p_e) / (1 - p_e)


VERDICTS = st.sampled_from(["supported", "disputed", "misleading", "unverifiable"])


@st.composite
def tables(draw, min_coders: int = 1, max_coders: int = 5):
    coders = [f"r{i}" for i in range(draw(st.integers(min_coders, max_coders)))]
    units = draw(st.integers(1, 40))
    categories = draw(st.lists(VERDICTS, min_size=1, max_size=4, unique=True))
    cell = st.one_of(st.none(), st.sampled_from(categories))
    return {u: {c: draw(cell) for c in coders} for u in range(units)}


# ---------------------------------------------------------------------- worked examples
def test_krippendorff_2011_nominal_example_is_0_743():
    """Krippendorff (2011), 'Computing Krippendorff's alpha-reliability', section C: four observers,
    twelve units, missing values; nominal alpha = 0.743."""
    table = table_of(
        {
            "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
            "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
            "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
            "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
        }
    )
    alpha = krippendorff_alpha_nominal(table)
    assert round(alpha, 3) == 0.743
    assert alpha == pytest.approx(reference_alpha(table), abs=TOLERANCE)
    figures = agreement(table)
    assert figures.claims == 11 and figures.reviewers == ("A", "B", "C", "D")  # unit 12 has one value only
    assert figures.kappa is None and figures.kappa_undefined == NOT_TWO


def test_krippendorff_2011_binary_two_observer_example_is_0_095():
    """Krippendorff (2011), section A: two observers, ten units, binary data; alpha = 0.095."""
    table = table_of({"A": [0, 1, 0, 0, 0, 0, 0, 0, 1, 0], "B": [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]})
    assert round(krippendorff_alpha_nominal(table), 3) == 0.095
    assert percentage_agreement(table) == pytest.approx(60.0)


def test_textbook_kappa_example_is_0_4():
    """Cohen's kappa textbook example: 50 proposals read by two readers, Yes/Yes 20, Yes/No 5,
    No/Yes 10, No/No 15; p_o = 0.7, p_e = 0.5, kappa = 0.4."""
    pairs = [("yes", "yes")] * 20 + [("yes", "no")] * 5 + [("no", "yes")] * 10 + [("no", "no")] * 15
    assert cohens_kappa(pairs) == pytest.approx(0.4, abs=TOLERANCE)
    table = {i: {"ann": a, "bob": b} for i, (a, b) in enumerate(pairs)}
    figures = agreement(table)
    assert figures.kappa == pytest.approx(0.4, abs=TOLERANCE) and figures.percentage == pytest.approx(70.0)


# ---------------------------------------------------------------------- against the references
@settings(max_examples=300, deadline=None)
@given(tables())
def test_alpha_equals_the_krippendorff_package(table):
    ours, theirs = krippendorff_alpha_nominal(table), reference_alpha(table)
    if theirs is None:
        assert ours is None
    else:
        assert ours is not None and abs(ours - theirs) <= TOLERANCE


@settings(max_examples=300, deadline=None)
@given(tables(min_coders=2, max_coders=2))
def test_kappa_and_percentage_equal_their_definitions_for_two_reviewers(table):
    pairs = [(row["r0"], row["r1"]) for row in table.values() if row["r0"] is not None and row["r1"] is not None]
    figures = agreement(table)
    expected = reference_kappa(pairs)
    if expected is None:
        assert figures.kappa is None
    else:
        assert figures.kappa is not None and abs(figures.kappa - float(expected)) <= TOLERANCE
    if pairs:
        assert figures.percentage == pytest.approx(100.0 * sum(a == b for a, b in pairs) / len(pairs), abs=TOLERANCE)
        assert figures.claims == len(pairs)
    else:
        assert figures.percentage is None and figures.claims == 0


@settings(max_examples=200, deadline=None)
@given(tables(min_coders=2))
def test_order_of_claims_and_reviewers_does_not_matter(table):
    shuffled = {u: dict(reversed(list(row.items()))) for u, row in reversed(list(table.items()))}
    a, b = agreement(table), agreement(shuffled)
    assert a.claims == b.claims and a.reviewers == b.reviewers
    for x, y in ((a.alpha, b.alpha), (a.kappa, b.kappa), (a.percentage, b.percentage)):
        assert (x is None and y is None) or abs(x - y) <= TOLERANCE


# ---------------------------------------------------------------------- edge cases
def test_one_reviewer_has_no_agreement_to_measure():
    figures = agreement({1: {"ann": "supported"}, 2: {"ann": "disputed"}})
    assert (figures.claims, figures.percentage, figures.kappa, figures.alpha) == (0, None, None, None)
    assert figures.kappa_undefined == figures.alpha_undefined == ONE_REVIEWER
    assert agreement({}).alpha_undefined == ONE_REVIEWER


def test_reviewers_who_share_no_claim_have_nothing_pairable():
    figures = agreement({1: {"ann": "supported", "bob": None}, 2: {"bob": "disputed"}})
    assert figures.reviewers == ("ann", "bob") and figures.claims == 0
    assert (figures.percentage, figures.kappa, figures.alpha) == (None, None, None)
    assert figures.kappa_undefined == figures.alpha_undefined == NOTHING_SHARED


def test_all_agree_on_one_verdict_is_100_percent_but_kappa_and_alpha_are_undefined():
    figures = agreement({u: {"ann": "supported", "bob": "supported"} for u in range(5)})
    assert figures.percentage == 100.0
    assert figures.kappa is None and figures.alpha is None
    assert figures.kappa_undefined == figures.alpha_undefined == ONE_CATEGORY
    assert format_figure(figures.kappa) == "undefined" and format_figure(figures.percentage, percent=True) == "100.0%"


def test_perfect_agreement_over_two_verdicts_is_one():
    figures = agreement({u: {"ann": v, "bob": v} for u, v in enumerate(["supported", "disputed"] * 3)})
    assert figures.kappa == pytest.approx(1.0) and figures.alpha == pytest.approx(1.0)


# ---------------------------------------------------------------------- from the library
def test_the_store_collects_verdicts_per_article_and_for_the_library(tmp_path):
    with Store.open(tmp_path / "lib.sqlite", reviewer="ana") as store:
        store.adopt_reviewer_name("ana")
        articles = []
        for tag in ("one", "two"):
            doc, spans = article_doc(4, tag)
            articles.append(store.add_article(doc, spans).id)
        one, two = (store.claims_for_article(a) for a in articles)
        for claim, own, peer in zip(
            one, ["supported", "disputed", "supported", None], ["supported", "supported", "supported", "misleading"]
        ):
            if own:
                store.set_review(claim.id, verdict=own)
            store.upsert_peer_review(claim.id, "bob", verdict=peer, updated_at="2024-01-01T00:00:00Z")
        store.set_review(two[0].id, verdict="supported")
        store.set_review(two[1].id, note="only a note")
        table = store.verdict_table()
        assert table[articles[0]][one[0].id] == {"ana": "supported", "bob": "supported"}
        assert table[articles[0]][one[3].id] == {"bob": "misleading"}
        assert table[articles[1]] == {two[0].id: {"ana": "supported"}}
        by_article = store.agreement_by_article(articles)
        first = by_article[articles[0]]
        assert first.reviewers == ("ana", "bob") and first.claims == 3
        assert first.percentage == pytest.approx(200 / 3)
        expected = agreement({c: r for c, r in table[articles[0]].items()})
        assert first == expected
        assert by_article[articles[1]].alpha_undefined == ONE_REVIEWER
        assert store.agreement() == agreement({c: r for claims in table.values() for c, r in claims.items()})
        assert store.agreement(articles[0]) == first
