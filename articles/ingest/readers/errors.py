"""The one exception every reader raises for a file it will not ingest."""


class PageError(ValueError):
    """A page file that cannot be ingested; the message is one line naming the file."""
