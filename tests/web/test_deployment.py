"""Starting gunicorn as the README does: it warns when several workers cannot share rate-limit counts."""
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"
WARNING = "share no rate-limit counts"


def started(tmp_path, workers: int, storage: str) -> str:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'gunicorn.db'}", "RATELIMIT_STORAGE_URI": storage}
    server = subprocess.Popen([GUNICORN, "--workers", str(workers), "--bind", "127.0.0.1:0", "wsgi:app"], cwd=ROOT,
                              env=env, stderr=subprocess.PIPE, text=True)
    log, deadline = "", time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            line = server.stderr.readline()
            log += line
            if "Booting worker" in line:  # when_ready has run by the time a worker boots
                return log
    finally:
        server.terminate()
        server.wait(timeout=60)
        server.stderr.close()
    raise AssertionError(f"gunicorn did not start:\n{log}")


def test_several_workers_counting_in_memory_warn_at_start_and_shared_counts_do_not(tmp_path):
    assert WARNING in started(tmp_path, 2, "memory://")
    assert WARNING not in started(tmp_path, 2, "redis://127.0.0.1:6379/0")
