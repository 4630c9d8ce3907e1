"""The evalkit release, written into every report's signature."""

__version__ = "0.1.0"
