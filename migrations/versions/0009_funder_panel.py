"""The funder panel: applications against needs, members' scores and conflicts, decisions, and the
funder's details for open grants data.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 06:47:47.197389

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('application',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('need_id', sa.Integer(), nullable=False),
    sa.Column('applicant', sa.String(length=200), nullable=False),
    sa.Column('applicant_id', sa.String(length=100), nullable=False),
    sa.Column('title', sa.String(length=140), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['need_id'], ['need.id'], name=op.f('fk_application_need_id_need'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_application_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application'))
    )
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_need_id'), ['need_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_round_id'), ['round_id'], unique=False)

    op.create_table('conflict',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('declared_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_conflict_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_conflict_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conflict')),
    sa.UniqueConstraint('application_id', 'user_id', name=op.f('uq_conflict_application_id_user_id'))
    )
    with op.batch_alter_table('conflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflict_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conflict_user_id'), ['user_id'], unique=False)

    op.create_table('grant_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('funded', sa.Boolean(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_grant_decision_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user.id'], name=op.f('fk_grant_decision_decided_by_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grant_decision')),
    sa.UniqueConstraint('application_id', name=op.f('uq_grant_decision_application_id'))
    )
    op.create_table('panel_score',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('fit', sa.SmallInteger(), nullable=False),
    sa.Column('deliverability', sa.SmallInteger(), nullable=False),
    sa.Column('value', sa.SmallInteger(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('scored_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('fit BETWEEN 1 AND 5 AND deliverability BETWEEN 1 AND 5 AND value BETWEEN 1 AND 5', name=op.f('ck_panel_score_marks_1_to_5')),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_panel_score_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_panel_score_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_panel_score')),
    sa.UniqueConstraint('application_id', 'user_id', name=op.f('uq_panel_score_application_id_user_id'))
    )
    with op.batch_alter_table('panel_score', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_panel_score_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_panel_score_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.add_column(sa.Column('funder_name', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('funder_id', sa.String(length=100), server_default='', nullable=False))
        batch_op.add_column(sa.Column('grant_prefix', sa.String(length=60), server_default='', nullable=False))
        batch_op.add_column(sa.Column('decision_rationale', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('decisions_published_at', sa.DateTime(timezone=True), nullable=True))



def downgrade():
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.drop_column('decisions_published_at')
        batch_op.drop_column('decision_rationale')
        batch_op.drop_column('grant_prefix')
        batch_op.drop_column('funder_id')
        batch_op.drop_column('funder_name')

    with op.batch_alter_table('panel_score', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_panel_score_user_id'))
        batch_op.drop_index(batch_op.f('ix_panel_score_application_id'))

    op.drop_table('panel_score')
    op.drop_table('grant_decision')
    with op.batch_alter_table('conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflict_user_id'))
        batch_op.drop_index(batch_op.f('ix_conflict_application_id'))

    op.drop_table('conflict')
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_round_id'))
        batch_op.drop_index(batch_op.f('ix_application_need_id'))

    op.drop_table('application')
