"""The bottom layer: one pydantic model module per data collection, nothing
that renders. `make check-data` imports these, the guide and the loader only,
so validating data needs neither Jinja nor Markdown."""
