plain = <<EOT
first
  second
EOT
indented = <<-EOT
    first
      second
    EOT
empty = <<EOT
EOT
