"""Grant monitoring: the group's contact for its progress link, progress reports, and grants marked complete.

Revision ID: 0022_grant_progress
Revises: 0019_need_evidence
Create Date: 2026-12-01 15:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0022_grant_progress'
down_revision = "0019_need_evidence"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.add_column(sa.Column('contact_email', sa.String(length=254), server_default='', nullable=False))
    with op.batch_alter_table('grant_decision', schema=None) as batch_op:
        batch_op.add_column(sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('completed_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_grant_decision_completed_by_id_user'), 'user',
                                    ['completed_by_id'], ['id'], ondelete='SET NULL')
    op.create_table('grant_update',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('milestone', sa.String(length=140), nullable=False),
    sa.Column('percent', sa.SmallInteger(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('posted_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('percent BETWEEN 0 AND 100', name=op.f('ck_grant_update_percent_0_to_100')),
    sa.ForeignKeyConstraint(['decision_id'], ['grant_decision.id'], name=op.f('fk_grant_update_decision_id_grant_decision'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grant_update'))
    )
    with op.batch_alter_table('grant_update', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grant_update_decision_id'), ['decision_id'], unique=False)


def downgrade():
    with op.batch_alter_table('grant_update', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grant_update_decision_id'))
    op.drop_table('grant_update')
    with op.batch_alter_table('grant_decision', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_grant_decision_completed_by_id_user'), type_='foreignkey')
        batch_op.drop_column('completed_by_id')
        batch_op.drop_column('completed_at')
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_column('contact_email')
