"""The command line starts without what only some commands need: Alembic loads for `flask db` alone."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def flask(*args, tmp_path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'start.db'}"}
    return subprocess.run([sys.executable, "-X", "importtime", "-m", "flask", "--app", "wsgi", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300)


def test_counting_a_round_does_not_load_alembic_but_migrating_does(tmp_path):
    migrate = flask("db", "upgrade", tmp_path=tmp_path)
    assert migrate.returncode == 0 and " alembic" in migrate.stderr
    tally = flask("rounds", "tally", "no-such-round", tmp_path=tmp_path)
    assert tally.returncode == 1 and "no round with slug 'no-such-round'" in tally.stderr
    assert " alembic" not in tally.stderr
