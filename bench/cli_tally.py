"""`flask rounds tally` against pabutools, each as a whole process, on Warsaw 2026 and Łódź 2022.

    .venv/bin/python bench/cli_tally.py [--data DIR] [--runs 3] [--skip-pabutools-add1]

Imports each Pabulib file into a scratch SQLite database, then times whole processes: ours
(`flask --app wsgi rounds tally SLUG --rule RULE`, best of --runs) and pabutools' parse and rule
(bench/pabutools_tally.py, once), in wall-clock seconds and in CPU seconds (user + system, which
a busy machine inflates less), and checks that both fund the same projects. The ratio against the
target is read on CPU seconds. pabutools' Add1 takes minutes; --skip-pabutools-add1 leaves it out.
Last, the CPU seconds of the command line's start-up alone (`rounds tally --help`) and of
`flask --version`, which only imports Flask: no tally through `flask` can cost less than that.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
FILES = {"warsaw-2026": "Poland_Warszawa_2026.pb", "lodz-2022": "Poland_Lodz_2022.pb"}
RULES = {"greedy": 100, "equalshares/add1": 300}  # the rule and how many times faster than pabutools it should be


def timed(command: list, env: dict) -> tuple[float, float, str]:
    """Wall-clock and CPU seconds of a whole process, and what it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "tests" / "data" / "pabulib")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-pabutools-add1", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder}/tally.db", "SECRET_KEY": "bench"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # a deployment keeps its bytecode; so does this
        flask = [str(BIN / "flask"), "--app", "wsgi"]
        subprocess.run([*flask, "db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
        for slug, name in FILES.items():
            subprocess.run([*flask, "rounds", "import-pabulib", str(args.data / name), "--slug", slug], cwd=ROOT,
                           env=env, check=True, capture_output=True)
        print(f"{'round and rule':30} {'ours: wall':>10} {'cpu':>6}   {'pabutools: wall':>15} {'cpu':>7}   "
              f"{'x wall':>7} {'x cpu':>7}   same funded")
        for slug, name in FILES.items():
            for rule, target in RULES.items():
                runs = [timed([*flask, "rounds", "tally", slug, "--rule", rule], env) for _ in range(args.runs)]
                wall, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
                ours = sorted(json.loads(runs[0][2])["selected"])
                line = f"  {slug + ' ' + rule:28} {wall:9.2f}s {cpu:5.2f}s"
                if not (args.skip_pabutools_add1 and rule != "greedy"):
                    their_wall, their_cpu, printed = timed(
                        [sys.executable, "bench/pabutools_tally.py", str(args.data / name), rule], env)
                    met = "met" if their_cpu / cpu >= target else "NOT met"
                    line += (f"   {their_wall:14.2f}s {their_cpu:6.2f}s   {their_wall / wall:6.0f}x {their_cpu / cpu:6.0f}x"
                             f" (target {target}x: {met})   {ours == json.loads(printed)}")
                print(line, flush=True)
        alone = {"start-up alone (flask --app wsgi rounds tally --help)": [*flask, "rounds", "tally", "--help"],
                 "Flask's import alone (flask --version)": [str(BIN / "flask"), "--version"]}
        for what, command in alone.items():
            runs = [timed(command, env) for _ in range(args.runs)]
            print(f"  {what}: {min(r[0] for r in runs):.2f} s wall, {min(r[1] for r in runs):.2f} s CPU")


if __name__ == "__main__":
    main()
