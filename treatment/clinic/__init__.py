"""The in-clinic session record."""
