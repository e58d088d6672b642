"""User-facing errors: each names the input it is about and the reason, so the CLI can print one line."""


class InputError(ValueError):
    """An input newsfuse cannot use. ``origin`` is the file, ``-`` for stdin, or the API field."""

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:  # survives the trip back from a worker process
        return InputError, (self.origin, self.reason)


def unexpected(exc: Exception) -> str:
    """An unforeseen error (a bug met by one record) for a message: its type and text, any lone surrogate
    from input shown as an escape, so that the message can still be printed."""
    return f"{type(exc).__name__}: {str(exc).encode('utf-8', 'backslashreplace').decode()}"
