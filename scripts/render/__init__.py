"""`make build`: our assets generated, the site rendered by MkDocs (or
Zensical) into a staging folder, enriched after the render (search index,
FAQ structured data, robots.txt), then swapped into place."""
