"""The demo's rubric on Southwark's marking round: the three questions weighted 3, 2 and 1, each mark
anchored in words, and a comment with every mark."""
from app.extensions import db
from app.models import Application, PanelScore, Round
from app.panel import rubric
from app.voting.rubric import Standard

ROUND = "southwark-community-spaces"
# standard question -> (weight, what marks 1 to 5 mean)
WEIGHTED = {
    Standard.FIT: (3, ("1: does not meet the need", "2: touches the need but misses most of the people affected",
                       "3: meets the need for some of the people affected",
                       "4: meets the need for most of the people affected",
                       "5: meets the need for everyone affected, as residents described it")),
    Standard.DELIVERABILITY: (2, ("1: no plan or people to deliver it", "2: a plan, but nobody yet to carry it out",
                                  "3: a plan and people, with gaps in the budget or the timing",
                                  "4: a clear plan, people and budget",
                                  "5: has delivered something like it before, with evidence")),
    Standard.VALUE: (1, ("1: costs far more than it should", "2: costs more than it should",
                         "3: a fair price for what it delivers", "4: good value for money",
                         "5: exceptional value: others add money or time")),
}
COMMENTS = {5: "Strong here: the plan shows it in detail.", 4: "Good, with a small gap the group can close.",
            3: "Adequate; the plan leaves questions open.", 2: "Weak: little in the plan supports it.",
            1: "Missing from the plan."}


def load() -> list[str]:
    round_ = db.session.scalar(db.select(Round).filter_by(slug=ROUND))
    if round_ is None:
        return []
    criteria = rubric.criteria(round_)
    if not criteria or any(c.anchor_3 for c in criteria):
        return []
    for criterion in criteria:
        weight, anchors = WEIGHTED[criterion.standard]
        criterion.weight = weight
        for n, anchor in enumerate(anchors, 1):
            setattr(criterion, f"anchor_{n}", anchor)
    scores = db.session.scalars(db.select(PanelScore).join(Application).filter(Application.round_id == round_.id))
    for score in scores:
        for given in score.marks:
            given.comment = given.comment or COMMENTS[given.mark]
    db.session.commit()
    return []
