"""`make check-links`: every external address of the site asked for real,
with a cache of recent answers and settings in scripts/data/links.yml."""
