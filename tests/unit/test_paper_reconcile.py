"""Paper ballots' pure rules: double entry, supersession, the ballot paper account, the audit sample,
and what an operator types read into a ballot."""
from datetime import date

from app.paper import marks
from app.paper.reconcile import (Account, Difference, PaperState, Record, RejectedReason, audit_result, count_batch,
                                 current, draw_sample, keying_open, verdict)
from app.voting.ballot_content import BallotKind, RankingBallot

A, B, C = 1, 2, 3
FIRST, SECOND = '{"ranking": [[3], [1]]}', '{"ranking": [[1], [3]]}'


def test_two_entries_that_read_the_same_reconcile_the_ballot():
    found = verdict([Record(1, A, FIRST), Record(2, B, FIRST)])
    assert found.state == PaperState.AGREED and found.counted_content == FIRST


def test_one_entry_waits_for_the_second_operator_and_counts_nothing():
    found = verdict([Record(1, A, FIRST)])
    assert found.state == PaperState.KEYED_ONCE and found.counted_content is None


def test_entries_that_differ_are_disputed_until_a_supervisor_decides():
    entries = [Record(1, A, FIRST), Record(2, B, SECOND)]
    assert verdict(entries).state == PaperState.DISPUTED and verdict(entries).counted_content is None
    decided = verdict(entries, [Record(1, C, SECOND)])
    assert decided.state == PaperState.RESOLVED and decided.counted_content == SECOND


def test_a_correction_supersedes_the_operators_own_entry_and_the_old_one_stays():
    entries = [Record(1, A, FIRST), Record(2, B, SECOND), Record(3, A, SECOND, supersedes=1)]
    assert [r.id for r in current(entries)] == [2, 3]
    assert verdict(entries).state == PaperState.AGREED and verdict(entries).counted_content == SECOND


def test_a_later_decision_supersedes_an_earlier_one():
    entries = [Record(1, A, FIRST), Record(2, B, SECOND)]
    decided = verdict(entries, [Record(1, C, SECOND), Record(2, C, FIRST, supersedes=1)])
    assert decided.counted_content == FIRST


def test_a_ballot_both_operators_reject_is_reconciled_but_not_counted():
    found = verdict([Record(1, A, rejected=RejectedReason.UNCLEAR), Record(2, B, rejected=RejectedReason.TOO_MANY)])
    assert found.reconciled and found.rejected and found.counted_content is None
    assert verdict([Record(1, A, rejected=RejectedReason.UNCLEAR), Record(2, B, FIRST)]).state == PaperState.DISPUTED
    assert not verdict([Record(1, A, rejected=RejectedReason.UNCLEAR)]).rejected  # not reconciled yet


def test_a_batch_balances_when_its_account_adds_up_and_every_returned_ballot_is_counted_or_rejected():
    agreed = verdict([Record(1, A, FIRST), Record(2, B, FIRST)])
    rejected = verdict([Record(1, A, rejected=RejectedReason.UNMARKED), Record(2, B, rejected=RejectedReason.UNMARKED)])
    # One paper spoilt at the desk and replaced (never in the box); six in the box, one of them rejected.
    count = count_batch(Account(issued=10, returned=6, spoilt=1, unused=3), [agreed] * 5 + [rejected])
    assert count.balanced and (count.keyed, count.rejected) == (5, 1)


def test_a_paper_spoilt_at_the_desk_does_not_excuse_a_paper_in_the_box_left_unkeyed():
    agreed = verdict([Record(1, A, FIRST), Record(2, B, FIRST)])
    count = count_batch(Account(issued=10, returned=6, spoilt=1, unused=3), [agreed] * 5)
    assert count.differences == [(Difference.KEYED, 1)]


def test_a_batch_flags_each_difference_with_its_size():
    agreed = verdict([Record(1, A, FIRST), Record(2, B, FIRST)])
    disputed = verdict([Record(1, A, FIRST), Record(2, B, SECOND)])
    waiting = verdict([Record(1, A, FIRST)])
    count = count_batch(Account(issued=10, returned=6, spoilt=1, unused=1), [agreed] * 3 + [disputed, waiting])
    assert count.differences == [(Difference.UNACCOUNTED, 2), (Difference.KEYED, 1), (Difference.DISPUTES, 1),
                                 (Difference.WAITING, 1)]
    assert count_batch(None, []).differences == [(Difference.NO_ACCOUNT, 0)]
    assert count_batch(Account(5, 5, 0, 0), [agreed] * 6).differences == [(Difference.KEYED, -1)]


def test_keying_stops_when_the_grace_period_after_ranking_ends():
    closes = date(2026, 6, 1)
    assert keying_open(closes, 3, date(2026, 6, 4), phase_allows=True)
    assert not keying_open(closes, 3, date(2026, 6, 5), phase_allows=True)
    assert not keying_open(None, 3, date(2026, 6, 1), phase_allows=False)


def test_the_audit_sample_is_the_same_for_anyone_with_the_seed():
    serials = [f"S{n:03d}" for n in range(100)]
    drawn = draw_sample("4 17 23 6", serials, 10)
    assert drawn == draw_sample("4 17 23 6", reversed(serials), 10) and len(set(drawn)) == 10
    assert drawn != draw_sample("4 17 23 7", serials, 10)
    assert draw_sample("x", serials[:3], 10) == sorted(serials[:3])
    result = audit_result("4 17 23 6", drawn, {drawn[0]: True, drawn[1]: False, "OTHER": True})
    assert (result.sampled, result.checked, result.matched) == (10, 2, 1)


NUMBERS = {"7": 70, "12": 120, "3": 30}


def test_a_ranking_is_typed_as_need_numbers_in_order():
    read = marks.read(BallotKind.RANKING, "12 3, 7", NUMBERS)
    assert read.ballot == RankingBallot.of_order([120, 30, 70]) and not read.errors
    assert marks.typed_form(read.ballot, {70: "7", 120: "12", 30: "3"}) == "12 3 7"


def test_typing_mistakes_are_named():
    assert marks.read(BallotKind.RANKING, "12 12", NUMBERS).errors == ["duplicate"]
    assert marks.read(BallotKind.RANKING, "99", NUMBERS).errors == ["unknown-need"]
    assert marks.read(BallotKind.APPROVAL, "  ", NUMBERS).errors == ["empty"]
    assert marks.read(BallotKind.POINTS, "3:x", NUMBERS).errors == ["not-a-number"]


def test_approval_and_points_read_as_their_ballots():
    assert marks.read(BallotKind.APPROVAL, "12 7", NUMBERS).ballot.approved == (70, 120)
    assert marks.read(BallotKind.POINTS, "3:5 7x2", NUMBERS).points == {30: 5, 70: 2}
