"""Workshop mode: a facilitator runs a round in a room, with a projector, phones and a helper's station."""
