"""Hostile inputs: each run of ``iso20k`` is a subprocess with a time and memory limit."""
