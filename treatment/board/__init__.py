"""The clinicians' today board."""
