"""With Redis configured, every worker shares one count of wrong tries (several gunicorn workers or hosts)."""
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

WORKER = """
import sys
from app import create_app
app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": sys.argv[1], "SECRET_KEY": "test-secret",
                  "RATELIMIT_STORAGE_URI": sys.argv[2], "RATELIMIT_KEY_PREFIX": sys.argv[3],
                  "WRONG_TRIES_ADDRESS_LIMIT": "4 per minute"})
with app.app_context():
    from flask_migrate import upgrade
    from app.extensions import db
    from app.models import Round
    upgrade()
    if not db.session.scalar(db.select(Round)):
        db.session.add(Round(slug="lewisham", title="Lewisham", access="codes"))
        db.session.commit()
client = app.test_client()
print(" ".join(str(client.get(f"/rounds/lewisham/join?code=ZZZZZ-ZZZZ{n}").status_code) for n in range(3)))
"""


@pytest.fixture
def redis_url():
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("TEST_REDIS_URL is not set: .ci/run starts Redis and sets it")
        pytest.skip("set TEST_REDIS_URL=redis://127.0.0.1:6379/0 to test Redis-backed rate limits")
    return url


def test_two_workers_share_one_count_of_wrong_codes(redis_url, tmp_path):
    database, prefix = f"sqlite:///{tmp_path / 'shared.db'}", f"test-{uuid.uuid4().hex}"

    def worker() -> list[str]:
        run = subprocess.run([sys.executable, "-c", WORKER, database, redis_url, prefix], cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        return run.stdout.split()

    assert worker() == ["404", "404", "404"]
    # A second process, as another worker behind the same venue address: alone it would allow four
    # wrong tries from that address; the count it shares through Redis stops it after one.
    assert worker() == ["404", "429", "429"]
