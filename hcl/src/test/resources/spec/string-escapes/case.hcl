escapes = "tab\tquote\"backslash\\newline\nreturn\r"
unicode = "caf\u00e9 \U0001F600"
dollar  = "$5 and 100%"
