"""`make serve`: MkDocs' live-reloading server with the check run again on
every change."""
