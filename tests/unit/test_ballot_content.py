"""A ballot's stored form: every kind reads back what it wrote, rows stored before keep reading
byte for byte, and the receipts list's short form."""
import pytest

from app.voting.ballot_content import (Answer, ApprovalBallot, BallotKind, PairwiseBallot, PointsBallot,
                                       RankingBallot, parse)

PUBLIC = {1: "A", 2: "B", 3: "C", 4: "D"}

# Text as the ballot page, the PrefLib and Pabulib imports and the demo stored it before these types.
STORED = [
    ('{"ranking": [[3], [1], [2]]}', RankingBallot(((3,), (1,), (2,)))),
    ('{"ranking": [[3], [1, 2]]}', RankingBallot(((3,), (1, 2)))),
    ('{"approved": [1, 4]}', ApprovalBallot((1, 4))),
    ('{"approved": [4, 1]}', ApprovalBallot((4, 1))),
    ('{"points": {"10": 1, "2": 3}}', PointsBallot(((10, 1), (2, 3)))),
    ('{"points": {"2": 3, "10": 0}}', PointsBallot(((2, 3), (10, 0)))),
    ('{"answers": {"1-2": "2", "1-3": "none"}}', PairwiseBallot((Answer(1, 2, 2), Answer(1, 3, None)))),
]


@pytest.mark.parametrize(("text", "ballot"), STORED)
def test_a_stored_ballot_reads_as_its_kind_and_writes_back_the_same_bytes(text, ballot):
    assert parse(text) == ballot
    assert type(ballot).from_json(text) == ballot
    assert ballot.to_json() == text


@pytest.mark.parametrize(("text", "ballot"), STORED)
def test_every_kind_reads_back_what_it_wrote(text, ballot):
    assert parse(ballot.to_json(), ballot.kind) == ballot


def test_a_ballot_of_another_kind_or_no_ballot_at_all_is_refused():
    with pytest.raises(ValueError):
        parse('{"approved": [1]}', BallotKind.RANKING)
    with pytest.raises(ValueError):
        RankingBallot.from_json('{"points": {"1": 2}}')
    for text in ('{}', '{"ranking": [], "approved": []}', '{"votes": [1]}', '[1, 2]'):
        with pytest.raises(ValueError):
            parse(text)


def test_what_the_ballot_page_casts_is_stored_as_it_always_was():
    assert RankingBallot.of_order([3, 1, 2]).to_json() == '{"ranking": [[3], [1], [2]]}'
    assert ApprovalBallot.of_choices([4, 1, 4]).to_json() == '{"approved": [1, 4]}'
    # Keys in text order and no zero entries, as sorting the JSON keys gave.
    assert PointsBallot.of_points({2: 3, 10: 1, 7: 0}).to_json() == '{"points": {"10": 1, "2": 3}}'


def test_a_pairwise_answer_is_added_or_changed_under_its_pair_lower_id_first():
    ballot = PairwiseBallot().with_answer(3, 1, 3).with_answer(2, 10, None)
    assert ballot.to_json() == '{"answers": {"1-3": "3", "2-10": "none"}}'
    changed = ballot.with_answer(1, 3, 1)
    assert changed.to_json() == '{"answers": {"1-3": "1", "2-10": "none"}}'
    assert changed.answered() == {frozenset((1, 3)), frozenset((2, 10))}


@pytest.mark.parametrize(("text", "short"), [
    ('{"ranking": [[3], [1, 2]]}', "C > A=B"),
    ('{"ranking": [[9], [3]]}', "C"),
    ('{"approved": [1, 4, 9]}', "A, D"),
    ('{"points": {"2": 3, "9": 1}}', "B×3, 9×1"),
    ('{"answers": {"1-2": "2", "3-4": "3", "1-3": "none"}}', "B>A, C>D, A~C"),
    ('{"ranking": []}', ""),
])
def test_the_receipts_short_form_names_needs_by_their_public_ids(text, short):
    assert parse(text).short(PUBLIC) == short
