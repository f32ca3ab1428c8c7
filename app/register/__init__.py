"""The shared needs register across rounds and funders: its page, its JSON API and its schema."""
