"""Raw documents to an article's cleaned text: sources, decoding, cleaning, metadata and language."""
