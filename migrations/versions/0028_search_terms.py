"""Search by stemmed terms: each need's search document becomes the stems of its words, without stop words,
in its own language and in every translation's, machine drafts included.

No table changes: need.search_document is rewritten in place (SQLite's FTS triggers follow the update).
The terms come from app.needs.terms, a plain module, so what is stored here is what the app writes.

Revision ID: 0028_search_terms
Revises: 0027_operator_role
Create Date: 2026-12-01 21:40:00

"""
from alembic import op
import sqlalchemy as sa

from app.needs import terms
from app.needs.search_text import normalise

# revision identifiers, used by Alembic.
revision = '0028_search_terms'
down_revision = '0027_operator_role'
branch_labels = None
depends_on = None

NEED = sa.table('need', sa.column('id', sa.Integer), sa.column('title', sa.String), sa.column('description', sa.Text),
                sa.column('affected', sa.String), sa.column('location', sa.String), sa.column('language', sa.String),
                sa.column('search_document', sa.Text))
TRANSLATION = sa.table('need_translation', sa.column('need_id', sa.Integer), sa.column('language', sa.String),
                       sa.column('title', sa.String), sa.column('description', sa.Text),
                       sa.column('approved', sa.Boolean))


def _rewrite(document) -> None:
    bind = op.get_bind()
    translated = {}
    for row in bind.execute(sa.select(TRANSLATION).order_by(TRANSLATION.c.need_id, TRANSLATION.c.language)):
        translated.setdefault(row.need_id, []).append(row)
    needs = bind.execute(sa.select(NEED.c.id, NEED.c.title, NEED.c.description, NEED.c.affected,
                                   NEED.c.location, NEED.c.language)).all()
    for need in needs:
        value = document(need, translated.get(need.id, []))
        bind.execute(NEED.update().where(NEED.c.id == need.id).values(search_document=value))


def _own(need) -> str:
    return " ".join(part for part in (need.title, need.description, need.affected, need.location) if part)


def upgrade():
    _rewrite(lambda need, translations: terms.document(
        [(need.language, _own(need)), *((t.language, f"{t.title} {t.description}") for t in translations)]))


def downgrade():
    _rewrite(lambda need, translations: normalise(" ".join(
        [_own(need), *(f"{t.title} {t.description}" for t in translations if t.approved)])))
