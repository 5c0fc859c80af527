"""LG's error codes and the exception that carries one to the HTTP layer."""

from typing import override

API_KEY = "v6GFvkweNo7DK7yD3ylIZ9w52aKBU0eJ7wLXkSR3"
"""The fixed public `x-api-key` from LG's spec and the thinqconnect SDK."""

DEFAULT_TOKEN = "thinqpat_thinq_voice_demo"
"""The personal access token the simulator accepts unless told otherwise."""

# code: (HTTP status, LG's message). Statuses follow what clients see from LG: auth 401,
# unknown device 404, limits 429, server faults 500, everything else 400.
ERRORS: dict[str, tuple[int, str]] = {
    "1000": (400, "Bad request"),
    "1101": (400, "Missing parameters"),
    "1102": (400, "Unacceptable parameters"),
    "1103": (401, "Invalid token"),
    "1104": (400, "Invalid message id"),
    "1204": (400, "Not subscribed event"),
    "1205": (404, "Not exist device"),
    "1206": (400, "Not subscribed push"),
    "1207": (400, "Already subscribed push"),
    "1216": (400, "Incorrect header"),
    "1222": (400, "Not connected device"),
    "1301": (401, "Invalid service key"),
    "1306": (429, "Exceeded API calls"),
    "1307": (400, "Not supported country"),
    "1314": (429, "Exceeded User API calls"),
    "2000": (500, "Internal server error"),
    "2207": (400, "Invalid command"),
    "2301": (400, "Command not supported in remote off"),
    "2302": (400, "Command not supported in state"),
    "2303": (400, "Command not supported in error"),
    "2304": (400, "Command not supported in power off"),
    "2305": (400, "Command not supported in mode"),
}


class ApiError(Exception):
    """An LG API error: the handler raises it, the middleware renders LG's error body."""

    def __init__(self, code: str, detail: str = "") -> None:
        """Create the error for LG code `code`; `detail` is appended to LG's message."""
        self.code = code
        self.status, base = ERRORS[code]
        self.message = f"{base}: {detail}" if detail else base
        super().__init__(code, self.message)

    @override
    def __str__(self) -> str:
        return f"{self.code} {self.message}"
