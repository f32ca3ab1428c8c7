"""Errors in files read by the voting package. Pure Python."""


class FileLineError(ValueError):
    """A file refused at a line, with the reason: `line 12: unknown project 'x9'`."""

    def __init__(self, line: int, reason: str):
        super().__init__(f"line {line}: {reason}")
        self.line = line
