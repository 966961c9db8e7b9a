"""A course of treatment, its sessions and its pages."""
