from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _

from app import labels, mail
from app.accounts import links, services
from app.accounts.current import can_manage, current_user, requires, staff_required
from app.accounts.current import sign_in as start_session
from app.accounts.current import sign_out as end_session
from app.accounts.forms import InviteForm, NewPasswordForm, ResetRequestForm, SignInForm
from app.models import Role
from app.ratelimits import mail_requests, refused_attempts
from app.web import render_page, safe_next

bp = Blueprint("accounts", __name__)


@bp.route("/account/sign-in", methods=["GET", "POST"])
@refused_attempts
def sign_in():
    """Staff sign in with email and password."""
    form = SignInForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user:
            start_session(user)
            flash(_("You are signed in."), "success")
            return redirect(safe_next(request.args.get("next")))
        form.password.errors.append(_("That email and password do not match an account."))
    status = 422 if form.errors else 200
    return render_page("accounts/sign_in.html", form=form, status=status)


@bp.get("/account")
@staff_required
def me():
    """A staff member's own account: the organisation they belong to and the roles they hold."""
    user = current_user()
    return render_page("accounts/me.html", member=user, roles=services.roles_of(user))


@bp.post("/account/sign-out")
def sign_out():
    """End the staff session."""
    end_session()
    flash(_("You are signed out."), "success")
    return redirect(url_for("main.home"))


@bp.route("/account/reset", methods=["GET", "POST"])
@mail_requests
def request_reset():
    """Ask for a link to choose a new password; the answer never says whether the account exists."""
    form = ResetRequestForm()
    if form.validate_on_submit():
        user = services.account_for(form.email.data)
        if user is not None:
            link = url_for("accounts.reset", token=links.make_token(user, "reset"), _external=True)
            mail.send(user.email, _("Choose a new Commonground password"), _(
                "Someone asked to reset the password of this account. To choose a new one, open this link "
                "within an hour:\n\n%(link)s\n\nIf it was not you, ignore this message: nothing changes.", link=link))
        flash(_("If that address has an account, a link to choose a new password is on its way. It works for an hour."),
              "success")
        return redirect(url_for("accounts.sign_in"))
    return render_page("accounts/reset_request.html", form=form, status=422 if form.errors else 200)


@bp.route("/account/reset/<token>", methods=["GET", "POST"])
@refused_attempts
def reset(token):
    """Choose a new password from an emailed link."""
    return _choose_password(token, "reset")


@bp.route("/account/invitation/<token>", methods=["GET", "POST"])
@refused_attempts
def accept_invitation(token):
    """A new staff member chooses their password from the invitation link."""
    return _choose_password(token, "invitation")


def _choose_password(token: str, purpose: str):
    try:
        user = links.user_for(token, purpose)
    except links.LinkRefused as refused:
        return render_page("accounts/link_refused.html", message=labels.link_refusal(refused.reason), status=404)
    form = NewPasswordForm()
    if form.validate_on_submit():
        services.set_password(user, form.password.data)
        start_session(user)
        flash(_("Your password is saved and you are signed in."), "success")
        return redirect(url_for("main.home"))
    return render_page("accounts/choose_password.html", form=form, user=user, purpose=purpose,
                       status=422 if form.errors else 200)


@bp.route("/rounds/<slug>/staff", methods=["GET", "POST"])
@requires(can_manage)
def round_staff(round_, slug):
    """A facilitator sees who works on the round and invites others by email."""
    form = InviteForm(role_labels=labels.STAFF_ROLES)
    if form.validate_on_submit():
        user = services.invite(form.email.data, Role(form.role.data), round_, current_user())
        send_invitation(user, round_.title)
        flash(_("%(email)s is invited. The link in their email works for a week.", email=user.email), "success")
        return redirect(url_for("accounts.round_staff", slug=round_.slug))
    return render_page("accounts/round_staff.html", round=round_, form=form, staff=services.round_staff(round_),
                       status=422 if form.errors else 200)


def send_invitation(user, round_title: str) -> str:
    """Email the link that lets a new staff member choose a password; returns the link."""
    link = url_for("accounts.accept_invitation", token=links.make_token(user, "invitation"), _external=True)
    mail.send(user.email, _("You are invited to help run %(round)s", round=round_title), _(
        "You have been given a role in %(round)s on Commonground. To choose your password and sign in, "
        "open this link within a week:\n\n%(link)s", round=round_title, link=link))
    return link
