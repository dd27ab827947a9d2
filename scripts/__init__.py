"""Build pipeline of the guide: validate docs/, then render it with MkDocs."""
