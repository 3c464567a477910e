"""Issue 14, part 2: the learned source tagger. It reads the token vectors of the same transformer run
that scores a prose sentence in the final pass, and its spans join the rules there (the fast pass
stays rules-only). Spans are exact: the words as the sentence writes them."""

from __future__ import annotations

import numpy as np

from reviewer.core.extraction import extract_claims
from reviewer.core.extraction.final_model import POOLED_DIM
from reviewer.core.extraction.models import final_scorer
from reviewer.core.extraction.source_tagger import (
    RecurrentHead,
    SourceTagger,
    TaggedSpan,
    WindowHead,
    piece_words,
    pre_tokens,
    source_tagger,
)
from reviewer.core.extraction.speakers import Attributor


def _tokenizer():  # type: ignore[no-untyped-def]
    tokenizer = final_scorer().tokenizer
    assert tokenizer is not None, "the shipped final model is the transformer"
    return tokenizer


def _speaker(text: str, beginning: str, quality: str) -> tuple[str | None, str | None]:
    for claim in extract_claims(text, quality=quality):
        if claim.text.startswith(beginning):
            if claim.speaker_start is None:
                return claim.speaker, None
            return claim.speaker, text[claim.speaker_start : claim.speaker_end]
    raise AssertionError(f"no claim starts with {beginning!r}")


def _with_spans(sentence: str, spans: list[TaggedSpan]):
    """The attribution of ``sentence``, an article of its own, given these tagger spans (written by hand, so
    the test does not depend on the CPU's int8 arithmetic)."""
    return Attributor(sentence).attribute(0, len(sentence), True, spans)


def _spans(sentence: str) -> list[TaggedSpan]:
    tagger = source_tagger()
    assert tagger is not None
    tokens: list[np.ndarray] = []
    final_scorer().scores_and_pooled([sentence], tokens)
    return tagger.spans(_tokenizer(), sentence, tokens[0])


def test_the_shipped_tagger_loads_and_reads_the_transformer_s_vectors():
    tagger = source_tagger()
    assert tagger is not None
    assert tagger.width == POOLED_DIM


def test_token_vectors_come_from_the_same_run_as_the_scores():
    sentences = ["Two people familiar with the talks said the deal was close.", "Prices rose 3% in May."]
    tokens: list[np.ndarray] = []
    with_tokens = final_scorer().scores_and_pooled(sentences, tokens)
    without = final_scorer().scores_and_pooled(sentences)
    for a, b in zip(with_tokens, without):
        assert np.array_equal(a, b)
    assert len(tokens) == 2
    for sentence, vectors, pooled in zip(sentences, tokens, with_tokens[2]):
        assert vectors.shape == (len(_tokenizer().encode(sentence)), POOLED_DIM)
        assert np.allclose(vectors.mean(axis=0), pooled, atol=1e-5)  # the model mean-pools these rows


def test_ascii_sentences_split_into_the_same_pre_tokens_as_any_other():
    # ASCII text takes a regex, other text a character loop: both must cut every ASCII character alike.
    every_ascii = "".join(map(chr, range(128)))
    sentence = f"He said: {every_ascii} (D-N.Y.) 12.5% -- it's\tdone\x1f!"
    ascii_cut = pre_tokens(sentence)
    other_cut = pre_tokens(sentence + " é")
    assert other_cut[-1] == (len(sentence) + 1, len(sentence) + 2)
    assert ascii_cut == other_cut[:-1]
    assert [sentence[s:e] for s, e in ascii_cut][:4] == ["He", "said", ":", "\x00\x01\x02\x03\x04\x05\x06\x07\x08"]


def test_wordpieces_map_back_to_the_words_as_written():
    sentence = "Sen. Élise O’Neil-Smith (D-N.Y.) said: “Unaffordable, 12.5%.”"
    words = piece_words(_tokenizer(), sentence)
    assert words is not None
    assert len(words) == len(_tokenizer().encode(sentence)) - 2
    firsts = [sentence[s:e] for s, e, first in words if first]
    assert firsts == [sentence[s:e] for s, e in pre_tokens(sentence)]
    assert firsts[:6] == ["Sen", ".", "Élise", "O", "’", "Neil"]
    assert sum(1 for _, _, first in words if not first) > 0  # "Unaffordable" is several wordpieces


def test_tagger_spans_are_exact_words_of_the_sentence():
    sentence = "Yet, as Mr. Bown observed, in the early days of a new administration, what would you pick?"
    spans = _spans(sentence)
    sources = [sentence[s.start : s.end] for s in spans if not s.cue]
    cues = [sentence[s.start : s.end] for s in spans if s.cue]
    assert sources == ["Mr. Bown"]
    assert cues == ["observed"]


def test_a_name_the_rules_miss_is_the_speaker_in_the_final_pass():
    text = "Yet, as Mr. Bown observed, in the early days of a new administration, what would you pick?"
    assert _speaker(text, "Yet", "fast") == (None, None)  # the rules alone
    assert _speaker(text, "Yet", "final") == ("Bown", "Bown")


