"""The OpenAPI 3.1 description of the register's API; its schemas are what the tests check every response by."""
from app.register.status import RegisterStatus
from app.rounds.phases import Phase

NULLABLE_STRING = {"type": ["string", "null"]}


def _list(key: str, item: str) -> dict:
    return {"type": "object", "additionalProperties": False, "required": [key, "next"],
            "properties": {key: {"type": "array", "items": {"$ref": f"#/components/schemas/{item}"}},
                           "next": {"type": ["string", "null"], "format": "uri"}}}


SCHEMAS = {
    "Area": {"type": "object", "additionalProperties": False, "required": ["name", "code"],
             "properties": {"name": NULLABLE_STRING,
                            "code": {**NULLABLE_STRING, "description": "ONS code where known, e.g. E09000023"}}},
    "RoundPlace": {"type": "object", "additionalProperties": False, "required": ["round", "rank", "support"],
                   "properties": {"round": {"type": "string", "description": "the round's slug"},
                                  "rank": {"type": ["integer", "null"], "minimum": 1,
                                           "description": "its place by residents' support in that round"},
                                  "support": {"type": "integer", "minimum": 0}}},
    "Grant": {"type": "object", "additionalProperties": False,
              "required": ["id", "funder", "amount", "currency", "round", "percent_done", "complete", "awarded"],
              "description": "One funder's part of a published grant (a co-funded grant has one per funder).",
              "properties": {"id": {"type": "string", "description": "the 360Giving grant id"},
                             "funder": {"type": "string"}, "amount": {"type": "number", "minimum": 0},
                             "currency": NULLABLE_STRING, "round": {"type": "string"},
                             "percent_done": {"type": "integer", "minimum": 0, "maximum": 100,
                                              "description": "how much of the work is done, by the group's "
                                                             "latest progress report (100 once complete)"},
                             "complete": {"type": "boolean",
                                          "description": "the funder has marked the grant complete"},
                             "awarded": {"type": "string", "format": "date",
                                         "description": "the day the round published the grant (360Giving "
                                                        "awardDate), ISO 8601"}}},
    "Evidence": {"type": "object", "additionalProperties": False, "required": ["title", "url", "date"],
                 "description": "A dataset or report a facilitator gives as evidence of the need.",
                 "properties": {"title": {"type": "string"},
                                "url": {"type": "string", "format": "uri", "pattern": "^https?://"},
                                "date": {"type": "string", "format": "date"}}},
    "SameNeed": {"type": "object", "additionalProperties": False, "required": ["id", "url", "round"],
                 "description": "The same need raised in another round, linked to this one; each keeps its own "
                                "page and support.",
                 "properties": {"id": {"type": "string"}, "url": {"type": "string", "format": "uri"},
                                "round": {"type": "string", "description": "the round's slug"}}},
    "Need": {"type": "object", "additionalProperties": False,
             "required": ["id", "url", "title", "language", "status", "area", "rounds", "grants", "evidence",
                          "same_need"],
             "properties": {"id": {"type": "string"}, "url": {"type": "string", "format": "uri"},
                            "title": {"type": "string"}, "language": {"type": "string"},
                            "status": {"enum": [s.value for s in RegisterStatus]},
                            "area": {"$ref": "#/components/schemas/Area"},
                            "rounds": {"type": "array", "items": {"$ref": "#/components/schemas/RoundPlace"}},
                            "grants": {"type": "array", "items": {"$ref": "#/components/schemas/Grant"}},
                            "evidence": {"type": "array", "items": {"$ref": "#/components/schemas/Evidence"}},
                            "same_need": {"type": "array", "items": {"$ref": "#/components/schemas/SameNeed"}}}},
    "NeedList": {"type": "object", "additionalProperties": False, "required": ["needs", "next"],
                 "properties": {"needs": {"type": "array", "items": {"$ref": "#/components/schemas/Need"}},
                                "next": {"type": ["string", "null"], "format": "uri"}}},
    "Funder": {"type": "object", "additionalProperties": False, "required": ["name", "org_id", "pledged"],
               "properties": {"name": {"type": "string"}, "org_id": NULLABLE_STRING,
                              "pledged": {"type": ["number", "null"], "minimum": 0}}},
    "RunningOrganisation": {"type": "object", "additionalProperties": False, "required": ["id", "name", "org_id"],
                            "description": "The council, funder or group that runs the round.",
                            "properties": {"id": {"type": "string",
                                                  "description": "its id in /organisations"},
                                           "name": {"type": "string"},
                                           "org_id": {**NULLABLE_STRING, "description": "its 360Giving identifier"}}},
    "Round": {"type": "object", "additionalProperties": False,
              "required": ["slug", "url", "title", "area", "phase", "currency", "budget", "funders", "organisation",
                           "created_at", "decisions_published_at"],
              "properties": {"slug": {"type": "string"}, "url": {"type": "string", "format": "uri"},
                             "title": {"type": "string"}, "area": {"$ref": "#/components/schemas/Area"},
                             "phase": {"enum": [p.value for p in Phase]}, "currency": NULLABLE_STRING,
                             "budget": {"type": ["number", "null"], "minimum": 0},
                             "funders": {"type": "array", "items": {"$ref": "#/components/schemas/Funder"},
                                         "description": "its co-funders with their pledges; with none, the "
                                                        "organisation running it"},
                             "organisation": {"anyOf": [{"$ref": "#/components/schemas/RunningOrganisation"},
                                                        {"type": "null"}],
                                              "description": "the organisation running the round, if named"},
                             "created_at": {"type": "string", "format": "date-time"},
                             "decisions_published_at": {"type": ["string", "null"], "format": "date-time"}}},
    "RoundList": _list("rounds", "Round"),
    "GrantRecord": {"type": "object", "additionalProperties": False,
                    "required": ["id", "title", "recipient", "amount", "currency", "round", "need", "funders",
                                 "awarded_at"],
                    "description": "A published, funded grant; the same id as in the round's 360Giving grants.json.",
                    "properties": {"id": {"type": "string"}, "title": {"type": "string"},
                                   "recipient": {"type": "string"}, "amount": {"type": "number", "minimum": 0},
                                   "currency": NULLABLE_STRING, "round": {"type": "string"},
                                   "need": {"type": "object", "additionalProperties": False, "required": ["id", "url"],
                                            "properties": {"id": {"type": "string"},
                                                           "url": {"type": "string", "format": "uri"}}},
                                   "funders": {"type": "array", "items": {
                                       "type": "object", "additionalProperties": False, "required": ["name", "amount"],
                                       "properties": {"name": {"type": "string"},
                                                      "amount": {"type": "number", "minimum": 0}}}},
                                   "awarded_at": {"type": "string", "format": "date-time"}}},
    "GrantList": _list("grants", "GrantRecord"),
    "Organisation": {"type": "object", "additionalProperties": False, "required": ["id", "name", "org_id", "pledges"],
                     "properties": {"id": {"type": "string"}, "name": {"type": "string"},
                                    "org_id": {**NULLABLE_STRING, "description": "its 360Giving identifier"},
                                    "pledges": {"type": "array", "items": {
                                        "type": "object", "additionalProperties": False,
                                        "required": ["round", "amount", "currency"],
                                        "properties": {"round": {"type": "string"},
                                                       "amount": {"type": "number", "minimum": 0},
                                                       "currency": NULLABLE_STRING}}}}},
    "OrganisationList": _list("organisations", "Organisation"),
    "Place": {"type": "object", "additionalProperties": False, "required": ["name", "code", "kind", "round"],
              "properties": {"name": {"type": "string"}, "code": {"type": "string"},
                             "kind": {"enum": ["local-authority", "ward"]},
                             "round": {**NULLABLE_STRING, "description": "the round whose ward it is"}}},
    "AreaList": _list("areas", "Place"),
    "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
}


