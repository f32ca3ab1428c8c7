"""The register as CSV, with its CSV on the Web metadata (W3C CSVW, `needs.csv-metadata.json`) saying
what each column holds and its datatype, so a reader can load it without guessing. The register's other
lists are written the same way (app/register/csv_lists), described through `described` here."""
from dataclasses import replace

from app.opendata.records import to_csv
from app.register import queries

# (column, title, CSVW datatype, description)
COLUMNS = (
    ("id", "Need id", "string", "The need's id; its address stays the same when it is carried into later rounds"),
    ("url", "Address", "anyURI", "The need's page"),
    ("title", "Title", "string", "The need in a few words, in the language it was written in"),
    ("language", "Language", "string", "The language it was written in (a BCP 47 tag)"),
    ("status", "Status", "string", "open, in-round, ranked, funded, met or closed"),
    ("area", "Area", "string", "The place it names"),
    ("area_code", "Area code", "string", "The place's code (an ONS code where known)"),
    ("round", "Round", "string", "The slug of the round it is in now"),
    ("rounds", "Rounds", "string", "Every round it was in, earliest first, separated by spaces"),
    ("support", "Support", "integer", "Residents supporting it in the round it is in now"),
    ("funded_by", "Funded by", "string", "Each funder of a published grant meeting it, separated by semicolons"),
    ("evidence", "Evidence", "integer", "How many datasets or reports are attached as evidence"),
)
FIELDS = tuple(name for name, *_ in COLUMNS)
CHUNK = 1000


def rows(filters: queries.Filters = queries.Filters()):
    """Every need of the register the filters let through, a page of the register's query at a time."""
    after = filters.after
    while True:
        page = queries.page(replace(filters, after=after), CHUNK)
        for entry in page.entries:
            yield entry
        if page.next_after is None:
            return
        after = page.next_after


def record(entry: queries.Entry, url: str) -> dict:
    need = entry.need
    return {"id": str(need.id), "url": url, "title": need.title, "language": need.language,
            "status": entry.status.value, "area": need.area, "area_code": need.area_code,
            "round": entry.round.slug, "rounds": " ".join(p.round.slug for p in entry.rounds),
            "support": entry.rounds[-1].support, "funded_by": "; ".join(dict.fromkeys(g.funder for g in entry.grants)),
            "evidence": len(entry.evidence)}


def table(records) -> str:
    return to_csv(records, FIELDS)


def metadata(csv_url: str) -> dict:
    return described(csv_url, "Commonground needs register",
                     "Every need residents raised in every round, where it stands, and who funded it.", COLUMNS,
                     required=("id", "url"), primary_key="id", about_url="{+url}",  # each row is about the need
                     separators={"rounds": " ", "funded_by": "; "})


def described(csv_url: str, title: str, description: str, columns, required=(), primary_key=None,
              about_url=None, separators=None) -> dict:
    """CSV on the Web metadata for one table: each column's name, title, datatype and meaning, and, for a
    column holding a list, the separator between its items."""
    separators = separators or {}
    schema = {"columns": [{"name": name, "titles": title, "datatype": datatype, "dc:description": description,
                           **({"separator": separators[name]} if name in separators else {}),
                           **({"required": True} if name in required else {})}
                          for name, title, datatype, description in columns]}
    if primary_key:
        schema["primaryKey"] = primary_key
    if about_url:
        schema["aboutUrl"] = about_url
    return {
        "@context": "http://www.w3.org/ns/csvw",
        "url": csv_url,
        "dc:title": title,
        "dc:description": description,
        "dc:license": {"@id": "https://opendatacommons.org/licenses/odbl/1-0/"},
        "tableSchema": schema,
    }
