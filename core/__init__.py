"""nianbao core: the report template, document, file and checks. Never imports Qt."""

__version__ = "0.1.0"
