"""Organisations: funders, councils and community groups, and what they pledge and pay."""
