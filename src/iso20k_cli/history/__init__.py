"""What a run is compared with: saved baselines, comparisons between results, and the CI gate."""
