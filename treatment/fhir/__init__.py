"""A course of treatment in the case's FHIR bundle: questionnaires, readings and doses."""
