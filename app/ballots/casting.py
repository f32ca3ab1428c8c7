"""Casting a ballot: one per participant per round, changeable until ranking closes, each cast one short write."""
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from flask import current_app, g
from sqlalchemy import select

from app.ballots.drafts import answers_of
from app.ballots.keys import new_nonce, new_receipt, submission_key, voter_key
from app.extensions import commit_keeping_loaded, db, write_transaction
from app.page_cache import casting_in
from app.models import Access, Ballot, Channel, Participant, Participation, ReplacedReceipt, Round
from app.paper.desk import voted_on_paper
from app.participation import participant_for
from app.rounds.phases import Action
from app.unique import insert_once
from app.voting.ballot_content import StoredBallot


class CastingClosed(Exception):
    """The round is not in its ranking phase."""


class VotedOnPaper(CastingClosed):
    """The desk gave this participant's access code a paper ballot: one person, one vote."""


class CastStatus(StrEnum):
    COUNTED = "counted"  # this submission is now the ballot
    REPEAT = "repeat"  # it already was (a double submit)
    STALE = "stale"  # a newer ballot was cast since this form was opened, and it stays


@dataclass(frozen=True)
class Cast:
    receipt: str
    version: int
    status: CastStatus
    ballot: Ballot


def current_ballot(round_: Round, participant: Participant | None, receipt: str | None = None) -> Ballot | None:
    """The participant's ballot, found by voter key while ranking is open; once the round is sealed
    no key finds it, and only the receipt this device kept (`receipt`) shows its voter their ballot."""
    if round_.sealed:
        return None if receipt is None else db.session.scalar(
            select(Ballot).where(Ballot.round_id == round_.id, Ballot.receipt == receipt))
    if participant is None:
        return None
    return db.session.scalar(_of_voter(round_, participant))


def _of_voter(round_: Round, participant: Participant):
    key = voter_key(current_app.config["SECRET_KEY"], round_.id, participant.id)
    return select(Ballot).where(Ballot.round_id == round_.id, Ballot.voter_key == key)


def cast(round_: Round, content: StoredBallot, nonce: str, based_on: int, on: date,
         keep_receipt: bool = False) -> Cast:
    """Store `content` as this browser's participant's ballot, in a short transaction of its own.

    The request read the round and the ballot without the write lock; here the round, the participant
    and the ballot are read again under it, so a round that closed, a code that was voided or a ballot
    changed in another window since is seen before anything is written, and casts queue only for this.
    `nonce` names the form submission, so a retry or double submit stores one ballot and gets
    the same receipt; `based_on` is the ballot version the form was opened with, so an old
    form replayed after a newer ballot changes nothing.
    """
    with _locked_ballot(round_, on) as (participant, ballot):
        return _store(round_, participant, ballot, content, nonce, based_on, keep_receipt)


def answer_pair(round_: Round, first: int, second: int, chosen: int | None, on: date) -> Cast:
    """One "which matters more?" answer added to the pairwise ballot as stored under the lock, so answers
    sent from two windows at once are both kept."""
    for _ in range(2):
        with _locked_ballot(round_, on) as (participant, ballot):
            answers = answers_of(ballot.content if ballot else None).with_answer(first, second, chosen)
            answered = _store(round_, participant, ballot, answers, new_nonce(), ballot.version if ballot else 0,
                              keep_receipt=True)
        # Stale only when another window's first answer was inserted meanwhile (PostgreSQL): add to that one.
        if answered.status != CastStatus.STALE:
            break
    return answered


@contextmanager
def _locked_ballot(round_: Round, on: date):
    """(participant, their ballot or None), read again in a transaction holding the write lock."""
    _refuse_closed(round_, on)
    g.pop("participants", None)
    with write_transaction():
        _refuse_closed(round_, on)
        casting_in(round_.id)
        participant = participant_for(round_)
        yield participant, _ballot_to_change(round_, participant)


def _refuse_closed(round_: Round, on: date) -> None:
    if round_.sealed or not round_.phase_on(on).allows(Action.CAST_BALLOT):
        raise CastingClosed


def _ballot_to_change(round_: Round, participant: Participant) -> Ballot | None:
    # FOR UPDATE: on PostgreSQL a change sent from two windows at once waits here for the first to commit.
    return db.session.scalar(_of_voter(round_, participant).with_for_update())


def _store(round_: Round, participant: Participant, ballot: Ballot | None, content: StoredBallot, nonce: str,
           based_on: int, keep_receipt: bool) -> Cast:
    secret = current_app.config["SECRET_KEY"]
    submitted = submission_key(secret, nonce)
    encoded = content.to_json()
    if ballot is None:
        if round_.access == Access.CODES and voted_on_paper(participant.id):
            raise VotedOnPaper
        first = Ballot(round_id=round_.id, voter_key=voter_key(secret, round_.id, participant.id), version=1,
                       submission_key=submitted, receipt=new_receipt(), content=encoded)
        ballot = insert_once(first, lambda: current_ballot(round_, participant))
        if ballot is first:
            _register(round_, participant)
            return _counted(ballot)
    if ballot.submission_key == submitted:
        return _unchanged(ballot, CastStatus.REPEAT)
    if based_on < ballot.version:
        return _unchanged(ballot, CastStatus.STALE)
    ballot.version += 1
    ballot.content, ballot.submission_key = encoded, submitted
    if not keep_receipt:
        db.session.add(ReplacedReceipt(round_id=round_.id, receipt=ballot.receipt))
        ballot.receipt = new_receipt()
    return _counted(ballot)


def _counted(ballot: Ballot) -> Cast:
    commit_keeping_loaded()
    return Cast(ballot.receipt, ballot.version, CastStatus.COUNTED, ballot)


def _unchanged(ballot: Ballot, status: CastStatus) -> Cast:
    commit_keeping_loaded()  # nothing to write: ends the transaction and its lock
    return Cast(ballot.receipt, ballot.version, status, ballot)


def _register(round_: Round, participant: Participant) -> None:
    exists = db.session.scalar(select(Participation.id).where(Participation.participant_id == participant.id))
    if exists is None:
        db.session.add(Participation(round_id=round_.id, participant_id=participant.id))


def turnout(round_: Round) -> int:
    return db.session.scalar(select(db.func.count(Ballot.id)).where(Ballot.round_id == round_.id))


def turnout_by_channel(round_: Round) -> dict:
    """{"total": N, "by_channel": {"internet": N, "paper": N}}, as results.json carries it."""
    counted = dict(db.session.execute(select(Ballot.channel, db.func.count(Ballot.id)).where(
        Ballot.round_id == round_.id).group_by(Ballot.channel)).all())
    by_channel = {channel.value: counted.get(channel, 0) for channel in Channel}
    return {"total": sum(by_channel.values()), "by_channel": by_channel}
