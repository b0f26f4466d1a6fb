"""Errors meant for people: one line that names the input and what is wrong with it."""


class DyadError(Exception):
    """Base class for errors that dyad reports as one line."""


class InputError(DyadError):
    """An input (file, record, stream) that cannot be ingested."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason

    def __reduce__(self):  # as a worker process returns it: by its arguments, not its message
        return type(self), (self.name, self.reason)


class KnowledgeError(DyadError):
    """A knowledge file entry that is invalid; names the file and line."""

    def __init__(self, path: str, line: int | None, reason: str):
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason

    def __reduce__(self):
        return type(self), (self.path, self.line, self.reason)


class StoreError(DyadError):
    """A store that cannot be opened or used."""
