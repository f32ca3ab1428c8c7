"""Departures from the suggested grants: which way a decision departs, and its own reason.

Revision ID: 0023_departures
Revises: 0022_grant_progress
Create Date: 2026-12-01 15:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0023_departures'
down_revision = '0022_grant_progress'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('grant_decision', schema=None) as batch_op:
        batch_op.add_column(sa.Column('departure', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('departure_reason', sa.Text(), server_default='', nullable=False))
        batch_op.create_check_constraint(batch_op.f('ck_grant_decision_departure'),
                                         "departure IN ('funded-outside', 'declined-inside')")


def downgrade():
    with op.batch_alter_table('grant_decision', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_grant_decision_departure'), type_='check')
        batch_op.drop_column('departure_reason')
        batch_op.drop_column('departure')
