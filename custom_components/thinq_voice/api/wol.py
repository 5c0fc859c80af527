"""Wake-on-LAN: the magic packet that turns on a TV whose socket is down (no Home Assistant imports).

A webOS TV that is off has no SSAP socket; only a magic packet to its MAC address wakes it, and
only when "Turn on via Wi-Fi"/"mobile TV on" is enabled on the TV.
"""

import asyncio
import re
import socket
from typing import Final

WOL_PORT: Final = 9
BROADCAST: Final = "255.255.255.255"
_MAC = re.compile(r"[0-9a-f]{12}")


def normalize_mac(mac: str) -> str:
    """Return a MAC as aa:bb:cc:dd:ee:ff, from any of the usual spellings; ValueError if it is none."""
    digits = re.sub(r"[\s:.\-]", "", mac).lower()
    if not _MAC.fullmatch(digits):
        raise ValueError("not a MAC address")
    return ":".join(digits[index : index + 2] for index in range(0, 12, 2))


def magic_packet(mac: str) -> bytes:
    """Return the magic packet of a MAC: six 0xFF bytes, then the address sixteen times."""
    address = bytes.fromhex(normalize_mac(mac).replace(":", ""))
    return b"\xff" * 6 + address * 16


class _SendOnce(asyncio.DatagramProtocol):
    """A datagram endpoint that only sends."""


async def async_send_magic_packet(mac: str, address: str = BROADCAST, port: int = WOL_PORT) -> None:
    """Broadcast the magic packet of `mac` over UDP."""
    loop = asyncio.get_running_loop()
    transport, _ = await loop.create_datagram_endpoint(_SendOnce, family=socket.AF_INET, allow_broadcast=True)
    try:
        transport.sendto(magic_packet(mac), (address, port))
    finally:
        transport.close()
