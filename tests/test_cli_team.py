"""`reviewer agreement` and `reviewer decide` (#18): shapes, exit codes, nothing changed on bad input,
and a report exported after a decision."""

from __future__ import annotations

import json

import pytest

from reviewer.core.agreement import ONE_REVIEWER, agreement
from reviewer.core.store import Store
from tests.safety.helpers import make_library

T0 = "2024-01-01T00:00:00Z"


@pytest.fixture
def team_db(tmp_path):
    """A library signed by ana, one article of four claims reviewed by ana and bob (one disagreement)."""
    path = tmp_path / "team.sqlite"
    ids = make_library(path, n_claims=4, notes=False)
    with Store.open(path, reviewer="ana") as store:
        store.adopt_reviewer_name("ana")
        for claim_id, (own, peer) in zip(
            ids,
            [
                ("supported", "supported"),
                ("supported", "disputed"),
                ("misleading", "misleading"),
                ("disputed", "disputed"),
            ],
        ):
            store.set_review(claim_id, verdict=own)
            store.upsert_peer_review(claim_id, "bob", verdict=peer, updated_at=T0)
    return path, ids


def test_agreement_prints_figures_per_article_and_for_all(run_cli, team_db):
    path, ids = team_db
    code, out, err = run_cli("agreement", "--db", str(path))
    assert code == 0 and err == ""
    with Store.open(path) as store:
        figures = store.agreement()
    expected = f"ana, bob\t4\t{figures.percentage:.1f}%\t{figures.kappa:.3f}\t{figures.alpha:.3f}"
    assert out.splitlines() == [f"1\tArticle base\t{expected}", f"all\tall articles\t{expected}"]
    assert figures.percentage == 75.0


def test_agreement_json_for_one_article(run_cli, team_db):
    path, _ = team_db
    code, out, _ = run_cli("agreement", "--article", "1", "--json", "--db", str(path))
    assert code == 0
    data = json.loads(out)
    with Store.open(path) as store:
        table = store.verdict_table()[1]
    figures = agreement(table)
    assert data["articles"] == [
        {
            "id": 1,
            "title": "Article base",
            "reviewers": ["ana", "bob"],
            "claims": 4,
            "percentage": figures.percentage,
            "kappa": figures.kappa,
            "alpha": figures.alpha,
            "kappa_undefined": None,
            "alpha_undefined": None,
        }
    ]
    assert data["all"]["alpha"] == figures.alpha


def test_agreement_without_colleagues_says_undefined_and_why(run_cli, tmp_path):
    path = tmp_path / "solo.sqlite"
    ids = make_library(path, n_claims=2)
    code, out, err = run_cli("agreement", "--db", str(path))
    assert code == 0
    assert out.splitlines()[-1] == "all\tall articles\ttester\t0\tundefined\t-\tundefined"
    assert "no colleague's reviews" in err
    code, out, _ = run_cli("agreement", "--json", "--db", str(path))
    assert json.loads(out)["all"]["alpha_undefined"] == ONE_REVIEWER and ids


def test_agreement_of_an_unknown_article_exits_2(run_cli, team_db):
    path, _ = team_db
    code, out, err = run_cli("agreement", "--article", "99", "--db", str(path))
    assert (code, out) == (2, "") and "no article 99" in err and "Traceback" not in err


def test_decide_records_prints_and_clears_a_final_decision(run_cli, team_db):
    path, ids = team_db
    code, out, err = run_cli("decide", str(ids[1]), "disputed", "--note", "revised figure", "--db", str(path))
    assert code == 0, err
    data = json.loads(out)
    assert data["claim_id"] == ids[1] and data["article_id"] == 1
    decision = data["final_decision"]
    assert (decision["verdict"], decision["note"], decision["decided_by"]) == ("disputed", "revised figure", "ana")
    with Store.open(path) as store:
        assert store.final_decision(ids[1]).verdict == "disputed"
        assert any(e.action == "final_decision" and e.who == "ana" for e in store.history(claim_id=ids[1]))
    code, out, _ = run_cli("decide", str(ids[1]), "misleading", "--reviewer", "ed", "--db", str(path))
    assert code == 0 and json.loads(out)["final_decision"]["decided_by"] == "ed"
    code, out, _ = run_cli("decide", str(ids[1]), "none", "--db", str(path))
    assert code == 0 and json.loads(out)["final_decision"] is None
    with Store.open(path) as store:
        assert store.final_decision(ids[1]) is None


@pytest.mark.parametrize(
    "args, message", [(("2", "maybe"), "Unknown verdict 'maybe'"), (("99", "disputed"), "no claim 99")]
)
def test_decide_refuses_bad_input_and_changes_nothing(run_cli, team_db, args, message):
    path, _ = team_db
    with Store.open(path) as store:
        audit = store.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    code, out, err = run_cli("decide", *args, "--db", str(path))
    assert (code, out) == (2, "") and message in err and "Traceback" not in err
    with Store.open(path) as store:
        assert store.conn.execute("SELECT count(*) FROM final_decisions").fetchone()[0] == 0
        assert store.conn.execute("SELECT count(*) FROM audit").fetchone()[0] == audit


def test_decide_on_a_missing_library_exits_2_and_creates_nothing(run_cli, tmp_path):
    code, _, err = run_cli("decide", "1", "disputed", "--db", str(tmp_path / "none.sqlite"))
    assert code == 2 and not (tmp_path / "none.sqlite").exists()


def test_an_exported_report_uses_the_decision_and_shows_the_agreement(run_cli, team_db, tmp_path):
    path, ids = team_db
    assert run_cli("decide", str(ids[1]), "disputed", "--db", str(path))[0] == 0
    out = tmp_path / "report.md"
    code, _, err = run_cli("export", "--format", "md", "--out", str(out), "--db", str(path))
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "## Agreement between reviewers" in text and "| Article base | ana, bob | 4 | 75.0% |" in text
    assert "Reviewers disagree: ana: Supported; bob: Disputed" in text and "Final decision: Disputed, by ana" in text
    data_path = tmp_path / "report.json"
    assert run_cli("export", "--format", "json", "--out", str(data_path), "--db", str(path))[0] == 0
    claims = json.loads(data_path.read_text(encoding="utf-8"))["articles"][0]["claims"]
    assert [c["verdict"] for c in claims] == ["supported", "disputed", "misleading", "disputed"]
