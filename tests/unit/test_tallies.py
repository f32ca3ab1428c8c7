"""Tally rules against hand-worked examples and real elections."""
from fractions import Fraction
from pathlib import Path

import pytest

from app.voting.comparisons import bradley_terry
from app.voting.pairwise import matrix
from app.voting.preflib import PreflibError, parse
from app.voting.profiles import ApprovalProfile, Comparison, PairwiseProfile, PointsProfile, RankingProfile
from app.voting.ranking_rules import borda, copeland, irv, ranked_pairs, schulze
from app.voting.rules import RuleError, rule
from app.voting.scoring_rules import approval, points
from app.voting.ties import Tie, TieBreakError, make_tie_break, order_by_score

PREFLIB = Path(__file__).resolve().parents[1] / "data" / "preflib"


def lexicographic(candidates):
    return make_tie_break("lexicographic", candidates)


def profile(candidates, *rows):
    """rows: (count, "A>B>C") with ties as "A>B=C"."""
    rankings = []
    for count, text in rows:
        tiers = [tuple(t.split("=")) for t in text.split(">")] if text else []
        rankings += [tiers] * count
    return RankingProfile.from_rankings(candidates, rankings)


WIKIPEDIA_SCHULZE = profile(
    "ABCDE", (5, "A>C>B>E>D"), (5, "A>D>E>C>B"), (8, "B>E>D>A>C"), (3, "C>A>B>E>D"),
    (7, "C>A>E>B>D"), (2, "C>B>A>D>E"), (7, "D>C>E>B>A"), (8, "E>B>A>D>C"))


def test_schulze_reproduces_the_worked_example_of_45_voters():
    outcome = schulze(WIKIPEDIA_SCHULZE, lexicographic("ABCDE"))
    assert outcome.ranking == ("E", "A", "C", "B", "D")
    assert outcome.details["strongest_paths"]["E"]["A"] == 25 and outcome.details["strongest_paths"]["A"]["E"] == 24
    assert outcome.ties == ()


def test_borda_gives_n_minus_1_down_to_0_on_complete_rankings():
    outcome = borda(profile("ABC", (3, "A>B>C"), (2, "B>C>A")), lexicographic("ABC"))
    assert outcome.scores == {"A": 6, "B": 7, "C": 2}
    assert outcome.ranking == ("B", "A", "C")


def test_a_ranked_need_beats_an_unranked_one_and_unranked_needs_tie():
    truncated = profile("ABCD", (1, "B"))
    m = matrix(truncated)
    assert m[1] == [1, 0, 1, 1]
    assert m[0][2] == m[2][0] == 0
    assert borda(truncated, lexicographic("ABCD")).scores == {"A": 0, "B": 3, "C": 0, "D": 0}


def test_copeland_counts_head_to_head_wins_minus_losses():
    outcome = copeland(WIKIPEDIA_SCHULZE, lexicographic("ABCDE"))
    assert sum(outcome.scores.values()) == 0
    assert outcome.scores["E"] == max(outcome.scores.values())


def test_ranked_pairs_locks_the_biggest_wins_and_skips_the_cycle():
    # A>B by 5, B>C by 3, C>A by 1: the C>A pair would close a cycle and is skipped.
    cycle = profile("ABC", (4, "A>B>C"), (3, "B>C>A"), (2, "C>A>B"))
    assert ranked_pairs(cycle, lexicographic("ABC")).ranking == ("A", "B", "C")


def test_instant_runoff_transfers_votes_round_by_round():
    votes = profile("ABC", (4, "A>B>C"), (3, "B>C>A"), (2, "C>B>A"))
    outcome = irv(votes, lexicographic("ABC"))
    assert outcome.details["rounds"] == [{"A": 4, "B": 3, "C": 2}, {"A": 4, "B": 5}, {"B": 9}]
    assert outcome.ranking == ("B", "A", "C")


def test_instant_runoff_shares_a_tied_first_choice_equally():
    votes = profile("ABC", (2, "A=B>C"), (1, "C"))
    assert irv(votes, lexicographic("ABC")).details["rounds"][0] == {"A": 1, "B": 1, "C": 1}
    split = profile("ABC", (1, "A=B"), (1, "C"), (1, "A"))
    assert irv(split, lexicographic("ABC")).details["rounds"][0] == {"A": 1.5, "B": 0.5, "C": 1}
    assert Fraction(3, 2) == 1.5


def test_equal_scores_are_ordered_by_the_named_tie_break_and_recorded():
    ballots = ApprovalProfile(("10", "9", "3"), ((frozenset({"10", "9"}), 2), (frozenset({"3"}), 1)))
    outcome = approval(ballots, make_tie_break("lexicographic", ballots.candidates))
    assert outcome.ranking == ("9", "10", "3")
    assert outcome.ties == (Tie(("9", "10"), "9", "lexicographic"),)
    by_cost = approval(ballots, make_tie_break("max-cost", ballots.candidates, {"10": 500, "9": 100, "3": 1}))
    assert by_cost.ranking[:2] == ("10", "9") and by_cost.ties[0].by == "max-cost"


