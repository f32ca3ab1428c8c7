"""A round may offer only some of the interface languages.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 07:53:50.172649

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('round', sa.Column('interface_languages', sa.String(length=200), server_default='', nullable=False))


def downgrade():
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.drop_column('interface_languages')

