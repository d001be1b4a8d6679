"""NoticeGraph: inspection rectification notices as a property graph."""
__version__ = "0.1.0"
