import pytest

from strehe.statistics.demo import load_statistics_demo
from tests.staff import agencies, login_as, records_of, staff

__all__ = ["agencies", "login_as", "records_of", "seed_2012", "staff"]


@pytest.fixture
def seed_2012(staff):  # type: ignore[no-untyped-def]
    """The demo's 2012 set (the seed's figures and their neighbours), built as loaddemo does."""
    return load_statistics_demo(synthetic_years=False)
