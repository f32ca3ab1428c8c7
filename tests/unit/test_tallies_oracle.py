"""Our rules against pref_voting, an independent implementation, on random profiles."""
import warnings
from functools import partial

from hypothesis import given, settings
from hypothesis import strategies as st

from app.voting.pairwise import matrix
from app.voting.profiles import RankingProfile
from app.voting.ranking_rules import borda, copeland, irv, schulze
from app.voting.ranking_rules import ranked_pairs as ranked_pairs_ours
from app.voting.ties import make_tie_break

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from pref_voting.iterative_methods import instant_runoff_for_truncated_linear_orders, instant_runoff_put
    from pref_voting.margin_based_methods import beat_path, ranked_pairs
    from pref_voting.profiles import Profile
    from pref_voting.profiles_with_ties import ProfileWithTies

CHECKS = settings(max_examples=120, deadline=None)


@st.composite
def complete_profiles(draw, most=6):
    size = draw(st.integers(min_value=2, max_value=most))
    orders = draw(st.lists(st.permutations(range(size)), min_size=1, max_size=12))
    counts = draw(st.lists(st.integers(min_value=1, max_value=9), min_size=len(orders), max_size=len(orders)))
    ours = RankingProfile.from_rankings([str(c) for c in range(size)],
                                        [[str(c) for c in order] for order, n in zip(orders, counts) for _ in range(n)])
    return ours, Profile([list(o) for o in orders], rcounts=counts)


@st.composite
def truncated_profiles_with_ties(draw):
    size = draw(st.integers(min_value=2, max_value=6))
    ballots = []
    for _ in range(draw(st.integers(min_value=1, max_value=10))):
        ranked = draw(st.lists(st.integers(0, size - 1), unique=True, min_size=1, max_size=size))
        tiers = draw(st.lists(st.integers(0, 2), min_size=len(ranked), max_size=len(ranked)))
        ballots.append({c: t for c, t in zip(ranked, sorted(tiers))})
    return size, ballots


def tie_break(profile):
    return make_tie_break("lexicographic", profile.candidates)


@CHECKS
@given(complete_profiles())
def test_borda_and_copeland_scores_equal_pref_votings(profiles):
    ours, theirs = profiles
    assert borda(ours, tie_break(ours)).scores == {str(c): s for c, s in theirs.borda_scores().items()}
    assert copeland(ours, tie_break(ours)).scores == {str(c): s for c, s in theirs.copeland_scores().items()}


@CHECKS
@given(complete_profiles(most=5))  # pref_voting's parallel-universe IRV tries every tie order: keep it small
def test_schulze_ranked_pairs_and_irv_winners_are_among_pref_votings(profiles):
    ours, theirs = profiles
    ranked_pairs_by_stacks = partial(ranked_pairs, algorithm="from_stacks")  # same winners, without exponential search
    for our_rule, their_rule in ((schulze, beat_path), (ranked_pairs_ours, ranked_pairs_by_stacks),
                                 (irv, instant_runoff_put)):
        winners = {str(c) for c in their_rule(theirs)}
        ours_won = our_rule(ours, tie_break(ours)).winner
        assert ours_won in winners, our_rule.__name__
        if len(winners) == 1:
            assert {ours_won} == winners


@CHECKS
@given(truncated_profiles_with_ties())
def test_truncated_and_tied_ballots_give_pref_votings_extended_pairwise_counts(data):
    size, ballots = data
    tiers = [[tuple(str(c) for c in sorted(b) if b[c] == t) for t in sorted(set(b.values()))] for b in ballots]
    ours = matrix(RankingProfile.from_rankings([str(c) for c in range(size)], tiers))
    theirs = ProfileWithTies([dict(b) for b in ballots], candidates=list(range(size)))
    theirs.use_extended_strict_preference()
    assert ours == [[theirs.support(a, b) if a != b else 0 for b in range(size)] for a in range(size)]


@st.composite
def truncated_strict_profiles(draw):
    size = draw(st.integers(min_value=2, max_value=6))
    orders = draw(st.lists(st.lists(st.integers(0, size - 1), unique=True, min_size=1, max_size=size),
                           min_size=1, max_size=15))
    return size, orders


@CHECKS
@given(truncated_strict_profiles())
def test_instant_runoff_on_truncated_ballots_elects_pref_votings_winner(data):
    size, orders = data
    ours = irv(RankingProfile.from_rankings([str(c) for c in range(size)], [[str(c) for c in o] for o in orders]),
               make_tie_break("lexicographic", [str(c) for c in range(size)]))
    if ours.ties:
        return  # pref_voting drops every tied-last need at once; we break the tie: only untied runs compare
    theirs = ProfileWithTies([{c: rank for rank, c in enumerate(o)} for o in orders], candidates=list(range(size)))
    winners = {str(c) for c in instant_runoff_for_truncated_linear_orders(theirs)}
    assert winners == {ours.winner}
