a = 1
b = <<EOT
text
