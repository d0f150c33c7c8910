"""Conversations that find common ground.

People agree or disagree with short statements; the votes show opinion groups, and what most
of every group agrees on.
"""
