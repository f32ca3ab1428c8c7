"""Time every budget rule on the two large Pabulib files, ours against pabutools in the same run.

    python bench/budget.py [--skip-pabutools-mes]   (pabutools needs the test extras)

Prints seconds per rule for each engine, the ratio, and whether the funded sets are identical.
pabutools' MES with Add1 stops at the first exhaustive outcome; ours is timed and compared
with the same switch (stop_when_exhaustive=True), and also timed with the cities' setting.
"""
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.voting.budget_rules import BudgetElection, allocate  # noqa: E402
from app.voting.budgeting import Instance  # noqa: E402
from app.voting.equal_shares import Approvals  # noqa: E402
from app.voting.pabulib import parse, support  # noqa: E402
from app.voting.ties import make_tie_break  # noqa: E402

FILES = ("Poland_Warszawa_2026.pb", "Poland_Lodz_2022.pb")


def timed(work):
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def ours(path):
    seconds, election = timed(lambda: parse(path.read_text(encoding="utf-8")))
    print(f"  parse: {seconds:.2f} s")
    costs = {p: election.cost(p) for p in election.projects}
    approvals = Approvals.from_ballots([v.projects for v in election.votes], election.projects)
    threshold = int(election.meta.get("min_project_score_threshold") or 0)
    budget_election = BudgetElection(Instance(election.budget, costs, dict(support(election)), threshold), approvals)
    order = make_tie_break("lexicographic", election.projects, costs)
    return lambda rule, **switches: {*allocate(rule, budget_election, order, **switches).selected}


def theirs(path):
    from pabutools.election import Cost_Sat, parse_pabulib
    from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares, sequential_phragmen
    from pabutools.rules.mes.mes_rule import method_of_equal_shares_scheme
    from pabutools.tiebreaking import lexico_tie_breaking

    instance, profile = parse_pabulib(str(path))
    names = lambda allocation: {p.name for p in allocation}  # noqa: E731
    return {
        "greedy": lambda: names(greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat,
                                                           tie_breaking=lexico_tie_breaking)),
        "equalshares": lambda: names(method_of_equal_shares(instance, profile, sat_class=Cost_Sat,
                                                            tie_breaking=lexico_tie_breaking)),
        "equalshares/add1 (stop when exhaustive)": lambda: names(method_of_equal_shares_scheme(
            instance, profile, profile.as_sat_profile(Cost_Sat),
            math.floor(instance.budget_limit / profile.num_ballots()), [], lexico_tie_breaking,
            voter_budget_increment=1, binary_sat=True)),
        "phragmen": lambda: names(sequential_phragmen(instance, profile, tie_breaking=lexico_tie_breaking)),
    }


def main():
    skip_mes = "--skip-pabutools-mes" in sys.argv
    for name in FILES:
        path = ROOT / "tests" / "data" / "pabulib" / name
        print(name)
        count = ours(path)
        rules = [("greedy", {}), ("greedy-no-skip", {}), ("greedy-threshold", {}), ("greedy-custom", {}),
                 ("equalshares", {}), ("equalshares/add1 (stop when exhaustive)", {"stop_when_exhaustive": True}),
                 ("equalshares/add1", {}), ("equalshares/add1-comparison", {}), ("phragmen", {})]
        seconds, reference = timed(lambda: theirs(path))
        print(f"  pabutools parse: {seconds:.2f} s")
        for label, switches in rules:
            rule = label.split(" ")[0]
            mine, selected = timed(lambda: count(rule, **switches))
            line = f"  {label:42} ours {mine:7.2f} s"
            if label in reference and not (skip_mes and rule.startswith("equalshares")):
                other, expected = timed(reference[label])
                line += f"   pabutools {other:8.2f} s   x{other / mine:7.1f}   same: {selected == expected}"
            print(line, flush=True)


if __name__ == "__main__":
    main()
