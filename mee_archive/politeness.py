"""The User-Agent names whom to contact, even when the contact is set on the command line.

Settings modules are evaluated before ``-s`` / scrapyd ``setting=`` overrides, so a User-Agent
built there would keep the default contact; this add-on rebuilds it once the overrides are in.
"""

from __future__ import annotations

from scrapy.settings import BaseSettings

from mee_archive import __version__


def user_agent(contact: str) -> str:
    """A descriptive User-Agent: who crawls, why, and how to reach them."""
    return f"mee-archive/{__version__} (+{contact}; web archiving of public releases)"


class ContactUserAgent:
    """Rebuild USER_AGENT from MEE_CONTACT when the contact was set more specifically than it."""

    def update_settings(self, settings: BaseSettings) -> None:
        contact_priority = settings.getpriority("MEE_CONTACT") or 0
        if contact_priority > (settings.getpriority("USER_AGENT") or 0):
            settings.set("USER_AGENT", user_agent(settings.get("MEE_CONTACT")), priority=contact_priority)
