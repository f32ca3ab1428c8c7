"""Paper ballots: batches, double keying, supervisors' decisions, reconciliation and the sample audit."""
