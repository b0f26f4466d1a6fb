"""The reads the views make, one module per view: articles, actors, quotes, events (and their
dyads and network), the store's counts."""
