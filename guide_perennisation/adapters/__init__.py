"""One module per site engine: the only code that touches an engine's API."""
