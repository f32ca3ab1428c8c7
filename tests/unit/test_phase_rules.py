"""What each phase allows, as a table a facilitator or funder could read: one row per action, one column per
phase (propose, discuss, rank, decide, results), "x" where the phase allows it."""
import pytest

from app.rounds.phases import ALLOWED, Action, Phase

TABLE = {
    #                            P    D    R    De   Re
    Action.PROPOSE:            ("x", " ", " ", " ", " "),
    Action.SUPPORT:            ("x", "x", " ", " ", " "),
    Action.COMMENT:            ("x", "x", " ", " ", " "),
    Action.REPORT:             ("x", "x", "x", "x", "x"),
    Action.REVIEW_NEED:        ("x", "x", " ", " ", " "),
    Action.CAST_BALLOT:        (" ", " ", "x", " ", " "),
    Action.KEY_PAPER_BALLOTS:  (" ", " ", "x", "x", " "),
    Action.SEE_RESULTS:        (" ", " ", " ", "x", "x"),
    Action.ENTER_APPLICATION:  ("x", "x", "x", "x", " "),
    Action.DECLARE_CONFLICT:   ("x", "x", "x", "x", " "),
    Action.MARK_APPLICATION:   (" ", " ", " ", "x", " "),
    Action.RECORD_DECISIONS:   (" ", " ", " ", "x", " "),
    Action.PUBLISH_DECISIONS:  (" ", " ", " ", "x", " "),
    Action.CHALLENGE_DECISION: (" ", " ", " ", "x", "x"),
    Action.ANSWER_CHALLENGE:   (" ", " ", " ", "x", "x"),
    Action.REPORT_PROGRESS:    (" ", " ", " ", "x", "x"),
    Action.COMPLETE_GRANT:     (" ", " ", " ", "x", "x"),
}


def test_the_table_names_every_action_once():
    assert set(TABLE) == set(Action) == set(ALLOWED)


@pytest.mark.parametrize("action", list(Action))
def test_each_phase_allows_what_the_table_says(action):
    assert {phase: phase.allows(action) for phase in Phase} == {
        phase: mark == "x" for phase, mark in zip(Phase, TABLE[action])}


def test_a_round_showing_results_live_shows_them_while_ranking_and_not_before():
    assert [phase for phase in Phase if phase.allows(Action.SEE_RESULTS, results_live=True)] == [
        Phase.RANK, Phase.DECIDE, Phase.RESULTS]


def test_showing_results_live_opens_nothing_else():
    for action in set(Action) - {Action.SEE_RESULTS}:
        assert [p.allows(action, results_live=True) for p in Phase] == [p.allows(action) for p in Phase]
