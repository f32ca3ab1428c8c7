"""The register's other lists as CSV, as needs.csv is: rounds, grants, organisations and areas, each with its
CSV on the Web metadata (`<list>.csv-metadata.json`, linked from the CSV's `Link` header). Each CSV row is the
JSON API's record for the same thing, flattened: the same filters, every page at once. A list within a record
becomes columns of items separated by semicolons, in the same order (an item left empty where the JSON has
null)."""
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from flask import Response, jsonify, request, url_for

from app.opendata.records import to_csv
from app.register import api_lists
from app.register.api_args import after
from app.register.csv_data import CHUNK, described

LIST = ";"


@dataclass(frozen=True)
class Table:
    name: str  # the JSON list's key and the CSV's name
    title: str
    description: str
    columns: tuple  # (column, title, CSVW datatype, description)
    records: Callable  # (query string, cursor, per page) -> (JSON records, next cursor), from app/register/api_lists
    row: Callable[[dict], dict]  # a JSON record as a CSV row
    separated: tuple[str, ...] = ()  # the columns holding lists
    primary_key: str | None = None
    about_url: str | None = None

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(name for name, *_ in self.columns)


def _items(values) -> str:
    return LIST.join("" if value is None else str(value) for value in values)


def _round_row(record: dict) -> dict:
    funders = record["funders"]
    return {**{k: record[k] for k in ("slug", "url", "title", "phase", "currency", "budget", "created_at",
                                     "decisions_published_at")},
            "area": record["area"]["name"], "area_code": record["area"]["code"],
            "funders": _items(f["name"] for f in funders), "funder_org_ids": _items(f["org_id"] for f in funders),
            "funder_pledges": _items(f["pledged"] for f in funders)}


def _grant_row(record: dict) -> dict:
    funders = record["funders"]
    return {**{k: record[k] for k in ("id", "title", "recipient", "amount", "currency", "round", "awarded_at")},
            "need": record["need"]["id"], "need_url": record["need"]["url"],
            "funders": _items(f["name"] for f in funders), "funder_amounts": _items(f["amount"] for f in funders)}


def _organisation_row(record: dict) -> dict:
    pledges = record["pledges"]
    return {"id": record["id"], "name": record["name"], "org_id": record["org_id"],
            "pledge_rounds": _items(p["round"] for p in pledges),
            "pledge_amounts": _items(p["amount"] for p in pledges),
            "pledge_currencies": _items(p["currency"] for p in pledges)}


ROUNDS = Table("rounds", "Commonground rounds", "Every round, oldest first, with its area, phase today, budget and "
               "funders.", (
                   ("slug", "Round", "string", "The round's slug, in its address"),
                   ("url", "Address", "anyURI", "The round's page"),
                   ("title", "Title", "string", "The round's title"),
                   ("area", "Area", "string", "The place it covers"),
                   ("area_code", "Area code", "string", "The place's code (an ONS code where known)"),
                   ("phase", "Phase", "string", "The phase it is in today: propose, discuss, rank, decide or results"),
                   ("currency", "Currency", "string", "Its money's ISO 4217 code"),
                   ("budget", "Budget", "decimal", "The money it can give, in its currency"),
                   ("funders", "Funders", "string", "Its funders: each co-funder with a pledge, else the funder it "
                                                    "names; separated by semicolons"),
                   ("funder_org_ids", "Funders' identifiers", "string",
                    "Each funder's 360Giving identifier, in the order of funders (empty where not known)"),
                   ("funder_pledges", "Pledges", "decimal",
                    "What each funder pledged, in the order of funders (empty for a funder without a pledge)"),
                   ("created_at", "Made", "dateTime", "When the round was made"),
                   ("decisions_published_at", "Decisions published", "dateTime",
                    "When its panel published its grant decisions (empty until then)"),
               ), api_lists.round_records, _round_row, ("funders", "funder_org_ids", "funder_pledges"), "slug",
               "{+url}")
