"""A need's status, a code of its own so that code reading the tables without the models can name it."""
from enum import StrEnum


class NeedStatus(StrEnum):
    OPEN = "open"
    HIDDEN = "hidden"
    MERGED = "merged"
