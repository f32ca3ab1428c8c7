"""Casting a ballot: one per participant per round, changeable until ranking closes, each cast one transaction."""
from dataclasses import dataclass
from enum import StrEnum

from flask import current_app
from sqlalchemy import select

from app.ballots.keys import new_receipt, submission_key, voter_key
from app.extensions import db
from app.models import Access, Ballot, Channel, Participant, Participation, ReplacedReceipt, Round
from app.paper.desk import voted_on_paper
from app.rounds.phases import Action, Phase
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
    key = voter_key(current_app.config["SECRET_KEY"], round_.id, participant.id)
    return db.session.scalar(select(Ballot).where(Ballot.round_id == round_.id, Ballot.voter_key == key))


def cast(round_: Round, participant: Participant, ballot: Ballot | None, content: StoredBallot, nonce: str,
         based_on: int, phase: Phase, keep_receipt: bool = False) -> Cast:
    """Store `content` as the participant's ballot; `ballot` is their current one, as the request
    already read it with `current_ballot`.

    `nonce` names the form submission, so a retry or double submit stores one ballot and gets
    the same receipt; `based_on` is the ballot version the form was opened with, so an old
    form replayed after a newer ballot changes nothing.
    """
    if round_.sealed or not phase.allows(Action.CAST_BALLOT):
        raise CastingClosed
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
        return Cast(ballot.receipt, ballot.version, CastStatus.REPEAT, ballot)
    if based_on < ballot.version:
        return Cast(ballot.receipt, ballot.version, CastStatus.STALE, ballot)
    ballot.version += 1
    ballot.content, ballot.submission_key = encoded, submitted
    if not keep_receipt:
        db.session.add(ReplacedReceipt(round_id=round_.id, receipt=ballot.receipt))
        ballot.receipt = new_receipt()
    return _counted(ballot)


def _counted(ballot: Ballot) -> Cast:
    # Built before the commit expires the ballot, so the receipt costs no second read.
    counted = Cast(ballot.receipt, ballot.version, CastStatus.COUNTED, ballot)
    db.session.commit()
    return counted


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
