"""Budgeted rounds: exact money (a scale per round, 64-bit sums), a support threshold, the source META.

No batch rebuilds: SQLite keeps every INTEGER in 64 bits already, so the wider types only change
PostgreSQL, and need keeps its search triggers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 06:14:07.378348

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('round', sa.Column('money_scale', sa.Integer(), server_default='0', nullable=False))
    op.add_column('round', sa.Column('support_threshold', sa.Integer(), nullable=True))
    op.add_column('round', sa.Column('source_meta', sa.Text(), server_default='', nullable=False))
    if op.get_bind().dialect.name != 'sqlite':
        op.alter_column('round', 'budget', existing_type=sa.Integer(), type_=sa.BigInteger(), existing_nullable=True)
        op.alter_column('need', 'cost', existing_type=sa.Integer(), type_=sa.BigInteger(), existing_nullable=True)


def downgrade():
    if op.get_bind().dialect.name != 'sqlite':
        op.alter_column('need', 'cost', existing_type=sa.BigInteger(), type_=sa.Integer(), existing_nullable=True)
        op.alter_column('round', 'budget', existing_type=sa.BigInteger(), type_=sa.Integer(), existing_nullable=True)
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.drop_column('source_meta')
        batch_op.drop_column('support_threshold')
        batch_op.drop_column('money_scale')
