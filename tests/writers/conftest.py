"""Writer test fixtures: real reports of the writer-test pairs (see ``writer_support``)."""

from __future__ import annotations

import pytest
from writer_support import Rendered, render_context


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    return render_context(tmp_path_factory.mktemp("writers"))