def test_a_speech_act_the_cue_lexicon_lacks():
    # With "Massachusetts" before the title the tagger's score sat at its threshold (0.42 on a CPU with VNNI,
    # above 0.5 on one without): this sentence has a margin on both.
    text = "Sen. Elizabeth Warren grilled Wells Fargo CEO John Stumpf on Tuesday for his role in a scheme."
    assert _speaker(text, "Sen.", "fast") == (None, None)
    assert _speaker(text, "Sen.", "final") == ("Elizabeth Warren", "Elizabeth Warren")


def test_the_outlet_that_reports_that_is_the_speaker_in_both_passes():
    # The first pass took the content's subject ("reports" is mostly a noun in PolNeAR) and only the tagger
    # found the outlet; "reports that" is now a verb for the rules too.
    text = "The New York Post reports that Hillary Clinton’s team avoided taking her to the emergency room."
    assert _speaker(text, "The New York Post", "fast") == ("New York Post", "New York Post")
    assert _speaker(text, "The New York Post", "final") == ("New York Post", "New York Post")


def test_loose_tagger_bounds_give_the_name_they_open_with():
    text = "A Government Accountability Office report released last year found that money was lost."
    # "found" after a report is a cue, and the rules take the office the report is of, as the tagger does
    assert _speaker(text, "A Government", "fast") == (
        "Government Accountability Office",
        "Government Accountability Office",
    )
    assert _speaker(text, "A Government", "final") == (
        "Government Accountability Office",
        "Government Accountability Office",
    )


def test_the_tagger_s_pronoun_resolves_through_the_rules_memory():
    text = (
        "Senator Maria Lopez spoke to farmers in Ohio on Monday. "
        "Later, as she observed, the harvest was the worst in a decade."
    )
    assert _speaker(text, "Later", "final") == ("Maria Lopez", "she")


def test_transcript_labels_win_over_the_tagger():
    text = (
        "LEHRER: Good evening from Denver.\n\nOBAMA: Well, thank you very much, Jim.\n\n"
        "ROMNEY: Yet, as Mr. Bown observed, in the early days of a new administration, what would you pick?"
        "\n\nLEHRER: Governor, thank you.\n\n"
        "OBAMA: Thank you."
    )
    line = "Yet, as Mr. Bown observed, in the early days of a new administration, what would you pick?"
    assert [line[s.start : s.end] for s in _spans(line) if not s.cue] == ["Mr. Bown"]  # the tagger sees him...
    assert _speaker(text, "Yet, as Mr. Bown", "final") == ("ROMNEY", "ROMNEY")  # ...the line's speaker wins


def test_a_speaker_of_function_words_only_is_nobody():
    # Seen in the desk: the final pass gave "By a 2-to-1 vote, the court of appeals sent the case back"
    # the speaker "the". A span of function words names nobody.
    from reviewer.core.extraction import extract_claims

    text = (
        "A federal appeals court ruled Friday against Ohio's procedure for removing voters from state rolls.\n\n"
        "A three-judge panel of the U.S. Court of Appeals for the Sixth Circuit overruled a district judge. "
        "By a 2-to-1 vote, the court of appeals sent the case back to the district court."
    )
    for quality in ("fast", "final"):
        for claim in extract_claims(text, quality=quality):
            if claim.speaker:
                assert claim.speaker.lower() not in {"the", "a", "be", "of the"}, (quality, claim)


def test_a_clause_or_a_particle_is_no_speaker():
    # Seen on the news labels: the rules gave the speakers "has accused former President Bill Clinton of
    # rape" (a relative clause) and "out" ("putting out a statement"). Neither names a party.
    from reviewer.core.extraction import extract_claims

    text = (
        "A woman who has accused former President Bill Clinton of rape said Sunday night that Clinton was "
        "trying to intimidate her.\n\n"
        "Trump's campaign immediately backtracked, putting out a statement contradicting his earlier comments."
    )
    for quality in ("fast", "final"):
        speakers = {claim.speaker for claim in extract_claims(text, quality=quality)}
        assert not speakers & {"has accused former President Bill Clinton of rape", "out"}, (quality, speakers)
    # An auxiliary stuck to the end of a name is cut off, in the speaker and the underlined mention.
    from reviewer.core.extraction.speaker_patterns import clause_tail

    assert clause_tail("The Select Committee is") == len(" is")
    assert clause_tail("officials who have") == len(" have")
    assert clause_tail("people who have seen the report") == 0
    assert clause_tail("is") == 0  # nothing would be left: the span names nobody instead
    # Seen on PolNeAR train: "— including" (after "Trump has made several statements"), "making" (of
    # "But Obama, making it clear…"): a dash-led clause or a lone verb form names nobody.
    from reviewer.core.extraction.speaker_patterns import _no_content_word

    assert _no_content_word("— including") and _no_content_word("making") and _no_content_word("involved")
    assert not any(_no_content_word(s) for s in ("officials", "rivals", "polling", "leading Democrats"))
    # Seen on the Chelsea explosion article: the speaker "before city officials". A subordinating word
    # belongs to the clause, not to the party; the underlined mention loses it too.
    from reviewer.core.extraction.speaker_patterns import Attribution, without_subordinator

    line = "It happened before city officials had weighed in."
    start = line.index("before")
    tidy = without_subordinator(Attribution("before city officials", start, start + 21), line)
    assert (tidy.speaker, line[tidy.start : tidy.end]) == ("city officials", "city officials")
    assert without_subordinator(Attribution("As", 0, 2), "As") == Attribution("As", 0, 2)
    # A name keeps its capitals: "Will" in "Will Smith" is no auxiliary.
    assert {c.speaker for c in extract_claims("Will Smith said the film cost $90 million to make.")} == {"Will Smith"}


