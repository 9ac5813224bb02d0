"""The politeness settings: a User-Agent that names the contact given on the command line."""

from __future__ import annotations

from mee_archive.politeness import ContactUserAgent
from mee_archive.runner import project_settings


def final_user_agent(**overrides: str) -> str:
    settings = project_settings(overrides)
    ContactUserAgent().update_settings(settings)
    return settings["USER_AGENT"]


def test_user_agent_follows_a_contact_given_on_the_command_line() -> None:
    assert "mailto:archive@example.org" in final_user_agent(MEE_CONTACT="mailto:archive@example.org")
    assert final_user_agent().startswith("mee-archive/")
    assert project_settings()["MEE_CONTACT"] in final_user_agent()


def test_an_explicit_user_agent_wins_over_the_contact() -> None:
    assert final_user_agent(MEE_CONTACT="mailto:a@example.org", USER_AGENT="my-bot/1") == "my-bot/1"


def test_the_defaults_are_conservative() -> None:
    settings = project_settings()
    assert settings.getbool("ROBOTSTXT_OBEY") and settings.getbool("AUTOTHROTTLE_ENABLED")
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 2
    assert settings.getfloat("DOWNLOAD_DELAY") >= 1.0
    assert 429 in settings.getlist("RETRY_HTTP_CODES") and settings.getfloat("MEE_RETRY_AFTER_MAX") > 0
    assert "mee_archive.backoff.RetryAfterMiddleware" in settings.getdict("DOWNLOADER_MIDDLEWARES")