def test_random_tie_break_is_repeatable_from_its_seed():
    ids = [str(n) for n in range(20)]
    assert make_tie_break("random:7", ids).order == make_tie_break("random:7", ids).order
    assert make_tie_break("random:7", ids).order != make_tie_break("random:8", ids).order
    with pytest.raises(TieBreakError):
        make_tie_break("coin", ids)
    with pytest.raises(TieBreakError):
        make_tie_break("min-cost", ids)


def test_a_three_way_tie_records_each_decision():
    ranking, ties = order_by_score({"a": 1, "b": 1, "c": 1, "d": 2}, make_tie_break("lexicographic", "abcd"))
    assert ranking == ("d", "a", "b", "c")
    assert ties == (Tie(("a", "b", "c"), "a", "lexicographic"), Tie(("b", "c"), "b", "lexicographic"))


def test_points_add_up_what_residents_gave():
    ballots = PointsProfile(("a", "b"), (((("a", 3), ("b", 1)), 2), ((("b", 4),), 1)))
    assert points(ballots, lexicographic("ab")).scores == {"a": 6, "b": 6}


def test_bradley_terry_matches_the_closed_form_for_two_needs():
    # 3 wins to 1, plus the prior's half each way: P(a beats b) = 3.5 / 5 = 70%.
    answers = PairwiseProfile(("a", "b", "c"), ((Comparison("a", "b", "a"), 3), (Comparison("a", "b", "b"), 1),
                                                (Comparison("a", "b", None), 4)))
    outcome = bradley_terry(answers, lexicographic("abc"))
    assert outcome.scores["a"] == pytest.approx(70.0) and outcome.scores["b"] == pytest.approx(30.0)
    assert outcome.ranking == ("a", "b", "c") and outcome.scores["c"] == 0.0
    assert outcome.voters == 8


def test_bradley_terry_strengths_solve_the_likelihood_equations():
    results = [("a", "b", 5), ("b", "a", 2), ("b", "c", 4), ("c", "b", 1), ("c", "d", 3), ("a", "d", 6), ("d", "a", 1)]
    answers = PairwiseProfile(tuple("abcd"), tuple((Comparison(w, l, w), n) for w, l, n in results))
    p = bradley_terry(answers, lexicographic("abcd")).details["strengths"]
    wins = {}
    for w, l, n in results:
        wins[(w, l)] = wins.get((w, l), 0.5) + n
        wins.setdefault((l, w), 0.5)
    for i in "abcd":
        won = sum(n for (w, _), n in wins.items() if w == i)
        expected = sum((wins[(i, j)] + wins[(j, i)]) * p[i] / (p[i] + p[j]) for j in "abcd" if (i, j) in wins)
        assert won == pytest.approx(expected, rel=1e-6)
    assert max(p, key=p.get) == "a"


@pytest.mark.parametrize("name,rule_name,winner", [
    ("00002-00000001.soi", "schulze", "Bdale Garbee"),
    ("00002-00000006.toc", "schulze", "Stefano Zacchiroli"),
    ("00016-00000002.toi", "irv", "Mick Ireland"),
])
def test_real_elections_elect_who_really_won(name, rule_name, winner):
    election = parse((PREFLIB / name).read_text())
    outcome = rule(rule_name, "ranking")(election.profile(), lexicographic(election.alternatives))
    assert election.alternatives[outcome.winner] == winner
    assert outcome.voters == {"00002-00000001.soi": 475, "00002-00000006.toc": 436, "00016-00000002.toi": 2527}[name]


def test_aspen_2009_first_round_counts_every_first_choice():
    text = (PREFLIB / "00016-00000002.toi").read_text()
    first_choices = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            count, _, order = line.partition(":")
            top = order.strip().split(",")[0]
            assert not top.startswith("{"), "Aspen ballots have no tie at the top"
            first_choices[top] = first_choices.get(top, 0) + int(count)
    election = parse(text)
    rounds = irv(election.profile(), lexicographic(election.alternatives)).details["rounds"]
    assert rounds[0] == first_choices
    assert len(rounds) == 5 and list(rounds[-1]) == ["4"]


def test_preflib_errors_name_the_line():
    with pytest.raises(PreflibError, match="line 3: unknown alternative '9'"):
        parse("# DATA TYPE: soc\n# ALTERNATIVE NAME 1: A\n5: 1,9\n")
    with pytest.raises(PreflibError, match="line 2: expected"):
        parse("# ALTERNATIVE NAME 1: A\nfive: 1\n")
    with pytest.raises(PreflibError, match="not an ordinal"):
        parse("# DATA TYPE: cat\n# ALTERNATIVE NAME 1: A\n1: 1\n")


def test_a_rule_refuses_ballots_it_cannot_count():
    with pytest.raises(RuleError, match="cannot count approval"):
        rule("schulze", "approval")
    with pytest.raises(RuleError, match="unknown rule"):
        rule("plurality-ish", "ranking")
