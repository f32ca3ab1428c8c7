"""gunicorn reads this file from the directory it starts in: `gunicorn --workers 4 wsgi:app`."""
from config import Config


def when_ready(server):
    # Each worker keeps its own memory:// counts, so N workers allow N times the wrong tries.
    if server.cfg.workers > 1 and Config.RATELIMIT_STORAGE_URI.startswith("memory://"):
        server.log.warning(
            "%d workers share no rate-limit counts with RATELIMIT_STORAGE_URI=memory://: each allows the full "
            "number of wrong codes and passwords. Set RATELIMIT_STORAGE_URI=redis://HOST:6379/0.", server.cfg.workers)
