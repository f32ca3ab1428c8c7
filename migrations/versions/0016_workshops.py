"""Workshop sessions: projector link, join code, timer, results shown, the need on screen, the shared
snapshot; who joined through each session; flip-chart dots.

Revision ID: 0016_workshops
Revises: 0015_ballot_secrecy
Create Date: 2026-12-01 11:40:20.193335

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016_workshops'
down_revision = '0015_ballot_secrecy'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('workshop_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=140), nullable=False),
    sa.Column('place', sa.String(length=140), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('projector_token', sa.String(length=64), nullable=False),
    sa.Column('join_code', sa.String(length=8), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('timer_ends_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('results_shown', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('shown_need_id', sa.Integer(), nullable=True),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('snapshot', sa.Text(), server_default='', nullable=False),
    sa.Column('snapshot_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_workshop_session_round_id_round'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['shown_need_id'], ['need.id'], name=op.f('fk_workshop_session_shown_need_id_need'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workshop_session')),
    sa.UniqueConstraint('join_code', name=op.f('uq_workshop_session_join_code')),
    sa.UniqueConstraint('projector_token', name=op.f('uq_workshop_session_projector_token'))
    )
    with op.batch_alter_table('workshop_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workshop_session_round_id'), ['round_id'], unique=False)

    op.create_table('workshop_attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_workshop_attendance_participant_id_participant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['workshop_session.id'], name=op.f('fk_workshop_attendance_session_id_workshop_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workshop_attendance')),
    sa.UniqueConstraint('session_id', 'participant_id', name=op.f('uq_workshop_attendance_session_id_participant_id'))
    )
    with op.batch_alter_table('workshop_attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workshop_attendance_session_id'), ['session_id'], unique=False)

    op.create_table('workshop_dots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('need_id', sa.Integer(), nullable=False),
    sa.Column('dots', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['need_id'], ['need.id'], name=op.f('fk_workshop_dots_need_id_need'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['workshop_session.id'], name=op.f('fk_workshop_dots_session_id_workshop_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workshop_dots')),
    sa.UniqueConstraint('session_id', 'need_id', name=op.f('uq_workshop_dots_session_id_need_id'))
    )
    with op.batch_alter_table('workshop_dots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workshop_dots_session_id'), ['session_id'], unique=False)



def downgrade():
    with op.batch_alter_table('workshop_dots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workshop_dots_session_id'))

    op.drop_table('workshop_dots')
    with op.batch_alter_table('workshop_attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workshop_attendance_session_id'))

    op.drop_table('workshop_attendance')
    with op.batch_alter_table('workshop_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workshop_session_round_id'))

    op.drop_table('workshop_session')
