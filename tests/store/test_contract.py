"""The store contract, run against every backend: SQLite and PostgreSQL (skipped when no server is reachable)."""

import pytest

from .contract import StoreContract


class TestStoreContract(StoreContract):
    @pytest.fixture
    def store(self, any_store):
        return any_store
