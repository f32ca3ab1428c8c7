"""What the app keeps about residents, and forgetting it: on request, or when a round's retention ends."""
