"""Access codes as residents read, type and paste them. Pure Python.

Crockford's base 32: no I, L, O or U, so nothing is mistaken for 1, 0 or V; ten characters
carry 50 random bits. Spaces, dashes and case do not matter, and the letters people confuse
with digits are read as those digits.
"""
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 10
BITS = 5 * LENGTH
_MISREAD = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(typed: str) -> str | None:
    """The code a resident meant, or None when what they typed cannot be a code."""
    code = "".join(typed.split()).replace("-", "").replace("\u2010", "").upper().translate(_MISREAD)
    if len(code) != LENGTH or any(c not in ALPHABET for c in code):
        return None
    return code
