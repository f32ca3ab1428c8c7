"""Pairwise paper ballots: each paper keeps the pairs printed on it.

Revision ID: 0030_paper_pairwise
Revises: 0032_question_translations
Create Date: 2026-12-01 22:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0030_paper_pairwise'
down_revision = '0032_question_translations'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('paper_ballot', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pairs', sa.Text(), server_default='', nullable=False))


def downgrade():
    with op.batch_alter_table('paper_ballot', schema=None) as batch_op:
        batch_op.drop_column('pairs')
