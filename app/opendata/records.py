"""Needs as open-data records, and CSV cells safe to open in a spreadsheet. Pure Python."""
import csv
import io
from collections.abc import Iterable

FIELDS = ("id", "title", "description", "language", "cost", "support", "place", "comments", "status",
          "category", "area", "location", "affected", "merged_into", "carried_into", "created_at")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP advice)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(records: Iterable[dict], fields: tuple[str, ...] = FIELDS) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: spreadsheet_safe("" if record[key] is None else record[key]) for key in fields})
    return out.getvalue()
