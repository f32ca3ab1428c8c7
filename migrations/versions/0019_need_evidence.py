"""Evidence of needs: datasets and reports facilitators attach to a need, each with a title, address and date.

Revision ID: 0019_need_evidence
Revises: 0021_feasibility
Create Date: 2026-12-01 15:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0019_need_evidence'
down_revision = '0021_feasibility'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'need_evidence',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('need_id', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('url', sa.String(length=2000), nullable=False),
        sa.Column('published_on', sa.Date(), nullable=False),
        sa.Column('added_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['added_by_id'], ['user.id'], name=op.f('fk_need_evidence_added_by_id_user'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['need_id'], ['need.id'], name=op.f('fk_need_evidence_need_id_need'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_need_evidence')),
    )
    with op.batch_alter_table('need_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_need_evidence_need_id'), ['need_id'], unique=False)


def downgrade():
    with op.batch_alter_table('need_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_need_evidence_need_id'))
    op.drop_table('need_evidence')
