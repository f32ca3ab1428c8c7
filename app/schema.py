"""Hooks that keep Alembic's autogenerate and the schema comparison honest."""
from sqlalchemy import Integer

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


def compare_type(context, inspected_column, metadata_column, inspected_type, metadata_type):
    """SQLite keeps every INTEGER in 64 bits, so INTEGER and BIGINT are the same column there;
    changing one into the other would rebuild the table (and drop need's search triggers)."""
    if context.dialect.name == "sqlite" and isinstance(inspected_type, Integer) and isinstance(metadata_type, Integer):
        return False
    return None
