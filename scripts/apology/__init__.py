"""The apology checker (the draft checker): the guide's mistakes and tips run
on a reader's draft, in Python (`make check-letter`) and, from the same
compiled rules, in the browser (docs/javascripts/checker/apology-check.js)."""
