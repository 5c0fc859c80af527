"""Text from outside (LG's error messages, a TV's answers, a user's values) made fit for a log line.

LG's servers and a TV on the network write text we put in log lines and error messages; a newline
in it would start a forged log line, a bidi override would hide what follows. `safe_text` is the one
escape for all of it (the integration's `errors.log_safe` uses it too).
"""

import unicodedata


def safe_text(value: object, limit: int) -> str:
    """Return a value as text fit for a log line or a message.

    Control and format characters (a newline that would start a forged log line, a bidi
    override) are written as escapes, and the text is cut to `limit` characters, an ellipsis
    included.
    """
    text = value if isinstance(value, str) else repr(value)
    # Only what can be shown is looked at: a 100 kB value costs no more than a short one.
    pieces: list[str] = []
    used = 0
    for char in text[:limit]:
        piece = _escaped(char)
        if used + len(piece) > limit:
            break
        pieces.append(piece)
        used += len(piece)
    else:
        if len(text) <= limit:
            return "".join(pieces)
    # Cut between whole characters (never inside an escape), leaving room for the ellipsis.
    while pieces and used + 1 > limit:
        used -= len(pieces.pop())
    return "".join(pieces) + "…"


def _escaped(char: str) -> str:
    if unicodedata.category(char)[0] not in ("C", "Z") or char == " ":
        return char
    return char.encode("unicode_escape").decode("ascii")