def _query(name: str, description: str, schema: dict) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


SINCE = _query("updated_since", "needs changed at or after this date-time", {"type": "string", "format": "date-time"})
AFTER = _query("after", "the cursor in the previous page's next link", {"type": "integer", "minimum": 0})


def _get(summary: str, schema: str, parameters: list) -> dict:
    return {"get": {"summary": summary, "parameters": parameters, "responses": {
        "200": {"description": "a page", "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}},
        "400": {"description": "a filter that cannot be read",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}}


def document(server: str) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Commonground needs register", "version": "1"},
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "servers": [{"url": server}],
        "paths": {
            "/needs": _get("Every need in every round, oldest first, with its rounds, grants and evidence", "NeedList", [
                _query("area", "an area's name or code", {"type": "string"}),
                _query("status", "where the need stands", {"enum": [s.value for s in RegisterStatus]}),
                SINCE, AFTER]),
            "/rounds": _get("Every round, oldest first, with its area, phase today, budget and funders", "RoundList", [
                _query("area", "the round's area, by name or code", {"type": "string"}),
                _query("status", "the phase the round is in today", {"enum": [p.value for p in Phase]}),
                _query("updated_since", "rounds made, or whose decisions were published, at or after this time",
                       {"type": "string", "format": "date-time"}), AFTER]),
            "/grants": _get("Every published, funded grant, with the need it meets and each funder's part",
                            "GrantList", [
                _query("area", "the round's area, by name or code", {"type": "string"}),
                _query("round", "one round's slug", {"type": "string"}),
                _query("updated_since", "grants published at or after this time",
                       {"type": "string", "format": "date-time"}), AFTER]),
            "/organisations": _get("Funders, councils and groups, with their pledges", "OrganisationList", [
                _query("updated_since", "organisations added at or after this time",
                       {"type": "string", "format": "date-time"}), AFTER]),
            "/areas": _get("The London local authorities with their ONS codes, then every round's wards", "AreaList", [
                _query("round", "only this round's wards", {"type": "string"}), AFTER]),
        },
        "components": {"schemas": SCHEMAS},
    }
