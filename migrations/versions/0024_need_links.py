"""Needs in two rounds linked as the same need, each keeping its own page and support.

Revision ID: 0024_need_links
Revises: 0024_need_support
Create Date: 2026-12-01 19:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0024_need_links'
down_revision = '0024_need_support'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'need_link',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('need_id', sa.Integer(), nullable=False),
        sa.Column('other_id', sa.Integer(), nullable=False),
        sa.Column('linked_by_id', sa.Integer(), nullable=True),
        sa.Column('linked_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint('need_id < other_id', name=op.f('ck_need_link_ordered')),
        sa.ForeignKeyConstraint(['linked_by_id'], ['user.id'], name=op.f('fk_need_link_linked_by_id_user'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['need_id'], ['need.id'], name=op.f('fk_need_link_need_id_need'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['other_id'], ['need.id'], name=op.f('fk_need_link_other_id_need'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_need_link')),
        sa.UniqueConstraint('need_id', 'other_id', name=op.f('uq_need_link_need_id_other_id')),
    )
    op.create_index(op.f('ix_need_link_need_id'), 'need_link', ['need_id'])
    op.create_index(op.f('ix_need_link_other_id'), 'need_link', ['other_id'])


def downgrade():
    op.drop_table('need_link')
