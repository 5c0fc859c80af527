"""What the config flow's steps share about the values typed into their forms."""

import re

# A DNS name or an IPv4/IPv6 address; yarl alone lets "bad host" through to DNS.
HOST = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]+")


class InvalidInput(Exception):
    """A field of the form holds a value the flow cannot use."""

    def __init__(self, field: str, error: str) -> None:
        """Name the field and the translated error key."""
        super().__init__(error)
        self.field = field
        self.error = error
