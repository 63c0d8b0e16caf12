"""Assessment: matching evidence to the catalogue, checks, statuses and scores."""
