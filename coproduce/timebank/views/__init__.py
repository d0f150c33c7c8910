"""Pages of the time bank: the ledger, buddying, and the small JSON API for transfers."""
