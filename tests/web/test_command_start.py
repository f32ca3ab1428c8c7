"""The command line starts without what only some commands need: Alembic loads for `flask db` alone, and
`flask rounds tally` loads neither the web app's extras nor SQLAlchemy, yet counts as the full app does."""
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PABULIB = ROOT / "tests" / "data" / "pabulib"
WEB_EXTRAS = ("sqlalchemy", "flask_sqlalchemy", "flask_babel", "flask_wtf", "flask_htmx", "flask_compress",
              "app.models", "app.extensions", "app.needs.routes", "app.web")


def loaded(stderr: str) -> set[str]:
    """The modules a process run with -X importtime imported."""
    return {line.rsplit("|", 1)[1].strip() for line in stderr.splitlines() if line.startswith("import time:")}


def flask(*args, tmp_path=None, database=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database or f"sqlite:///{tmp_path / 'start.db'}"}
    return subprocess.run([sys.executable, "-X", "importtime", "-m", "flask", "--app", "wsgi", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300)


def test_counting_a_round_does_not_load_alembic_but_migrating_does(tmp_path):
    migrate = flask("db", "upgrade", tmp_path=tmp_path)
    assert migrate.returncode == 0 and " alembic" in migrate.stderr
    tally = flask("rounds", "tally", "no-such-round", tmp_path=tmp_path)
    assert tally.returncode == 1 and "no round with slug 'no-such-round'" in tally.stderr
    assert " alembic" not in tally.stderr


@pytest.mark.parametrize("name,rules", [
    ("Netherlands_Assen_2024.pb", ["equalshares/add1", "greedy", "phragmen"]),
    ("Poland_Krakow_2025_Stare_Miasto.pb", ["greedy-threshold", "equalshares", "borda"])])
def test_the_tally_process_loads_no_web_extras_and_prints_what_the_full_app_prints(app, runner, name, rules):
    slug = f"start-{secrets.token_hex(4)}"
    assert runner.invoke(args=["rounds", "import-pabulib", str(PABULIB / name), "--slug", slug]).exit_code == 0
    for rule in rules:
        alone = flask("rounds", "tally", slug, "--rule", rule, database=app.config["SQLALCHEMY_DATABASE_URI"])
        full = runner.invoke(args=["rounds", "tally", slug, "--rule", rule])
        assert alone.returncode == 0 and full.exit_code == 0, alone.stderr
        assert alone.stdout == full.stdout
        assert loaded(alone.stderr).isdisjoint(WEB_EXTRAS) and "app.ballots.counting" in loaded(alone.stderr)


def test_the_tally_process_refuses_a_rule_the_round_cannot_be_counted_by(app, runner):
    slug = f"start-{secrets.token_hex(4)}"
    assert runner.invoke(args=["rounds", "import-pabulib", str(PABULIB / "Netherlands_Assen_2024.pb"),
                               "--slug", slug]).exit_code == 0
    alone = flask("rounds", "tally", slug, "--rule", "no-such-rule", database=app.config["SQLALCHEMY_DATABASE_URI"])
    assert alone.returncode == 1 and alone.stdout == "" and "sqlalchemy" not in loaded(alone.stderr)
    assert alone.stderr.splitlines()[-1] == runner.invoke(args=["rounds", "tally", slug, "--rule", "no-such-rule"]
                                                          ).stderr.strip()
