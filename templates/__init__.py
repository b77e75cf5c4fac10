"""Report templates shipped with journey (Jinja2; this module has no code)."""
