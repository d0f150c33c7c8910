"""Sharing out support: the models."""
