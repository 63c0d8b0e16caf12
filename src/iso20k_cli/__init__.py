"""iso20k: readiness of an IT service provider for an ISO/IEC 20000-1:2018 audit."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("iso20k")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