def test_a_tagged_span_that_stops_inside_a_name_covers_the_whole_name():
    # int8 arithmetic differs between CPUs: on one the tagger's span ended at "Sen. Elizabeth", and the
    # speaker was 'Elizabeth'. The span goes on to the end of the capitalised run, on every CPU.
    sentence = "Massachusetts Sen. Elizabeth Warren grilled Wells Fargo CEO John Stumpf on Tuesday."
    cut_short = TaggedSpan(0, sentence.index(" Warren"), 0.9, False)
    found = _with_spans(sentence, [cut_short])
    assert found.speaker == "Elizabeth Warren"
    assert sentence[found.start : found.end] == "Elizabeth Warren"
    # A span ending on a lower-case word is left as it is.
    sentence = "Two officials familiar with the talks told Reuters the deal was off."
    span = TaggedSpan(0, sentence.index(" told"), 0.9, False)
    found = _with_spans(sentence, [span])
    assert sentence[found.start : found.end] == "Two officials familiar with the talks"


def test_a_wider_context_reads_two_words_each_side_within_the_sentence():
    # The head reads [word, 1 before, 1 after, 2 before, 2 after]; neighbours never cross a sentence start.
    eye = np.eye(5, dtype=np.float32)
    tagger = SourceTagger(WindowHead(eye, np.zeros(5, np.float32), eye * 50.0, np.zeros(5, np.float32), context=2), 0.5)
    assert tagger.width == 1
    # One feature per word, 1..6; two sentences: words 0-3 and 4-5.
    vectors = np.arange(1, 7, dtype=np.float32)[:, None] / 100.0
    p = tagger.probabilities(vectors, np.array([0, 4]))
    logits = np.log(p) - np.log(p).min(axis=1, keepdims=True)  # softmax up to a constant: 50 x features
    features = np.round(logits / 50.0 * 100.0 + 0.0, 3)
    features -= features.min(axis=1, keepdims=True)
    expected = np.array(
        [
            [1, 0, 2, 0, 3],  # word 1: nothing before, 2 and 3 after
            [2, 1, 3, 0, 4],
            [3, 2, 4, 1, 0],  # word 3: word 4 ends its sentence, so nothing 2 after
            [4, 3, 0, 2, 0],
            [5, 0, 6, 0, 0],  # a new sentence: nothing of the first is read
            [6, 5, 0, 0, 0],
        ],
        dtype=np.float32,
    )
    assert np.allclose(features, expected - expected.min(axis=1, keepdims=True), atol=1e-3)
    with np.testing.assert_raises(ValueError):
        WindowHead(np.eye(4, 5, dtype=np.float32), np.zeros(5), eye, np.zeros(5), context=2)


def test_a_tagged_description_gives_way_to_the_name_the_rules_found_after_it():
    # The tagger's sure span 'Another Connecticut former lawmaker,' replaced the rules' Joe Lieberman and gave
    # 'Another Connecticut'.
    sentence = (
        "Another Ruritania former lawmaker, Sen. Tom Halloway (I-Conn.), also stated his intention to vote for Reyes."
    )
    described = TaggedSpan(0, sentence.index(" Sen."), 0.95, False)
    stated = TaggedSpan(sentence.index("also stated"), sentence.index(" his"), 0.9, True)
    found = _with_spans(sentence, [described, stated])
    assert found.speaker == "Tom Halloway"


def test_a_tagged_span_that_stops_at_an_initial_runs_on_to_the_surname():
    # Seen in the desk as 'John F' for "Secretary of State John F. Kerry said …": the span stopped before the dot.
    sentence = "Secretary of State John F. Halloway grilled the minister on Tuesday over 4 missile tests."
    span = TaggedSpan(0, sentence.index(". Halloway"), 0.9, False)
    grilled = TaggedSpan(sentence.index("grilled"), sentence.index(" the minister"), 0.9, True)
    found = _with_spans(sentence, [span, grilled])
    assert found.speaker == "John F. Halloway"
    # ... and one that stops before the initial runs on over it: a credit line "Anthony S. Fauci, MD, Director of …"
    # tagged "Anthony" gave "Anthony S"
    sentence = "Ann S. Halloway, MD, Director of the Port Institute of Health Peanut allergy affects 2% of children."
    found = _with_spans(sentence, [TaggedSpan(0, len("Ann"), 0.9, False)])
    assert found.speaker == "Ann S. Halloway"


