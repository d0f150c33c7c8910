"""Polls and surveys: the models."""
