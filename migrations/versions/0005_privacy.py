"""Privacy: a participant can be forgotten, and a round can remove personal data some days after its results.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 07:09:29.938642

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('participant', sa.Column('forgotten_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('round', sa.Column('retention_days', sa.Integer(), nullable=True))



def downgrade():
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.drop_column('retention_days')

    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_column('forgotten_at')