def test_a_relative_who_is_the_name_before_it():
    # Seen in the desk as 'who' for "The decision is politically risky for Cruz, who pointedly refused to …".
    text = "Ted Halloway spoke in May. The decision is risky for Halloway, who pointedly snubbed Trump in 2 speeches."
    start = text.index("The decision")
    sentence = text[start:]
    who = TaggedSpan(sentence.index("who"), sentence.index("who") + 3, 0.9, False)
    snubbed = TaggedSpan(sentence.index("snubbed"), sentence.index(" Trump"), 0.9, True)
    attributor = Attributor(text)
    attributor.attribute(0, start - 1, True)
    found = attributor.attribute(start, len(text), False, [who, snubbed])
    assert found.speaker == "Ted Halloway"


def test_a_clause_with_a_figure_is_no_subject_for_a_cue_only_the_tagger_saw():
    # Seen in the desk: 'Women composed about 25 percent of top executives in the private sector' as the
    # speaker of that very sentence, from the tagger's cue "compared" and the rules' subject before it.
    sentence = (
        "Women composed about 25 percent of top executives in the private sector, compared with about 32 percent "
        "in the federal government."
    )
    compared = TaggedSpan(sentence.index("compared"), sentence.index(" with"), 0.8, True)
    assert _with_spans(sentence, [compared]).speaker is None


def _recurrent_head(hidden: int = 3, width: int = 2, seed: int = 5, backward_out: float = 1.0) -> RecurrentHead:
    rng = np.random.default_rng(seed)
    weights = {"project_w": rng.normal(size=(width, hidden)), "project_b": rng.normal(size=hidden) + 1.0}
    for suffix in ("", "_reverse"):
        weights[f"gru_weight_ih_l0{suffix}"] = rng.normal(size=(3 * hidden, hidden))
        weights[f"gru_weight_hh_l0{suffix}"] = rng.normal(size=(3 * hidden, hidden))
        weights[f"gru_bias_ih_l0{suffix}"] = rng.normal(size=3 * hidden)
        weights[f"gru_bias_hh_l0{suffix}"] = rng.normal(size=3 * hidden)
    out = rng.normal(size=(3 * hidden, 5))
    out[2 * hidden :] *= backward_out
    weights["out_w"], weights["out_b"] = out, rng.normal(size=5)
    return RecurrentHead({k: v.astype(np.float32) for k, v in weights.items()})


def test_the_recurrent_head_reads_its_own_sentence_only_in_both_directions():
    head = _recurrent_head()
    rng = np.random.default_rng(1)
    sentences = [rng.normal(size=(n, 2)).astype(np.float32) for n in (4, 1, 7, 3)]
    alone = [head.logits(s, None) for s in sentences]
    # Sentences of different lengths stacked give each the logits it gets alone: padding, sorting by length
    # and the backward pass never leak from one sentence into another.
    stacked = head.logits(np.vstack(sentences), np.array([0, 4, 5, 12]))
    assert np.allclose(stacked, np.vstack(alone), atol=1e-5)
    # With the backward state unread, a word's logits depend on the words before it only; with the forward
    # state unread, on the words after it only.
    forward_only = _recurrent_head(backward_out=0.0)
    changed = sentences[2].copy()
    changed[4] += 1.0
    before, after = forward_only.logits(sentences[2], None), forward_only.logits(changed, None)
    assert np.allclose(before[:4], after[:4]) and not np.allclose(before[4:], after[4:])
    both, both_changed = head.logits(sentences[2], None), head.logits(changed, None)
    assert not np.allclose(both[:4], both_changed[:4])  # the backward state carries word 5 back to word 1


def test_the_recurrent_head_computes_a_gru_step_as_torch_does():
    # One word: the forward and backward states are both one GRU step from zero, h = (1 - z) n.
    head = _recurrent_head(hidden=2, width=2)
    x = np.array([[0.3, -0.7]], dtype=np.float32)
    w = {name: getattr(head, name) for name in ("_project_w", "_project_b", "_out_w", "_out_b")}
    projected = np.maximum(x @ w["_project_w"] + w["_project_b"], 0.0)
    states = []
    for w_ih_t, _w_hh_t, b_ih, b_hh in head._directions:
        gates_in = projected @ w_ih_t + b_ih
        r = 1 / (1 + np.exp(-(gates_in[:, :2] + b_hh[:2])))  # torch.nn.GRU's gate order: r, z, n
        z = 1 / (1 + np.exp(-(gates_in[:, 2:4] + b_hh[2:4])))
        n = np.tanh(gates_in[:, 4:] + r * b_hh[4:])
        states.append((1 - z) * n)
    expected = np.hstack([projected, *states]) @ w["_out_w"] + w["_out_b"]
    assert np.allclose(head.logits(x, None), expected, atol=1e-5)
    with np.testing.assert_raises(ValueError):
        RecurrentHead({**_weights_of(head), "out_w": np.zeros((5, 5), np.float32)})


