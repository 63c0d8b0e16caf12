"""Renderers: each turns an Assessment into text."""
