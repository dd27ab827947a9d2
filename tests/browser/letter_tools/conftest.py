"""Fixtures of the letter tools' browser tests."""

from __future__ import annotations

import functools

import pytest

from tests.browser.audit import SCRIPTS_RAN


def waiting_for_the_scripts(page, navigate):
    @functools.wraps(navigate)
    def navigate_then_wait(*args, **kwargs):
        response = navigate(*args, **kwargs)
        if kwargs.get("wait_until", "load") == "load":
            page.wait_for_function(SCRIPTS_RAN)
        return response

    return navigate_then_wait


@pytest.fixture(name="tools_page")
def fixture_tools_page(page, base_url: str):
    """The shared page fixture, allowed to write and read the clipboard; each
    load and reload returns once the page's scripts have run (a reader's
    first press comes after them)."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url[:-1])
    page.goto = waiting_for_the_scripts(page, page.goto)
    page.reload = waiting_for_the_scripts(page, page.reload)
    return page