def _weights_of(head: RecurrentHead) -> dict[str, np.ndarray]:
    out = {"project_w": head._project_w, "project_b": head._project_b, "out_w": head._out_w, "out_b": head._out_b}
    for suffix, (w_ih_t, w_hh_t, b_ih, b_hh) in zip(("", "_reverse"), head._directions):
        out |= {f"gru_weight_ih_l0{suffix}": w_ih_t.T, f"gru_weight_hh_l0{suffix}": w_hh_t.T}
        out |= {f"gru_bias_ih_l0{suffix}": b_ih, f"gru_bias_hh_l0{suffix}": b_hh}
    return out


def test_a_sure_tagger_cue_before_that_clause_takes_its_subject_over_the_content_s():
    # "recounts" is no cue of the rules, which take the content's subject
    sentence = "The New York Post recounts that Hillary Clinton’s team avoided taking her to the emergency room."
    cue = sentence.index("recounts")
    found = _with_spans(sentence, [TaggedSpan(cue, cue + len("recounts"), 0.92, True)])
    assert found.speaker == "New York Post"
    # With the outlet tagged too, however unsure, the outlet is the source.
    outlet = TaggedSpan(0, len("The New York Post"), 0.6, False)
    found = _with_spans(sentence, [outlet, TaggedSpan(cue, cue + len("recounts"), 0.92, True)])
    assert found.speaker == "New York Post"
    # An unsure cue leaves the rules' speaker; so does a speaker after a cue that opens no clause.
    unsure = _with_spans(sentence, [TaggedSpan(cue, cue + len("recounts"), 0.5, True)])
    assert sentence[unsure.start : unsure.end] == "Hillary Clinton’s team"
    inverted = "“We will win this state,” said Senator Maria Lopez on Monday."
    said = inverted.index("said")
    found = _with_spans(inverted, [TaggedSpan(said, said + 4, 0.95, True)])
    assert found.speaker == "Maria Lopez"


def test_word_shapes_give_the_uncased_transformer_capitals_back():
    from reviewer.core.extraction.source_tagger import word_shapes

    sentence = "The FBI told Ann Ortiz that it was over."
    words = pre_tokens(sentence)
    shapes = word_shapes(sentence, words)
    by_word = {sentence[s:e]: tuple(shapes[i].tolist()) for i, (s, e) in enumerate(words)}
    assert by_word["The"] == (1.0, 0.0, 1.0)  # capital, not all capitals, opens the sentence
    assert by_word["FBI"] == (1.0, 1.0, 0.0)
    assert by_word["Ortiz"] == (1.0, 0.0, 0.0) and by_word["told"] == (0.0, 0.0, 0.0)
    # A head trained with shapes reads token vectors of its width and three shape columns after them.
    head = _recurrent_head(width=5)
    weights = _weights_of(head) | {"shapes": np.ones(1, np.int8)}
    assert RecurrentHead(weights).width == 2 and head.width == 5


def test_the_tagger_hands_a_shapes_head_each_word_s_shape():
    # A head that reads nothing but the capital-letter column: capitalised words are sources, the rest outside.
    hidden, width = 3, 2
    weights = {name: np.zeros_like(value) for name, value in _weights_of(_recurrent_head(hidden, width + 3)).items()}
    weights["project_w"][width, 0] = 10.0  # the first shape column (a capital) lights hidden unit 0
    weights["out_w"][0, 1] = 10.0  # ... which is B-S
    weights["out_b"][0] = 5.0
    tagger = SourceTagger(RecurrentHead(weights | {"shapes": np.ones(1, np.int8)}), 0.5)
    sentence = "Yesterday the mayor told Ann Ortiz nothing."
    pieces = len(_tokenizer().encode(sentence))
    spans = tagger.spans(_tokenizer(), sentence, np.zeros((pieces, width), np.float32))
    assert [sentence[s.start : s.end] for s in spans if not s.cue] == ["Yesterday", "Ann Ortiz"]


def test_a_tagged_source_ending_in_a_relative_word_is_the_noun_before_it():
    sentence = "The mayor was begging a woman who claimed to be undecided to vote for him."
    start = sentence.index("a woman")
    found = _with_spans(sentence, [TaggedSpan(start, start + len("a woman who"), 0.95, False)])
    assert sentence[found.start : found.end] == "a woman"


def test_a_recurrent_head_with_a_bias_of_the_wrong_size_or_no_words_is_handled():
    weights = _weights_of(_recurrent_head())
    with np.testing.assert_raises(ValueError):
        RecurrentHead(weights | {"gru_bias_hh_l0_reverse": np.zeros(4, np.float32)})
    tagger = SourceTagger(_recurrent_head(), 0.5)
    assert tagger.probabilities(np.zeros((0, 2), np.float32)).shape == (0, 5)


