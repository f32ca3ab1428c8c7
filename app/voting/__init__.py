"""Ballot types, tally and allocation rules, tie-breaking: plain Python, no Flask, no SQLAlchemy."""
