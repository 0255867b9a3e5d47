import pytest


@pytest.fixture
def reference_zones(db):
    """The national zone list loaded into the test database."""
    from zones.reference import load_reference_zones

    load_reference_zones()
