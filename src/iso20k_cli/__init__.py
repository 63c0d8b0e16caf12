"""iso20k: readiness of an IT service provider for an ISO/IEC 20000-1:2018 audit."""

# A literal rather than importlib.metadata, which costs more at start-up than `--help`
# itself; tests/test_startup.py keeps it equal to the version in pyproject.toml.
__version__ = "0.1.0"
