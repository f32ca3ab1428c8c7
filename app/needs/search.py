"""Full-text search over needs: SQLite FTS5, or PostgreSQL text search, on the same normalised text."""
from sqlalchemy import ColumnElement, Select, bindparam, func, literal_column, text

from app.extensions import db
from app.models import Need
from app.needs.search_text import fts5_match, query_words, tsquery

FTS_TABLE = "need_fts"


def apply(statement: Select, query: str, any_word: bool = False) -> tuple[Select, ColumnElement | None]:
    """Limit a select of Need to matches; also return a relevance to order by (lower is better)."""
    words = query_words(query)
    if not words:
        return statement, None
    if db.engine.dialect.name == "postgresql":
        vector = func.to_tsvector(literal_column("'simple'"), Need.search_document)
        ts_query = func.to_tsquery(literal_column("'simple'"), bindparam("tsq", tsquery(words, any_word)))
        return statement.where(vector.op("@@")(ts_query)), -func.ts_rank(vector, ts_query)
    ranked = (
        text(f"SELECT rowid AS need_id, bm25({FTS_TABLE}) AS rank FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :m")
        .bindparams(m=fts5_match(words, any_word))
        .columns(need_id=db.Integer, rank=db.Float)
        .subquery("fts")
    )
    return statement.join(ranked, ranked.c.need_id == Need.id), ranked.c.rank
