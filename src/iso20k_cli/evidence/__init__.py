"""Evidence: the scanned folder and what each file says."""
