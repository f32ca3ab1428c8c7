"""Outgoing mail: through SMTP when MAIL_SERVER is set, otherwise printed to the console and written
to the log (development: `make demo` shows every invitation and sign-in link where it runs)."""
import smtplib
import sys
from email.message import EmailMessage

from flask import current_app


def send(to: str, subject: str, body: str) -> None:
    config = current_app.config
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = config["MAIL_FROM"], to, subject
    message.set_content(body)
    if not config["MAIL_SERVER"]:
        current_app.logger.info("mail not sent (no MAIL_SERVER set):\nTo: %s\nSubject: %s\n\n%s", to, subject, body)
        # The log shows only warnings unless configured; the console is where a developer looks.
        print(f"--- mail not sent (no MAIL_SERVER set) ---\nTo: {to}\nSubject: {subject}\n\n{body}\n---",
              file=sys.stderr, flush=True)
        return
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=20) as smtp:
        if config["MAIL_USE_TLS"]:
            smtp.starttls()
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(message)
