import pytest


@pytest.fixture(autouse=True)
def _empty_database_after_each_test(clean_tables):
    yield
