"""Fixtures of the letter tools' browser tests."""

from __future__ import annotations

import pytest


@pytest.fixture(name="tools_page")
def fixture_tools_page(page, base_url: str):
    """The shared page fixture, allowed to write and read the clipboard."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url[:-1])
    return page
