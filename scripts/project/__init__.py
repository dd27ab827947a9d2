"""The project as MkDocs sees it: mkdocs.yml, the files of docs/ and their
addresses, each page's front matter (with YAML line numbers) and body, the
nav, and the Markdown rendered with the site's own extensions."""
