a = <<EOT
line
${x +}
EOT
