"""Configuration, read from environment variables (see README, "Configuration")."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent
INSTANCE = ROOT / "instance"


def _database_url() -> str:
    url = os.environ.get("DATABASE_URL", f"sqlite:///{INSTANCE / 'commonground.db'}")
    # Hosting platforms hand out postgres:// URLs; SQLAlchemy wants the driver named.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-change-me")
    SQLALCHEMY_DATABASE_URI = _database_url()
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SQLITE_BUSY_TIMEOUT_MS = int(os.environ.get("SQLITE_BUSY_TIMEOUT_MS", "10000"))
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "translations")
    LANGUAGES = ("en", "pl", "bn", "ur", "ar", "so", "tr", "pt", "es", "ro")
    NEEDS_PER_PAGE = int(os.environ.get("NEEDS_PER_PAGE", "20"))
    # Resident pages rendered once for visitors who have not taken part, until a write or this many seconds
    # (app/page_cache.py); 0 renders every page afresh. SHARED_PAGES is how many each worker keeps.
    SHARED_PAGE_SECONDS = int(os.environ.get("SHARED_PAGE_SECONDS", "60"))
    SHARED_PAGES = int(os.environ.get("SHARED_PAGES", "300"))
    WTF_CSRF_TIME_LIMIT = None
    # Werkzeug's scrypt; the tests choose a quick method, since they sign in a thousand times.
    PASSWORD_HASH_METHOD = "scrypt"
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SECURE = os.environ.get("SESSION_COOKIE_SECURE", "") == "1"
    PERMANENT_SESSION_LIFETIME = 180 * 24 * 3600
    SEND_FILE_MAX_AGE_DEFAULT = 365 * 24 * 3600
    MAX_CONTENT_LENGTH = 1024 * 1024
    # memory:// keeps counts per process; with several workers or hosts, use redis://host:6379.
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    RESIDENT_DEVICE_LIMIT = os.environ.get("RESIDENT_DEVICE_LIMIT", "30 per minute")
    RESIDENT_ADDRESS_LIMIT = os.environ.get("RESIDENT_ADDRESS_LIMIT", "1000 per minute")
    WRONG_TRIES_DEVICE_LIMIT = os.environ.get("WRONG_TRIES_DEVICE_LIMIT", "5 per minute; 20 per hour")
    WRONG_TRIES_ADDRESS_LIMIT = os.environ.get("WRONG_TRIES_ADDRESS_LIMIT", "30 per minute")
    # Outgoing mail (invitations, password resets). Without MAIL_SERVER, messages go to the log.
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "587"))
    MAIL_USE_TLS = os.environ.get("MAIL_USE_TLS", "1") == "1"
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_FROM = os.environ.get("MAIL_FROM", "Commonground <no-reply@localhost>")
    # Key for the hashes of residents' email addresses; SECRET_KEY when empty. Changing it
    # makes returning residents new participants, so set it once.
    EMAIL_HASH_KEY = os.environ.get("EMAIL_HASH_KEY", "")
    # A LibreTranslate-compatible service for draft translations of needs; off when empty.
    MT_URL = os.environ.get("MT_URL", "")
    MT_API_KEY = os.environ.get("MT_API_KEY", "")
    # The site's address, for links written outside a request (the command line).
    PUBLIC_URL = os.environ.get("PUBLIC_URL", "http://localhost:5000")
    MAIL_DEVICE_LIMIT = os.environ.get("MAIL_DEVICE_LIMIT", "3 per minute; 10 per hour")
    MAIL_ADDRESS_LIMIT = os.environ.get("MAIL_ADDRESS_LIMIT", "20 per minute")
    # How many proxies (nginx, a load balancer) sit in front and set X-Forwarded-For; 0 trusts none.
    TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
