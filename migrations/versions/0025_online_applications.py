"""Groups apply online: an application's status, channel, language, who benefits and where, whether the group is
unregistered, the key of the form a draft came from; a round's call for applications and its eligibility
questions, and groups' answers.

Revision ID: 0025_online_applications
Revises: 0023_departures
Create Date: 2026-12-01 18:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0025_online_applications'
down_revision = '0023_departures'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('application_call',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('window', sa.String(length=16), nullable=False),
    sa.CheckConstraint("\"window\" IN ('decide', 'open', 'closed')", name=op.f('ck_application_call_application_window')),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_application_call_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application_call')),
    sa.UniqueConstraint('round_id', name=op.f('uq_application_call_round_id'))
    )
    op.create_table('eligibility_question',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=300), nullable=False),
    sa.Column('required', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_eligibility_question_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_eligibility_question'))
    )
    with op.batch_alter_table('eligibility_question', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_eligibility_question_round_id'), ['round_id'], unique=False)

    op.create_table('eligibility_answer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('answer', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_eligibility_answer_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['eligibility_question.id'], name=op.f('fk_eligibility_answer_question_id_eligibility_question'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_eligibility_answer')),
    sa.UniqueConstraint('application_id', 'question_id', name=op.f('uq_eligibility_answer_application_id_question_id'))
    )
    with op.batch_alter_table('eligibility_answer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_eligibility_answer_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_eligibility_answer_question_id'), ['question_id'], unique=False)

    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=16), server_default='submitted', nullable=False))
        batch_op.add_column(sa.Column('channel', sa.String(length=16), server_default='paper', nullable=False))
        batch_op.add_column(sa.Column('language', sa.String(length=16), server_default='', nullable=False))
        batch_op.add_column(sa.Column('beneficiaries', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('location', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('unregistered', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('form_key', sa.String(length=32), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_application_form_key'), ['form_key'])
        batch_op.create_check_constraint(batch_op.f('ck_application_application_status'), "status IN ('draft', "
                                         "'submitted', 'eligible', 'ineligible', 'under-review', 'funded', 'declined')")
        batch_op.create_check_constraint(batch_op.f('ck_application_application_channel'),
                                         "channel IN ('internet', 'paper')")



def downgrade():
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_application_application_channel'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_application_application_status'), type_='check')
        batch_op.drop_constraint(batch_op.f('uq_application_form_key'), type_='unique')
        batch_op.drop_column('form_key')
        batch_op.drop_column('unregistered')
        batch_op.drop_column('location')
        batch_op.drop_column('beneficiaries')
        batch_op.drop_column('language')
        batch_op.drop_column('channel')
        batch_op.drop_column('status')

    with op.batch_alter_table('eligibility_answer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_eligibility_answer_question_id'))
        batch_op.drop_index(batch_op.f('ix_eligibility_answer_application_id'))

    op.drop_table('eligibility_answer')
    with op.batch_alter_table('eligibility_question', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_eligibility_question_round_id'))

    op.drop_table('eligibility_question')
    op.drop_table('application_call')
