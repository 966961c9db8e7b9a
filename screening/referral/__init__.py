"""A one-page referral summary of a case, for an in-clinic provider: HTML to print, and PDF."""
