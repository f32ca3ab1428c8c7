"""Numbers typed into addresses and forms, read only when the database can hold them. No framework.

Every id column is a 32-bit integer on PostgreSQL, and SQLite refuses integers beyond 64 bits before it
even looks, so an id out of that range can name nothing: it is refused where it is read, as any other
unknown id would be, instead of failing in the database."""
import re

LARGEST_ID = 2**31 - 1
_UNSIGNED = re.compile(r"[0-9]{1,10}")
_SIGNED = re.compile(r"-?[0-9]{1,10}")


def parse_int(text: str, signed: bool = False) -> int:
    """An integer written in ASCII digits within the database's range; ValueError otherwise (so it can be
    werkzeug's `type=`). Superscripts ("²"), "--5", "1_000" and twenty digits are all refused."""
    text = str(text).strip()
    if not (_SIGNED if signed else _UNSIGNED).fullmatch(text):
        raise ValueError(f"not a bounded integer: {text[:20]!r}")
    value = int(text)
    if abs(value) > LARGEST_ID:
        raise ValueError(f"beyond the database's range: {text[:20]!r}")
    return value


def read_int(text, signed: bool = False) -> int | None:
    """The integer, or None when `text` is not one the database can hold."""
    try:
        return parse_int(text, signed)
    except (TypeError, ValueError):
        return None
