"""Polls and surveys, each with an easy-read version and a paper version."""
