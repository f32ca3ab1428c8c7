"""Hooks that keep Alembic's autogenerate and the schema comparison honest."""
from app.models.base import UTCDateTime

# Made by hand in migrations (FTS5 on SQLite, a GIN index on PostgreSQL), not by the models.
SEARCH_OBJECTS = frozenset({
    "need_fts", "need_fts_data", "need_fts_idx", "need_fts_docsize", "need_fts_config", "need_fts_content",
    "ix_need_search",
})


def include_object(obj, name, type_, reflected, compare_to):
    return name not in SEARCH_OBJECTS


def render_item(type_, obj, autogen_context):
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False
