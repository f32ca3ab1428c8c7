"""Codes people read aloud and type on a phone (access codes, ballot receipts). Pure Python."""


def display(code: str) -> str:
    """Two groups of five, easy to read aloud and to type on a phone: ABCDE-23456."""
    return f"{code[:5]}-{code[5:]}"
