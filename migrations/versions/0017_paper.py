"""Paper ballots: batches and their ballot paper accounts, ballots by serial, operators' entries,
supervisors' decisions and sample audits, each correction a new row superseding the old; a ballot's
channel (internet or paper), a code given a paper ballot, and the round's keying grace period.

Revision ID: 0017_paper
Revises: 0016_workshops
Create Date: 2026-12-01 15:09:21.044302

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017_paper'
down_revision = '0016_workshops'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('paper_audit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('seed', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sample', sa.Text(), nullable=False),
    sa.Column('drawn_by_id', sa.Integer(), nullable=True),
    sa.Column('drawn_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['drawn_by_id'], ['user.id'], name=op.f('fk_paper_audit_drawn_by_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_paper_audit_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper_audit'))
    )
    with op.batch_alter_table('paper_audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_paper_audit_round_id'), ['round_id'], unique=False)

    op.create_table('paper_batch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('site', sa.String(length=140), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_paper_batch_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper_batch')),
    sa.UniqueConstraint('round_id', 'name', name=op.f('uq_paper_batch_round_id_name'))
    )
    with op.batch_alter_table('paper_batch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_paper_batch_round_id'), ['round_id'], unique=False)

    op.create_table('paper_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('issued', sa.Integer(), nullable=False),
    sa.Column('returned', sa.Integer(), nullable=False),
    sa.Column('spoilt', sa.Integer(), nullable=False),
    sa.Column('unused', sa.Integer(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('supersedes_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['batch_id'], ['paper_batch.id'], name=op.f('fk_paper_account_batch_id_paper_batch'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user.id'], name=op.f('fk_paper_account_recorded_by_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['supersedes_id'], ['paper_account.id'], name=op.f('fk_paper_account_supersedes_id_paper_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper_account'))
    )
    with op.batch_alter_table('paper_account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_paper_account_batch_id'), ['batch_id'], unique=False)

    op.create_table('paper_ballot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('serial', sa.String(length=16), nullable=False),
    sa.Column('ballot_receipt', sa.String(length=16), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['paper_batch.id'], name=op.f('fk_paper_ballot_batch_id_paper_batch'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_paper_ballot_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper_ballot')),
    sa.UniqueConstraint('round_id', 'serial', name=op.f('uq_paper_ballot_round_id_serial'))
    )
    with op.batch_alter_table('paper_ballot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_paper_ballot_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_paper_ballot_round_id'), ['round_id'], unique=False)

    op.create_table('paper_check',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('audit_id', sa.Integer(), nullable=False),
    sa.Column('serial', sa.String(length=16), nullable=False),
    sa.Column('matched', sa.Boolean(), nullable=False),
    sa.Column('checked_by_id', sa.Integer(), nullable=True),
    sa.Column('supersedes_id', sa.Integer(), nullable=True),
    sa.Column('checked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['audit_id'], ['paper_audit.id'], name=op.f('fk_paper_check_audit_id_paper_audit'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['checked_by_id'], ['user.id'], name=op.f('fk_paper_check_checked_by_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['supersedes_id'], ['paper_check.id'], name=op.f('fk_paper_check_supersedes_id_paper_check'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper_check'))
    )
    with op.batch_alter_table('paper_check', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_paper_check_audit_id'), ['audit_id'], unique=False)

    op.create_table('paper_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('paper_ballot_id', sa.Integer(), nullable=False),
    sa.Column('operator_id', sa.Integer(), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('spoilt', sa.Enum('unmarked', 'unclear', 'too-many', 'identifies', name='paper_entry_spoilt', native_enum=False, create_constraint=True, length=16), nullable=True),
    sa.Column('supersedes_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['operator_id'], ['user.id'], name=op.f('fk_paper_entry_operator_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['paper_ballot_id'], ['paper_ballot.id'], name=op.f('fk_paper_entry_paper_ballot_id_paper_ballot'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['supersedes_id'], ['paper_entry.id'], name=op.f('fk_paper_entry_supersedes_id_paper_entry'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper_entry'))
    )
    with op.batch_alter_table('paper_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_paper_entry_paper_ballot_id'), ['paper_ballot_id'], unique=False)

    op.create_table('paper_resolution',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('paper_ballot_id', sa.Integer(), nullable=False),
    sa.Column('supervisor_id', sa.Integer(), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('spoilt', sa.Enum('unmarked', 'unclear', 'too-many', 'identifies', name='paper_resolution_spoilt', native_enum=False, create_constraint=True, length=16), nullable=True),
    sa.Column('supersedes_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['paper_ballot_id'], ['paper_ballot.id'], name=op.f('fk_paper_resolution_paper_ballot_id_paper_ballot'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['supersedes_id'], ['paper_resolution.id'], name=op.f('fk_paper_resolution_supersedes_id_paper_resolution'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['supervisor_id'], ['user.id'], name=op.f('fk_paper_resolution_supervisor_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper_resolution'))
    )
    with op.batch_alter_table('paper_resolution', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_paper_resolution_paper_ballot_id'), ['paper_ballot_id'], unique=False)

    with op.batch_alter_table('access_code', schema=None) as batch_op:
        batch_op.add_column(sa.Column('paper_issued_at', sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table('ballot', schema=None, table_kwargs={'sqlite_with_rowid': False}) as batch_op:
        batch_op.add_column(sa.Column('channel', sa.Enum('internet', 'paper', name='ballot_channel', native_enum=False, create_constraint=True, length=16), server_default='internet', nullable=False))

    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.add_column(sa.Column('paper_grace_days', sa.Integer(), server_default='7', nullable=False))



def downgrade():
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.drop_column('paper_grace_days')

    # SQLite rebuilds the ballot table to drop the column; it stays WITHOUT ROWID (0015_ballot_secrecy).
    with op.batch_alter_table('ballot', schema=None, table_kwargs={'sqlite_with_rowid': False}) as batch_op:
        batch_op.drop_constraint(op.f('ck_ballot_ballot_channel'), type_='check')
        batch_op.drop_column('channel')

    with op.batch_alter_table('access_code', schema=None) as batch_op:
        batch_op.drop_column('paper_issued_at')

    with op.batch_alter_table('paper_resolution', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_paper_resolution_paper_ballot_id'))

    op.drop_table('paper_resolution')
    with op.batch_alter_table('paper_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_paper_entry_paper_ballot_id'))

    op.drop_table('paper_entry')
    with op.batch_alter_table('paper_check', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_paper_check_audit_id'))

    op.drop_table('paper_check')
    with op.batch_alter_table('paper_ballot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_paper_ballot_round_id'))
        batch_op.drop_index(batch_op.f('ix_paper_ballot_batch_id'))

    op.drop_table('paper_ballot')
    with op.batch_alter_table('paper_account', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_paper_account_batch_id'))

    op.drop_table('paper_account')
    with op.batch_alter_table('paper_batch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_paper_batch_round_id'))

    op.drop_table('paper_batch')
    with op.batch_alter_table('paper_audit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_paper_audit_round_id'))

    op.drop_table('paper_audit')
