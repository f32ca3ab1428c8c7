"""Organisations: funders, councils and community groups, and what they pledge and pay."""

# An organisation identifier as registers write them: the register's code, a dash and the number
# (GB-CHC-1234567, GB-COH-01234567, GB-LAE-LEW, 360G-lewishamfund).
ORG_ID_PATTERN = r"^[A-Za-z0-9]+(-[A-Za-z0-9]+)+$"
