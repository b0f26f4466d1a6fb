"""Coding an article: actors, quotes, events, time and places."""
