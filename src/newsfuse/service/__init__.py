"""newsfuse as a service: an HTTP API and a web page (``newsfuse serve``).

The app is imported on first use: worker processes import ``newsfuse.service.work`` and need none of it.
"""

from typing import Any

__all__ = ["Limits", "create_app"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from newsfuse.service import app

        return getattr(app, name)
    raise AttributeError(name)
