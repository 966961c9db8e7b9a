"""FHIR R4 export of a case: the intake, its scores and blood pressure, the decisions.

Resources are built and validated with `fhir.resources` (its R4B models: FHIR
4.3.0, the R4-compatible release; every resource used here has the R4 shape).
"""
