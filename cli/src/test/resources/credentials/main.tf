resource "aws_ecs_task_definition" "leaky" {
  family = "leaky"
  container_definitions = jsonencode([{
    name        = "db-client"
    image       = "postgres:16"
    command     = ["mysqld", "--password=hunter2-mysql-pw", "--token", "tok-abcdef-9876"]
    entryPoint  = ["sh", "-c", "PGPASSWORD=pg-s3cret-pass psql -h db"]
    healthCheck = { command = ["CMD-SHELL", "curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c' http://localhost/ || exit 1"] }
    dockerLabels = { password = "label-pass-1234", team = "data" }
    privileged  = true
    environment = [
      { name = "DB_PASSWORD", value = "Tr0ub4dor-and-3" },
      { name = "LOWER_PASSWORD", value = lower("UPPERCASEPASSWORD1") },
      { name = "CONCAT_TOKEN", value = "Tok${"enConcat"}Value1" },
      { name = "aws_secret_access_key", value = "wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLEKEY" },
      { name = "KEY_ID", value = "AKIAIOSFODNN7EXAMPLE" },
      { name = "GH", value = "ghp_0123456789abcdefghijABCDEFGHIJ012345" },
      { name = "GH_FINE", value = "github_pat_11AAAAAAA0bbbbbbbbbbbbbb_cccccccccccccccccccc" },
      { name = "GL", value = "glpat-abcdefghij0123456789" },
      { name = "SLACK", value = "xoxb-123456789012-abcdefABCDEF" },
      { name = "STRIPE", value = "sk_live_51Habcdefghijklmnopqrstuv" },
      { name = "MAPS", value = "AIzaSyA-abcdefghijklmnopqrstuvwxyz01234" },
      { name = "SESSION", value = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c" },
      { name = "DATABASE_URL", value = "postgres://app:url-pass-5678@db.internal:5432/app" },
      { name = "TLS_KEY", value = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAplantedKEYline1\nQ2hhcmxpZSBwbGFudGVkIGtleSBsaW5lIDI=\n-----END RSA PRIVATE KEY-----\n" },
      { name = "ESCAPED_SECRET", value = "esc/apedq\u0041secret" },
      { name = "VAR_PASSWORD", value = var.db_password },
      { name = "MODE", value = "live" },
    ]
  }])
}
variable "db_password" { default = "var-default-pass" } # within the diff's context lines
locals { api_token = "local-unused-token" }
