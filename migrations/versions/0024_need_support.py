"""Each need's support in its current round, kept on the need and indexed with its round and status,
so the register reads places without counting every need's support in the round.

Revision ID: 0024_need_support
Revises: 0025_online_applications
Create Date: 2026-12-01 18:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0024_need_support'
down_revision = '0025_online_applications'
branch_labels = None
depends_on = None


def upgrade():
    # A plain ADD COLUMN, no batch rebuild, so need keeps its search triggers on SQLite (see 0001).
    op.add_column('need', sa.Column('support', sa.Integer(), server_default='0', nullable=False))
    op.create_index('ix_need_round_status_support', 'need', ['round_id', 'status', 'support'], unique=False)
    op.execute(
        "UPDATE need SET support = (SELECT count(support.id) FROM support"
        " JOIN participant ON participant.id = support.participant_id"
        " WHERE support.need_id = need.id AND participant.round_id = need.round_id)")


def downgrade():
    op.drop_index('ix_need_round_status_support', table_name='need')
    op.drop_column('need', 'support')  # SQLite drops a column without constraints in place
