"""Need.support kept equal to the residents' support a need has in its current round.

Every support added or removed through the session, and every need moved to another round, is recounted
when the session flushes; the few bulk statements that move or delete supports call recount() themselves."""
from itertools import chain

from sqlalchemy import event, func, inspect, select, update
from sqlalchemy.orm import Session

from app.models.need import Need, Support
from app.models.participant import Participant


def recount_statement(need_ids=None):
    """An UPDATE counting again these needs' support, or every need's (None: after bulk loading)."""
    counted = (select(func.count(Support.id)).join(Participant, Participant.id == Support.participant_id)
               .where(Support.need_id == Need.id, Participant.round_id == Need.round_id)
               .correlate(Need).scalar_subquery())
    statement = update(Need) if need_ids is None else update(Need).where(Need.id.in_(need_ids))
    return statement.values(support=counted).execution_options(synchronize_session=False)


def recount(session: Session, need_ids) -> None:
    """Count again the support of these needs (after a bulk statement moved or deleted supports)."""
    ids = sorted(set(need_ids))
    if ids:
        session.execute(recount_statement(ids))


def _moved(need: Need) -> bool:
    return inspect(need).attrs.round_id.history.has_changes()


@event.listens_for(Session, "after_flush")
def _recount_flushed(session: Session, _context) -> None:
    ids = {row.need_id for row in chain(session.new, session.deleted) if isinstance(row, Support)}
    ids |= {row.id for row in session.dirty if isinstance(row, Need) and _moved(row)}
    if ids:
        session.connection().execute(recount_statement(sorted(ids)))
