"""Reading a ballot form into a draft, without a request or a database."""
import json
import random

from werkzeug.datastructures import MultiDict

from app.ballots.drafts import Change, Draft, answered, apply_edit, change_of, from_content, next_pair, read, to_content


def test_the_tapped_order_is_read_in_the_order_the_resident_tapped():
    assert read(MultiDict([("order", "7"), ("order", "3"), ("order", "x")])).order == [7, 3]


def test_rank_numbers_typed_without_javascript_replace_the_tapped_order():
    draft = read(MultiDict([("order", "1"), ("rank-5", "2"), ("rank-9", " 1 "), ("rank-4", "")]))
    assert draft.order == [9, 5] and not draft.duplicate_ranks


def test_two_needs_given_the_same_rank_number_are_flagged():
    assert read(MultiDict([("rank-5", "1"), ("rank-9", "1")])).duplicate_ranks


def test_points_are_read_per_need_and_words_are_kept_as_unreadable():
    draft = read(MultiDict([("points-2", "30"), ("points-3", "-5"), ("points-4", "ten"), ("points-6", "")]))
    assert draft.points == {2: 30, 3: -5} and draft.unreadable == [4]


def test_any_mapping_with_getlist_can_be_read():
    class Typed:
        def getlist(self, key):
            return ["4", "2"] if key == "approve" else []

        def items(self):
            return []

    assert read(Typed()).approved == [4, 2]


def test_the_ranking_buttons_add_move_and_remove_needs():
    order = apply_edit([], "add:3")
    order = apply_edit(order, "add:8")
    assert apply_edit(order, "up:8") == [8, 3]
    assert apply_edit(order, "down:8") == [3, 8]
    assert apply_edit(order, "remove:3") == [8]
    assert apply_edit(order, "add:3") == [3, 8]


def test_a_button_for_nothing_changes_nothing():
    assert apply_edit([3, 8], "up:3") == [3, 8]
    assert apply_edit([3, 8], "add:x") == [3, 8]
    assert apply_edit([3, 8], "jump:8") == [3, 8]


def test_the_next_pair_is_one_the_resident_has_seen_least_and_not_answered():
    seen = answered({"1-2": "1", "1-3": "3"})
    assert next_pair([1, 2, 3, 4], seen, lambda pairs: pairs[0]) == (2, 4)


def test_no_pair_is_left_once_every_pair_is_answered():
    assert next_pair([1, 2], answered({"1-2": "2"}), random.choice) is None


def test_a_stored_ballot_is_shown_again_as_it_was_cast():
    for kind, draft in [("ranking", Draft(order=[4, 1])), ("approval", Draft(approved=[2, 5])),
                        ("points", Draft(points={3: 40, 7: 60}))]:
        again = from_content(json.dumps(to_content(kind, draft)))
        assert (again.order, again.approved, again.points) == (draft.order, draft.approved, draft.points)


def test_an_approval_ballot_stores_each_need_once_and_points_keep_only_needs_given_some():
    assert to_content("approval", Draft(approved=[5, 2, 5])) == {"approved": [2, 5]}
    assert to_content("points", Draft(points={3: 0, 1: 10})) == {"points": {"1": 10}}


def test_no_ballot_yet_shows_an_empty_draft():
    assert from_content(None) == Draft()


def test_numbers_the_database_cannot_hold_or_that_are_not_plain_digits_are_not_read():
    draft = read(MultiDict([("order", "²"), ("order", "9" * 20), ("order", "4"), ("rank-²", "1"),
                            ("points-" + "9" * 20, "3"), ("points-2", "--5"), ("points-3", "-2")]))
    assert draft.order == [4] and draft.points == {3: -2} and draft.unreadable == [2]
    assert read(MultiDict([("rank-5", "²"), ("rank-6", "1")])).order == [6]
    assert apply_edit([1, 2], "up:²") == [1, 2] and apply_edit([1], f"add:{2**31}") == [1]


def test_each_tap_on_the_ranking_says_what_moved_and_keeps_the_focus_on_it():
    needs = [1, 2, 3, 4]
    assert change_of([], [2], "add:2", needs, full=False) == Change("add", 2, 1, "add-3")
    assert change_of([2], [2, 4], "add:4", needs, full=False) == Change("add", 4, 2, "add-1")
    assert change_of([2], [2, 4], "add:4", needs, full=True).focus == "cast"
    assert change_of([2, 4, 1], [4, 2, 1], "up:4", needs, full=False) == Change("up", 4, 1, "down-4")
    assert change_of([2, 4, 1], [2, 1, 4], "down:4", needs, full=False) == Change("down", 4, 3, "up-4")
    assert change_of([2, 4, 1], [2, 1, 4], "up:1", needs, full=False) == Change("up", 1, 2, "up-1")
    assert change_of([2, 4], [4], "remove:2", needs, full=False) == Change("remove", 2, None, "add-2")
    assert change_of([2], [2], "up:2", needs, full=False) is None
