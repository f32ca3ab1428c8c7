"""Challenges to the panel's published decisions: residents and applicants question, a member answers."""
