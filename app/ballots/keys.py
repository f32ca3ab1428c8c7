"""Keyed hashes and receipt codes that keep ballots apart from the people who cast them."""
import hashlib
import hmac
import secrets

# No 0/O, 1/I/L: a receipt is read off a phone screen and typed back.
RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
RECEIPT_LENGTH = 10


def _keyed(secret: str, message: str) -> str:
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


def voter_key(secret: str, round_id: int, participant_id: int) -> str:
    return _keyed(secret, f"ballot:{round_id}:participant:{participant_id}")


def imported_voter_key(secret: str, round_id: int, number: int) -> str:
    return _keyed(secret, f"ballot:{round_id}:imported:{number}")


def submission_key(secret: str, nonce: str) -> str:
    return _keyed(secret, f"submission:{nonce}")


def new_receipt() -> str:
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))


def new_nonce() -> str:
    return secrets.token_urlsafe(18)
