from datetime import date

from app.rounds.phases import Phase, PhaseStart, current_phase, next_phase, schedule_errors, upcoming

TODAY = date(2027, 3, 1)


def schedule(**starts):
    return [PhaseStart(phase, starts.get(phase.value)) for phase in Phase]


def test_a_round_stays_in_its_phase_until_a_date_or_the_button_moves_it():
    plan = schedule(propose=date(2027, 2, 1), discuss=date(2027, 4, 1))
    assert current_phase(Phase.PROPOSE, plan, TODAY) == Phase.PROPOSE


def test_a_phase_opens_on_its_start_date():
    plan = schedule(propose=date(2027, 1, 1), discuss=date(2027, 2, 1), rank=TODAY)
    assert current_phase(Phase.PROPOSE, plan, TODAY) == Phase.RANK


def test_the_facilitators_button_opens_a_phase_before_its_date():
    plan = schedule(discuss=date(2027, 4, 1))
    assert current_phase(Phase.DISCUSS, plan, TODAY) == Phase.DISCUSS


def test_a_date_left_in_the_future_never_moves_a_round_back():
    plan = schedule(discuss=date(2027, 4, 1))
    assert current_phase(Phase.RANK, plan, TODAY) == Phase.RANK


def test_what_comes_next_names_the_following_phase_and_its_date():
    plan = schedule(rank=date(2027, 5, 2))
    assert upcoming(Phase.DISCUSS, plan) == PhaseStart(Phase.RANK, date(2027, 5, 2))
    assert upcoming(Phase.PROPOSE, plan) == PhaseStart(Phase.DISCUSS, None)
    assert upcoming(Phase.RESULTS, plan) is None
    assert next_phase(Phase.DECIDE) == Phase.RESULTS


def test_dates_out_of_order_are_reported_against_the_later_phase():
    plan = schedule(propose=date(2027, 3, 1), discuss=date(2027, 2, 1), rank=date(2027, 4, 1))
    assert schedule_errors(plan) == [Phase.DISCUSS]
    assert schedule_errors(schedule(propose=date(2027, 3, 1), rank=date(2027, 3, 1))) == []