def test_a_rules_speaker_that_names_no_party_gives_way_to_a_less_sure_tagger_span():
    # Seen on PolNeAR train: "RNC Chairman Reince Priebus has authorized a … increase in the states" gave
    # 'states'; "Mr. Slinker, whose latest start-up … help brands find suppliers, said" gave 'brands'.
    from reviewer.core.extraction.source_tagger import TaggedSpan
    from reviewer.core.extraction.speaker_patterns import Attribution
    from reviewer.core.extraction.speaker_tagging import with_tagger

    sentence = "RNC Chairman Reince Priebus has authorized a staffing increase in the states expected to be close."
    name = sentence.index("Reince")
    tagged = [TaggedSpan(name, name + len("Reince Priebus"), 0.6, False)]

    def resolve(text, start, end, offset):
        return Attribution(text[start:end], offset + start, offset + end)

    def no_subject(text, start, offset):
        return None

    states = sentence.index("states")
    for rules, expected in (
        (Attribution("states", states, states + 6), "Reince Priebus"),  # no party: the tagger's span
        (Attribution("Once", 0, 4), "Reince Priebus"),
        (Attribution("investors", states, states + 6), "investors"),  # a party: the rules keep it
        (Attribution("the candidate", states, states + 6), "the candidate"),
        (Attribution("Republicans", states, states + 6), "Republicans"),
    ):
        found = with_tagger(rules, sentence, 0, tagged, "combined", resolve, no_subject)
        assert found is not None and found.speaker == expected, rules


def test_the_tail_of_a_list_is_no_source():
    # Seen in the desk (Washington Post): the tagger's 'including 17 foreigners' for 'Gunmen opened fire …, killing at
    # least 19 people, including 17 foreigners, in an assault …'.
    text = (
        "Gunmen opened fire on visitors at Harbour’s most renowned museum on Wednesday, killing at least 19 people, "
        "including 17 foreigners, in an assault that threatened to upset the fragile stability of a country seen as "
        "the lone success of the region."
    )
    assert _speaker(text, "Gunmen", "final")[0] is None


def test_a_pronoun_the_tagger_marks_before_a_relative_clause_statement_gives_way_to_it():
    # A news-label dev miss: "To solve this quandary, they turned to the Chicago Police Department which reported
    # …" gave the "they" the tagger marked (resolved to the Chicago Tribune), not the department that reported.
    first = "The Harbour Times keeps a tally of shootings. "
    text = (
        first + "To solve this quandary, they turned to the Harbour Police Department which reported 2,521 shootings."
    )
    attributor = Attributor(text)
    assert attributor.attribute(0, len(first) - 1, True, []).speaker is None
    they = text.index("they") - len(first)
    found = attributor.attribute(len(first), len(text), False, [TaggedSpan(they, they + 4, 0.8, False)])
    assert found.speaker == "Harbour Police Department"
    # A name the tagger marks there still speaks: "Henry compared Trump to Gov. Pete Wilson who supported …".
    sentence = "Ann Ortiz compared the mayor to Gov. Tom Reyes who supported the measure in 1998."
    found = _with_spans(sentence, [TaggedSpan(0, 9, 0.8, False)])
    assert found.speaker == "Ann Ortiz"


def test_a_span_that_is_a_time_or_a_clause_names_nobody():
    # Seen on saved pages in the final pass: 'start of the year' ("Since the start of the year, the US oil-rig count
    # has more than halved") and 'evacuation of several theaters and was a stark'.
    sentence = "Since the start of the year, the oil-rig count has more than halved, sending orders down."
    span = sentence.index("start"), sentence.index(",")
    assert _with_spans(sentence, [TaggedSpan(*span, 0.8, False)]).speaker is None
    sentence = "The fires forced the evacuation of several theaters and was a stark reminder of the perils below."
    span = sentence.index("evacuation"), sentence.index(" reminder")
    assert _with_spans(sentence, [TaggedSpan(*span, 0.8, False)]).speaker is None
    sentence = "According to three sources who spoke to reporters but were not authorized to speak, the deal is off."
    span = sentence.index("three"), sentence.index(",")
    assert _with_spans(sentence, [TaggedSpan(*span, 0.8, False)]).speaker is not None


def test_a_caption_place_and_an_opening_description_are_not_part_of_the_name():
    # Seen on a saved page: 'fashion entrepreneur Harold Tillman (centre)' for "The fashion entrepreneur Harold
    # Tillman (centre) has spoken out against …".
    sentence = "The fashion entrepreneur Ann Ortiz (centre) has spoken out against the way the fund was run."
    span = 0, sentence.index(" has")
    found = _with_spans(sentence, [TaggedSpan(*span, 0.8, False)])
    assert (found.speaker, sentence[found.start : found.end]) == ("Ann Ortiz", "Ann Ortiz")
    sentence = "The head of the Harbour Workers Union is worried about what the mayor is stirring up."
    span = 0, sentence.index(" is worried")
    assert _with_spans(sentence, [TaggedSpan(*span, 0.8, False)]).speaker == "head of the Harbour Workers Union"


