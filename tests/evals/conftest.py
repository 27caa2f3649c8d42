import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "release_gate: runs the offline eval suites with the release gate, as CI does (-m release_gate)"
    )
