"""Ballots kept apart from voters in the database too: on SQLite the ballot table and the register are
rebuilt WITHOUT ROWID, so their rows are stored in the order of their random keys and not in the order
they were cast; replaced receipts get a table of their own; a round records when its ballots were sealed.

Revision ID: 0015_ballot_secrecy
Revises: 0014_grantmaking
Create Date: 2026-12-01 13:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015_ballot_secrecy'
down_revision = '0014_grantmaking'
branch_labels = None
depends_on = None

REBUILT = ('ballot', 'participation')


def _rebuild(with_rowid: bool) -> None:
    """SQLite only: a table's rowid cannot be dropped in place, so batch mode copies the rows into a new
    table (the connection's secure_delete zeroes the old pages); PostgreSQL has no rowid to drop."""
    if op.get_bind().dialect.name != 'sqlite':
        return
    for table in REBUILT:
        with op.batch_alter_table(table, recreate='always', table_kwargs={'sqlite_with_rowid': with_rowid}):
            pass


def upgrade():
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sealed', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_table('replaced_receipt',
    sa.Column('receipt', sa.String(length=16), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_replaced_receipt_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('receipt', 'round_id', name=op.f('pk_replaced_receipt')),
    sqlite_with_rowid=False,
    )
    _rebuild(with_rowid=False)


def downgrade():
    _rebuild(with_rowid=True)
    op.drop_table('replaced_receipt')
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.drop_column('sealed')
