"""An LG webOS TV on the LAN: its own kind of config entry, beside the ThinQ Connect accounts."""
