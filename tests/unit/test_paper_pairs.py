"""Pairwise paper ballots' pure rules: the pairs each paper prints, drawn from its serial, and the keys an
operator types for them read into a pairwise ballot."""
from itertools import combinations

from app.paper import marks, pairs
from app.paper.reconcile import PaperState, Record, verdict
from app.voting.ballot_content import PairwiseBallot

NEEDS = [11, 12, 13, 14, 15, 16, 17]


def test_a_paper_prints_every_pair_once_when_they_fit():
    printed = pairs.draw("K7M2QX", NEEDS[:4])
    assert sorted(tuple(sorted(p)) for p in printed) == list(combinations(NEEDS[:4], 2))


def test_a_paper_prints_a_fixed_number_of_pairs_drawn_from_its_serial():
    printed = pairs.draw("K7M2QX", NEEDS)
    assert len(printed) == pairs.PAIRS_PER_PAPER and len({frozenset(p) for p in printed}) == pairs.PAIRS_PER_PAPER
    assert all(a in NEEDS and b in NEEDS and a != b for a, b in printed)
    assert printed == pairs.draw("K7M2QX", reversed(NEEDS))  # anyone with the serial and the needs draws it again
    assert printed != pairs.draw("P4R8TW", NEEDS)


def test_no_need_is_always_printed_first():
    sides = {a < b for serial in ("A1", "B2", "C3", "D4", "E5") for a, b in pairs.draw(serial, NEEDS)}
    assert sides == {True, False}


def test_the_kept_pairs_read_back_as_printed():
    printed = pairs.draw("K7M2QX", NEEDS)
    assert pairs.from_text(pairs.to_text(printed)) == printed and pairs.from_text("") == []


def test_one_key_per_pair_in_printed_order_reads_into_a_pairwise_ballot():
    printed = [(12, 11), (13, 14), (11, 13), (14, 12)]
    read = marks.read_pairs("1 2 0 -", printed)
    assert read.errors == [] and read.ballot == PairwiseBallot().with_answer(12, 11, 12).with_answer(
        13, 14, 14).with_answer(11, 13, None)
    assert marks.read_pairs("120-", printed).ballot == read.ballot == marks.read_pairs("a,b,0,.", printed).ballot
    assert marks.typed_form(read.ballot, {}, printed) == "1 2 0 -"


def test_keys_that_do_not_fit_the_paper_are_refused_with_why():
    printed = [(12, 11), (13, 14), (11, 13)]
    assert marks.read_pairs("1 2", printed).errors == ["pair-count"]
    assert marks.read_pairs("1 2", printed).typed_pairs == 2
    assert marks.read_pairs("1 3 0", printed).errors == ["pair-key"]
    assert marks.read_pairs("- - -", printed).errors == ["pairs-blank"]


def test_two_operators_who_type_the_same_keys_agree_and_one_key_apart_disagree():
    printed = [(12, 11), (13, 14)]
    first, second, other = (marks.read_pairs(t, printed).ballot.to_json() for t in ("1 2", "12", "1 1"))
    assert verdict([Record(1, 1, first), Record(2, 2, second)]).state == PaperState.AGREED
    assert verdict([Record(1, 1, first), Record(2, 2, other)]).state == PaperState.DISPUTED
