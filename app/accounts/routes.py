from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _

from app.accounts.current import sign_in as start_session
from app.accounts.current import sign_out as end_session
from app.accounts.forms import SignInForm
from app.accounts.services import authenticate
from app.web import render_page, safe_next
from app.ratelimits import refused_attempts

bp = Blueprint("accounts", __name__, url_prefix="/account")


@bp.route("/sign-in", methods=["GET", "POST"])
@refused_attempts
def sign_in():
    """Staff sign in with email and password."""
    form = SignInForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        if user:
            start_session(user)
            flash(_("You are signed in."), "success")
            return redirect(safe_next(request.args.get("next")))
        form.password.errors.append(_("That email and password do not match an account."))
    status = 422 if form.errors else 200
    return render_page("accounts/sign_in.html", form=form, status=status)


@bp.post("/sign-out")
def sign_out():
    """End the staff session."""
    end_session()
    flash(_("You are signed out."), "success")
    return redirect(url_for("main.home"))
