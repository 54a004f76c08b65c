"""The page inside a web archive (.mht / .mhtml: "save as a single file" in Edge and IE).

An archive is a MIME message: the page is its first text/html part (quoted-printable or
base64), the other parts are images and styles, which a report does not need.
"""
from __future__ import annotations

import email
import email.policy


class NotAWebArchive(Exception):
    """The bytes hold no web page."""


def archived_page(data: bytes) -> bytes:
    """The HTML bytes of the archive's page, as the page was saved (its own charset)."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if payload:
                return payload
    raise NotAWebArchive("no web page in the archive")
