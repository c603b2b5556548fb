"""Exceptions: bad input carries the command's one-line message."""


class RelucertError(Exception):
    """relucert failed for a reason other than its input (exit status 1)."""


class InputError(RelucertError, ValueError):
    """Bad input (exit status 2 of the command): the message is its one line, naming the file,
    the field and what is wrong."""
