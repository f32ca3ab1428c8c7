"""The funder panel: applications against the community's needs, marks, conflicts, decisions and open grants data."""
