"""The therapy around each dose."""
