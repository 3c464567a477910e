"""Claim kinds: statistic, quotation, causal, comparison, prediction, other."""

from __future__ import annotations

import pytest

from reviewer.core.extraction import KINDS, extract_claims
from reviewer.core.extraction.kinds import classify


@pytest.mark.parametrize("sentence, kind", [
    ("Unemployment fell to 3.5 percent in May.", "statistic"),
    ("The bill would cost $2 billion.", "statistic"),
    ("More than 1,200 people died in the floods.", "statistic"),
    ("Two in three voters back the plan.", "statistic"),
    ("Crime has doubled since the law was passed.", "statistic"),
    ('"We are not going to surrender to anyone," he said.', "prediction"),
    ('"This is a disgrace to the whole nation," she said.', "quotation"),
    ("The outbreak was caused by poor sanitation.", "causal"),
    ("Prices rose because the central bank printed money.", "causal"),
    ("Our schools are better than those in any other state.", "comparison"),
    ("It is the largest army in Europe.", "comparison"),
    ("The government will cut taxes next year.", "prediction"),
    ("The mayor promised to build new homes.", "prediction"),
    ("The senator met voters in Ohio.", "other"),
    ("He was born in 1950 and moved on Sept. 5.", "other"),
    ("The meeting is at No. 10 Downing Street.", "other"),
])
def test_classify(sentence, kind):
    assert classify(sentence) == kind


def test_every_claim_has_a_known_kind():
    text = ("Taxes rose 4%. \"We will fight this,\" she said. Growth slowed because of the war. "
            "Exports are higher than ever. The minister visited Paris.")
    kinds = [c.kind for c in extract_claims(text, quality="fast")]
    assert all(k in KINDS for k in kinds)
    assert kinds == ["statistic", "prediction", "causal", "comparison", "other"]
