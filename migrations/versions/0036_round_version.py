"""A version per round, raised by casts, and one raised by every other write, so a cast leaves other rounds' pages stored.

Revision ID: 0036_round_version
Revises: 0035_content_version
Create Date: 2026-12-02 14:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0036_round_version'
down_revision = '0035_content_version'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('content_version') as batch_op:
        batch_op.add_column(sa.Column('across_rounds', sa.BigInteger(), server_default='0', nullable=False))
    op.create_table(
        'round_version',
        sa.Column('round_id', sa.Integer(), nullable=False),
        sa.Column('number', sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_round_version_round_id_round'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('round_id', name=op.f('pk_round_version')),
    )


def downgrade():
    op.drop_table('round_version')
    with op.batch_alter_table('content_version') as batch_op:
        batch_op.drop_column('across_rounds')
