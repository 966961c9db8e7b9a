"""The patient's own progress over a course: PHQ-9 and GAD-7 as a chart, a table and words."""
