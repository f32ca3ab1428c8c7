from flask import Blueprint, flash, redirect, url_for
from flask_babel import gettext as _

from app import labels
from app.accounts.current import (can_create_rounds, can_key_paper, can_manage, can_review, can_sit_on_panel,
                                  current_user, require, requires, staff_required)
from app.loaders import get_round
from app.needs import queries
from app.participation import must_join
from app.needs.categories import CONTENT_LANGUAGES
from app.organisations.services import choices as organisation_choices
from app.rounds import services
from app.rounds.forms import RoundForm
from app.web import render_page, today
from app.page_cache import shared_page

bp = Blueprint("rounds", __name__, url_prefix="/rounds")


def _form(round_=None, **kwargs) -> RoundForm:
    return RoundForm(language_names={code: labels.language(code) for code in CONTENT_LANGUAGES},
                     choice_labels=(labels.BALLOT_KINDS, labels.RULE_NAMES, labels.TIE_BREAKS, labels.ACCESS_MODES),
                     organisations=_organisations(round_), obj=round_, **kwargs)


def _organisations(round_) -> list[tuple[int, str]]:
    """Open data names who runs a round as its funder: an admin may name any organisation, other staff their
    own (or the one the round already has)."""
    user = current_user()
    if user.is_admin:
        return organisation_choices()
    return organisation_choices(within={user.organisation_id, round_.organisation_id if round_ else None})


def _values(form: RoundForm) -> dict:
    return form.values()


def _check_round_form(form: RoundForm, exclude_id: int | None = None) -> bool:
    valid = form.validate_on_submit()
    if form.is_submitted():
        if form.slug.data and services.slug_reserved(form.slug.data):
            form.slug.errors.append(_("This web address name is kept for one of the app's own pages."))
            valid = False
        elif form.slug.data and services.slug_taken(form.slug.data, exclude_id):
            form.slug.errors.append(_("Another round already uses this web address name."))
            valid = False
        for name in services.out_of_order(_values(form)):
            form[name].errors.append(_("This date is before the start of an earlier phase."))
            valid = False
    return valid


@bp.get("/<slug>")
@shared_page
def show(slug):
    """The round's public page: what it is for, which phase it is in and what comes next."""
    round_ = get_round(slug)
    return render_page(
        "rounds/show.html", round=round_, counts=queries.round_counts(round_),
        can_manage=can_manage(current_user(), round_), on_panel=can_sit_on_panel(current_user(), round_),
        reviewer=can_review(current_user(), round_), operator=can_key_paper(current_user(), round_),
        must_join=must_join(round_),
    )


@bp.route("/new", methods=["GET", "POST"])
@staff_required
def new():
    """A facilitator starts a new round."""
    require(can_create_rounds(current_user()))
    form = _form(organisation_id=current_user().organisation_id)  # run by the creator's organisation unless changed
    if _check_round_form(form):
        round_ = services.create_round(_values(form), current_user())
        flash(_("The round was created."), "success")
        return redirect(url_for("rounds.show", slug=round_.slug))
    return render_page("rounds/edit.html", form=form, round=None, status=422 if form.errors else 200)


@bp.route("/<slug>/edit", methods=["GET", "POST"])
@requires(can_manage)
def edit(round_, slug):
    """A facilitator changes a round's details and phase dates."""
    form, locked = _form(round_), services.locked_settings(round_)
    if _check_round_form(form, exclude_id=round_.id):
        try:
            services.update_round(round_, _values(form), current_user())
        except services.SettingsLocked as refused:
            for name in refused.names:
                form[name].errors.append(_("This cannot change now: ballots have been cast with it."))
        else:
            flash(_("The round was saved."), "success")
            return redirect(url_for("rounds.show", slug=round_.slug))
    return render_page("rounds/edit.html", form=form, round=round_, locked=locked,
                       status=422 if form.errors else 200)


@bp.post("/<slug>/phase")
@requires(can_manage)
def advance(round_, slug):
    """A facilitator opens the next phase now."""
    opened = services.advance_phase(round_, today(), current_user())
    if opened:
        flash(_("The %(phase)s phase is now open.", phase=labels.phase(opened)), "success")
    else:
        flash(_("This round is already in its last phase."), "error")
    return redirect(url_for("rounds.show", slug=round_.slug))
