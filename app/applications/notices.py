"""The mail a group applying online gets when the panel publishes its decisions: in the language it applied
in, with a fresh link to its status page, where the decision, the reasons and the panel's feedback are."""
import smtplib

from flask import current_app, url_for
from flask_babel import force_locale, gettext as _

from app import mail
from app.applications import links
from app.models import Application, Channel, Round
from app.panel import services


def tell_of_decisions(round_: Round) -> list[Application]:
    """Mail every group that applied online; returns those the mail server refused, so that one bad address
    or a server down tells the panel instead of stopping the others' mail."""
    failed = []
    for application in services.applications(round_):
        if application.channel != Channel.INTERNET or not application.contact_email or application.decision is None:
            continue
        try:
            with force_locale(application.language or round_.language):
                _tell(round_, application)
        except (OSError, smtplib.SMTPException) as error:
            current_app.logger.warning("decision mail to application %s not sent: %s", application.id, error)
            failed.append(application)
    return failed


def _tell(round_: Round, application: Application) -> None:
    link = url_for("applications.mine", token=links.make_token(application), _external=True)
    subject = _("The panel of %(round)s has published its decisions", round=round_.title)
    body = _("The panel has decided on your application “%(title)s”. Open this link to see its decision, its "
             "reasons and its feedback: your marks on each criterion against the funded applications' average, "
             "and the members' comments (it works for 180 days):\n\n%(link)s", title=application.title, link=link)
    mail.send(application.contact_email, subject, body)