def test_a_span_stops_before_its_source_s_own_action():
    # Seen on the New York Times page: the tagger's span ran over "… and their militia allies slaughtered tens of
    # thousands of civilians, leading to charges of genocide".
    sentence = (
        "In 2003, security services and their allies slaughtered tens of thousands of civilians, prompting charges."
    )
    span = sentence.index("security"), sentence.index(",", 10)
    found = _with_spans(sentence, [TaggedSpan(*span, 0.85, False)])
    assert found.speaker == "security services and their allies"
    sentence = "Lawmakers who opposed the bill said it would raise taxes."
    found = _with_spans(sentence, [TaggedSpan(0, sentence.index(" said"), 0.85, False)])
    assert found.speaker is not None and found.speaker.startswith("Lawmakers")


def test_a_tagged_subject_of_a_when_clause_after_the_cue_does_not_override_the_named_speaker():
    # News labels train: '"Very good reporter, very good reporter this guy," Trump, the 2016 GOP presidential
    # frontrunner …, said when Boyle asked him …' gave Boyle, whom the tagger was sure of (0.92).
    from reviewer.core.extraction.source_tagger import TaggedSpan
    from reviewer.core.extraction.speaker_patterns import Attribution
    from reviewer.core.extraction.speaker_tagging import with_tagger

    sentence = (
        "“Very good reporter, this guy,” Ortiz, the mayor of Port Harbour, said when Reyes asked about the story."
    )
    name = sentence.index("Reyes")
    tagged = [TaggedSpan(name, name + len("Reyes"), 0.92, False)]

    def resolve(text, start, end, offset):
        return Attribution(text[start:end], offset + start, offset + end)

    ortiz = sentence.index("Ortiz")
    rules = Attribution("Ann Ortiz", ortiz, ortiz + 5)
    found = with_tagger(rules, sentence, 0, tagged, "combined", resolve, lambda *_: None)
    assert found is not None and found.speaker == "Ann Ortiz"
    # A rules speaker that names no party still gives way.
    rules = Attribution("the story", ortiz, ortiz + 5)
    found = with_tagger(rules, sentence, 0, tagged, "combined", resolve, lambda *_: None)
    assert found is not None and found.speaker == "Reyes"


def test_a_tagged_nations_adjective_takes_the_people_it_qualifies():
    # Seen on a saved Washington Post page: the tagger's 'Libyan' for "In January, Libyan militants loyal to the
    # Islamic State beheaded 21 Christians".
    from tests.attribution_helpers import tagged_speaker

    sentence = "In January, Harbourian militants loyal to the Islamic State beheaded 21 sailors along the coast."
    start = sentence.index("Harbourian")
    assert tagged_speaker(sentence, [(start, start + len("Harbourian"), 0.88, False)]) == "Harbourian militants"
    sentence = "Mississippi offers no protections to tenants, the report said."
    assert tagged_speaker(sentence, [(0, len("Mississippi"), 0.88, False)]) == "Mississippi"


def test_a_chained_attribution_is_who_spoke_not_the_outlet_the_tagger_marks():
    # Seen on a saved Seattle Times page: 'Whole Foods co-founder and CEO John Mackey said in an internal memo that
    # the “price distinction …” as Whole Foods lowered its prices, Yahoo Finance reported earlier this year.' gave
    # Yahoo Finance in the final pass; news-guidelines.md: in "X said P, according to outlet Y", the speaker is X.
    from reviewer.core.extraction.source_tagger import TaggedSpan
    from reviewer.core.extraction.speaker_patterns import Attribution
    from reviewer.core.extraction.speaker_tagging import with_tagger

    def resolve(text, start, end, offset):
        return Attribution(text[start:end], offset + start, offset + end)

    for sentence in (
        "Port chief Ann Ortiz said in a memo that “tolls matter less” as prices fell, Harbour Radio reported.",
        "“Tolls matter less,” Ortiz said, according to Harbour Radio.",
    ):
        at = sentence.index("Harbour Radio")
        ortiz = sentence.index("Ortiz")
        rules = Attribution("Ann Ortiz", ortiz, ortiz + len("Ortiz"))
        tagged = [TaggedSpan(at, at + len("Harbour Radio"), 0.93, False)]
        found = with_tagger(rules, sentence, 0, tagged, "combined", resolve, lambda *_: None)
        assert found is not None and found.speaker == "Ann Ortiz", sentence
    # An outlet reporting in its own voice stays the speaker.
    sentence = "Harbour Radio reported that tolls rose 40 percent."
    tagged = [TaggedSpan(0, len("Harbour Radio"), 0.93, False)]
    found = with_tagger(None, sentence, 0, tagged, "combined", resolve, lambda *_: None)
    assert found is not None and found.speaker == "Harbour Radio"


def test_a_span_with_a_wiki_reference_or_code_names_nobody():
    # Seen on a saved Wikipedia page: "first organised political party.[51" was the speaker of a sentence that
    # has none; a reference mark, a shell prompt or markup is in no party's name.
    sentence = "In 1891 the Liberal Party came to power as the first organised political party.[51] It passed laws."
    start, end = sentence.index("first"), sentence.index("51") + 2
    assert _with_spans(sentence, [TaggedSpan(start, end, 0.9, False)]).speaker is None


