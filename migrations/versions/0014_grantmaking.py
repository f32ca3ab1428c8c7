"""Challenges to published grant decisions, and each round's challenge window.

Revision ID: 0014_grantmaking
Revises: 0013_register
Create Date: 2026-12-01 13:15:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014_grantmaking'
down_revision = '0013_register'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.add_column(sa.Column('challenge_days', sa.Integer(), server_default='14', nullable=False))
    op.create_table('challenge',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=True),
    sa.Column('ground', sa.Enum('fit', 'deliverability', 'value', 'ranking', name='challenge_ground', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('grounds', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('outcome', sa.Enum('open', 'upheld', 'decision-changed', 'dismissed', name='challenge_outcome', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deadline', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.Enum('visible', 'hidden', name='challenge_status', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('moderation_reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_challenge_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['answered_by_id'], ['user.id'], name=op.f('fk_challenge_answered_by_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_challenge_participant_id_participant'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_challenge_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_challenge'))
    )
    with op.batch_alter_table('challenge', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_challenge_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_challenge_round_id'), ['round_id'], unique=False)


def downgrade():
    with op.batch_alter_table('challenge', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_challenge_round_id'))
        batch_op.drop_index(batch_op.f('ix_challenge_application_id'))
    op.drop_table('challenge')
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.drop_column('challenge_days')
