"""The editors' pages, one module per area; each exports ``routes()``."""
