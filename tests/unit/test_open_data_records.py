import csv
import io

from app.opendata.records import FIELDS, spreadsheet_safe, to_csv


def record(**values):
    return {**{field: None for field in FIELDS}, **values}


def test_text_a_spreadsheet_would_run_as_a_formula_is_defused():
    assert spreadsheet_safe("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_safe("Playground") == "Playground"
    assert spreadsheet_safe(12) == 12


def test_csv_round_trips_non_latin_text_and_commas():
    text = to_csv([record(id="1", title="إضاءة, الشارع", support=3), record(id="2", title="খেলার মাঠ")])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["title"] for row in rows] == ["إضاءة, الشارع", "খেলার মাঠ"]
    assert rows[0]["support"] == "3" and rows[1]["cost"] == ""
