"""Full-text search over needs: SQLite FTS5, or PostgreSQL text search, on the same stemmed terms."""
from sqlalchemy import ColumnElement, Select, bindparam, false, func, literal_column, text

from app.extensions import db
from app.models import Need
from app.needs import terms
from app.needs.search_text import fts5_match, tsquery, words_of

FTS_TABLE = "need_fts"


def apply(statement: Select, query: str, any_word: bool = False) -> tuple[Select, ColumnElement | None]:
    """Limit a select of Need to matches; also return a relevance to order by (lower is better).

    A query of stop words only is searched for as whole words ("to" finds no "tomorrow"), never ignored so
    that it would list every need."""
    words = [word.patterns for word in terms.searched(terms.query(query))]
    if not words:
        return (statement.where(false()), None) if words_of(query) else (statement, None)
    if db.engine.dialect.name == "postgresql":
        vector = func.to_tsvector(literal_column("'simple'"), Need.search_document)
        expression = tsquery(words, any_word)
        ts_query = func.to_tsquery(literal_column("'simple'"), bindparam("tsq", expression))
        return statement.where(vector.op("@@")(ts_query)), -func.ts_rank(vector, ts_query)
    ranked = (
        text(f"SELECT rowid AS need_id, bm25({FTS_TABLE}) AS rank FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :m")
        .bindparams(m=fts5_match(words, any_word))
        .columns(need_id=db.Integer, rank=db.Float)
        .subquery("fts")
    )
    return statement.join(ranked, ranked.c.need_id == Need.id), ranked.c.rank
