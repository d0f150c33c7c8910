"""Sharing out support (participatory budgeting).

Rounds with a budget, proposals with a cost, checks by officers, votes and results.
"""
