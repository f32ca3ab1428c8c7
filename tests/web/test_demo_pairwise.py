"""The demo's pairwise round: residents' answers from phones and from papers keyed one key per pair,
counted together; the paper batch balances with its dispute settled; a second run changes nothing."""
import json
from collections import Counter

from app.extensions import db
from app.models import (AuditEntry, Ballot, Need, NeedTranslation, PaperBallot, PaperEntry, PaperResolution, Round,
                        StaffRole, User)
from tests.web.test_panel import text_of

SLUG = "hackney-play-2026"
MODELS = (Round, Need, Ballot, PaperBallot, PaperEntry, PaperResolution, StaffRole, User, AuditEntry)


def counts(app):
    with app.app_context():
        return [db.session.scalar(db.select(db.func.count()).select_from(m)) for m in MODELS]


def wins_by_hand(app):
    """Each need's title as an English reader sees it to its wins, and (winner, loser) title pairs to how
    often, read from the stored JSON ("answers": pair to the chosen need's id, or "none")."""
    with app.app_context():
        round_ = db.session.scalar(db.select(Round).filter_by(slug=SLUG))
        titles = {n.id: n.title for n in db.session.scalars(db.select(Need).filter_by(round_id=round_.id))}
        titles |= {need: title for need, title in db.session.execute(
            db.select(NeedTranslation.need_id, NeedTranslation.title).where(
                NeedTranslation.need_id.in_(titles), NeedTranslation.language == "en",
                NeedTranslation.approved.is_(True)))}
        rows = list(db.session.execute(db.select(Ballot.channel, Ballot.content).filter_by(round_id=round_.id)))
    wins, beat = Counter(), Counter()
    for _, content in rows:
        for pair, chosen in json.loads(content)["answers"].items():
            if chosen == "none":
                continue
            loser = next(int(n) for n in pair.split("-") if n != chosen)
            wins[titles[int(chosen)]] += 1
            beat[(titles[int(chosen)], titles[loser])] += 1
    return titles, wins, beat, Counter(channel.value for channel, _ in rows)


def test_the_demo_counts_pairwise_answers_from_phones_and_paper_and_a_second_run_changes_nothing(app, client, runner):
    assert runner.invoke(args=["demo"]).exit_code == 0
    loaded = counts(app)
    titles, wins, beat, channels = wins_by_hand(app)
    assert channels["internet"] == 11 and channels["paper"] == 5
    order = sorted(titles.values(), key=lambda t: -wins[t])
    assert len(set(wins.values())) == len(titles)  # no two needs with as many wins
    first = order[0]
    assert all(beat[(first, other)] > beat[(other, first)] for other in order[1:])  # it beats each one
    page = client.get(f"/rounds/{SLUG}/results", headers={"Accept-Language": "en"})
    text = text_of(page)
    assert page.status_code == 200 and "16 ballots counted." in text
    assert "Pairwise comparison" in text
    assert all(t in text for t in order) and sorted(order, key=text.find) == order
    assert "Speed bumps so children can play safely" in order  # the Turkish need, read in its approved translation
    data = client.get(f"/rounds/{SLUG}/results.json").json
    assert data["turnout"]["by_channel"]["paper"] == 5 and data["turnout"]["total"] == 16
    assert first == "Close our street to cars after school"
    again = runner.invoke(args=["demo"])
    assert again.exit_code == 0 and f"{SLUG}: already loaded" in again.output
    assert counts(app) == loaded


def test_the_demo_pairwise_paper_batch_balances_with_its_dispute_settled(app, client, runner):
    assert runner.invoke(args=["demo"]).exit_code == 0
    record = client.get(f"/rounds/{SLUG}/paper.json").json
    assert record["balanced"] is True
    assert [(b["name"], b["issued"], b["returned"], b["unused"], b["keyed"], b["in_dispute"])
            for b in record["batches"]] == [("Ridley Road market stall", 6, 5, 1, 5, 0)]
    report = text_of(client.get(f"/rounds/{SLUG}/paper/report", headers={"Accept-Language": "en"}))
    assert "This batch balances." in report and "Ridley Road market stall" in report
    assert record["audit"] == {"seed": "2 7 1 8 2 8", "sampled": 2, "matched": 2}
    with app.app_context():
        round_ = db.session.scalar(db.select(Round).filter_by(slug=SLUG))
        papers = list(db.session.scalars(db.select(PaperBallot).filter_by(round_id=round_.id)))
        [resolution] = db.session.scalars(db.select(PaperResolution).join(PaperBallot)
                                          .where(PaperBallot.round_id == round_.id))
        disputed = [e.content for e in db.session.scalars(
            db.select(PaperEntry).filter_by(paper_ballot_id=resolution.paper_ballot_id))]
        counted = db.session.scalar(db.select(Ballot.content).filter_by(
            round_id=round_.id, receipt=db.session.get(PaperBallot, resolution.paper_ballot_id).ballot_receipt))
    # Every paper prints all six pairs of the four needs, in an order of its own.
    assert all(len(p.pairs.split()) == 6 for p in papers) and len({p.pairs for p in papers}) > 1
    assert len(set(disputed)) == 2 and counted == resolution.content in disputed
