"""A round's lists (smaller areas, interface languages, eligibility statements, postcode beginnings)
are stored as JSON lists instead of newline- or space-separated text.

Revision ID: 0010_round_parts
Revises: 0009
Create Date: 2026-12-01 11:40:00

"""
import re

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010_round_parts'
down_revision = '0009'
branch_labels = None
depends_on = None

# Each list, how it was written as text, and the text column it was.
LINES, WORDS = "\n", " "
LISTS = {
    'area_choices': (LINES, sa.Text(), None),
    'interface_languages': (WORDS, sa.String(length=200), ''),
    'eligibility': (LINES, sa.Text(), ''),
    'postcode_prefixes': (WORDS, sa.String(length=400), ''),
}


def as_list(text, separator):
    pattern = r"\n" if separator == LINES else r"[\s,;]+"
    return [item.strip() for item in re.split(pattern, text or "") if item.strip()]


def _table(types):
    return sa.table('round', sa.column('id'), *(sa.column(name, types[name]) for name in LISTS))


def _rows(connection, types):
    return connection.execute(sa.select(_table(types))).mappings().all()


def _write(connection, rows, types):
    round_ = _table(types)
    for row in rows:
        connection.execute(round_.update().where(round_.c.id == row['id']).values(
            {name: value for name, value in row.items() if name != 'id'}))


def _replace(new_columns):
    """Drop the columns and add them again with their new type (batch mode rebuilds the table on SQLite)."""
    with op.batch_alter_table('round', schema=None) as batch_op:
        for name in LISTS:
            batch_op.drop_column(name)
    with op.batch_alter_table('round', schema=None) as batch_op:
        for column in new_columns:
            batch_op.add_column(column)


JSON = {name: sa.JSON() for name in LISTS}
TEXT = {name: type_ for name, (_, type_, _) in LISTS.items()}


def upgrade():
    connection = op.get_bind()
    rows = [{'id': row['id'], **{name: as_list(row[name], separator) for name, (separator, _, _) in LISTS.items()}}
            for row in _rows(connection, TEXT)]
    _replace([sa.Column(name, sa.JSON(), server_default=sa.text("'[]'"), nullable=False) for name in LISTS])
    _write(connection, rows, JSON)


def downgrade():
    connection = op.get_bind()
    rows = [{'id': row['id'], **{name: separator.join(row[name] or []) for name, (separator, _, _) in LISTS.items()}}
            for row in _rows(connection, JSON)]
    # area_choices had no default: one is needed to add it to existing rows, then it goes.
    _replace([sa.Column(name, type_, server_default=default or '', nullable=False)
              for name, (_, type_, default) in LISTS.items()])
    _write(connection, rows, TEXT)
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.alter_column('area_choices', server_default=None)
