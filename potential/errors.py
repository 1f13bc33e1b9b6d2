"""Errors raised for a user's bad input.

Every error a user can cause by a file, a key or an argument is an :class:`InputError`. Its
message names where the problem is (file, line or key), the bad value and what was expected.
The command line turns it into one line on stderr and exit code 2.
"""

from __future__ import annotations


class InputError(ValueError):
    """Bad input from the user: a file, a row, a key or an argument.

    Parameters
    ----------
    message : str
        What is wrong and what was expected.
    where : str, optional
        The location: a file path, optionally with ``line N`` or a key path.
    """

    def __init__(self, message: str, where: str | None = None):
        self.where = where
        self.problem = message
        super().__init__(f"{where}: {message}" if where else message)
