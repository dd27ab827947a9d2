"""`make check`: every page of docs/ and the data files validated in one pass,
each problem with its file and line (front matter, links, images, letters,
the nav, unfinished text, the checker's rules and the editor's guidance)."""
