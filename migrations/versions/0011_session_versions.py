"""Each staff account counts its session version, so signing out or changing a password ends every session.

Revision ID: 0011_session_versions
Revises: 0010_round_parts
Create Date: 2026-12-01 11:45:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011_session_versions'
down_revision = '0010_round_parts'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), server_default='1', nullable=False))


def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('session_version')