GRANTS = Table("grants", "Commonground grants", "Every published, funded grant, with the need it meets and what "
               "each funder pays.", (
                   ("id", "Grant id", "string", "The 360Giving grant id, as in the round's grants.json"),
                   ("title", "Title", "string", "The grant's title"),
                   ("recipient", "Recipient", "string", "The group that receives it"),
                   ("amount", "Amount", "decimal", "The grant, in its currency"),
                   ("currency", "Currency", "string", "Its money's ISO 4217 code"),
                   ("round", "Round", "string", "The slug of the round that made it"),
                   ("need", "Need id", "string", "The need it meets, as in needs.csv"),
                   ("need_url", "Need's address", "anyURI", "The page of the need it meets"),
                   ("funders", "Funders", "string", "Each funder paying towards it, separated by semicolons"),
                   ("funder_amounts", "Funders' parts", "decimal", "What each funder pays, in the order of funders"),
                   ("awarded_at", "Awarded", "dateTime", "When the round published it (360Giving awardDate)"),
               ), api_lists.grant_records, _grant_row, ("funders", "funder_amounts"), "id")
ORGANISATIONS = Table("organisations", "Commonground organisations", "Funders, councils and groups, with what each "
                      "pledged to which round.", (
                          ("id", "Organisation id", "string", "The organisation's id in the register"),
                          ("name", "Name", "string", "The organisation's name"),
                          ("org_id", "Identifier", "string", "Its 360Giving identifier, where known"),
                          ("pledge_rounds", "Rounds pledged to", "string",
                           "The slug of each round it pledged to, separated by semicolons"),
                          ("pledge_amounts", "Pledges", "decimal", "Each pledge, in the order of the rounds"),
                          ("pledge_currencies", "Pledges' currencies", "string",
                           "Each pledge's ISO 4217 currency code, in the order of the rounds"),
                      ), api_lists.organisation_records, _organisation_row,
                      ("pledge_rounds", "pledge_amounts", "pledge_currencies"), "id")
AREAS = Table("areas", "Commonground areas", "Places with codes: the London local authorities (ONS codes), then "
              "every round's wards.", (
                  ("name", "Name", "string", "The place's name"),
                  ("code", "Code", "string", "Its code (an ONS code where there is one)"),
                  ("kind", "Kind", "string", "local-authority or ward"),
                  ("round", "Round", "string", "The slug of the round whose ward it is (empty for a local authority)"),
              ), api_lists.area_records, dict)
TABLES = (ROUNDS, GRANTS, ORGANISATIONS, AREAS)


def every_record(table: Table, args) -> Iterator[dict]:
    """Every record the JSON API's pages hold for these filters, a large page at a time."""
    cursor = after(args)
    while True:
        records, cursor = table.records(args, cursor, CHUNK)
        yield from records
        if cursor is None:
            return


def metadata(table: Table, csv_url: str) -> dict:
    return described(csv_url, table.title, table.description, table.columns,
                     required=tuple(k for k in (table.primary_key, "url") if k in table.fields),
                     primary_key=table.primary_key, about_url=table.about_url,
                     separators={name: LIST for name in table.separated})


def download(body, name: str) -> Response:
    """A list as a CSV file, its `Link` header pointing at its CSV on the Web metadata."""
    described_by = url_for(f"api.{name}_csv_metadata", _external=True)
    return Response(body, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{name}-register.csv"',
        "Link": f'<{described_by}>; rel="describedby"; type="application/csvm+json"'})


def csv_view(table: Table):
    def view():
        rows = (table.row(record) for record in every_record(table, request.args))
        # Every page is read first: a filter that cannot be read is a 400, not half a file.
        return download(to_csv(rows, table.fields), table.name)
    view.__doc__ = f"The register's {table.name} as CSV (UTF-8), with the JSON API's filters, described by " \
                   f"{table.name}.csv-metadata.json (CSV on the Web)."
    return view


def metadata_view(table: Table):
    def view():
        response = jsonify(metadata(table, url_for(f"api.{table.name}_csv", _external=True)))
        response.mimetype = "application/csvm+json"
        return response
    view.__doc__ = f"What each column of {table.name}.csv holds, as CSV on the Web (W3C CSVW) metadata."
    return view


def register(bp) -> None:
    for table in TABLES:
        bp.add_url_rule(f"/{table.name}.csv", f"{table.name}_csv", csv_view(table), methods=["GET"])
        bp.add_url_rule(f"/{table.name}.csv-metadata.json", f"{table.name}_csv_metadata", metadata_view(table),
                        methods=["GET"])
