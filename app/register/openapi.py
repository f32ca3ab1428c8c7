"""The OpenAPI 3.1 description of the register's API; its schemas are what the tests check every response by."""
from app.register.status import RegisterStatus

NULLABLE_STRING = {"type": ["string", "null"]}

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
              "required": ["id", "funder", "amount", "currency", "round"],
              "description": "One funder's part of a published grant (a co-funded grant has one per funder).",
              "properties": {"id": {"type": "string", "description": "the 360Giving grant id"},
                             "funder": {"type": "string"}, "amount": {"type": "number", "minimum": 0},
                             "currency": NULLABLE_STRING, "round": {"type": "string"}}},
    "Evidence": {"type": "object", "additionalProperties": False, "required": ["title", "url", "date"],
                 "description": "A dataset or report a facilitator gives as evidence of the need.",
                 "properties": {"title": {"type": "string"},
                                "url": {"type": "string", "format": "uri", "pattern": "^https?://"},
                                "date": {"type": "string", "format": "date"}}},
    "Need": {"type": "object", "additionalProperties": False,
             "required": ["id", "url", "title", "language", "status", "area", "rounds", "grants", "evidence"],
             "properties": {"id": {"type": "string"}, "url": {"type": "string", "format": "uri"},
                            "title": {"type": "string"}, "language": {"type": "string"},
                            "status": {"enum": [s.value for s in RegisterStatus]},
                            "area": {"$ref": "#/components/schemas/Area"},
                            "rounds": {"type": "array", "items": {"$ref": "#/components/schemas/RoundPlace"}},
                            "grants": {"type": "array", "items": {"$ref": "#/components/schemas/Grant"}},
                            "evidence": {"type": "array", "items": {"$ref": "#/components/schemas/Evidence"}}}},
    "NeedList": {"type": "object", "additionalProperties": False, "required": ["needs", "next"],
                 "properties": {"needs": {"type": "array", "items": {"$ref": "#/components/schemas/Need"}},
                                "next": {"type": ["string", "null"], "format": "uri"}}},
    "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
}


def _query(name: str, description: str, schema: dict) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def document(server: str) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Commonground needs register", "version": "1"},
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "servers": [{"url": server}],
        "paths": {"/needs": {"get": {
            "summary": "Every need in every round, oldest first, with its rounds and grants",
            "parameters": [
                _query("area", "an area's name or code", {"type": "string"}),
                _query("status", "where the need stands", {"enum": [s.value for s in RegisterStatus]}),
                _query("updated_since", "needs changed at or after this date-time", {"type": "string",
                                                                                   "format": "date-time"}),
                _query("after", "the cursor in the previous page's next link", {"type": "integer", "minimum": 0}),
            ],
            "responses": {
                "200": {"description": "a page of needs",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NeedList"}}}},
                "400": {"description": "a filter that cannot be read",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            }}}},
        "components": {"schemas": SCHEMAS},
    }
