"""Residents join by emailed link (only a keyed hash of the address is kept); rounds ask eligibility questions.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 07:12:47.609132

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('email_identity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('email_hash', sa.String(length=64), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_email_identity_participant_id_participant'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_email_identity_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_email_identity')),
    sa.UniqueConstraint('round_id', 'email_hash', name=op.f('uq_email_identity_round_id_email_hash'))
    )
    with op.batch_alter_table('email_identity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_email_identity_round_id'), ['round_id'], unique=False)

    op.create_table('email_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('identity_id', sa.Integer(), nullable=False),
    sa.Column('secret_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['identity_id'], ['email_identity.id'], name=op.f('fk_email_link_identity_id_email_identity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_email_link'))
    )
    with op.batch_alter_table('email_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_email_link_identity_id'), ['identity_id'], unique=False)

    op.add_column('participant', sa.Column('declaration', sa.Text(), server_default='', nullable=False))
    op.add_column('round', sa.Column('eligibility', sa.Text(), server_default='', nullable=False))
    op.add_column('round', sa.Column('postcode_prefixes', sa.String(length=400), server_default='', nullable=False))
    # The access CHECK gains 'email'. SQLite rebuilds round for it (env.py turns foreign keys off).
    _access_values('open', 'codes', 'email')


def _access_values(*values):
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_round_round_access'), type_='check')
        batch_op.create_check_constraint(op.f('ck_round_round_access'),
                                         sa.column('access').in_(values))


def downgrade():
    op.execute("UPDATE round SET access = 'open' WHERE access = 'email'")
    _access_values('open', 'codes')
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.drop_column('postcode_prefixes')
        batch_op.drop_column('eligibility')

    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_column('declaration')

    with op.batch_alter_table('email_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_email_link_identity_id'))

    op.drop_table('email_link')
    with op.batch_alter_table('email_identity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_email_identity_round_id'))

    op.drop_table('email_identity')
