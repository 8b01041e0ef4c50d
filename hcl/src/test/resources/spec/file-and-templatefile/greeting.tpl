Hello, ${name} (${items[0]})!
