"""Files and frames an analyst loads: PLOVER JSON Lines, GDELT-like CSV, Parquet, DataFrames."""
