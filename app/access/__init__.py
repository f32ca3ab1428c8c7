"""How residents take part in a round: open to anyone, or with a printed access code."""
