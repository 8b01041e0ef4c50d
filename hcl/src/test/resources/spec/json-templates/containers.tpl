[{"name": "app", "image": "${image}", "user": "${user}", "readonlyRootFilesystem": true}]
