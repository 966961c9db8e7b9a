import os

from hypothesis import settings

# HYPOTHESIS_PROFILE=thorough explores far more intakes than the default run.
settings.register_profile("thorough", max_examples=5000, deadline=None)
settings.register_profile("default", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
