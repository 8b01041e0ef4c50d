name = "web
other = 1
