"""newsfuse as a service: an HTTP API and a web page (``newsfuse serve``)."""

from newsfuse.service.app import Limits, create_app

__all__ = ["Limits", "create_app"]
