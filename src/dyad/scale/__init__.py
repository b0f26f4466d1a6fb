"""Coding many documents at once: worker processes and the Dask cluster."""
