"""Tally time on a large ranking round: 100,000 ballots over 50 needs.

    .venv/bin/python bench/tally.py [--voters 100000] [--needs 50] [--seed 1]

Ballots are random truncated rankings (5 to 50 needs each). Reports the time to build the
profile (grouping identical ballots) and, separately, each rule's time on that profile.
"""
import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.voting.profiles import RankingProfile  # noqa: E402
from app.voting.rules import RANKING_RULES  # noqa: E402
from app.voting.ties import make_tie_break  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voters", type=int, default=100_000)
    parser.add_argument("--needs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    needs = [str(n) for n in range(1, args.needs + 1)]
    rankings = []
    for _ in range(args.voters):
        order = rng.sample(needs, rng.randint(min(5, args.needs), args.needs))
        rankings.append(tuple((n,) for n in order))
    started = time.perf_counter()
    profile = RankingProfile.from_rankings(needs, rankings)
    print(f"{args.voters:,} ballots over {args.needs} needs ({len(profile.ballots):,} distinct)")
    print(f"  build profile      {time.perf_counter() - started:6.2f} s")
    tie_break = make_tie_break("lexicographic", needs)
    for name, rule in RANKING_RULES.items():
        started = time.perf_counter()
        outcome = rule(profile, tie_break)
        print(f"  {name:18} {time.perf_counter() - started:6.2f} s   winner {outcome.winner}")


if __name__ == "__main__":
    main()
