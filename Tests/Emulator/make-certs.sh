#!/bin/sh
# Certificates for the platform emulator, made fresh by the tests with the openssl CLI:
#   ca.pem / ca-key.pem          the cluster CA
#   server.pem / server-key.pem  the emulator, for 127.0.0.1 (SAN IP) and localhost
#   cert.pem / key.pem           a client certificate signed by the CA (the aliyun cert-dir layout)
#   other-ca.pem                 an unrelated CA, for the wrong-CA test
#   other-cert.pem / other-key.pem  a client certificate signed by the unrelated CA
set -eu
dir=$1
mkdir -p "$dir"
cd "$dir"
quiet() { "$@" >/dev/null 2>&1 || { echo "make-certs: failed: $*" >&2; "$@"; exit 1; }; }
ca() {  # name subject
    quiet openssl req -x509 -newkey rsa:2048 -nodes -keyout "$1-key.pem" -out "$1.pem" -days 2 -subj "/CN=$2" \
        -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
}
leaf() {  # name ca subject extensions
    quiet openssl req -newkey rsa:2048 -nodes -keyout "$1-key.pem" -out "$1.csr" -subj "/CN=$3"
    printf '%s\n' "$4" > "$1.ext"
    quiet openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2-key.pem" -CAcreateserial -out "$1.pem" -days 2 -extfile "$1.ext"
    rm -f "$1.csr" "$1.ext"
}
ca ca "stackc test cluster CA"
ca other-ca "unrelated CA"
leaf server ca 127.0.0.1 "subjectAltName=IP:127.0.0.1,DNS:localhost
extendedKeyUsage=serverAuth"
leaf client ca "stackc test client" "extendedKeyUsage=clientAuth"
leaf other-client other-ca "stranger" "extendedKeyUsage=clientAuth"
mv client.pem cert.pem
mv client-key.pem key.pem
mv other-client.pem other-cert.pem
mv other-client-key.pem other-key.pem
