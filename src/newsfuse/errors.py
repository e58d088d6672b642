"""User-facing errors: each names the input it is about and the reason, so the CLI can print one line."""


class InputError(ValueError):
    """An input newsfuse cannot use. ``origin`` is the file, ``-`` for stdin, or the API field."""

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:  # survives the trip back from a worker process
        return InputError, (self.origin, self.reason)
