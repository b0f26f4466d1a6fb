"""The linguistic layer: sentences, the dependency parse, quotation marks, speech verbs, inflection."""
