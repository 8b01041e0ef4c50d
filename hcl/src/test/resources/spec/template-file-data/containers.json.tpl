[{"name": "${name}", "image": "${image}", "privileged": true}]
