"""Grant monitoring: the funded group reports progress through its emailed link; the funder marks the grant complete."""
