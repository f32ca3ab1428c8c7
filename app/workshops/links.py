"""The addresses a session hands out: the projector link and the join link."""
from flask import url_for


def projector_link(session) -> str:
    return url_for("projector.projector", token=session.projector_token, _external=True)


def join_link(session) -> str:
    return url_for("projector.join", code=session.join_code, _external=True)