def test_punctuation_at_a_span_s_edges_is_no_part_of_the_speaker():
    from reviewer.core.extraction.speaker_patterns import Attribution, tidied

    text = "Recently, Tom Emanuel of Laconia, N.H., stood at a Bush event."
    start, end = text.index(", Tom"), text.index(" stood")
    found = tidied(Attribution(text[start:end], start, end), text)
    assert found is not None and found.speaker == "Tom Emanuel of Laconia, N.H."
    assert text[found.start : found.end] == "Tom Emanuel of Laconia, N.H."
    text = "The bid by British Airways’ owner IAG was rejected."
    start = text.index("British")
    found = tidied(Attribution("British Airways’", start, start + len("British Airways’")), text)
    assert found is not None and (found.speaker, text[found.start : found.end]) == ("British Airways",) * 2
    # A hyphen stays: "Frankfurt-" (of "the Frankfurt-listed group") is not a name to tidy into "Frankfurt".
    assert tidied(Attribution("Frankfurt-", 0, 10), "Frankfurt-listed").speaker == "Frankfurt-"


def test_a_cue_only_the_tagger_saw_gets_no_stray_word_for_its_subject():
    # Seen on saved pages: "per year and is projected" gave "year", "confidence and supply votes is assured" gave
    # "supply". The subject the rules find for such a cue must be a party: a name, a plural, a quantifier or a
    # described thing ("the commission"), not one lower-case word of the clause.
    def speaker(sentence: str, cue: str) -> str | None:
        at = sentence.index(cue)
        return _with_spans(sentence, [TaggedSpan(at, at + len(cue), 0.9, True)]).speaker

    assert speaker("The population is increasing by 2% per year and is projected to rise.", "is projected") is None
    assert (
        speaker("A government can form if support during confidence and supply votes is assured.", "is assured") is None
    )
    assert speaker("Hours later, officials recognized that a suit was possible.", "recognized") == "officials"
    assert speaker("Hours later, Biden recognized that a suit was possible.", "recognized") == "Biden"


def test_a_cue_s_subject_keeps_the_word_its_phrase_ends_with():
    # Seen on a saved Independent page: "High streets saw 1.5 per cent fewer shoppers" gave "High" in the final
    # pass, where the tagger marked "saw" as a cue: the rules' subject stopped before "streets".
    def speaker(sentence: str, cue: str) -> str | None:
        at = sentence.index(cue)
        return _with_spans(sentence, [TaggedSpan(at, at + len(cue), 0.9, True)]).speaker

    assert speaker("High streets saw 1.5 per cent fewer shoppers in May.", "saw") is None
    assert speaker("In the House, lawmakers this week passed a set of measures.", "passed") == "lawmakers"


def test_a_tagged_span_never_ends_or_starts_inside_a_figure():
    # A saved New York Times page: 'Yahoo’s $4.8 billion sale to Verizon is a complicated beast, showing how …' gave
    # the speaker "Yahoo’s $4.": BERT's words cut "4.8" at its point, and the span stopped after it.
    sentence = "Yahoo’s $4.8 billion sale to Verizon in the U.S. rose."
    words = pre_tokens(sentence)
    texts = [sentence[s:e] for s, e in words]
    p = np.zeros((len(words), 5))
    p[:, 0] = 1.0  # every word outside, but:
    begin, point = texts.index("Yahoo"), texts.index("4") + 1
    for k in range(begin, point + 1):  # "Yahoo ’ s $ 4 ." a source, ending at the point
        p[k] = [0.0, 1.0, 0, 0, 0] if k == begin else [0.0, 0, 1.0, 0, 0]
    p[texts.index("S")] = [0.0, 1.0, 0, 0, 0]  # a source beginning at the "S" of "U.S."
    tagger = SourceTagger.__new__(SourceTagger)
    tagger.min_score = 0.5
    spans = [sentence[s.start : s.end] for s in tagger._decode(sentence, words, p) if not s.cue]
    assert spans == ["Yahoo’s $4.8", "U.S"]


def test_a_tagged_quantity_is_no_speaker():
    # The desk on a science story: "… fed 8 grams of peanut butter, equivalent to 2 tablespoons, on a different day to
    # confirm that they could eat peanut" showed the speaker "2 tablespoons" (the tagger's span, "equivalent to" its cue).
    sentence = "The children were fed 8 grams of flour, equivalent to 2 tablespoons, on a later day to confirm it."
    source = TaggedSpan(sentence.index("2 tablespoons"), sentence.index(" on a later"), 0.86, False)
    cue = TaggedSpan(sentence.index("equivalent"), sentence.index(" 2 tablespoons"), 0.64, True)
    assert _with_spans(sentence, [cue, source]).speaker is None
    # a count of people is a party
    sentence = "40 senators wrote that the port lost $3 million."
    assert _with_spans(sentence, [TaggedSpan(0, len("40 senators"), 0.96, False)]).speaker == "40 senators"
