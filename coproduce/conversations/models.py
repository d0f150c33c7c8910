"""Conversations: the models."""
