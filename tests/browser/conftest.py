"""A real headless browser for the HTML report: Debian's chromium driven by Playwright.

Never ``playwright install``: the system chromium is launched by path, with a fresh profile, no network
services, and every request that is not a ``file:`` URL aborted and recorded. Tests skip cleanly where
chromium or playwright is absent.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("EVALKIT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "reports" / "screenshots"


@dataclass
class Visit:
    """A page opened from disk, and what it did."""

    page: Any
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Console errors and warnings, script errors, and any request that was not for a local file."""
        return (
            [f"console {kind}: {text}" for kind, text in self.console if kind in ("error", "warning")]
            + [f"page error: {error}" for error in self.errors]
            + [f"request: {url}" for url in self.requests if not url.startswith("file:")]
            + [f"blocked: {url}" for url in self.blocked]
        )


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1400, "height": 1000},
            offline=True,
            service_workers="block",
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    """``visit(path)`` opens a local HTML file in a new tab and returns its :class:`Visit`."""
    pages: list[Any] = []

    def open_file(path: Path, *, media: str = "screen") -> Visit:
        page = browser.new_page()
        pages.append(page)
        record = Visit(page)
        page.on("console", lambda message: record.console.append((message.type, message.text)))
        page.on("pageerror", lambda error: record.errors.append(str(error)))
        page.on("request", lambda request: record.requests.append(request.url))

        def route(handle: Any) -> None:
            url = handle.request.url
            if url.startswith("file:"):
                handle.continue_()
            else:
                record.blocked.append(url)
                handle.abort()

        page.route("**/*", route)
        page.emulate_media(media=media)
        page.goto(path.resolve().as_uri(), wait_until="load")
        return record

    yield open_file
    for page in pages:
        page.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where the test run keeps its screenshots (gitignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
