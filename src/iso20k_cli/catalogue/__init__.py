"""The requirements catalogue: model and loader."""
