"""Pages for admins only: the audit log."""
