"""pabutools as a whole process, the yardstick for `flask rounds tally`: parse a .pb file, count one rule.

    python bench/pabutools_tally.py FILE.pb greedy|equalshares/add1

Prints the funded project ids as one JSON list. Equal Shares with Add1 stops at the first exhaustive
outcome, as pabutools does; ours is told the same (bench/cli_tally.py passes that rule's name).
"""
import json
import math
import sys

from pabutools.election import Cost_Sat, parse_pabulib
from pabutools.rules import greedy_utilitarian_welfare
from pabutools.rules.mes.mes_rule import method_of_equal_shares_scheme
from pabutools.tiebreaking import lexico_tie_breaking


def main() -> None:
    path, rule = sys.argv[1], sys.argv[2]
    instance, profile = parse_pabulib(path)
    if rule == "greedy":
        funded = greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat, tie_breaking=lexico_tie_breaking)
    else:
        funded = method_of_equal_shares_scheme(
            instance, profile, profile.as_sat_profile(Cost_Sat), math.floor(instance.budget_limit / profile.num_ballots()),
            [], lexico_tie_breaking, voter_budget_increment=1, binary_sat=True)
    print(json.dumps(sorted(p.name for p in funded)))


if __name__ == "__main__":
    main()
