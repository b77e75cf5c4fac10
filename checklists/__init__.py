"""The bundled default catalog (YAML files only; this module has no code)."""
